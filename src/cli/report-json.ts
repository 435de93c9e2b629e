import type { Finding } from "../core/findings";
import { columnLetters } from "../core/grid";
import type { ValidationResult } from "../core/validate";

export interface ScheduleJson {
  sheet: string;
  title: string;
  headerRow: number;
  columns: Record<string, string>;
  scale: { min: number; max: number; direction: "ascending" | "descending" };
  requirements: number;
  weakThreshold: number;
  scaleSource: string;
  sections: string[];
}

export interface FileReportJson {
  file: string;
  schedules: ScheduleJson[];
  issues: Finding[];
}

/** The JSON contract of `govcheck validate --json` (DESIGN.md). */
export function reportJson(file: string, result: ValidationResult): FileReportJson {
  return {
    file,
    schedules: result.schedules.map(({ schedule, scale, weakThreshold }) => {
      const columns: Record<string, string> = {};
      for (const [role, column] of Object.entries(schedule.columns))
        columns[role] = columnLetters(column);
      return {
        sheet: schedule.sheet,
        title: schedule.title,
        headerRow: schedule.headerRow,
        columns,
        scale: { min: scale.min, max: scale.max, direction: scale.direction },
        requirements: schedule.records.length,
        weakThreshold,
        scaleSource: schedule.scaleSource,
        sections: schedule.sections,
      };
    }),
    issues: [...result.findings],
  };
}
