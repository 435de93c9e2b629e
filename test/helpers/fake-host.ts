import type { Finding } from "../../src/core/findings";
import type { CellValue, Grid } from "../../src/core/grid";
import { parseRange } from "../../src/core/grid";
import type {
  CommitteeOutput,
  HostProgress,
  MarkResult,
  WorkbookHost,
  WorkbookRead,
} from "../../src/core/host";
import type { WorkbookPlan } from "../../src/core/summary/plan";
import { type Settings, parseSettings } from "../../src/core/settings";
import { withValidationLists } from "../../src/core/validation-lists";
import { type CellSpec, type SheetSpec, listFormula } from "./workbook-builder";

function toCell(cell: CellSpec): CellValue {
  if (cell === null || typeof cell !== "object" || cell instanceof Date) return cell;
  if ("formula" in cell)
    return cell.result === undefined
      ? null
      : typeof cell.result === "object"
        ? { error: cell.result.error }
        : cell.result;
  if ("error" in cell) return { error: cell.error };
  if ("richText" in cell) return cell.richText.map((r) => r.text).join("");
  return cell.text;
}

/** Grids straight from fixture sheets, as a host would read them. */
export function gridsFromSpecs(sheets: readonly SheetSpec[]): Grid[] {
  const grids: Grid[] = sheets.map((s) => ({
    name: s.name,
    hidden: Boolean(s.hidden),
    firstRow: 1,
    firstColumn: 1,
    rows: s.rows.map((r) => r.map(toCell)),
    merges: (s.merges ?? []).map((m) => parseRange(m)!),
  }));
  const rules = new Map(
    sheets.map((s) => [
      s.name,
      (s.validations ?? []).map((v) => ({ sqref: v.range, formula: listFormula(v.list) })),
    ])
  );
  const names = new Map(
    sheets.flatMap((s) => s.names ?? []).map((n) => [n.name.toLowerCase(), n.refersTo])
  );
  return withValidationLists(grids, rules, names);
}

/** A host over fixed grids that records what the task pane asks of it. */
export class FakeHost implements WorkbookHost {
  label = "Riverbend return.xlsx";
  calls: string[] = [];
  highlighted: Finding[] = [];
  shown: Finding[] = [];
  saved: Settings[] = [];
  stored: unknown = undefined;
  failRead: Error | null = null;
  /** loadSettings waits for this: a slow start must not let a check run on the defaults. */
  settingsGate: Promise<unknown> | null = null;
  /** Milliseconds a read takes after reporting progress (long enough to press Cancel). */
  readDelay = 5;

  constructor(
    private readonly grids: Grid[],
    readonly kind: "excel" | "file" = "excel"
  ) {}

  async readWorkbook(onProgress?: (p: HostProgress) => void): Promise<WorkbookRead> {
    this.calls.push("read");
    onProgress?.({ message: "Reading cells", done: 1, total: 2 });
    await new Promise((r) => setTimeout(r, this.readDelay));
    if (this.failRead) throw this.failRead;
    return { grids: this.grids, ownSheets: [], notes: [] };
  }

  async loadSettings() {
    this.calls.push("loadSettings");
    if (this.settingsGate) await this.settingsGate;
    return parseSettings(this.stored);
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.calls.push("saveSettings");
    this.saved.push(settings);
    this.stored = settings;
  }

  /** Notes the host gives with its next highlight (a protected sheet it skipped, say). */
  highlightNotes: string[] = [];

  async highlight(findings: readonly Finding[]): Promise<MarkResult> {
    this.calls.push("highlight");
    this.highlighted = [...findings];
    return {
      count: new Set(findings.map((f) => `${f.sheet}!${f.cell}`)).size,
      notes: this.highlightNotes,
    };
  }

  async clearHighlights(): Promise<MarkResult> {
    this.calls.push("clear");
    const n = this.highlighted.length;
    this.highlighted = [];
    return { count: n, notes: [] };
  }

  plans: WorkbookPlan[] = [];

  async writeCommitteeSheets(plan: WorkbookPlan): Promise<CommitteeOutput> {
    this.calls.push("summary");
    this.plans.push(plan);
    if (this.kind === "file")
      return {
        kind: "file",
        fileName: "Riverbend return - committee summary.xlsx",
        bytes: new Uint8Array([80, 75, 3, 4]),
      };
    return {
      kind: "sheets",
      names: plan.sheets.map((s) => s.name),
      replaced: this.plans.length > 1 ? 2 : 0,
    };
  }

  async showFinding(finding: Finding): Promise<void> {
    this.calls.push(`show ${finding.sheet}!${finding.cell}`);
    this.shown.push(finding);
  }
}
