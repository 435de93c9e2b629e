import type { Grid } from "../core/grid";

/**
 * Reads a workbook the user picked (last year's, to compare with) into grids, in the page: the file
 * reader and ExcelJS load only when one is picked, not with the pane.
 */
export async function readPickedWorkbook(file: File): Promise<Grid[]> {
  const { gridsFromBuffer } = await import(
    /* webpackChunkName: "file-host" */ "../file/workbook-grids"
  );
  return gridsFromBuffer(await file.arrayBuffer());
}
