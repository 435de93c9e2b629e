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

export interface ValidationResult {
  readonly schedules: readonly CheckedSchedule[];
  readonly findings: readonly Finding[];
  /** Sheets read but left out: hidden ones, and the add-in's own summary sheets. */
  readonly skippedSheets: readonly string[];
}

export interface ValidateOptions {
  settings?: Settings;
  /** Names of sheets the add-in wrote itself (summary, action plan): never checked. */
  ownSheets?: readonly string[];
}

/** The settings' threshold, kept on the scale: a threshold past either end is pulled back to it. */
function thresholdFor(scale: Scale, wanted: number | undefined): number {
  if (wanted === undefined) return defaultWeakThreshold(scale);
  return Math.min(scale.max, Math.max(scale.min, wanted));
}

export function checkSchedule(
  schedule: Schedule,
  settings: Settings
): { checked: CheckedSchedule; findings: Finding[] } {
  const override = overrideFor(settings, schedule.id, schedule.sheet);
  if (override.scale) {
    schedule.scale = override.scale;
    schedule.scaleSource = "setting";
  }
  const scale = schedule.scale;
  const weakThreshold = thresholdFor(scale, override.weakThreshold);
  const scored = scoreRecords(schedule.records, scale, weakThreshold);
  const ctx = { schedule, scale, weakThreshold, settings, scored };
  const findings = RULES.flatMap((rule) => rule(ctx));
  return { checked: { schedule, scale, weakThreshold, scored }, findings };
}

/** Finds and checks every schedule in a workbook's visible sheets. */
export function validateGrids(
  grids: readonly Grid[],
  options: ValidateOptions = {}
): ValidationResult {
  const settings = options.settings ?? defaultSettings();
  const own = new Set(options.ownSheets ?? []);
  const schedules: CheckedSchedule[] = [];
  const findings: Finding[] = [];
  const skippedSheets: string[] = [];
  for (const grid of grids) {
    if (grid.hidden || own.has(grid.name)) {
      skippedSheets.push(grid.name);
      continue;
    }
    for (const schedule of findSchedules(grid)) {
      const result = checkSchedule(schedule, settings);
      schedules.push(result.checked);
      for (const f of result.findings) findings.push(f);
    }
  }
  findings.sort(compareFindings(grids.map((g) => g.name)));
  return { schedules, findings, skippedSheets };
}
