import type { Rule } from "./context";
import { findingAt, quoted, scoreName } from "./context";

export const lowScoreNoAction: Rule = ({ schedule, scored, facts }) =>
  scored.flatMap((s, i) => {
    if (!facts[i].noAction || s.score.kind !== "number") return [];
    const action = s.record.action;
    const why =
      action.trim() === ""
        ? "has no improvement action"
        : `has no improvement action (${quoted(action)} is not an action)`;
    return [
      findingAt(
        schedule,
        s.record,
        schedule.columns.action,
        "low-score-no-action",
        "warning",
        `${scoreName(s.score)} is weak but ${why}`
      ),
    ];
  });
