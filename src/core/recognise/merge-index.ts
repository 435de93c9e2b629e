import type { Grid, MergedArea } from "../grid";

interface MergeIndex {
  /** Merges by each row they cover (those no taller than SHORT_MERGE rows). */
  readonly byRow: Map<number, MergedArea[]>;
  /** Taller merges, looked through in full. */
  readonly tall: readonly MergedArea[];
  /** Merges by their top row. */
  readonly byTop: Map<number, MergedArea[]>;
}

const SHORT_MERGE = 64;
const NONE: readonly MergedArea[] = [];
const mergeIndexes = new WeakMap<Grid, MergeIndex>();

/** A grid's merged areas indexed by row, built once, so a lookup does not scan every merge. */
function mergeIndex(grid: Grid): MergeIndex {
  let index = mergeIndexes.get(grid);
  if (index) return index;
  const byRow = new Map<number, MergedArea[]>();
  const byTop = new Map<number, MergedArea[]>();
  const tall: MergedArea[] = [];
  const add = (map: Map<number, MergedArea[]>, key: number, m: MergedArea) => {
    const list = map.get(key);
    if (list) list.push(m);
    else map.set(key, [m]);
  };
  for (const m of grid.merges) {
    add(byTop, m.top, m);
    if (m.bottom - m.top >= SHORT_MERGE) tall.push(m);
    else for (let r = m.top; r <= m.bottom; r++) add(byRow, r, m);
  }
  index = { byRow, tall, byTop };
  mergeIndexes.set(grid, index);
  return index;
}

/** The merged areas that cover some cell of `row`. */
export function mergesOnRow(grid: Grid, row: number): readonly MergedArea[] {
  const index = mergeIndex(grid);
  const short = index.byRow.get(row) ?? NONE;
  if (index.tall.length === 0) return short;
  return [...short, ...index.tall.filter((m) => row >= m.top && row <= m.bottom)];
}

/** The merged areas whose top row is `row`. */
export function mergesStartingOn(grid: Grid, row: number): readonly MergedArea[] {
  return mergeIndex(grid).byTop.get(row) ?? NONE;
}

/** The merged area covering a cell, if any. */
export function mergeCovering(grid: Grid, row: number, column: number): MergedArea | undefined {
  return mergesOnRow(grid, row).find((m) => column >= m.left && column <= m.right);
}
