import { type Grid, type MergedArea, cellAt, cellText } from "../grid";
import { type ColumnRole, roleOfHeader } from "./roles";

/** A header: which worksheet column holds each role, and the text that said so. */
export interface HeaderLayout {
  /** 1-based row of the header's first row (a two-row header starts on its band row). */
  readonly top: number;
  /** 1-based row of the header's last row; data start below it. */
  readonly bottom: number;
  readonly columns: Partial<Record<ColumnRole, number>>;
  readonly labels: Partial<Record<ColumnRole, string>>;
  /** Every column's header text (for the report), keyed by 1-based column. */
  readonly texts: ReadonlyMap<number, string>;
  /** Every column whose header names the requirement ("Core principle", "Supporting principle"). */
  readonly requirementColumns: readonly number[];
}

// A RAG column holds words (Red, Amber, Green), not scores, so it does not make a header.
const SCORE_WORD = /score|rating|assess|grade/i;
const CONTENT_ROLES: readonly ColumnRole[] = ["requirement", "evidence", "action", "ref"];

/** Cheap test run on every row before the full one: could this row be a header? */
function mayBeHeader(grid: Grid, row: number, right: number): boolean {
  // Only the cells the row holds are looked at: an empty row costs nothing however wide the sheet.
  const cells = grid.rows[row - grid.firstRow];
  if (!cells) return false;
  const end = Math.min(cells.length, right - grid.firstColumn + 1);
  let strings = 0;
  let scoreWord = false;
  for (let i = 0; i < end; i++) {
    const v = cells[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") return false;
    if (v.length > 200) return false;
    if (v.trim() !== "") strings++;
    if (!scoreWord && v.length <= 60 && SCORE_WORD.test(v)) scoreWord = true;
  }
  return scoreWord && strings >= 2;
}

interface MergeIndex {
  /** Merges by each row they cover (those no taller than SHORT_MERGE rows). */
  readonly byRow: Map<number, MergedArea[]>;
  /** Taller merges, looked through in full. */
  readonly tall: readonly MergedArea[];
  /** Merges by their top row. */
  readonly byTop: Map<number, MergedArea[]>;
}

const SHORT_MERGE = 64;
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
function mergesOnRow(grid: Grid, row: number): MergedArea[] {
  const index = mergeIndex(grid);
  const short = index.byRow.get(row) ?? [];
  if (index.tall.length === 0) return short;
  return [...short, ...index.tall.filter((m) => row >= m.top && row <= m.bottom)];
}

function mergeCovering(grid: Grid, row: number, column: number): MergedArea | undefined {
  return mergesOnRow(grid, row).find((m) => column >= m.left && column <= m.right);
}

/** The text shown at a cell, taking a merged area's value from its top-left cell. */
function shownText(grid: Grid, row: number, column: number): string {
  const own = cellText(cellAt(grid, row, column));
  if (own !== "") return own;
  const m = mergeCovering(grid, row, column);
  return m ? cellText(cellAt(grid, m.top, m.left)) : "";
}

/** A band row above a header: short labels only, merged across or down into the header row. */
function isBand(grid: Grid, row: number, right: number): boolean {
  if (row < grid.firstRow) return false;
  const cells = grid.rows[row - grid.firstRow] ?? [];
  const end = Math.min(cells.length, right - grid.firstColumn + 1);
  let any = false;
  for (let i = 0; i < end; i++) {
    const v = cells[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string" || v.length > 80) return false;
    if (v.trim() !== "") any = true;
  }
  if (!any) return false;
  return (mergeIndex(grid).byTop.get(row) ?? []).some((m) => m.right > m.left || m.bottom > m.top);
}

/**
 * The columns of `rows` that can show text: those holding a value and those under a merged area,
 * in order. Other columns show nothing, so a header scan need not visit them.
 */
function columnsShowing(grid: Grid, rows: readonly number[], right: number): number[] {
  const columns = new Set<number>();
  for (const row of rows) {
    const cells = grid.rows[row - grid.firstRow] ?? [];
    const end = Math.min(cells.length, right - grid.firstColumn + 1);
    for (let i = 0; i < end; i++)
      if (cells[i] !== null && cells[i] !== undefined) columns.add(grid.firstColumn + i);
    for (const m of mergesOnRow(grid, row))
      for (let c = Math.max(m.left, grid.firstColumn); c <= Math.min(m.right, right); c++)
        columns.add(c);
  }
  return [...columns].sort((a, b) => a - b);
}

function yearIn(text: string): number | undefined {
  const years = [...text.matchAll(/\b(20\d\d)(?:\s*[/-]\s*(\d{2,4}))?\b/g)].map((m) =>
    Number(m[1])
  );
  return years.length ? Math.max(...years) : undefined;
}

/**
 * Reads row `row` as a header (joined with a band row above it when there is one). Returns
 * `right` is the sheet's last column. Returns `undefined` unless it names a score column and at least two other roles, one of them content.
 */
export function readHeader(grid: Grid, row: number, right: number): HeaderLayout | undefined {
  if (!mayBeHeader(grid, row, right)) return undefined;
  const band = isBand(grid, row - 1, right);
  const found: { column: number; role: ColumnRole; text: string }[] = [];
  const texts = new Map<number, string>();
  for (const c of columnsShowing(grid, band ? [row - 1, row] : [row], right)) {
    const own = shownText(grid, row, c);
    const above = band ? shownText(grid, row - 1, c) : "";
    const text = above && above !== own ? `${above} ${own}`.trim() : own;
    if (text !== "") texts.set(c, text);
    const role = roleOfHeader(own) ?? (above ? roleOfHeader(text) : undefined);
    if (role) found.push({ column: c, role, text });
  }
  const columns: Partial<Record<ColumnRole, number>> = {};
  const labels: Partial<Record<ColumnRole, string>> = {};

  // Two score columns: the later year, or the one not marked as last year's, is this year's.
  const scores = found.filter((f) => f.role === "score");
  if (scores.length > 1) {
    const withYears = scores.map((s) => ({ s, year: yearIn(s.text) }));
    let current = scores[0];
    if (withYears.every((w) => w.year !== undefined)) {
      current = withYears.reduce((a, b) => (b.year! > a.year! ? b : a)).s;
    } else {
      current =
        scores.find((s) => /\b(current|this year|latest|new|revised|now)\b/i.test(s.text)) ??
        scores[0];
    }
    for (const s of scores) if (s !== current) s.role = "previousScore";
  }
  for (const f of found) {
    if (columns[f.role] !== undefined) continue;
    columns[f.role] = f.column;
    labels[f.role] = f.text;
  }
  if (columns.score === undefined) return undefined;
  const roles = Object.keys(columns).filter((r) => r !== "score");
  if (roles.length < 2) return undefined;
  if (!CONTENT_ROLES.some((r) => columns[r] !== undefined)) return undefined;
  const requirementColumns = found.filter((f) => f.role === "requirement").map((f) => f.column);
  return { top: band ? row - 1 : row, bottom: row, columns, labels, texts, requirementColumns };
}

/** Same columns for the same roles: a header repeated after a page break. */
export function sameLayout(a: HeaderLayout, b: HeaderLayout): boolean {
  const keys = new Set([...Object.keys(a.columns), ...Object.keys(b.columns)]) as Set<ColumnRole>;
  let differences = 0;
  for (const k of keys) if (a.columns[k] !== b.columns[k]) differences++;
  // A header cut short on one page ("demonstrating competence" for "Source documents ...") may
  // lose one role; the score column must stay put.
  return a.columns.score === b.columns.score && differences <= 1;
}
