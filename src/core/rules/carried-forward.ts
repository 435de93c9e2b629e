import { levelLabel } from "../recognise/scale";
import type { Rule } from "./context";
import { findingAt } from "./context";

/**
 * Weak last year (in last year's workbook, or the schedule's own column for last year's score) and
 * weak again, with neither a new improvement action nor a new target date: carried forward.
 */
export const carriedForward: Rule = ({ schedule, scale, scored, facts }) =>
  scored.flatMap((s, i) => {
    const f = facts[i];
    if (!f.carriedForward || s.score.kind !== "number") return [];
    const before = f.lastYear?.level ?? f.lastYear?.score;
    const last = before === null || before === undefined ? "" : ` (${before})`;
    const now = levelLabel(scale, s.score.value);
    return [
      findingAt(
        schedule,
        s.record,
        schedule.columns.action,
        "carried-forward",
        "warning",
        `Weak last year${last} and still weak (${now}), with no new action or target date: carried forward`
      ),
    ];
  });
