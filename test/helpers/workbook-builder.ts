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
  /**
   * Drop-down lists (data validation of type list) on cells: `range` such as "D5:D12"; `list`
   * the entries themselves, or the source as Excel writes it ("Key!$A$2:$A$5", a defined name).
   */
  validations?: { range: string; list: string[] | string }[];
  /** Defined names the workbook holds, such as { name: "RAGList", refersTo: "Key!$A$2:$A$4" }. */
  names?: { name: string; refersTo: string }[];
}

/** The cells of an A1 range, such as "D5:D7", as 1-based rows and columns. */
export function cellsOf(range: string): { row: number; column: number }[] {
  const [a, b = a] = range.split(":");
  const parse = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    let column = 0;
    for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), column };
  };
  const from = parse(a);
  const to = parse(b);
  const out: { row: number; column: number }[] = [];
  for (let r = from.row; r <= to.row; r++)
    for (let c = from.column; c <= to.column; c++) out.push({ row: r, column: c });
  return out;
}

/** A list's source as a file states it: quoted entries, or the reference as given. */
export function listFormula(list: string[] | string): string {
  return Array.isArray(list) ? `"${list.join(",")}"` : list;
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
  for (const v of spec.validations ?? [])
    for (const { row, column } of cellsOf(v.range))
      ws.getCell(row, column).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [listFormula(v.list)],
      };
  for (const n of spec.names ?? []) workbook.definedNames.add(n.refersTo, n.name);
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
