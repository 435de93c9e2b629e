import { columnLetters, parseA1 } from "../../../src/core/grid";
import { NotModelledError, excelError } from "./errors";

/** A rectangle of cells, 0-based and inclusive, as the double stores them. */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const WHOLE_SHEET: Area = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

export function cellCount(a: Area): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Area, row: number, column: number): boolean {
  return row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3", "B3:D9", "C:C", "A:F", "3:7" (no sheet name) -> an area; anything else is not modelled. */
export function parseAddress(address: string): Area {
  const text = address.trim().replace(/\$/g, "");
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (columns) {
    const [a, b] = [columnNumber(columns[1]) - 1, columnNumber(columns[2]) - 1];
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) };
  }
  // Whole rows, as Excel writes them in an address ("3:7", "$1:$1").
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(text);
  if (rows) {
    const [a, b] = [Number(rows[1]) - 1, Number(rows[2]) - 1];
    if (Math.min(a, b) < 0 || Math.max(a, b) >= MAX_ROWS)
      throw excelError("InvalidArgument", "Worksheet.getRange");
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLUMNS - 1 };
  }
  const [from, to = from] = text.split(":");
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end || text.split(":").length > 2) {
    if (/!/.test(text)) throw new NotModelledError(`a sheet-qualified address ("${address}")`);
    throw excelError("InvalidArgument", "Worksheet.getRange");
  }
  const area = {
    top: Math.min(start.row, end.row) - 1,
    left: Math.min(start.column, end.column) - 1,
    bottom: Math.max(start.row, end.row) - 1,
    right: Math.max(start.column, end.column) - 1,
  };
  if (area.bottom >= MAX_ROWS || area.right >= MAX_COLUMNS)
    throw excelError("InvalidArgument", "Worksheet.getRange");
  return area;
}

/** A sheet name as Excel writes it in an address: quoted unless it is letters, digits and _. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function areaText(a: Area): string {
  if (a.top === 0 && a.bottom === MAX_ROWS - 1)
    return `${columnLetters(a.left + 1)}:${columnLetters(a.right + 1)}`;
  if (a.left === 0 && a.right === MAX_COLUMNS - 1) return `${a.top + 1}:${a.bottom + 1}`;
  const from = `${columnLetters(a.left + 1)}${a.top + 1}`;
  const to = `${columnLetters(a.right + 1)}${a.bottom + 1}`;
  return from === to ? from : `${from}:${to}`;
}

export function qualified(sheet: string, a: Area): string {
  return `${quoteSheet(sheet)}!${areaText(a)}`;
}

/**
 * "'My sheet'!D5", "Schedule!D5:D9" -> the sheet's name and the area. A name in quotes has each
 * apostrophe doubled; a name without quotes may hold only letters, digits, "_" and "." and must
 * not start with a digit (Excel's formula grammar, ECMA-376 Part 1 18.17; Microsoft's "Create or
 * change a cell reference": a sheet name with spaces or other characters goes in single quotes).
 * Anything else is not a reference Excel could follow (InvalidArgument).
 */
export function parseQualified(reference: string): { sheet: string; area: Area } {
  const m = /^(?:'((?:[^']|'')+)'|([A-Za-z_\\][A-Za-z0-9_.]*))!(.+)$/.exec(reference.trim());
  if (!m) throw excelError("InvalidArgument", "reference");
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, area: parseAddress(m[3]) };
}
