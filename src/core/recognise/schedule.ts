import type { CellValue } from "../grid";
import type { TickColumn } from "./header";
import type { ColumnRole } from "./roles";
import type { Scale, ScaleHint } from "./scale";

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
  /** On a schedule with tick columns: the levels whose boxes are marked ("Yes", "N/A"). */
  marks?: string[];
}

/** "(a)", "A.1", " a1 " -> "a1": refs compared without case, brackets, dots or spaces. */
export function normaliseRef(ref: string): string {
  return ref.toLowerCase().replace(/[\s().]/g, "");
}

/**
 * Where the scale was read from: a legend above the schedule, its header, the data, a setting,
 * the drop-down list on its score cells, a key elsewhere in the workbook, its tick columns, or a
 * vocabulary govcheck knows (Red / Amber / Green) seen in the data.
 */
export type ScaleSource =
  "legend" | "header" | "data" | "setting" | "list" | "key" | "ticks" | "vocabulary";

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
  /** Tick columns that together hold the rating (the score column is the first of them). */
  readonly ticks?: readonly TickColumn[];
  /**
   * Rated in words that nothing in the workbook puts in order (most common first): the schedule
   * cannot be checked until a setting gives its levels.
   */
  unplacedWords?: readonly string[];
  /**
   * How the scale was completed from the data, so sibling sheets with the same header agree:
   * set only where the legend and header left the top or bottom open.
   */
  readonly openScale?: {
    readonly signature: string;
    readonly hints: readonly ScaleHint[];
    readonly observed: readonly number[];
  };
}
