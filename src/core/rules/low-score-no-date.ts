import { isBlank } from "../grid";
import { isPlaceholder } from "../settings";
import type { Rule } from "./context";
import { findingAt, scoreName } from "./context";

/** Only for schedules that have a target-date column. */
export const lowScoreNoDate: Rule = ({ schedule, scored, settings }) => {
  if (schedule.columns.targetDate === undefined) return [];
  return scored.flatMap((s) => {
    if (!s.weak || s.score.kind !== "number") return [];
    const date = s.record.targetDate;
    const empty =
      isBlank(date) || (typeof date === "string" && isPlaceholder(date, settings.leadPlaceholders));
    if (!empty) return [];
    return [
      findingAt(
        schedule,
        s.record,
        schedule.columns.targetDate,
        "low-score-no-date",
        "warning",
        `${scoreName(s.score)} is weak but has no target date`
      ),
    ];
  });
};
