import type { ScoreValue } from "../recognise/score-value";
import type { Rule } from "./context";
import { findingAt, quoted } from "./context";

function what(score: ScoreValue): string | undefined {
  switch (score.kind) {
    case "text":
      return `Score ${quoted(score.text, 30)} is text`;
    case "decimal":
      return `Score ${score.value} is not a whole number`;
    case "error":
      return `Score cell shows the error ${score.code}`;
    case "date":
      return "Score cell holds a date";
    case "boolean":
      return `Score cell holds ${score.value ? "TRUE" : "FALSE"}`;
    default:
      return undefined;
  }
}

export const scoreInvalid: Rule = ({ schedule, scored, scale }) =>
  scored.flatMap((s) => {
    const problem = what(s.score);
    if (!problem) return [];
    const message = `${problem}: enter a whole number from ${scale.min} to ${scale.max}`;
    return [
      findingAt(schedule, s.record, schedule.columns.score, "score-invalid", "error", message),
    ];
  });
