import ExcelJS from "exceljs";
import { type CellValue, type Grid, type MergedArea, parseRange } from "../core/grid";
import { type ListRule, namesLookup, withValidationLists } from "../core/validation-lists";
import { fromExcelJs, trimRow } from "./cell-value";
import { definedNamesFromExcelJs, listRulesFromExcelJs } from "./validation-exceljs";
import { WorkbookReadError } from "./read-error";
import {
  NOT_A_WORKBOOK_ZIP,
  assertReadableWorkbook,
  explainParseFailure,
} from "./read-error-explain";

/** Rows 1..n of a sheet; `values` is ExcelJS's 1-based sparse array. */
function rowCells(values: unknown): CellValue[] {
  const arr = Array.isArray(values) ? (values as unknown[]) : [];
  const cells: CellValue[] = new Array(Math.max(0, arr.length - 1));
  for (let c = 1; c < arr.length; c++) cells[c - 1] = fromExcelJs(arr[c]);
  return trimRow(cells);
}

/**
 * ExcelJS repeats a merged area's value in every cell of it; Excel (and Office.js) keep it in the
 * top-left cell only. The engine reads the sheet as Excel shows it.
 */
function clearMergedCells(rows: CellValue[][], area: MergedArea): void {
  for (let r = area.top; r <= area.bottom; r++) {
    const cells = rows[r - 1];
    if (!cells) continue;
    for (let c = area.left; c <= area.right; c++) {
      if ((r !== area.top || c !== area.left) && c - 1 < cells.length) cells[c - 1] = null;
    }
    trimRow(cells);
  }
}

/** Reads a whole workbook held in memory: values, merged areas and hidden flags. */
export async function gridsFromBuffer(buffer: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  assertReadableWorkbook(bytes, bytes.length);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; an ArrayBuffer or Uint8Array is what it reads.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    throw explainParseFailure(err);
  }
  // Excel never saves a workbook without a sheet: none means the zip held no workbook at all.
  if (workbook.worksheets.length === 0) throw new WorkbookReadError(NOT_A_WORKBOOK_ZIP);
  const listRules = new Map<string, readonly ListRule[]>();
  const grids = workbook.worksheets.map((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      while (rows.length < number - 1) rows.push([]);
      rows.push(rowCells(row.values));
    });
    const merges: MergedArea[] = [];
    const model = ws.model as { merges?: string[] };
    for (const m of model.merges ?? []) {
      const area = parseRange(m);
      if (area) {
        merges.push(area);
        clearMergedCells(rows, area);
      }
    }
    const lists = listRulesFromExcelJs(
      (ws as unknown as { dataValidations?: { model?: Record<string, unknown> } }).dataValidations
        ?.model
    );
    if (lists.length) listRules.set(ws.name, lists);
    return {
      name: ws.name,
      hidden: ws.state !== "visible",
      firstRow: 1,
      firstColumn: 1,
      rows,
      merges,
    };
  });
  if (listRules.size === 0) return grids;
  const names = namesLookup(definedNamesFromExcelJs(workbook.definedNames.model));
  return withValidationLists(grids, listRules, names);
}
