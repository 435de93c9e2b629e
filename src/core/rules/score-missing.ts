import type { Rule } from "./context";
import { describeRequirement, findingAt } from "./context";

export const scoreMissing: Rule = ({ schedule, scored }) =>
  scored
    .filter((s) => s.score.kind === "missing")
    .map((s) =>
      findingAt(
        schedule,
        s.record,
        schedule.columns.score,
        "score-missing",
        "error",
        `No score for ${describeRequirement(s.record)}`
      )
    );
