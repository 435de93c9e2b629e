/**
 * What the task pane and its engine (a Web Worker) say to each other. Everything here is plain
 * data that survives structured cloning: no classes, no functions.
 */
import type { FindingInContext } from "../../core/finding-context";
import type { CellValue } from "../../core/grid";
import type { WorkbookRead } from "../../core/host";
import type { CellArea } from "../../core/recheck";
import type { Scale } from "../../core/recognise/scale";
import type { Settings } from "../../core/settings";
import type { WorkbookPlan } from "../../core/summary/plan";

/**
 * What the engine checks: a file the user opened (the engine reads it, with the password the user
 * gave for a protected workbook), or sheets Excel read.
 */
export type CheckSource =
  | { readonly kind: "file"; readonly file: File; readonly password?: string }
  | { readonly kind: "read"; readonly read: WorkbookRead };

/** Last year's workbook as the user gave it: the file, and the password of a protected one. */
export interface LastYearSource {
  readonly file: File;
  readonly password?: string;
}

/** A schedule as the pane lists it: what was recognised and the terms it was checked on. */
export interface ScheduleView {
  readonly id: string;
  readonly sheet: string;
  readonly title: string;
  readonly headerRow: number;
  readonly requirements: number;
  readonly scale: Scale;
  readonly scaleSource: string;
  readonly weakThreshold: number;
  /** Rating words seen in a schedule whose words could not be put in order (it was not checked). */
  readonly unplacedWords?: readonly string[];
  /** 1-based score column, where the schedule has one. */
  readonly scoreColumn?: number;
  /** Last worksheet row that belongs to the schedule. */
  readonly lastRow: number;
}

/** How the check compared with last year's workbook (which stays in the engine). */
export interface LastYearView {
  /** Last year's file, by name. */
  readonly source: string;
  readonly schedules: number;
  /** This year's requirements matched with one of last year's. */
  readonly matched: number;
  /** Last year's requirements that match none of this year's. */
  readonly removed: number;
}

/** One check's results, as the pane shows them. The sheets themselves stay in the engine. */
export interface CheckView {
  readonly schedules: readonly ScheduleView[];
  /** Schedules rated in words that could not be ordered: Settings can give their order. */
  readonly unread: readonly ScheduleView[];
  readonly findings: readonly FindingInContext[];
  /** What the host could not do, in plain words (hidden sheets not checked, for example). */
  readonly notes: readonly string[];
  /** Null unless the check compared with last year's workbook. */
  readonly lastYear: LastYearView | null;
}

/** Where a check has got to: a line for a person and how much of the whole is done (0 to 1). */
export interface CheckProgress {
  readonly message: string;
  readonly fraction: number;
}

/** One cell of a finding's row, with the header over its column. */
export interface RowCell {
  readonly column: number;
  readonly letter: string;
  readonly header: string;
  readonly text: string;
}

/** A finding's worksheet row, for the preview in file mode. */
export interface RowView {
  readonly sheet: string;
  readonly row: number;
  readonly headerRow: number;
  readonly cells: readonly RowCell[];
}

/** The committee tabs: a plan for Excel to write, or (from a file) the workbook to download. */
export type CommitteeProduct =
  | { readonly kind: "plan"; readonly plan: WorkbookPlan }
  | { readonly kind: "file"; readonly fileName: string; readonly bytes: Uint8Array };

export type EngineRequest =
  /** Load the file reader now, before a file is picked (a worker started ahead in file mode). */
  | { readonly id: number; readonly type: "prepare" }
  | {
      readonly id: number;
      readonly type: "check";
      readonly source: CheckSource;
      readonly settings: Settings;
      /**
       * Last year's workbook to compare with, as the user picked it: the engine reads it (a File
       * crosses to a worker as a handle, not as its bytes) and keeps what it compares.
       */
      readonly lastYear?: File;
      /** The password of last year's workbook, where it is protected and the user gave one. */
      readonly lastYearPassword?: string;
    }
  | {
      readonly id: number;
      readonly type: "row";
      readonly sheet: string;
      readonly row: number;
      /** The finding's column: shown even where the sheet's used range stops short of it. */
      readonly column: number;
    }
  | {
      readonly id: number;
      /** Which cells to read again after edits to one sheet (null: nothing to check again). */
      readonly type: "region";
      readonly sheet: string;
      readonly edits: readonly CellArea[];
      readonly wholeSheet: boolean;
    }
  | {
      readonly id: number;
      /** One sheet's cells read again: check that sheet and answer the whole workbook's view. */
      readonly type: "recheck";
      readonly sheet: string;
      readonly area: CellArea;
      readonly rows: readonly (readonly CellValue[])[];
    }
  | {
      readonly id: number;
      /** The score drop-downs for every schedule of the last check. */
      readonly type: "dropDowns";
    }
  | {
      readonly id: number;
      readonly type: "committee";
      /** The file name the summary names as its source ("" in Excel). */
      readonly source: string;
      readonly now: number;
    };

export type EngineResponse =
  | { readonly id: number; readonly type: "progress"; readonly progress: CheckProgress }
  | { readonly id: number; readonly type: "done"; readonly value: unknown }
  | {
      readonly id: number;
      readonly type: "failed";
      readonly name: string;
      readonly message: string;
      /** A WorkbookReadError's kind ("password-required", "password-wrong", "damaged", ...). */
      readonly kind?: string;
    };

/** The two ends of a worker, as the pane uses them; the in-thread engine has the same shape. */
export interface EnginePort {
  postMessage(message: EngineRequest): void;
  onmessage: ((event: MessageEvent<EngineResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}
