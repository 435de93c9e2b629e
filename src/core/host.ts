import type { Finding } from "./findings";
import type { Grid } from "./grid";
import type { Settings } from "./settings";
import type { WorkbookPlan } from "./summary/plan";

/** Where the committee tabs went: into the open workbook, or into a new file to download. */
export type CommitteeOutput =
  | { readonly kind: "sheets"; readonly names: string[]; readonly replaced: number }
  | { readonly kind: "file"; readonly fileName: string; readonly bytes: Uint8Array };

/** Where a long read has got to, for the task pane's progress text. */
export interface HostProgress {
  readonly message: string;
  readonly done?: number;
  readonly total?: number;
}

export interface WorkbookRead {
  readonly grids: Grid[];
  /** Sheets the add-in wrote itself (summary, action plan): never checked. */
  readonly ownSheets: string[];
  /** What the host could not do on this platform, in plain words (for a notice, not an error). */
  readonly notes: string[];
}

/** What marking or unmarking cells did: how many, and notes on what could not be done. */
export interface MarkResult {
  /** Cells highlighted, or highlight rules removed. */
  readonly count: number;
  /** In plain words, naming the sheets: a protected sheet skipped, a sheet that has gone. */
  readonly notes: readonly string[];
}

/**
 * What the task pane needs from a workbook, in Excel or from a file the user opened. The task
 * pane talks only to this; Office.js stays in src/excel, ExcelJS in src/file.
 */
export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** A name to show: the file's name, or "this workbook". */
  readonly label: string;
  readWorkbook(onProgress?: (p: HostProgress) => void): Promise<WorkbookRead>;
  loadSettings(): Promise<{ settings: Settings; problems: string[] }>;
  saveSettings(settings: Settings): Promise<void>;
  /** Marks the cells of these findings, replacing any marks made before; counts the cells marked. */
  highlight(findings: readonly Finding[]): Promise<MarkResult>;
  /** Removes the marks this add-in made, and nothing else; counts the marks removed. */
  clearHighlights(): Promise<MarkResult>;
  /** Takes the user to a finding's cell (in Excel: activates the sheet and selects it). */
  showFinding(finding: Finding): Promise<void>;
  /** Writes the committee summary and action plan: sheets in Excel, a new workbook elsewhere. */
  writeCommitteeSheets(plan: WorkbookPlan): Promise<CommitteeOutput>;
}
