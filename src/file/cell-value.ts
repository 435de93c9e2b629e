import type { CellValue } from "../core/grid";

/** Drops the empty cells at the end of a row, so sparse sheets stay small. */
export function trimRow(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  if (end < cells.length) cells.length = end;
  return cells;
}
