import { type Scale, allowedOnScale } from "../recognise/scale";
import type { ScoreValue } from "../recognise/score-value";
import type { Rule } from "./context";
import { findingAt, quoted } from "./context";

function what(score: ScoreValue, scale: Scale): string | undefined {
  const words = scale.levels !== undefined && !scale.numbered;
  switch (score.kind) {
    case "text":
      return words
        ? `Rating ${quoted(score.text, 30)} is not on the scale`
        : scale.levels
          ? `Score ${quoted(score.text, 30)} is not on the scale`
          : `Score ${quoted(score.text, 30)} is text`;
    case "decimal":
      return `Score ${score.value} is not a whole number`;
    case "error":
      return `Score cell shows the error ${score.code}`;
    case "date":
      return "Score cell holds a date";
    case "boolean":
      return `Score cell holds ${score.value ? "TRUE" : "FALSE"}`;
    case "marks":
      return `${score.marked.length} boxes are marked (${score.marked.join(", ")}): mark one`;
    default:
      return undefined;
  }
}

/** An entry that is not a rating on the schedule's terms; the message names what is allowed. */
export const scoreInvalid: Rule = ({ schedule, scored, scale }) =>
  scored.flatMap((s) => {
    const problem = what(s.score, scale);
    if (!problem) return [];
    const allowed =
      s.score.kind === "marks"
        ? `of ${[...(schedule.ticks ?? []).map((t) => t.level)].join(", ")}`
        : allowedOnScale(scale);
    const message =
      s.score.kind === "marks" ? `${problem} ${allowed}` : `${problem}: enter ${allowed}`;
    return [
      findingAt(schedule, s.record, schedule.columns.score, "score-invalid", "error", message),
    ];
  });
