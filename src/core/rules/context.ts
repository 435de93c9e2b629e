import { a1 } from "../grid";
import type { RecordFacts } from "../facts/record-facts";
import type { Finding, RuleId, Severity } from "../findings";
import type { RequirementRecord, Schedule } from "../recognise/schedule";
import { type Scale, isWeak } from "../recognise/scale";
import { type ScoreValue, readScore } from "../recognise/score-value";
import type { Settings } from "../settings";

/** A requirement with its score read on its schedule's terms. */
export interface ScoredRecord {
  readonly record: RequirementRecord;
  readonly score: ScoreValue;
  /** A whole number on the scale: the only scores the weak-score rules look at. */
  readonly valid: boolean;
  readonly weak: boolean;
}

export interface RuleContext {
  readonly schedule: Schedule;
  readonly scale: Scale;
  readonly weakThreshold: number;
  readonly settings: Settings;
  readonly scored: readonly ScoredRecord[];
  /** Each scored record's facts, in the same order (worked out once, in core/facts). */
  readonly facts: readonly RecordFacts[];
}

export type Rule = (ctx: RuleContext) => Finding[];

export function scoreRecords(
  records: readonly RequirementRecord[],
  scale: Scale,
  threshold: number
): ScoredRecord[] {
  return records.map((record) => {
    const score: ScoreValue =
      record.marks && record.marks.length > 1
        ? { kind: "marks", marked: record.marks }
        : readScore(record.score, scale);
    const valid = score.kind === "number" && score.value >= scale.min && score.value <= scale.max;
    const weak = valid && score.kind === "number" && isWeak(score.value, threshold, scale);
    return { record, score, valid, weak };
  });
}

/**
 * A valid score as a message names it: `Score 2`; `Rating "Amber"` on a scale of words;
 * `Score 2 ("Developing")` where a legend numbers its words.
 */
export function scoreName(score: ScoreValue): string {
  if (score.kind !== "number") return "Score";
  if (score.word === undefined) return `Score ${score.value}`;
  return score.numbered ? `Score ${score.value} ("${score.word}")` : `Rating "${score.word}"`;
}

/** A finding on `record`'s score row, in the given role's column (the score column if absent). */
export function findingAt(
  schedule: Schedule,
  record: RequirementRecord,
  column: number | undefined,
  rule: RuleId,
  severity: Severity,
  message: string
): Finding {
  const col = column ?? schedule.columns.score!;
  const row = record.scoreRow;
  return { sheet: schedule.sheet, row, column: col, cell: a1(row, col), rule, severity, message };
}

/** How a requirement is named in a message: its ref, else the start of its text. */
export function describeRequirement(record: RequirementRecord): string {
  if (record.ref) return `requirement ${record.ref}`;
  const text = record.requirement;
  if (!text) return "this requirement";
  return quoted(text, 50);
}

/** An officer's entry in quotes, cut short so a message stays on one line. */
export function quoted(text: string, max = 40): string {
  return `"${text.length > max ? `${text.slice(0, max - 3).trimEnd()}...` : text}"`;
}

export function scaleTerms(scale: Scale): string {
  return `${scale.min}-${scale.max}`;
}
