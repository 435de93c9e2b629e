import type { Rule } from "./context";
import { findingAt, scaleTerms } from "./context";

export const scoreOutOfRange: Rule = ({ schedule, scored, scale }) =>
  scored.flatMap((s) =>
    s.score.kind === "number" && !s.valid
      ? [
          findingAt(
            schedule,
            s.record,
            schedule.columns.score,
            "score-out-of-range",
            "error",
            `Score ${s.score.value} is outside the ${scaleTerms(scale)} scale`
          ),
        ]
      : []
  );
