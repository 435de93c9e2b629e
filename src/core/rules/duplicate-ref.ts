import type { Rule } from "./context";
import { findingAt } from "./context";
import { normaliseRef } from "../recognise/schedule";

/** The second and later uses of a ref within one schedule (and section, where refs restart). */
export const duplicateRef: Rule = ({ schedule, scored }) => {
  if (schedule.columns.ref === undefined) return [];
  // Refs restart in each section, so each section keeps its own list.
  const bySection = new Map<string, Map<string, number>>();
  return scored.flatMap((s) => {
    const ref = normaliseRef(s.record.ref);
    if (ref === "") return [];
    let seen = bySection.get(s.record.section);
    if (!seen) bySection.set(s.record.section, (seen = new Map()));
    const first = seen.get(ref);
    if (first === undefined) {
      seen.set(ref, s.record.rows[0]);
      return [];
    }
    return [
      findingAt(
        schedule,
        s.record,
        schedule.columns.ref,
        "duplicate-ref",
        "warning",
        `Ref ${s.record.ref} is used again (first on row ${first})`
      ),
    ];
  });
};
