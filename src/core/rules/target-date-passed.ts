import { ukDate } from "../dates";
import type { Rule } from "./context";
import { findingAt, scoreName } from "./context";

/** A weak score whose target date is before the day the return is judged on. */
export const targetDatePassed: Rule = ({ schedule, scored, facts }) =>
  scored.flatMap((s, i) => {
    const f = facts[i];
    if (!f.datePassed || f.targetDay === null || s.score.kind !== "number") return [];
    const date = ukDate(new Date(f.targetDay * 86_400_000));
    return [
      findingAt(
        schedule,
        s.record,
        schedule.columns.targetDate,
        "target-date-passed",
        "warning",
        `${scoreName(s.score)} is weak and its target date (${date}) has passed`
      ),
    ];
  });
