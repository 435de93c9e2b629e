import type { CellValue } from "../grid";
import type { ColumnRole } from "./roles";
import type { Scale } from "./scale";

/** One requirement of a schedule, assembled from one or more worksheet rows. */
export interface RequirementRecord {
  /** Worksheet rows the requirement was read from, in order. */
  readonly rows: number[];
  /** The row that holds the score; the first row where no part has one. */
  scoreRow: number;
  section: string;
  subSection: string;
  ref: string;
  requirement: string;
  evidence: string;
  score: CellValue;
  previousScore: CellValue;
  action: string;
  previousAction: string;
  progress: string;
  lead: string;
  targetDate: CellValue;
}

export type ScaleSource = "legend" | "header" | "data" | "setting";

export interface Schedule {
  /** Stable within a workbook: `Sheet!headerRow`. Settings are keyed by it. */
  readonly id: string;
  readonly sheet: string;
  readonly title: string;
  /** 1-based row where the (first) header begins. */
  readonly headerRow: number;
  readonly columns: Partial<Record<ColumnRole, number>>;
  readonly labels: Partial<Record<ColumnRole, string>>;
  scale: Scale;
  scaleSource: ScaleSource;
  readonly records: RequirementRecord[];
  readonly sections: string[];
  /** Last worksheet row that belongs to the schedule. */
  readonly lastRow: number;
}
