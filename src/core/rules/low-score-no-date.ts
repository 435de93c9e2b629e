import type { Rule } from "./context";
import { findingAt, scoreName } from "./context";

/** Only for schedules that have a target-date column ("TBC" there is no date). */
export const lowScoreNoDate: Rule = ({ schedule, scored, facts }) =>
  scored.flatMap((s, i) =>
    facts[i].noDate && s.score.kind === "number"
      ? [
          findingAt(
            schedule,
            s.record,
            schedule.columns.targetDate,
            "low-score-no-date",
            "warning",
            `${scoreName(s.score)} is weak but has no target date`
          ),
        ]
      : []
  );
