import { type Grid, cellAt, cellText, lastColumn, lastRow } from "../grid";
import { ratingHeader, roleOfHeader } from "./roles";

/**
 * A cell whose drop-down list could state a schedule's scale, and the cells that list is taken
 * to cover: the column under a header, from the row below it to the sheet's last row.
 */
export interface ListProbe {
  readonly row: number;
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
}

/** Columns whose header says what they hold, and it is not a rating. */
const NOT_RATED = new Set([
  "ref",
  "requirement",
  "evidence",
  "action",
  "previousAction",
  "lead",
  "targetDate",
  "progress",
]);

const ROWS_LOOKED_AT = 500;
const COLUMNS_LOOKED_AT = 40;
const PROBES_PER_SHEET = 60;

/**
 * For a host that must ask for drop-down lists cell by cell (Office.js has no list of a sheet's
 * data validations): under each row that reads as a header (two or more columns it can name),
 * one cell per column that may hold ratings, the first filled one below the header (or the row
 * below it). At most 60 a sheet.
 */
export function listProbes(grid: Grid): ListProbe[] {
  const out: ListProbe[] = [];
  const right = Math.min(lastColumn(grid), grid.firstColumn + COLUMNS_LOOKED_AT - 1);
  const bottom = lastRow(grid);
  const scanTo = Math.min(bottom, grid.firstRow + ROWS_LOOKED_AT - 1);
  const seen = new Set<string>();
  for (let row = grid.firstRow; row <= scanTo && out.length < PROBES_PER_SHEET; row++) {
    const candidates: number[] = [];
    let named = 0;
    const texts: string[] = [];
    for (let c = grid.firstColumn; c <= right; c++) {
      const v = cellAt(grid, row, c);
      if (typeof v !== "string") {
        if (v !== null) {
          named = -100;
          break;
        }
        candidates.push(c);
        continue;
      }
      const text = cellText(v);
      texts.push(text);
      if (text.length > 100) continue;
      const role = ratingHeader(text) ? "rating" : roleOfHeader(text);
      if (role) named++;
      if (!role || !NOT_RATED.has(role)) candidates.push(c);
    }
    if (named < 2) continue;
    // A header repeated after each page break is asked about once.
    const key = texts.join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    for (const column of candidates) {
      if (out.length >= PROBES_PER_SHEET) break;
      let probe = row + 1;
      for (let r = row + 1; r <= Math.min(bottom, row + 30); r++)
        if (cellAt(grid, r, column) !== null) {
          probe = r;
          break;
        }
      if (probe > bottom) continue;
      out.push({ row: probe, column, top: row + 1, bottom: Math.max(bottom, row + 1) });
    }
  }
  return out;
}
