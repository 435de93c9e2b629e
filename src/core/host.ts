import type { FindingInContext } from "./finding-context";
import type { Finding } from "./findings";
import type { CellValue, Grid } from "./grid";
import type { CellArea } from "./recheck";
import type { ScoreDropDownPlan } from "./score-dropdowns";
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

/** Whether a feature can run in this host; where it cannot, one sentence saying why. */
export type Availability =
  { readonly available: true } | { readonly available: false; readonly reason: string };

/** The features that work on the open workbook in Excel, each with its requirement set. */
export interface LiveFeatures {
  /** Re-check on edit and select-a-cell (Worksheet.onChanged, onSelectionChanged: ExcelApi 1.7). */
  readonly checkAsYouType: Availability;
  /** Score drop-downs (Range.dataValidation: ExcelApi 1.8). */
  readonly dropDowns: Availability;
  /** Problems as notes (Workbook.notes: ExcelApi 1.18). */
  readonly notes: Availability;
  /** The Findings sheet with links to cells (Range.hyperlink: ExcelApi 1.7). */
  readonly findingsSheet: Availability;
}

/** A change the user made to a sheet the host watches. */
export interface SheetEdit {
  /** The sheet's name when the change was heard. */
  readonly sheet: string;
  readonly area: CellArea;
  /** Cells were inserted or deleted: the old rows no longer line up, so the sheet is read again whole. */
  readonly structural: boolean;
  /**
   * The selection left this cell, which may have changed without a change event (Excel on the web
   * raises none for a value picked from a drop-down list).
   */
  readonly possible?: boolean;
}

/** Cells the user selected. */
export interface SheetSelection {
  readonly sheet: string;
  readonly area: CellArea;
}

export interface WatchHandlers {
  onEdit(edit: SheetEdit): void;
  onSelect(selection: SheetSelection): void;
}

/** Handlers registered with the workbook, until `stop`. */
export interface Watch {
  /** Removes every handler this watch registered. */
  stop(): Promise<void>;
  /** Sheets that could not be watched, in plain words. */
  readonly notes: readonly string[];
}

/** Cells read again from one sheet. */
export interface SheetRegionRead {
  /** The sheet's name now: it differs from the name asked for where the sheet was renamed. */
  readonly sheet: string;
  readonly area: CellArea;
  /** One array a row of `area`, each from `area.left`. */
  readonly rows: CellValue[][];
}

/** What adding score drop-downs did. */
export interface DropDownResult extends MarkResult {
  /** Score cells that already had a validation rule of the user's, left as they were. */
  readonly keptUserRules: number;
}

/** The Findings sheet written. */
export interface FindingsSheetResult {
  readonly name: string;
  /** A Findings sheet the add-in had written before was replaced. */
  readonly replaced: boolean;
}

/**
 * What the task pane needs from a workbook, in Excel or from a file the user opened. The task
 * pane talks only to this; Office.js stays in src/excel, and govcheck's own file reader and
 * package writer in src/file.
 */
export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** A name to show: the file's name, or "this workbook". */
  readonly label: string;
  readWorkbook(onProgress?: (p: HostProgress) => void): Promise<WorkbookRead>;
  loadSettings(): Promise<{ settings: Settings; problems: string[] }>;
  saveSettings(settings: Settings): Promise<void>;
  /**
   * Marks the cells of these findings, replacing any marks made before (on `sheets` only, where
   * given: a re-check of one sheet); counts the cells marked.
   */
  highlight(findings: readonly Finding[], sheets?: readonly string[]): Promise<MarkResult>;
  /** Removes the marks this add-in made, and nothing else; counts the marks removed. */
  clearHighlights(): Promise<MarkResult>;
  /** Takes the user to a finding's cell (in Excel: activates the sheet and selects it). */
  showFinding(finding: Finding): Promise<void>;
  /** Writes the committee summary and action plan: sheets in Excel, a new workbook elsewhere. */
  writeCommitteeSheets(plan: WorkbookPlan): Promise<CommitteeOutput>;

  // The rest works on a workbook open in Excel only; a host without it leaves it out.

  /** Which of the features below this Excel has, and why not where it has not. */
  readonly features?: LiveFeatures;
  /** Hears edits and selections on these sheets until the watch is stopped. */
  watch?(sheets: readonly string[], handlers: WatchHandlers): Promise<Watch>;
  /** Reads one area of a sheet again (a schedule after an edit). */
  readRegion?(sheet: string, area: CellArea): Promise<SheetRegionRead>;
  /** Puts a drop-down on each plan's score cells where no validation rule is, recording them. */
  addScoreDropDowns?(plans: readonly ScoreDropDownPlan[]): Promise<DropDownResult>;
  /**
   * Removes the drop-downs this add-in added, and nothing else: where it recorded them and, when
   * given, on these schedules' score cells as they are now (rows inserted since moved them).
   */
  removeScoreDropDowns?(plans?: readonly ScoreDropDownPlan[]): Promise<MarkResult>;
  /**
   * Puts each finding's message in a note on its cell, replacing the notes it wrote before (on
   * `sheets` only, where given); the user's own notes and comments are left alone.
   */
  showProblemNotes?(findings: readonly Finding[], sheets?: readonly string[]): Promise<MarkResult>;
  /** Removes the notes this add-in wrote, and nothing else. */
  clearProblemNotes?(): Promise<MarkResult>;
  /** Writes every finding to a Findings sheet of the add-in's own, each with a link to its cell. */
  exportFindings?(findings: readonly FindingInContext[]): Promise<FindingsSheetResult>;
}
