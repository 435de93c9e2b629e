/**
 * Score drop-downs: what each recognised schedule's score cells should offer, worked out once
 * here from the schedule and its scale; src/excel turns a plan into data validation.
 */
import { type Grid, cellAt, cellText } from "./grid";
import { type Scale, isLegend, scaleHintFromText } from "./recognise/scale";
import type { CheckedSchedule } from "./validate";

/** The entries a score drop-down lists: the scale's words, or its whole numbers from min to max. */
export function scoreChoices(scale: Scale): string[] {
  if (scale.levels && scale.levels.length > 0) return [...scale.levels];
  const out: string[] = [];
  for (let n = scale.min; n <= scale.max; n++) out.push(String(n));
  return out;
}

/** Excel keeps a list typed into a rule to 255 characters, its entries separated by commas. */
const LIST_LIMIT = 255;
/** Excel's limits on a prompt and on an error message (MS-XLSB 2.5.37). */
export const PROMPT_LIMIT = 255;
export const ERROR_LIMIT = 225;

/** What the score cells accept: an in-cell list of entries, or any whole number in a range. */
export type ScoreCriterion =
  | { readonly kind: "list"; readonly choices: readonly string[] }
  | { readonly kind: "whole"; readonly min: number; readonly max: number };

/**
 * A list where the entries fit one (none holds a comma, all of them within 255 characters);
 * otherwise, for numbers, any whole number from min to max; for words that do not fit, nothing.
 */
export function scoreCriterion(scale: Scale): ScoreCriterion | null {
  const choices = scoreChoices(scale);
  const fits =
    choices.every((c) => c.trim() !== "" && !c.includes(",")) &&
    choices.join(",").length <= LIST_LIMIT;
  if (fits) return { kind: "list", choices };
  if (scale.levels && scale.levels.length > 0) return null;
  return { kind: "whole", min: scale.min, max: scale.max };
}

/** 1-based worksheet rows, inclusive. */
export interface RowRun {
  readonly top: number;
  readonly bottom: number;
}

/** One schedule's score drop-downs: where, what they accept and what they say. */
export interface ScoreDropDownPlan {
  readonly scheduleId: string;
  readonly sheet: string;
  readonly title: string;
  /** 1-based score column. */
  readonly column: number;
  /** The requirements' score rows, as runs of consecutive rows. */
  readonly rows: readonly RowRun[];
  /** null where the scale's words cannot be offered as a list (a word holds a comma, say). */
  readonly criterion: ScoreCriterion | null;
  /** Shown when a score cell is selected: the scale in the schedule's own words where it gives them. */
  readonly prompt: string;
  /** Shown when something off the scale is typed. */
  readonly errorMessage: string;
}

/** "1 = need to improve, 2 = adequate and 3 = good" out of the legend's sentence. */
export function legendWords(text: string): string | undefined {
  const flat = text.replace(/\s+/g, " ").trim();
  const start = /(?:^|[\s(:;,])(\d{1,3}\s*(?:=|:|\(|[-\u2013]\s(?=[A-Za-z])|is\b|means\b))/.exec(
    flat
  );
  if (!start) return undefined;
  let words = flat.slice(start.index + start[0].length - start[1].length);
  // The legend's own closing bracket, and a full stop, are not part of the scale's words.
  const opened = (words.match(/\(/g) ?? []).length;
  const closed = (words.match(/\)/g) ?? []).length;
  if (closed > opened) words = words.replace(/\)\s*[.;:]?\s*$/, "");
  words = words.replace(/[\s.;:]+$/, "");
  const hint = scaleHintFromText(words);
  return hint.min !== undefined && hint.max !== undefined ? words : undefined;
}

/**
 * The legend the schedule states its scale in, as written: a line above its header (below the
 * schedule before it) or the score column's header, whose numbers match the scale.
 */
export function scheduleLegend(
  grid: Grid,
  checked: CheckedSchedule,
  previousLastRow: number
): string | undefined {
  const { schedule, scale } = checked;
  const matches = (text: string) => {
    const hint = scaleHintFromText(text);
    return hint.min === scale.min && hint.max === scale.max;
  };
  const texts: string[] = [];
  const header = schedule.labels.score;
  if (header) texts.push(header);
  for (let row = schedule.headerRow - 1; row > previousLastRow && row >= grid.firstRow; row--) {
    const cells = grid.rows[row - grid.firstRow] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const text = cellText(cellAt(grid, row, grid.firstColumn + c));
      if (text !== "" && isLegend(text)) texts.push(text);
    }
  }
  for (const text of texts) {
    if (!matches(text)) continue;
    const words = legendWords(text);
    if (words) return words;
  }
  return undefined;
}

/** Clips text to `max` characters at a word, with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function best(scale: Scale): string {
  if (scale.levels && scale.levels.length > 0) return scale.levels[scale.levels.length - 1];
  return String(scale.direction === "ascending" ? scale.max : scale.min);
}

function listed(choices: readonly string[]): string {
  if (choices.length <= 1) return choices.join("");
  return `${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}`;
}

function scaleSentence(scale: Scale): string {
  if (scale.levels && scale.levels.length > 0)
    return `Choose ${listed(scale.levels)} (${best(scale)} is best).`;
  return `A whole number from ${scale.min} to ${scale.max} (${best(scale)} is best).`;
}

/** The prompt and error message for a schedule's score cells, within Excel's limits. */
export function scoreMessages(
  scale: Scale,
  legend: string | undefined
): { prompt: string; errorMessage: string } {
  const prompt = clip(legend ? `${legend}.` : scaleSentence(scale), PROMPT_LIMIT);
  const errorMessage = clip(
    `That is not on this schedule's scale: ${legend ?? scaleSentence(scale).replace(/\.$/, "")}. Choose No to pick a score, or Yes to keep what you typed (the check will report it).`,
    ERROR_LIMIT
  );
  return { prompt, errorMessage };
}

function runsOf(rows: readonly number[]): RowRun[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: RowRun[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last.bottom + 1) runs[runs.length - 1] = { top: last.top, bottom: r };
    else runs.push({ top: r, bottom: r });
  }
  return runs;
}

/** The drop-downs for every recognised schedule with a score column and requirements. */
export function planScoreDropDowns(
  schedules: readonly CheckedSchedule[],
  grids: readonly Grid[]
): ScoreDropDownPlan[] {
  const plans: ScoreDropDownPlan[] = [];
  const lastRowBefore = new Map<string, number>();
  for (const checked of schedules) {
    const { schedule, scale } = checked;
    const grid = grids.find((g) => g.name === schedule.sheet);
    const previous = lastRowBefore.get(schedule.sheet) ?? 0;
    lastRowBefore.set(schedule.sheet, schedule.lastRow);
    const column = schedule.columns.score;
    if (!grid || column === undefined || schedule.records.length === 0) continue;
    const legend = scheduleLegend(grid, checked, previous);
    plans.push({
      scheduleId: schedule.id,
      sheet: schedule.sheet,
      title: schedule.title,
      column,
      rows: runsOf(schedule.records.map((r) => r.scoreRow)),
      criterion: scoreCriterion(scale),
      ...scoreMessages(scale, legend),
    });
  }
  return plans;
}
