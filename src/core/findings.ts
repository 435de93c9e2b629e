import { plural } from "./words";

/** The finding contract (DESIGN.md): rule ids are stable API. */
export type RuleId =
  | "score-missing"
  | "score-invalid"
  | "score-out-of-range"
  | "low-score-no-action"
  | "low-score-no-lead"
  | "lead-column-missing"
  | "low-score-no-date"
  | "evidence-missing"
  | "duplicate-ref"
  | "no-schedule-found"
  | "target-date-passed"
  | "carried-forward"
  | "progress-missing";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  readonly sheet: string;
  /**
   * 1-based worksheet row that holds the score (or the requirement's first row). For
   * `no-schedule-found`: the header row that came closest to a schedule (row 1 of the first
   * visible sheet where no row came near).
   */
  readonly row: number;
  /** 1-based worksheet column of `cell`. */
  readonly column: number;
  /** A1 address of the cell to fix. */
  readonly cell: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
}

export const RULE_DESCRIPTIONS: Readonly<Record<RuleId, string>> = {
  "score-missing": "A requirement has no score",
  "score-invalid": "The score is not a whole number",
  "score-out-of-range": "The score is outside the scale",
  "low-score-no-action": "A weak score has no improvement action",
  "low-score-no-lead": "A weak score has no lead officer",
  "lead-column-missing": "The schedule has no lead-officer column",
  "low-score-no-date": "A weak score has no target date",
  "evidence-missing": "A score has no evidence",
  "duplicate-ref": "A reference is used twice in one schedule",
  "no-schedule-found": "No schedule could be read",
  "target-date-passed": "A weak score's target date has passed",
  "carried-forward": "Carried forward from last year",
  "progress-missing": "Last year's action has no progress reported",
};

/** What each severity is called wherever a person reads it: the CLI's total line and the pane. */
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = {
  error: "error",
  warning: "warning",
  info: "notice",
};

/** "3 errors, 10 warnings, 2 notices": every severity, counted, in a fixed order. */
export function severityCounts(findings: readonly Finding[]): string {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return (["error", "warning", "info"] as const)
    .map((s) => plural(n[s], SEVERITY_WORDS[s]))
    .join(", ");
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(sheetOrder: readonly string[]) {
  return (a: Finding, b: Finding): number =>
    sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) ||
    a.row - b.row ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.rule.localeCompare(b.rule);
}
