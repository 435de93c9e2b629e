import { type Finding, severityCounts } from "../core/findings";
import { describeScale, weakAt } from "../core/recognise/scale";
import type { ValidationResult } from "../core/validate";
import { terminalSafe } from "./terminal-text";
import { plural } from "../core/words";

/**
 * A linter-style report for one file: a heading, then each sheet's findings a line each. Text from
 * the workbook (sheet names, titles, cell text in messages) has its control characters escaped.
 */
export function reportText(file: string, result: ValidationResult): string {
  const safe = terminalSafe;
  const lines: string[] = [];
  const requirements = result.schedules.reduce((n, s) => n + s.schedule.records.length, 0);
  if (result.schedules.length === 0)
    lines.push(`${file}: no self-assessment schedule read, so nothing was checked (see below).`);
  else
    lines.push(
      `${file}: ${plural(result.schedules.length, "schedule")}, ${plural(requirements, "requirement")}`
    );
  for (const { schedule, scale, weakThreshold } of result.schedules) {
    lines.push(
      `  ${safe(schedule.sheet)}, header row ${schedule.headerRow}: "${safe(schedule.title)}", scale ${safe(describeScale(scale))}, weak at ${safe(weakAt(scale, weakThreshold))}`
    );
  }
  for (const { schedule } of result.unread)
    lines.push(
      `  ${safe(schedule.sheet)}, header row ${schedule.headerRow}: not read (its rating words are on no known scale)`
    );
  if (result.skippedSheets.length)
    lines.push(`  not checked (hidden): ${result.skippedSheets.map(safe).join(", ")}`);
  let width = 0;
  let ruleWidth = 0;
  for (const f of result.findings) {
    width = Math.max(width, safe(f.sheet).length + 1 + f.cell.length);
    ruleWidth = Math.max(ruleWidth, f.rule.length);
  }
  let sheet: string | undefined;
  for (const f of result.findings) {
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      lines.push("", safe(sheet));
    }
    lines.push(
      `  ${`${safe(f.sheet)}!${f.cell}`.padEnd(width)}  ${f.rule.padEnd(ruleWidth)}  ${safe(f.message)}`
    );
  }
  return lines.join("\n");
}

export function totalLine(findings: readonly Finding[], files: number, unreadable: number): string {
  const tail = unreadable ? `, ${unreadable} could not be read` : "";
  if (findings.length === 0) return `No problems found in ${plural(files, "file")}${tail}.`;
  return `${plural(findings.length, "finding")} (${severityCounts(findings)}) in ${plural(files, "file")}${tail}.`;
}
