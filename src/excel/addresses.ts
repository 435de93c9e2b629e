/**
 * Addresses as Excel writes and reads them: "'Officer''s return'!D5:D9". A sheet name in a
 * reference is quoted, each apostrophe in it doubled (Excel's formula grammar), so the add-in
 * always quotes the names it writes and reads both forms.
 */
import { parseA1, quoteSheetName } from "../core/grid";
import type { CellArea } from "../core/recheck";

/** Excel's last row and column. */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** A reference to a cell or area for a link or a formula: "'My sheet'!D5". */
export function reference(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * "D5", "$D$5:$F$9", "D:D" (whole columns), "5:7" (whole rows) -> an area, 1-based; undefined
 * for anything else.
 */
export function parseArea(address: string): CellArea | undefined {
  const text = address.trim().replace(/\$/g, "");
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (columns) {
    const [a, b] = [columnNumber(columns[1]), columnNumber(columns[2])];
    return { top: 1, bottom: MAX_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2])];
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 1, right: MAX_COLUMN };
  }
  const [from, to = from, ...rest] = text.split(":");
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end || rest.length) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

/** "'It''s mine'!D5" -> the sheet's name and the address after "!" (undefined without a sheet). */
export function splitReference(reference: string): { sheet: string; address: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(reference.trim());
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3] };
}
