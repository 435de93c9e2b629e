import type { Finding } from "./findings";
import type { ValidationResult } from "./validate";

/** A finding with what a reader needs beside it: its section and the requirement it is about. */
export interface FindingInContext {
  readonly finding: Finding;
  readonly section: string;
  readonly ref: string;
  readonly requirement: string;
}

/** Pairs each finding with its requirement (by sheet and score row). Schedule-level notices get none. */
export function findingsInContext(result: ValidationResult): FindingInContext[] {
  const byRow = new Map<string, { section: string; ref: string; requirement: string }>();
  for (const { schedule } of result.schedules) {
    for (const r of schedule.records) {
      byRow.set(`${schedule.sheet}\u0000${r.scoreRow}`, {
        section: r.section,
        ref: r.ref,
        requirement: r.requirement,
      });
    }
  }
  return result.findings.map((finding) => {
    const about = byRow.get(`${finding.sheet}\u0000${finding.row}`);
    return {
      finding,
      section: about?.section ?? "",
      ref: about?.ref ?? "",
      requirement: about?.requirement ?? "",
    };
  });
}
