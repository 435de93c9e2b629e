import { dayOf, targetDay } from "../dates";
import { a1 } from "../grid";
import { type Scale, levelLabel } from "../recognise/scale";
import { type RequirementRecord, type Schedule, normaliseRef } from "../recognise/schedule";
import { placeholderTest } from "../settings";
import type { Settings } from "../settings";
import type { CheckedSchedule } from "../validate";

/** What last year's return said about one requirement. */
export interface LastYear {
  /** Last year's score, when it was a whole number on last year's scale; null otherwise. */
  readonly score: number | null;
  /** On a word scale, the score's level as the paper names it ("Amber"); null on a numeric scale. */
  readonly level: string | null;
  /** Where last year's score sat on its scale: 0 the worst level, 1 the best; null without a score. */
  readonly position: number | null;
  readonly weak: boolean;
  /** Last year's improvement action; "" where there was none (empty or a placeholder). */
  readonly action: string;
  /** Last year's target date as a day number (see dayOf); null where there was none. */
  readonly targetDay: number | null;
}

/** A requirement of last year's return, with what is needed to match it and to name it. */
export interface LastYearRecord extends LastYear {
  readonly sheet: string;
  readonly cell: string;
  readonly section: string;
  readonly ref: string;
  readonly requirement: string;
}

export interface LastYearSchedule {
  readonly sheet: string;
  readonly title: string;
  readonly scale: Scale;
  readonly records: readonly LastYearRecord[];
}

/**
 * Last year's return, reduced to what direction of travel and carried-forward actions need. It is
 * plain data, so the command line can read last year's workbook on another thread and hand this back.
 */
export interface LastYearReturn {
  /** The file it came from, as a name to show. */
  readonly source: string;
  readonly schedules: readonly LastYearSchedule[];
}

/** A score's level name on a word scale (see levelLabel); null on a numeric scale or without a score. */
export function levelOf(scale: Scale, score: number | null): string | null {
  return score === null || !scale.levels ? null : levelLabel(scale, score);
}

/** Where a score sits on its scale, 0 (worst) to 1 (best), whichever way round the scale runs. */
export function positionOnScale(score: number, scale: Scale): number {
  const span = scale.max - scale.min;
  if (span <= 0) return 1;
  const up = (score - scale.min) / span;
  return scale.direction === "ascending" ? up : 1 - up;
}

/** Last year's workbook, scored on its own scales and thresholds, as the comparison needs it. */
export function lastYearReturn(
  source: string,
  schedules: readonly Pick<CheckedSchedule, "schedule" | "scale" | "scored">[],
  settings: Settings
): LastYearReturn {
  const noAction = placeholderTest(settings.actionPlaceholders);
  return {
    source,
    schedules: schedules.map(({ schedule, scale, scored }) => {
      const scoreColumn = schedule.columns.score!;
      return {
        sheet: schedule.sheet,
        title: schedule.title,
        scale,
        records: scored.map((s) => {
          const r = s.record;
          const score = s.valid && s.score.kind === "number" ? s.score.value : null;
          const day = targetDay(r.targetDate);
          return {
            sheet: schedule.sheet,
            cell: a1(r.scoreRow, scoreColumn),
            section: r.section,
            ref: r.ref,
            requirement: r.requirement,
            score,
            level: levelOf(scale, score),
            position: score === null ? null : positionOnScale(score, scale),
            weak: s.weak,
            action: noAction(r.action) ? "" : r.action,
            targetDay: day ? dayOf(day) : null,
          };
        }),
      };
    }),
  };
}

/** Requirement text compared without case, punctuation or spacing. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A title without years and numbers: "Local Code 2025/26" and "Local Code 2024/25" are one schedule. */
function titleKey(title: string): string {
  return normaliseText(title.replace(/\d+/g, " "));
}

/**
 * Counts each key; a key seen more than once cannot identify one requirement on its own.
 * Keys are kept only where they are not empty.
 */
function counts(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) if (k !== "") m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

interface Candidate {
  readonly record: LastYearRecord;
  claimed: boolean;
}

/**
 * Matches this year's requirements with last year's: by ref where the ref names one requirement on
 * both sides, then by section and ref (refs that restart in each section), then by the requirement's
 * text. Each of last year's requirements is matched at most once.
 */
function matchRecords(
  records: readonly RequirementRecord[],
  candidates: readonly Candidate[]
): (LastYearRecord | null)[] {
  const out: (LastYearRecord | null)[] = new Array<LastYearRecord | null>(records.length).fill(
    null
  );
  const passes: ((r: { ref: string; section: string; requirement: string }) => string)[] = [
    (r) => normaliseRef(r.ref),
    (r) => (r.ref.trim() === "" ? "" : `${normaliseText(r.section)}|${normaliseRef(r.ref)}`),
    (r) => normaliseText(r.requirement),
  ];
  for (const keyOf of passes) {
    const open = candidates.filter((c) => !c.claimed);
    if (open.length === 0) break;
    const theirKeys = open.map((c) => keyOf(c.record));
    const ourKeys = records.map((r, i) => (out[i] ? "" : keyOf(r)));
    const theirs = counts(theirKeys);
    const ours = counts(ourKeys);
    const byKey = new Map<string, Candidate>();
    open.forEach((c, i) => {
      const k = theirKeys[i];
      if (k !== "" && theirs.get(k) === 1) byKey.set(k, c);
    });
    ourKeys.forEach((k, i) => {
      if (k === "" || ours.get(k) !== 1) return;
      const c = byKey.get(k);
      if (!c || c.claimed) return;
      c.claimed = true;
      out[i] = c.record;
    });
  }
  return out;
}

export interface LastYearMatch {
  /** Per schedule of this year, per requirement: last year's requirement, or null (new). */
  readonly perSchedule: readonly (readonly (LastYearRecord | null)[])[];
  /** Last year's requirements that match none of this year's. */
  readonly removed: readonly LastYearRecord[];
  readonly matched: number;
}

/**
 * Pairs this year's schedules with last year's (same sheet name, else the same title once years are
 * set aside, else in order where both returns hold as many), then matches their requirements.
 * Schedules left unpaired are matched against all of last year's requirements not yet claimed.
 */
export function matchLastYear(current: readonly Schedule[], last: LastYearReturn): LastYearMatch {
  const pools = last.schedules.map((s) => s.records.map((record) => ({ record, claimed: false })));
  const paired = new Set<number>();
  const pairOf: (number | undefined)[] = current.map(() => undefined);
  const pair = (find: (s: Schedule, i: number) => number) =>
    current.forEach((s, i) => {
      if (pairOf[i] !== undefined) return;
      const j = find(s, i);
      if (j >= 0 && !paired.has(j)) {
        pairOf[i] = j;
        paired.add(j);
      }
    });
  pair((s) => last.schedules.findIndex((p, j) => !paired.has(j) && p.sheet === s.sheet));
  pair((s) =>
    last.schedules.findIndex((p, j) => !paired.has(j) && titleKey(p.title) === titleKey(s.title))
  );
  if (current.length === last.schedules.length) pair((_s, i) => i);

  let matched = 0;
  const perSchedule = current.map((s, i) => {
    const j = pairOf[i];
    const own = j === undefined ? [] : pools[j];
    const found = matchRecords(s.records, own);
    if (found.some((f) => f === null)) {
      // What the paired schedule lacks may have moved to a sheet of its own this year.
      const rest = pools.filter((_p, k) => !paired.has(k)).flat();
      const more = matchRecords(
        s.records.filter((_r, k) => found[k] === null),
        rest
      );
      let m = 0;
      for (let k = 0; k < found.length; k++) if (found[k] === null) found[k] = more[m++];
    }
    for (const f of found) if (f) matched++;
    return found;
  });
  const removed = pools
    .flat()
    .filter((c) => !c.claimed)
    .map((c) => c.record);
  return { perSchedule, removed, matched };
}
