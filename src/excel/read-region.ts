/**
 * Reads one area of one sheet again: a schedule after an officer's edit. One sync for the cells
 * (values, types and number format categories) and, only where a number has a format typed in by
 * hand, a second for those formats; an area too large for one answer under Excel on the web's
 * 5 MB is read in row blocks, halved again when Excel still refuses one.
 */
import type { CellValue } from "../core/grid";
import type { SheetRegionRead } from "../core/host";
import type { CellArea } from "../core/recheck";
import { isTooLarge } from "./office-errors";
import { READ_BYTES_PER_SYNC } from "./payload";
import { blockCells, datesUnderCustomFormats } from "./read-workbook";

export interface RegionOptions {
  /** ExcelApi 1.12: number format categories tell dates apart; without it the formats are read. */
  readonly api112: boolean;
  readonly bytesPerSync: number;
}

export const DEFAULT_REGION_OPTIONS: Omit<RegionOptions, "api112"> = {
  bytesPerSync: READ_BYTES_PER_SYNC,
};

/** What a cell is taken to cost in an answer (value, type and format as JSON), generously. */
const BYTES_PER_CELL = 200;

interface Part {
  readonly top: number;
  readonly rows: number;
}

/** The sheet by its id for this session (or its name), and the area's cells, rows from `area.left`. */
export async function readRegion(
  context: Excel.RequestContext,
  sheetKey: string,
  area: CellArea,
  options: RegionOptions
): Promise<SheetRegionRead> {
  const worksheet = context.workbook.worksheets.getItem(sheetKey);
  worksheet.load("name");
  const columns = area.right - area.left + 1;
  const rowsPerPart = Math.max(1, Math.floor(options.bytesPerSync / BYTES_PER_CELL / columns));
  let parts: Part[] = [];
  for (let top = area.top; top <= area.bottom; top += rowsPerPart)
    parts.push({ top, rows: Math.min(rowsPerPart, area.bottom - top + 1) });
  const rows: CellValue[][] = [];
  const custom: { part: Part; range: Excel.Range }[] = [];
  while (parts.length > 0) {
    const part = parts[0];
    const range = worksheet.getRangeByIndexes(part.top - 1, area.left - 1, part.rows, columns);
    if (options.api112) range.load("values,valueTypes,numberFormatCategories");
    else range.load("values,valueTypes,numberFormat");
    try {
      // One part per sync: each answer must stay under Excel on the web's cap.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      if (!isTooLarge(err) || part.rows === 1) throw err;
      const half = Math.ceil(part.rows / 2);
      parts = [
        { top: part.top, rows: half },
        { top: part.top + half, rows: part.rows - half },
        ...parts.slice(1),
      ];
      continue;
    }
    parts = parts.slice(1);
    const formats = (
      options.api112 ? range.numberFormatCategories : range.numberFormat
    ) as unknown[][];
    const block = blockCells(
      part.rows,
      columns,
      range.values,
      range.valueTypes,
      formats,
      options.api112
    );
    rows.push(...block.rows);
    if (block.custom) custom.push({ part, range });
  }
  if (custom.length > 0) {
    // A date format typed in by hand has the category "Custom": its code says whether it is a date.
    const asked = custom.map((c) => {
      const again = worksheet.getRangeByIndexes(
        c.part.top - 1,
        area.left - 1,
        c.part.rows,
        columns
      );
      again.load("numberFormat");
      return { part: c.part, range: again };
    });
    await context.sync();
    for (const a of asked)
      datesUnderCustomFormats(
        rows.slice(a.part.top - area.top, a.part.top - area.top + a.part.rows),
        a.range.numberFormat as unknown[][]
      );
  }
  return { sheet: worksheet.name, area, rows };
}
