import type { Rule } from "./context";
import { findingAt, scoreName } from "./context";

/** A score with nothing to show for it, where the schedule has an evidence column. */
export const evidenceMissing: Rule = ({ schedule, scored }) => {
  if (schedule.columns.evidence === undefined) return [];
  return scored.flatMap((s) =>
    s.score.kind === "number" && s.valid && s.record.evidence.trim() === ""
      ? [
          findingAt(
            schedule,
            s.record,
            schedule.columns.evidence,
            "evidence-missing",
            "info",
            `${scoreName(s.score)} has no evidence to support it`
          ),
        ]
      : []
  );
};
