/**
 * Merged areas, read in their own syncs after the cells. Excel fails getMergedAreasOrNullObject
 * on a range with more than 512 merged areas, so a sheet is asked for whole first, then in smaller
 * blocks where that fails; a sheet so heavily merged that it is still failing after a few rounds
 * has its merged areas read only around the rows that may be headers (the engine uses merges only
 * to read headers), and the pane says so. Excel reports each area by its top-left cell (office-js
 * issue 3611), so row blocks neither lose nor repeat an area.
 */
import { type Grid, type MergedArea, lastColumn, parseRange } from "../core/grid";
import { mayBeHeader } from "../core/recognise/header";
import { errorCode } from "./office-errors";

/** Excel's limit on areas in one answer. */
const AREAS_PER_CALL = 512;
/** Failed requests allowed before the sheets still unread fall back to their header rows. */
const MAX_SPLIT_SYNCS = 10;
/** Blocks of header rows per sync: each answer is at most 512 short addresses. */
const HEADER_BLOCKS_PER_SYNC = 150;
/** Failures that say nothing about the size of what was asked. */
const NOT_ABOUT_SIZE = new Set([
  "InvalidOperationInCellEditMode",
  "ApiNotFound",
  "ApiNotAvailable",
  "InactiveWorkbook",
  "Unauthenticated",
  "ServiceNotAvailable",
  "RequestAborted",
  "Conflict",
]);

export interface MergeTarget {
  readonly worksheet: Excel.Worksheet;
  readonly grid: Grid;
  /** Filled in by readMergedAreas. */
  readonly merges: MergedArea[];
}

interface Block {
  readonly target: MergeTarget;
  /** 0-based, as getRangeByIndexes takes them. */
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** "Sheet1!A1:C1,'My sheet'!A5:G5" -> merged areas. */
export function parseAreasAddress(address: string): MergedArea[] {
  const out: MergedArea[] = [];
  for (const m of address.matchAll(
    /(?:'(?:[^']|'')*'|[^!,']+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g
  )) {
    const area = parseRange(m[1].replace(/\$/g, ""));
    if (area) out.push(area);
  }
  return out;
}

function wholeSheet(target: MergeTarget): Block | undefined {
  const g = target.grid;
  const columns = lastColumn(g) - g.firstColumn + 1;
  if (g.rows.length === 0 || columns <= 0) return undefined;
  return { target, row: g.firstRow - 1, column: g.firstColumn - 1, rows: g.rows.length, columns };
}

/** Quarters by rows (or halves by columns for a single row). */
function split(b: Block): Block[] {
  if (b.rows > 1) {
    const parts = Math.min(4, b.rows);
    const size = Math.ceil(b.rows / parts);
    const out: Block[] = [];
    for (let r = 0; r < b.rows; r += size)
      out.push({ ...b, row: b.row + r, rows: Math.min(size, b.rows - r) });
    return out;
  }
  const half = Math.ceil(b.columns / 2);
  return [
    { ...b, columns: half },
    { ...b, column: b.column + half, columns: b.columns - half },
  ];
}

/** Blocks no bigger than 512 cells around each row that may be a header (with the two rows above it). */
function headerBlocks(target: MergeTarget): Block[] {
  const g = target.grid;
  const right = lastColumn(g);
  const width = right - g.firstColumn + 1;
  const out: Block[] = [];
  let covered = g.firstRow - 1;
  for (let row = g.firstRow; row < g.firstRow + g.rows.length; row++) {
    if (!mayBeHeader(g, row, right)) continue;
    const top = Math.max(g.firstRow, row - 2, covered + 1);
    if (top > row) continue;
    const rows = row - top + 1;
    const step = Math.max(1, Math.floor(AREAS_PER_CALL / rows));
    for (let c = 0; c < width; c += step)
      out.push({
        target,
        row: top - 1,
        column: g.firstColumn - 1 + c,
        rows,
        columns: Math.min(step, width - c),
      });
    covered = row;
  }
  return out;
}

function queueBlock(b: Block): Excel.RangeAreas {
  const areas = b.target.worksheet
    .getRangeByIndexes(b.row, b.column, b.rows, b.columns)
    .getMergedAreasOrNullObject();
  areas.load("address");
  return areas;
}

function take(b: Block, areas: Excel.RangeAreas): void {
  if (areas.isNullObject) return;
  const seen = new Set(b.target.merges.map((m) => `${m.top},${m.left}`));
  for (const m of parseAreasAddress(areas.address)) {
    if (seen.has(`${m.top},${m.left}`)) continue;
    seen.add(`${m.top},${m.left}`);
    b.target.merges.push(m);
  }
}

/**
 * Reads every target's merged areas; returns notes for sheets read around their headers only.
 * Blocks go in groups, one group a sync: all sheets whole at first (one sync for an ordinary
 * workbook). A group that fails is halved, so the blocks that caused it are found in a few rounds
 * while the others are read; a single block that fails is cut into quarters.
 */
export async function readMergedAreas(
  context: Excel.RequestContext,
  targets: readonly MergeTarget[]
): Promise<string[]> {
  const groups: Block[][] = [targets.map(wholeSheet).filter((b): b is Block => b !== undefined)];
  let rounds = 0;
  const fallen = new Set<MergeTarget>();
  while (groups.length > 0) {
    const group = groups.shift()!;
    if (group.length === 0) continue;
    if (rounds >= MAX_SPLIT_SYNCS) {
      for (const b of [group, ...groups].flat()) fallen.add(b.target);
      break;
    }
    const asked = group.map(queueBlock);
    try {
      // Each group is its own request: a failure must cost only that group's merged areas.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      const code = errorCode(err);
      if (code === undefined || NOT_ABOUT_SIZE.has(code)) throw err;
      rounds++;
      if (group.length > 1) {
        const half = Math.ceil(group.length / 2);
        groups.unshift(group.slice(0, half), group.slice(half));
      } else if (group[0].rows * group[0].columns <= AREAS_PER_CALL) {
        throw err;
      } else {
        groups.unshift(split(group[0]));
      }
      continue;
    }
    group.forEach((b, i) => take(b, asked[i]));
  }

  const notes: string[] = [];
  const fallback: Block[] = [];
  for (const target of fallen) {
    // What this sheet gave before it fell back would be partial: start again around its headers.
    target.merges.length = 0;
    fallback.push(...headerBlocks(target));
    notes.push(
      `"${target.grid.name}" has more merged cells than Excel will list at once, so merged cells were read only around its header rows.`
    );
  }
  for (let i = 0; i < fallback.length; i += HEADER_BLOCKS_PER_SYNC) {
    const batch = fallback.slice(i, i + HEADER_BLOCKS_PER_SYNC);
    const asked = batch.map(queueBlock);
    // Blocks of at most 512 cells cannot hold more than 512 areas: these requests cannot fail on the limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    batch.forEach((b, j) => take(b, asked[j]));
  }
  for (const t of targets) t.merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return notes;
}
