import type { Rule } from "./context";
import { findingAt } from "./context";

function normaliseRef(ref: string): string {
  return ref.toLowerCase().replace(/[\s().]/g, "");
}

/** The second and later uses of a ref within one schedule (and section, where refs restart). */
export const duplicateRef: Rule = ({ schedule, scored }) => {
  if (schedule.columns.ref === undefined) return [];
  const seen = new Map<string, number>();
  return scored.flatMap((s) => {
    const ref = normaliseRef(s.record.ref);
    if (ref === "") return [];
    const key = `${s.record.section}\u0000${ref}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, s.record.rows[0]);
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
