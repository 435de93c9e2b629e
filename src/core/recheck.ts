/**
 * Checking one sheet again after an edit, without reading the whole workbook: which rows to read
 * (the schedules the edit touches, whole, so recalculated cells and a legend above come too), how
 * the rows read replace the sheet's old ones. The engine then checks the whole workbook again
 * (in its worker): a key sheet, a sibling sheet's scale or the workbook's "no schedule" finding
 * may depend on other sheets.
 */
import { type CellValue, type Grid, type MergedArea, lastColumn, lastRow } from "./grid";
import type { Schedule } from "./recognise/schedule";

/** Cells on one sheet, 1-based and inclusive. */
export type CellArea = MergedArea;

/** Excel's last row and column: an edit reaching them is to whole rows or columns. */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;

/**
 * The rows and columns to read again after edits to a sheet. Every row of a sheet belongs to one
 * schedule's span: from the row after the schedule above ends (or the sheet's first row) to the
 * schedule's last row; the last schedule's span runs on down the sheet. The spans an edit touches
 * are read whole, across every used column and the edited ones. `wholeSheet` (rows or columns
 * were inserted or deleted, so the old rows no longer line up) reads every used row.
 */
export function regionToRead(
  grid: Grid,
  schedules: readonly Pick<Schedule, "headerRow" | "lastRow">[],
  given: readonly CellArea[],
  wholeSheet = false
): CellArea | null {
  if (given.length === 0) return null;
  const empty = grid.rows.length === 0;
  const usedTop = empty ? Infinity : grid.firstRow;
  const usedBottom = empty ? -Infinity : lastRow(grid);
  const usedLeft = empty ? Infinity : grid.firstColumn;
  const usedRight = empty ? -Infinity : lastColumn(grid);
  // Whole columns (a column cleared) or rows matter only where the sheet has anything.
  const edits = given.map((e) => ({
    top: e.top,
    left: e.left,
    bottom: e.bottom >= LAST_ROW ? Math.max(e.top, usedBottom) : e.bottom,
    right: e.right >= LAST_COLUMN ? Math.max(e.left, usedRight) : e.right,
  }));
  let top = Math.min(...edits.map((e) => e.top));
  let bottom = Math.max(...edits.map((e) => e.bottom));
  const left = Math.min(usedLeft, ...edits.map((e) => e.left));
  const right = Math.max(usedRight, ...edits.map((e) => e.right));
  if (wholeSheet || schedules.length === 0) {
    top = Math.min(top, usedTop);
    bottom = Math.max(bottom, usedBottom);
    return { top, left, bottom, right };
  }
  const ordered = [...schedules].sort((a, b) => a.headerRow - b.headerRow);
  const last = ordered.length - 1;
  const spans = ordered.map((s, i) => ({
    top: i === 0 ? Math.min(usedTop, s.headerRow) : ordered[i - 1].lastRow + 1,
    // The last span has no end: a requirement added far below still belongs to it.
    reach: i === last ? Infinity : s.lastRow,
    bottom: i === last ? Math.max(s.lastRow, usedBottom) : s.lastRow,
  }));
  for (const e of edits) {
    for (const span of spans) {
      if (e.bottom < span.top || e.top > span.reach) continue;
      top = Math.min(top, span.top);
      bottom = Math.max(bottom, span.bottom);
    }
  }
  return { top, left, bottom, right };
}

/**
 * The sheet with the cells of `area` replaced by `rows` (each row from `area.left`; a short row
 * means empty cells after it). The grid grows to take in an area outside it; merged areas stay
 * as they were read.
 */
export function patchGrid(
  grid: Grid,
  area: CellArea,
  rows: readonly (readonly CellValue[])[]
): Grid {
  const empty = grid.rows.length === 0;
  const firstRow = empty ? area.top : Math.min(grid.firstRow, area.top);
  const firstColumn = empty ? area.left : Math.min(grid.firstColumn, area.left);
  const shiftColumns = empty ? 0 : grid.firstColumn - firstColumn;
  const out: CellValue[][] = [];
  const height = Math.max(empty ? 0 : lastRow(grid), area.bottom) - firstRow + 1;
  for (let i = 0; i < height; i++) {
    const row = firstRow + i;
    const old = empty ? undefined : grid.rows[row - grid.firstRow];
    const cells: CellValue[] = [];
    if (old) {
      for (let c = 0; c < shiftColumns; c++) cells.push(null);
      cells.push(...old);
    }
    if (row >= area.top && row <= area.bottom) {
      const fresh = rows[row - area.top] ?? [];
      for (let column = area.left; column <= area.right; column++) {
        const at = column - firstColumn;
        while (cells.length < at) cells.push(null);
        const v = fresh[column - area.left];
        cells[at] = v === undefined ? null : v;
      }
    }
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    out.push(cells);
  }
  return { ...grid, firstRow, firstColumn, rows: out };
}
