import { type Finding, compareFindings } from "./findings";
import type { Grid } from "./grid";
import { findSchedules } from "./recognise/find-schedules";
import { type Scale, defaultWeakThreshold } from "./recognise/scale";
import type { Schedule } from "./recognise/schedule";
import { RULES } from "./rules";
import { type ScoredRecord, scoreRecords } from "./rules/context";
import { type Settings, defaultSettings, overrideFor } from "./settings";

/** A schedule as checked: what was recognised plus the terms it was checked on. */
export interface CheckedSchedule {
  readonly schedule: Schedule;
  readonly scale: Scale;
  readonly weakThreshold: number;
  readonly scored: readonly ScoredRecord[];
}

/** A workbook's schedules, recognised and scored. */
export interface ScoredWorkbook {
  readonly schedules: readonly CheckedSchedule[];
  /** Sheets read but left out: hidden ones, and the add-in's own summary sheets. */
  readonly skippedSheets: readonly string[];
}

export interface ValidationResult extends ScoredWorkbook {
  readonly findings: readonly Finding[];
}

export interface ValidateOptions {
  settings?: Settings;
  /** Names of sheets the add-in wrote itself (summary, action plan): never checked. */
  ownSheets?: readonly string[];
  /** Told before each sheet is searched for schedules, for a progress line ("sheet 2 of 5"). */
  onSheet?: (index: number, count: number, name: string) => void;
}

/** The settings' threshold, kept on the scale: a threshold past either end is pulled back to it. */
function thresholdFor(scale: Scale, wanted: number | undefined): number {
  if (wanted === undefined) return defaultWeakThreshold(scale);
  return Math.min(scale.max, Math.max(scale.min, wanted));
}

/** A schedule's records scored on its scale, with the threshold its settings give. */
export function scoreSchedule(schedule: Schedule, settings: Settings): CheckedSchedule {
  const override = overrideFor(settings, schedule.id, schedule.sheet);
  if (override.scale) {
    schedule.scale = override.scale;
    schedule.scaleSource = "setting";
  }
  const scale = schedule.scale;
  const weakThreshold = thresholdFor(scale, override.weakThreshold);
  const scored = scoreRecords(schedule.records, scale, weakThreshold);
  return { schedule, scale, weakThreshold, scored };
}

/**
 * Finds and scores every schedule in a workbook's visible sheets, without running the rules: what
 * the committee summary needs, which counts weak and invalid scores itself.
 */
export function scoreGrids(grids: readonly Grid[], options: ValidateOptions = {}): ScoredWorkbook {
  const settings = options.settings ?? defaultSettings();
  const own = new Set(options.ownSheets ?? []);
  const schedules: CheckedSchedule[] = [];
  const skippedSheets: string[] = [];
  for (const [index, grid] of grids.entries()) {
    options.onSheet?.(index, grids.length, grid.name);
    if (grid.hidden || own.has(grid.name)) {
      skippedSheets.push(grid.name);
      continue;
    }
    for (const schedule of findSchedules(grid)) schedules.push(scoreSchedule(schedule, settings));
  }
  return { schedules, skippedSheets };
}

/** Finds and checks every schedule in a workbook's visible sheets. */
export function validateGrids(
  grids: readonly Grid[],
  options: ValidateOptions = {}
): ValidationResult {
  const settings = options.settings ?? defaultSettings();
  const scored = scoreGrids(grids, { ...options, settings });
  const findings: Finding[] = [];
  for (const checked of scored.schedules)
    for (const rule of RULES) for (const f of rule({ ...checked, settings })) findings.push(f);
  findings.sort(compareFindings(grids.map((g) => g.name)));
  return { ...scored, findings };
}
