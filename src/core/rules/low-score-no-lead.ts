import type { Rule } from "./context";
import { findingAt, quoted, scoreName } from "./context";

/**
 * Where the schedule has no lead-officer column at all, every weak score gets this finding, on
 * the action cell (where an officer would name who will act) or else the score.
 */
export const lowScoreNoLead: Rule = ({ schedule, scored, facts }) => {
  const hasColumn = schedule.columns.lead !== undefined;
  return scored.flatMap((s, i) => {
    if (!facts[i].noLead || s.score.kind !== "number") return [];
    const lead = s.record.lead;
    let why = "has no lead officer";
    if (!hasColumn) why += " (the schedule has no lead-officer column)";
    else if (lead.trim() !== "") why += ` (${quoted(lead)} names nobody)`;
    return [
      findingAt(
        schedule,
        s.record,
        schedule.columns.lead ?? schedule.columns.action,
        "low-score-no-lead",
        "warning",
        `${scoreName(s.score)} is weak but ${why}`
      ),
    ];
  });
};
