import { dayOf } from "./dates";
import { type LastYearRecord, type LastYearReturn, matchLastYear } from "./facts/last-year";
import { type RecordFacts, entryTests, lastYearSourceFor, recordFacts } from "./facts/record-facts";
import { type Finding, compareFindings } from "./findings";
import type { Grid } from "./grid";
import { findSchedules } from "./recognise/find-schedules";
import { workbookKeys } from "./recognise/keys";
import { type NearMiss, closestToSchedule, looksAssessed } from "./recognise/near-miss";
import { type Scale, completeScale, defaultWeakThreshold } from "./recognise/scale";
import type { Schedule } from "./recognise/schedule";
import { RULES, WORKBOOK_RULES } from "./rules";
import { type ScoredRecord, scoreRecords } from "./rules/context";
import { type Settings, defaultSettings, overrideFor } from "./settings";

/** A schedule as checked: what was recognised plus the terms it was checked on. */
export interface CheckedSchedule {
  readonly schedule: Schedule;
  readonly scale: Scale;
  readonly weakThreshold: number;
  readonly scored: readonly ScoredRecord[];
  /** Each scored record's facts (weak without an action, date passed, carried forward...), in order. */
  readonly facts: readonly RecordFacts[];
}

/** How this year's return compares with last year's workbook. */
export interface LastYearComparison {
  /** Last year's file, as a name to show. */
  readonly source: string;
  /** This year's requirements matched with one of last year's. */
  readonly matched: number;
  /** Last year's requirements that match none of this year's. */
  readonly removed: readonly LastYearRecord[];
}

/** A sheet that looks like a schedule but cannot be checked as it stands. */
export interface UnreadSchedule {
  readonly schedule: Schedule;
}

/** A workbook's schedules, recognised and scored. */
export interface ScoredWorkbook {
  readonly schedules: readonly CheckedSchedule[];
  /** Sheets read but left out: hidden ones, and the add-in's own summary sheets. */
  readonly skippedSheets: readonly string[];
  /**
   * Schedules found but not checked: rated in words that nothing in the workbook puts in order.
   * Each gets a `no-schedule-found` finding; a setting that gives the words makes it checkable.
   */
  readonly unread: readonly UnreadSchedule[];
  /**
   * Sheets with no schedule found whose headers describe one (what is assessed, its evidence,
   * something recorded), where schedules were found elsewhere: each gets a `no-schedule-found`
   * finding, so a sheet left out is never taken for a sheet without problems.
   */
  readonly unreadSheets: readonly NearMiss[];
  /** The day target dates were judged against. */
  readonly asAt: Date;
  /** Present when last year's workbook was given. */
  readonly lastYear?: LastYearComparison;
}

export interface ValidationResult extends ScoredWorkbook {
  readonly findings: readonly Finding[];
}

export interface ValidateOptions {
  settings?: Settings;
  /** Names of sheets the add-in wrote itself (summary, action plan): never checked. */
  ownSheets?: readonly string[];
  /** Told before each sheet is searched for schedules, for a progress line ("sheet 2 of 5"). */
  onSheet?: (index: number, count: number, name: string) => void;
  /** The day target dates are judged against; today where not given. */
  asAt?: Date;
  /** Last year's return, for direction of travel and carried-forward actions. */
  lastYear?: LastYearReturn;
}

/** The settings' threshold, kept on the scale: a threshold past either end is pulled back to it. */
function thresholdFor(scale: Scale, wanted: number | undefined): number {
  if (wanted === undefined) return defaultWeakThreshold(scale);
  return Math.min(scale.max, Math.max(scale.min, wanted));
}

/** A schedule's records scored on its scale, with the threshold its settings give. */
function scoreSchedule(schedule: Schedule, settings: Settings): Omit<CheckedSchedule, "facts"> {
  const override = overrideFor(settings, schedule.id, schedule.sheet);
  if (override.scale) {
    schedule.scale = override.scale;
    schedule.scaleSource = "setting";
    schedule.unplacedWords = undefined;
  }
  const scale = schedule.scale;
  const weakThreshold = thresholdFor(scale, override.weakThreshold);
  const scored = scoreRecords(schedule.records, scale, weakThreshold);
  return { schedule, scale, weakThreshold, scored };
}

/** A workbook's schedules found and scored, before their facts are worked out. */
export interface RecognisedWorkbook {
  readonly schedules: readonly Omit<CheckedSchedule, "facts">[];
  readonly skippedSheets: readonly string[];
  readonly unread: readonly UnreadSchedule[];
  readonly unreadSheets: readonly NearMiss[];
  readonly settings: Settings;
}

/**
 * Sheets that repeat one header (a "Score 1-" sheet per principle) are one scale: where each
 * left its top to the data, they agree on what all their data say.
 */
function agreeSiblingScales(schedules: readonly Schedule[]): void {
  const bySignature = new Map<string, Schedule[]>();
  for (const s of schedules) {
    if (!s.openScale || s.scale.levels) continue;
    const list = bySignature.get(s.openScale.signature) ?? [];
    list.push(s);
    bySignature.set(s.openScale.signature, list);
  }
  for (const siblings of bySignature.values()) {
    if (new Set(siblings.map((s) => s.sheet)).size < 2) continue;
    const observed = siblings.flatMap((s) => s.openScale!.observed);
    const hints = siblings.flatMap((s) => s.openScale!.hints);
    const scale = completeScale(hints, observed);
    for (const s of siblings) s.scale = { ...scale, direction: s.scale.direction };
  }
}

/**
 * Finds and scores every schedule in a workbook's visible sheets. Nothing here depends on the day
 * or on last year's return, so the command line does it while last year's workbook is still read.
 */
export function recogniseGrids(
  grids: readonly Grid[],
  options: ValidateOptions = {}
): RecognisedWorkbook {
  const settings = options.settings ?? defaultSettings();
  const own = new Set(options.ownSheets ?? []);
  const found: Schedule[] = [];
  const skippedSheets: string[] = [];
  // Keys may sit on hidden sheets (a "Lists" sheet behind the drop-downs): all grids are searched.
  const keyFor = workbookKeys(grids.filter((g) => !own.has(g.name)));
  for (const [index, grid] of grids.entries()) {
    options.onSheet?.(index, grids.length, grid.name);
    if (grid.hidden || own.has(grid.name)) {
      skippedSheets.push(grid.name);
      continue;
    }
    for (const schedule of findSchedules(grid, { keyFor })) found.push(schedule);
  }
  agreeSiblingScales(found);
  const foundOn = new Set(found.map((s) => s.sheet));
  // Where nothing was found at all, the workbook's one finding names the closest row instead.
  const unreadSheets = found.length
    ? grids
        .filter((g) => !g.hidden && !own.has(g.name) && !foundOn.has(g.name))
        .flatMap((g) => {
          const miss = closestToSchedule([g]);
          return miss && looksAssessed(miss) ? [miss] : [];
        })
    : [];
  const schedules: Omit<CheckedSchedule, "facts">[] = [];
  const unread: UnreadSchedule[] = [];
  for (const schedule of found) {
    const checked = scoreSchedule(schedule, settings);
    if (schedule.unplacedWords) unread.push({ schedule });
    else schedules.push(checked);
  }
  return { schedules, skippedSheets, unread, unreadSheets, settings };
}

/** Each requirement's facts, judged as at a day and against last year's return where given. */
export function withFacts(
  recognised: RecognisedWorkbook,
  options: Pick<ValidateOptions, "asAt" | "lastYear"> = {}
): ScoredWorkbook {
  const terms = recognised.schedules;
  const asAt = options.asAt ?? new Date();
  const today = dayOf(asAt);
  const tests = entryTests(recognised.settings);
  const match = options.lastYear
    ? matchLastYear(
        terms.map((t) => t.schedule),
        options.lastYear
      )
    : undefined;
  const schedules: CheckedSchedule[] = terms.map((t, i) => ({
    ...t,
    facts: recordFacts(t, tests, today, lastYearSourceFor(t.schedule, match?.perSchedule[i])),
  }));
  const lastYear =
    options.lastYear && match
      ? { source: options.lastYear.source, matched: match.matched, removed: match.removed }
      : undefined;
  return {
    schedules,
    skippedSheets: recognised.skippedSheets,
    unread: recognised.unread,
    unreadSheets: recognised.unreadSheets,
    asAt,
    lastYear,
  };
}

/**
 * Finds and scores every schedule in a workbook's visible sheets, with each requirement's facts,
 * without running the rules: what the committee summary needs.
 */
export function scoreGrids(grids: readonly Grid[], options: ValidateOptions = {}): ScoredWorkbook {
  return withFacts(recogniseGrids(grids, options), options);
}

/** Finds and checks every schedule in a workbook's visible sheets. */
export function validateGrids(
  grids: readonly Grid[],
  options: ValidateOptions = {}
): ValidationResult {
  const settings = options.settings ?? defaultSettings();
  const scored = scoreGrids(grids, { ...options, settings });
  const findings: Finding[] = [];
  for (const checked of scored.schedules)
    for (const rule of RULES) for (const f of rule({ ...checked, settings })) findings.push(f);
  const skipped = new Set([...scored.skippedSheets, ...(options.ownSheets ?? [])]);
  for (const rule of WORKBOOK_RULES)
    for (const f of rule({ grids, result: scored, skipped })) findings.push(f);
  findings.sort(compareFindings(grids.map((g) => g.name)));
  return { ...scored, findings };
}
