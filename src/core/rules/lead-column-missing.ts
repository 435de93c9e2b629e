import { a1 } from "../grid";
import type { Rule } from "./context";

/** One notice per schedule that has weak scores and nowhere to name who will act on them. */
export const leadColumnMissing: Rule = ({ schedule, scored }) => {
  if (schedule.columns.lead !== undefined || !scored.some((s) => s.weak)) return [];
  const column = schedule.columns.score!;
  return [
    {
      sheet: schedule.sheet,
      row: schedule.headerRow,
      column,
      cell: a1(schedule.headerRow, column),
      rule: "lead-column-missing",
      severity: "info",
      message:
        "The schedule has no lead-officer column: add one so each weak score has a named lead",
    },
  ];
};
