import { type Grid, cellAt, cellText, lastColumn, lastRow } from "../grid";
import { listAnd } from "../words";
import { readHeader } from "./header";
import { ASSESSED_ROLES, type ColumnRole, ratingHeader, roleOfHeader } from "./roles";
import { parseScore } from "./score-value";

/** The row that came closest to a schedule's header, and what it lacked, in words. */
export interface NearMiss {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** "sheet 'FM Code' row 6 has action, lead officer and target date columns (...) but no column read as a rating" */
  readonly what: string;
  /** What the row's headers name. */
  readonly roles: readonly ColumnRole[];
  /** Rows under the header (up to 200 looked at) with something in its requirement column. */
  readonly filledRows: number;
}

/** The columns that record an assessment, beside what is assessed and its evidence. */
const RECORDED: readonly ColumnRole[] = [
  "score",
  "rating",
  "action",
  "lead",
  "targetDate",
  "progress",
];

/**
 * Does a sheet's nearest header describe a self-assessment: what is assessed, its evidence, and
 * something recorded against it, with requirements under it? An officer's own action plan (no
 * evidence), a summary (no requirements), the framework's text pasted in for reference (nothing
 * recorded) or a blank copy of the template (nothing under its header) does not.
 */
export function looksAssessed(miss: NearMiss): boolean {
  return (
    miss.filledRows > 0 &&
    miss.roles.includes("requirement") &&
    miss.roles.includes("evidence") &&
    RECORDED.some((r) => miss.roles.includes(r))
  );
}

const ROLE_WORDS: Record<ColumnRole, string> = {
  ref: "ref",
  requirement: "requirement",
  evidence: "evidence",
  score: "score",
  previousScore: "last year's score",
  action: "action",
  previousAction: "last year's action",
  progress: "progress",
  lead: "lead officer",
  targetDate: "target date",
  rating: "rating",
};

/** A header needs a rating and something to rate: at least two of these. */
const CONTENT: readonly ColumnRole[] = ["requirement", "evidence", "action", "ref"];

/** Rows looked at per sheet: a schedule's header is near its top. */
const ROWS_LOOKED_AT = 500;
const COLUMNS_LOOKED_AT = 40;

interface Candidate {
  sheet: string;
  row: number;
  column: number;
  weight: number;
  roles: Map<ColumnRole, { column: number; text: string }>;
  grid: Grid;
}

function rolesOfRow(grid: Grid, row: number, right: number): Candidate["roles"] | undefined {
  const roles: Candidate["roles"] = new Map();
  let strings = 0;
  for (let c = grid.firstColumn; c <= right; c++) {
    const v = cellAt(grid, row, c);
    if (typeof v !== "string") continue;
    const text = cellText(v);
    if (text === "" || text.length > 100) continue;
    strings++;
    const role = ratingHeader(text) === "rating" ? "rating" : roleOfHeader(text);
    if (role && !roles.has(role)) roles.set(role, { column: c, text });
  }
  return strings >= 2 && roles.size > 0 ? roles : undefined;
}

/** Rows under a header with something in the given column: a blank template's header has none. */
function filledUnder(grid: Grid, row: number, column: number | undefined): number {
  if (column === undefined) return 0;
  let filled = 0;
  const end = Math.min(lastRow(grid), row + 200);
  for (let r = row + 1; r <= end; r++) if (cellText(cellAt(grid, r, column)) !== "") filled++;
  return filled;
}

/** Why a row that reads as a header made no schedule: nothing under it, or a summary's averages. */
function emptyHeaderReason(grid: Grid, row: number, column: number, label: string): string {
  let numbers = 0;
  let decimals = 0;
  const words: string[] = [];
  const end = Math.min(lastRow(grid), row + 200);
  for (let r = row + 1; r <= end; r++) {
    const s = parseScore(cellAt(grid, r, column));
    if (s.kind === "number") numbers++;
    if (s.kind === "decimal") decimals++;
    if (s.kind === "text" && words.length < 50) words.push(s.text);
  }
  if (decimals > numbers && decimals >= words.length)
    return `has a header with a score column ("${label}"), but its entries are averages (decimals), as in a summary`;
  if (words.length > numbers) {
    const shown = [...new Set(words)].slice(0, 3).map((w) => `"${w.slice(0, 30)}"`);
    return `has a header with a score column ("${label}"), but its entries (${shown.join(", ")}) are not ratings on any scale`;
  }
  return `has a header with a score column ("${label}"), but no requirements under it`;
}

/**
 * The row of the workbook's visible sheets that came closest to a schedule's header, for the
 * `no-schedule-found` finding: the row naming most of a schedule's columns, a rating above all.
 * Undefined when no row names any.
 */
export function closestToSchedule(grids: readonly Grid[]): NearMiss | undefined {
  let best: Candidate | undefined;
  for (const grid of grids) {
    const right = Math.min(lastColumn(grid), grid.firstColumn + COLUMNS_LOOKED_AT - 1);
    const bottom = Math.min(lastRow(grid), grid.firstRow + ROWS_LOOKED_AT - 1);
    for (let row = grid.firstRow; row <= bottom; row++) {
      const roles = rolesOfRow(grid, row, right);
      if (!roles) continue;
      const rated = roles.has("score") || roles.has("rating");
      const content = CONTENT.filter((r) => roles.has(r)).length;
      const weight = roles.size + (rated ? 1.5 : 0) + content * 0.5;
      if (roles.size < 2 && !rated) continue;
      if (!best || weight > best.weight) {
        // The finding sits on the row's first filled cell, where a reader looks for the header.
        let column = grid.firstColumn;
        while (column <= right && cellAt(grid, row, column) === null) column++;
        best = { sheet: grid.name, row, column, weight, roles, grid };
      }
    }
  }
  if (!best) return undefined;
  const where = `sheet '${best.sheet}' row ${best.row}`;
  const rating = best.roles.get("score") ?? best.roles.get("rating");
  const named = [...best.roles.entries()].filter(([r]) => r !== "score" && r !== "rating");
  const words = listAnd(named.map(([r]) => ROLE_WORDS[r]));
  const quoted = named.map(([, v]) => `"${v.text}"`).join(", ");
  let what: string;
  if (!rating) {
    what = `${where} has ${words} column${named.length === 1 ? "" : "s"} (${quoted}) but no column read as a rating`;
  } else if (named.length > 0 && !ASSESSED_ROLES.some((r) => best!.roles.has(r))) {
    what = `${where} has a rating column ("${rating.text}") and ${words} (${quoted}), but no requirement, evidence or action column: nothing says what is assessed`;
  } else if (readHeader(best.grid, best.row, lastColumn(best.grid))) {
    what = `${where} ${emptyHeaderReason(best.grid, best.row, rating.column, rating.text)}`;
  } else if (named.length === 0) {
    what = `${where} has a rating column ("${rating.text}") but no requirement, evidence or action column beside it`;
  } else if (!CONTENT.some((r) => best!.roles.has(r))) {
    what = `${where} has a rating column ("${rating.text}") and ${words} (${quoted}), but no requirement, evidence, action or ref column`;
  } else {
    const others: ColumnRole[] = ["evidence", "action", "lead", "targetDate"];
    const missing = others.filter((r) => !best!.roles.has(r)).map((r) => ROLE_WORDS[r]);
    what = `${where} has a rating column ("${rating.text}") and ${words} (${quoted}), but no other column a schedule has (${missing.join(", ")})`;
  }
  return {
    sheet: best.sheet,
    row: best.row,
    column: rating?.column ?? best.column,
    what,
    roles: [...best.roles.keys()],
    filledRows: filledUnder(best.grid, best.row, best.roles.get("requirement")?.column),
  };
}
