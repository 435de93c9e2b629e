import type { Rule } from "./context";
import { describeRequirement, findingAt } from "./context";

export const scoreMissing: Rule = ({ schedule, scored, scale }) =>
  scored
    .filter((s) => s.score.kind === "missing")
    .map((s) =>
      findingAt(
        schedule,
        s.record,
        schedule.columns.score,
        "score-missing",
        "error",
        schedule.ticks
          ? `No box is marked for ${describeRequirement(s.record)}`
          : `No ${scale.levels && !scale.numbered ? "rating" : "score"} for ${describeRequirement(s.record)}`
      )
    );
