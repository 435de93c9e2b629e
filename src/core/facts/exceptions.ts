import type { RuleId } from "../findings";
import type { ScoredRecord } from "../rules/context";
import type { RecordFacts } from "./record-facts";

/** The rules that report one requirement's problems: what the committee's paper calls exceptions. */
export type ExceptionRule = Extract<
  RuleId,
  | "score-missing"
  | "score-invalid"
  | "score-out-of-range"
  | "low-score-no-action"
  | "low-score-no-lead"
  | "low-score-no-date"
  | "target-date-passed"
  | "carried-forward"
  | "progress-missing"
>;

/** In the order the paper lists them: what most needs a member's attention first. */
export const EXCEPTION_ORDER: readonly ExceptionRule[] = [
  "low-score-no-action",
  "low-score-no-lead",
  "carried-forward",
  "target-date-passed",
  "score-missing",
  "score-invalid",
  "score-out-of-range",
  "progress-missing",
  "low-score-no-date",
];

const NONE: readonly ExceptionRule[] = Object.freeze([]);

/**
 * The rule a score that is not valid breaks, or null for a valid score or one no rule reports ("N/A":
 * the requirement does not apply).
 */
export function scoreProblem(s: ScoredRecord): ExceptionRule | null {
  if (s.valid) return null;
  switch (s.score.kind) {
    case "missing":
      return "score-missing";
    case "number":
      return "score-out-of-range";
    case "text":
    case "decimal":
    case "error":
    case "date":
    case "boolean":
    case "marks":
      return "score-invalid";
    case "notApplicable":
      return null;
  }
}

/**
 * The rules one requirement breaks, from its facts: the same facts the rules themselves read, so the
 * paper and the findings cannot disagree.
 */
export function exceptionRules(s: ScoredRecord, f: RecordFacts): readonly ExceptionRule[] {
  if (
    s.valid &&
    !f.noAction &&
    !f.noLead &&
    !f.noDate &&
    !f.datePassed &&
    !f.carriedForward &&
    !f.progressMissing
  )
    return NONE;
  const out: ExceptionRule[] = [];
  const score = scoreProblem(s);
  if (score) out.push(score);
  if (f.noAction) out.push("low-score-no-action");
  if (f.noLead) out.push("low-score-no-lead");
  if (f.noDate) out.push("low-score-no-date");
  if (f.datePassed) out.push("target-date-passed");
  if (f.carriedForward) out.push("carried-forward");
  if (f.progressMissing) out.push("progress-missing");
  return out;
}
