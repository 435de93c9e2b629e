import type { Rule } from "./context";
import { findingAt, quoted } from "./context";

/** Last year's improvement action, with nothing in this year's progress column. */
export const progressMissing: Rule = ({ schedule, scored, facts }) =>
  scored.flatMap((s, i) => {
    const f = facts[i];
    if (!f.progressMissing || !f.lastYear) return [];
    return [
      findingAt(
        schedule,
        s.record,
        schedule.columns.progress,
        "progress-missing",
        "warning",
        `Last year's action ${quoted(f.lastYear.action)} has no progress reported`
      ),
    ];
  });
