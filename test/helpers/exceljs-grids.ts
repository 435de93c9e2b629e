import ExcelJS from "exceljs";
import { type CellValue, type Grid, type MergedArea, parseRange } from "../../src/core/grid";
import { type ListRule, namesLookup, withValidationLists } from "../../src/core/validation-lists";
import { trimRow } from "../../src/file/cell-value";
import { definedNamesFromExcelJs, listRulesFromExcelJs } from "./validation-exceljs";

/**
 * ExcelJS's whole-file load as the tests' second, independent reader: what the streaming reader
 * gives must match what ExcelJS makes of the same package.
 */

/**
 * ExcelJS's cell values as engine values: formulas read as their cached result, rich text and
 * hyperlinks as their text, error results as error values.
 */
export function fromExcelJs(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return value;
    case "boolean":
      return value;
    case "number":
      return Number.isNaN(value) ? { error: "#VALUE!" } : value;
    case "object":
      break;
    default:
      return null;
  }
  if (value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return { error: v.error };
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[])
      .map((run) => (typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  if ("formula" in v || "sharedFormula" in v) return fromExcelJs(v.result);
  if ("text" in v) return fromExcelJs(v.text);
  return null;
}

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

/** ExcelJS's reading of a whole workbook held in memory: values, merged areas and hidden flags. */
export async function gridsViaExcelJs(buffer: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings want a Node Buffer; an ArrayBuffer or Uint8Array is what it reads.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
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
