/** A worksheet as plain data, so the engine never needs Office, a DOM or Node. */

/** An Excel error value such as `#N/A` or `#DIV/0!`. */
export interface CellError {
  readonly error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

/** A merged area in 1-based worksheet coordinates, inclusive. */
export interface MergedArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A drop-down list on some of a sheet's cells (Excel's data validation of type "list"): the
 * entries it offers, in order, already resolved when the list points at cells elsewhere.
 */
export interface ValidationList {
  /** The cells it applies to. */
  readonly ranges: readonly MergedArea[];
  readonly values: readonly string[];
}

export interface Grid {
  readonly name: string;
  readonly hidden: boolean;
  /** 1-based worksheet row of `rows[0]` (the used range need not start at A1). */
  readonly firstRow: number;
  /** 1-based worksheet column of `rows[r][0]`. */
  readonly firstColumn: number;
  /** Ragged rows of values; a missing cell is `null`. */
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges: readonly MergedArea[];
  /** Drop-down lists on the sheet's cells, where the reader could read them. */
  readonly validationLists?: readonly ValidationList[];
}

/** The drop-down list on a cell, if any. */
export function validationListAt(
  grid: Grid,
  row: number,
  column: number
): ValidationList | undefined {
  for (const list of grid.validationLists ?? [])
    for (const r of list.ranges)
      if (row >= r.top && row <= r.bottom && column >= r.left && column <= r.right) return list;
  return undefined;
}

export function isCellError(value: CellValue): value is CellError {
  return (
    typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value
  );
}

/** Reads a cell by 1-based worksheet row and column; outside the grid is `null`. */
export function cellAt(grid: Grid, row: number, column: number): CellValue {
  const r = grid.rows[row - grid.firstRow];
  if (!r) return null;
  const v = r[column - grid.firstColumn];
  return v === undefined ? null : v;
}

export function lastRow(grid: Grid): number {
  return grid.firstRow + grid.rows.length - 1;
}

export function lastColumn(grid: Grid): number {
  let width = 0;
  for (const r of grid.rows) if (r.length > width) width = r.length;
  return grid.firstColumn + width - 1;
}

/** Column letters for a 1-based column number: 1 -> A, 28 -> AB. */
export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** An area's address: "D5" for one cell, "D5:F9" for more. */
export function areaAddress(area: MergedArea): string {
  const from = a1(area.top, area.left);
  const to = a1(area.bottom, area.right);
  return from === to ? from : `${from}:${to}`;
}

/**
 * A sheet's name as a reference or formula names it: always quoted, each apostrophe doubled
 * (Excel's formula grammar), so "Officer's return" is "'Officer''s return'".
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Parses "B12" into a 1-based row and column; `undefined` when it is not an A1 address. */
export function parseA1(address: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** Parses "A1:C3" (or a single "A1") into a merged area. */
export function parseRange(range: string): MergedArea | undefined {
  const [from, to] = range.split(":");
  const start = parseA1(from);
  const end = to === undefined ? start : parseA1(to);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

/**
 * The text a person sees in a cell, with white space folded. Numbers keep their digits; errors
 * read as their code; dates as ISO dates. Empty cells are "".
 */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return foldSpace(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return value.error;
}

const NEEDS_FOLDING = /[\t\n\r\u00a0\u2000-\u200b\u202f\u3000]| {2}|^ | $/;

export function foldSpace(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  // Text pasted from Word or PDF carries non-breaking spaces, tabs and line breaks inside cells.
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u3000]+/g, " ").trim();
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && foldSpace(value) === "");
}
