import { type CellValue, type Grid, cellAt, cellText, lastRow, validationListAt } from "../grid";
import { mergeCovering, mergesOnRow, mergesStartingOn } from "./merge-index";
import { type ColumnRole, ratingHeader, roleOfHeader } from "./roles";
import {
  isNotApplicable,
  isRatingWord,
  normaliseWord,
  orderStated,
  vocabulariesOf,
} from "./word-scales";

/** One of a set of tick columns (Yes | Partly | No | N/A), and the level a mark in it gives. */
export interface TickColumn {
  readonly column: number;
  /** The header's own word: "Yes", "Partly met", "N/A". */
  readonly level: string;
}

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
  /** Separate Yes / Partly / No (and N/A) columns where one box is marked: together, the rating. */
  readonly ticks?: readonly TickColumn[];
}

const SCORE_WORD =
  /score|rating|assess|grade|\brag\b|complian|complies|\bmet\b|assurance|maturity|status|position|judge?ment|conclusion|in place|achieved/i;
const CONTENT_ROLES: readonly ColumnRole[] = ["requirement", "evidence", "action", "ref"];

/**
 * The cells `row` holds up to column `right` (index 0 is the grid's first column). Only these are
 * looked at: an empty row costs nothing however wide the sheet.
 */
function heldCells(grid: Grid, row: number, right: number): readonly CellValue[] {
  const cells = grid.rows[row - grid.firstRow];
  if (!cells) return [];
  const end = right - grid.firstColumn + 1;
  return cells.length > end ? cells.slice(0, Math.max(0, end)) : cells;
}

/** Cheap test run on every row before the full one: could this row be a header? */
export function mayBeHeader(grid: Grid, row: number, right: number): boolean {
  const cells = heldCells(grid, row, right);
  let strings = 0;
  let scoreWord = false;
  let short = 0;
  for (const v of cells) {
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") return false;
    if (v.length > 200) return false;
    if (v.trim() !== "") strings++;
    if (!scoreWord && v.length <= 60 && SCORE_WORD.test(v)) scoreWord = true;
    if (v.length <= 25) short++;
  }
  if (strings < 2) return false;
  if (scoreWord) return true;
  // Tick columns ("Yes | Partly | No") name no score: two rating words make the row a candidate.
  if (short < 2) return false;
  let ratingWords = 0;
  for (let i = 0; i < cells.length && ratingWords < 2; i++) {
    const v = cells[i];
    if (typeof v === "string" && v.length <= 25 && isRatingWord(v)) ratingWords++;
  }
  return ratingWords >= 2;
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
  let any = false;
  for (const v of heldCells(grid, row, right)) {
    if (v === null || v === undefined) continue;
    if (typeof v !== "string" || v.length > 80) return false;
    if (v.trim() !== "") any = true;
  }
  if (!any) return false;
  return mergesStartingOn(grid, row).some((m) => m.right > m.left || m.bottom > m.top);
}

/**
 * The columns of `rows` that can show text: those holding a value and those under a merged area,
 * in order. Other columns show nothing, so a header scan need not visit them.
 */
function columnsShowing(grid: Grid, rows: readonly number[], right: number): number[] {
  const columns = new Set<number>();
  for (const row of rows) {
    const cells = heldCells(grid, row, right);
    for (let i = 0; i < cells.length; i++)
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
 * Tick columns in a header row: adjacent cells each naming a level of one vocabulary ("Yes",
 * "Partly", "No"; "Met", "Partly met", "Not met"; "R", "A", "G"), at least two levels, with any
 * "N/A" column beside them. The longest such run wins ("No." over a ref column is not one).
 */
function tickColumns(grid: Grid, row: number, right: number): TickColumn[] | undefined {
  const cells: { column: number; text: string; vocabularies: string[]; na: boolean }[] = [];
  const held = heldCells(grid, row, right);
  for (let i = 0; i < held.length; i++) {
    const c = grid.firstColumn + i;
    const v = held[i];
    const text = typeof v === "string" ? v.trim() : "";
    if (text === "" || text.length > 30) continue;
    const na = isNotApplicable(text);
    const vocabularies = na ? [] : vocabulariesOf(text);
    if (na || vocabularies.length) cells.push({ column: c, text, vocabularies, na });
  }
  let best: TickColumn[] | undefined;
  let run: typeof cells = [];
  const consider = () => {
    const counts = new Map<string, Set<string>>();
    for (const cell of run)
      for (const id of cell.vocabularies) {
        const set = counts.get(id) ?? new Set<string>();
        set.add(normaliseWord(cell.text));
        counts.set(id, set);
      }
    for (const [id, words] of counts) {
      if (words.size < 2) continue;
      const ticks = run
        .filter((cell) => cell.na || cell.vocabularies.includes(id))
        .map((cell) => ({ column: cell.column, level: cell.text }));
      if (!best || ticks.length > best.length) best = ticks;
    }
  };
  for (const cell of cells) {
    if (run.length && cell.column !== run[run.length - 1].column + 1) {
      consider();
      run = [];
    }
    run.push(cell);
  }
  consider();
  // The levels must be different levels ("Yes" and "Y" are one), in an order a vocabulary knows.
  if (!best) return undefined;
  const levels = best.filter((t) => !isNotApplicable(t.level)).map((t) => ({ text: t.level }));
  const ordered = orderStated(levels);
  return ordered && ordered.levels.length >= 2 ? best : undefined;
}

/**
 * Are the entries under a "Status", "Compliance" or "Maturity" header rating words, or levels
 * given with their numbers, or chosen from a drop-down list?
 */
function entriesAreRatingWords(grid: Grid, row: number, column: number): boolean {
  // A drop-down of a few entries under "Status" or "Maturity" is the rating's list.
  const list = validationListAt(grid, row + 1, column) ?? validationListAt(grid, row + 2, column);
  if (list && list.values.length >= 2 && list.values.length <= 12) return true;
  let words = 0;
  let other = 0;
  const end = Math.min(lastRow(grid), row + 60);
  for (let r = row + 1; r <= end && words + other < 40; r++) {
    const v = cellAt(grid, r, column);
    if (v === null) continue;
    const t = cellText(v);
    if (t === "" || isNotApplicable(t)) continue;
    // "2 - Developing": a level given with its number.
    if (isRatingWord(t) || /^\d{1,2}\s*[-\u2013:=.)]\s*[A-Za-z]/.test(t)) words++;
    else other++;
  }
  return words >= 2 && words >= (words + other) * 0.6;
}

/**
 * Reads row `row` as a header (joined with a band row above it when there is one). Returns
 * `right` is the sheet's last column. Returns `undefined` unless it names a score column and at least two other roles, one of them content.
 */
export function readHeader(grid: Grid, row: number, right: number): HeaderLayout | undefined {
  if (!mayBeHeader(grid, row, right)) return undefined;
  const band = isBand(grid, row - 1, right);
  const found: { column: number; role: ColumnRole; text: string; fromBand?: boolean }[] = [];
  const texts = new Map<number, string>();
  const ticks = tickColumns(grid, row, right);
  const tickAt = new Set(ticks?.map((t) => t.column));
  for (const c of columnsShowing(grid, band ? [row - 1, row] : [row], right)) {
    const own = shownText(grid, row, c);
    const above = band ? shownText(grid, row - 1, c) : "";
    const text = above && above !== own ? `${above} ${own}`.trim() : own;
    if (text !== "") texts.set(c, text);
    if (tickAt.has(c)) continue;
    const rating = ratingHeader(own);
    const ownRole =
      rating === "rating" || (rating === "maybe" && entriesAreRatingWords(grid, row, c))
        ? "rating"
        : roleOfHeader(own);
    const bandRole = !ownRole && above ? roleOfHeader(text) : undefined;
    if (ownRole) found.push({ column: c, role: ownRole, text });
    else if (bandRole) found.push({ column: c, role: bandRole, text, fromBand: true });
  }
  // "Self-assessment" over "RAG | Commentary": the column that names itself the rating is it,
  // not its neighbour that only the band calls a score.
  if (found.some((f) => f.role === "rating" && !f.fromBand))
    for (const f of found) if (f.role === "score" && f.fromBand) f.role = "evidence";
  const columns: Partial<Record<ColumnRole, number>> = {};
  const labels: Partial<Record<ColumnRole, string>> = {};

  // Two score columns (or, with none, two rating columns: "RAG 2023/24", "RAG 2024/25"): the
  // later year, or the one not marked as last year's, is this year's.
  const named = found.filter((f) => f.role === "score");
  const scores = named.length ? named : found.filter((f) => f.role === "rating");
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
  // A column rated in words ("RAG") is the rating only where no column is called the score.
  if (columns.score === undefined && ticks) {
    columns.score = ticks[0].column;
    labels.score = ticks.map((t) => t.level).join(" / ");
  } else if (columns.score === undefined && columns.rating !== undefined) {
    columns.score = columns.rating;
    labels.score = labels.rating;
  }
  delete columns.rating;
  delete labels.rating;
  if (columns.score === undefined) return undefined;
  const roles = Object.keys(columns).filter((r) => r !== "score");
  if (roles.length < 2) return undefined;
  if (!CONTENT_ROLES.some((r) => columns[r] !== undefined)) return undefined;
  const requirementColumns = found.filter((f) => f.role === "requirement").map((f) => f.column);
  return {
    top: band ? row - 1 : row,
    bottom: row,
    columns,
    labels,
    texts,
    requirementColumns,
    ticks: columns.score === ticks?.[0].column ? ticks : undefined,
  };
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
