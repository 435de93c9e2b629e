import ExcelJS from "exceljs";

/** A cell as fixtures write it: a plain value, a formula with its cached result, an error, rich text. */
export type CellSpec =
  | string
  | number
  | boolean
  | Date
  | null
  | { formula: string; result?: string | number | boolean | { error: string } }
  | { error: "#N/A" | "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#NULL!" }
  | { richText: { text: string; bold?: boolean }[] }
  | { text: string; hyperlink: string };

export interface SheetSpec {
  name: string;
  rows: CellSpec[][];
  /** A1 ranges to merge, such as "A5:G5". */
  merges?: string[];
  hidden?: boolean;
  /** Writes the rows from `tableAt` onwards as an Excel table (first row its header). */
  table?: { name: string; at: string; header: string[]; rows: CellSpec[][] };
}

function toExcelJs(cell: CellSpec): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === "object" && !(cell instanceof Date)) {
    if ("formula" in cell)
      return { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
    if ("error" in cell) return { error: cell.error } as ExcelJS.CellErrorValue;
    if ("richText" in cell)
      return {
        richText: cell.richText.map((r) => ({ text: r.text, font: r.bold ? { bold: true } : {} })),
      };
    return { text: cell.text, hyperlink: cell.hyperlink };
  }
  return cell;
}

export function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(spec.name, { state: spec.hidden ? "hidden" : "visible" });
  spec.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell !== null) ws.getCell(r + 1, c + 1).value = toExcelJs(cell);
    });
  });
  for (const m of spec.merges ?? []) ws.mergeCells(m);
  if (spec.table) {
    ws.addTable({
      name: spec.table.name,
      ref: spec.table.at,
      headerRow: true,
      columns: spec.table.header.map((name) => ({ name, filterButton: true })),
      rows: spec.table.rows.map((r) => r.map(toExcelJs)),
    });
  }
  return ws;
}

/** Builds an .xlsx in memory from fixture data. */
export async function buildWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "govcheck tests";
  for (const s of sheets) addSheet(workbook, s);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
