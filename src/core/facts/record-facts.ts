import { dayOf, targetDay } from "../dates";
import { isBlank } from "../grid";
import { type Scale, isWeak } from "../recognise/scale";
import type { Schedule } from "../recognise/schedule";
import { readScore } from "../recognise/score-value";
import type { ScoredRecord } from "../rules/context";
import { type Settings, placeholderTest } from "../settings";
import { type LastYear, levelOf, normaliseText, positionOnScale } from "./last-year";

/** Direction of travel: this year's score against last year's, "new" where last year had none. */
export type Travel = "up" | "down" | "same" | "new";

/**
 * What follows from one requirement's entries, worked out once: the rules report it, the task pane
 * lists it, and both renderers print it. Every field is false (or null) for a score that is not weak
 * where it only concerns weak scores.
 */
export interface RecordFacts {
  /** A weak score with no improvement action (empty, or a placeholder such as "n/a"). */
  readonly noAction: boolean;
  /** A weak score with no lead officer, or in a schedule without a lead-officer column. */
  readonly noLead: boolean;
  /** A weak score with no target date, in a schedule that has a target-date column. */
  readonly noDate: boolean;
  /** A weak score whose target date is before the day the return is judged on. */
  readonly datePassed: boolean;
  /** The target date as a day number (see dayOf), where the entry is a date. */
  readonly targetDay: number | null;
  /** Last year's entries for this requirement; null where there is nothing to compare with. */
  readonly lastYear: LastYear | null;
  /** Null where the schedule has no comparison at all, or this year's score is not valid. */
  readonly travel: Travel | null;
  /** Weak last year, weak again, and neither a new action nor a new target date. */
  readonly carriedForward: boolean;
  /** Last year's action has nothing in this year's progress column. */
  readonly progressMissing: boolean;
}

/** The placeholder tests for one set of settings, made once and shared by every schedule. */
export interface EntryTests {
  readonly noAction: (text: string) => boolean;
  readonly noLead: (text: string) => boolean;
}

export function entryTests(settings: Settings): EntryTests {
  return {
    noAction: placeholderTest(settings.actionPlaceholders),
    noLead: placeholderTest(settings.leadPlaceholders),
  };
}

/** Where last year's entries come from, for one schedule. */
export type LastYearSource =
  /** Matched requirements of last year's workbook (null: a requirement new this year). */
  | { readonly kind: "workbook"; readonly records: readonly (LastYear | null)[] }
  /** The schedule's own columns for last year's score, plan and progress. */
  | { readonly kind: "columns" }
  | { readonly kind: "none" };

export interface FactInput {
  readonly schedule: Schedule;
  readonly scale: Scale;
  readonly weakThreshold: number;
  readonly scored: readonly ScoredRecord[];
}

const SAME = 1e-9;

function travelOf(now: number, before: number | null): Travel {
  if (before === null) return "new";
  if (Math.abs(now - before) < SAME) return "same";
  return now > before ? "up" : "down";
}

/**
 * Each requirement's facts. `today` is the day number target dates are judged against (see dayOf).
 */
export function recordFacts(
  { schedule, scale, weakThreshold, scored }: FactInput,
  tests: EntryTests,
  today: number,
  lastYearSource: LastYearSource
): RecordFacts[] {
  const { columns } = schedule;
  const hasLead = columns.lead !== undefined;
  const hasDate = columns.targetDate !== undefined;
  const hasProgress = columns.progress !== undefined;
  const fromColumns = lastYearSource.kind === "columns";
  const compared = lastYearSource.kind === "workbook" || columns.previousScore !== undefined;
  const out: RecordFacts[] = new Array<RecordFacts>(scored.length);
  for (let i = 0; i < scored.length; i++) {
    const s = scored[i];
    const r = s.record;
    const weak = s.weak && s.score.kind === "number";
    const day = targetDay(r.targetDate);
    const dayNumber = day ? dayOf(day) : null;
    const noAction = weak && tests.noAction(r.action);
    const noLead = weak && (!hasLead || tests.noLead(r.lead));
    const dateEntry = r.targetDate;
    const noDate =
      weak &&
      hasDate &&
      (isBlank(dateEntry) || (typeof dateEntry === "string" && tests.noLead(dateEntry)));
    const datePassed = weak && dayNumber !== null && dayNumber < today;

    let lastYear: LastYear | null = null;
    if (lastYearSource.kind === "workbook") lastYear = lastYearSource.records[i];
    else if (fromColumns) lastYear = lastYearFromColumns(s, scale, weakThreshold, tests);

    const now = s.valid && s.score.kind === "number" ? positionOnScale(s.score.value, scale) : null;
    const travel = !compared || now === null ? null : travelOf(now, lastYear?.position ?? null);

    let carriedForward = false;
    if (weak && lastYear?.weak) {
      const newAction =
        !noAction &&
        (lastYear.action === "" || normaliseText(lastYear.action) !== normaliseText(r.action));
      const newDate =
        dayNumber !== null &&
        !datePassed &&
        (lastYear.targetDay === null || lastYear.targetDay !== dayNumber);
      carriedForward = !newAction && !newDate;
    }
    const lastAction = lastYear?.action ?? "";
    // A requirement marked "N/A" this year raises nothing, last year's action included.
    const progressMissing =
      hasProgress &&
      lastAction !== "" &&
      s.score.kind !== "notApplicable" &&
      tests.noAction(r.progress);

    out[i] = {
      noAction,
      noLead,
      noDate,
      datePassed,
      targetDay: dayNumber,
      lastYear,
      travel,
      carriedForward,
      progressMissing,
    };
  }
  return out;
}

/** Last year's score, plan and progress as the schedule itself records them beside this year's. */
function lastYearFromColumns(
  s: ScoredRecord,
  scale: Scale,
  weakThreshold: number,
  tests: EntryTests
): LastYear | null {
  const r = s.record;
  // Read on this year's scale: last year's "Amber" beside this year's is a level, as this year's is.
  const previous = readScore(r.previousScore, scale);
  const score =
    previous.kind === "number" && previous.value >= scale.min && previous.value <= scale.max
      ? previous.value
      : null;
  const action = tests.noAction(r.previousAction) ? "" : r.previousAction;
  if (score === null && action === "") return null;
  return {
    score,
    level: levelOf(scale, score),
    position: score === null ? null : positionOnScale(score, scale),
    weak: score !== null && isWeak(score, weakThreshold, scale),
    action,
    targetDay: null,
  };
}

/** Which source a schedule's comparison takes: last year's workbook where given, else its own columns. */
export function lastYearSourceFor(
  schedule: Schedule,
  matched: readonly (LastYear | null)[] | undefined
): LastYearSource {
  if (matched) return { kind: "workbook", records: matched };
  const c = schedule.columns;
  if (c.previousScore !== undefined || c.previousAction !== undefined) return { kind: "columns" };
  return { kind: "none" };
}
