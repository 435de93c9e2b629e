import type { Finding } from "../core/findings";
import { columnLetters } from "../core/grid";
import type { ValidationResult } from "../core/validate";

export interface ScheduleJson {
  sheet: string;
  title: string;
  headerRow: number;
  columns: Record<string, string>;
  /** Word scales add `levels`, worst first; level n counts from the worst end. */
  scale: {
    min: number;
    max: number;
    direction: "ascending" | "descending";
    levels?: string[];
  };
  /** Tick columns (Yes | Partly | No | N/A) that together hold the rating: level to column letter. */
  tickColumns?: Record<string, string>;
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
        scale: {
          min: scale.min,
          max: scale.max,
          direction: scale.direction,
          ...(scale.levels ? { levels: [...scale.levels] } : {}),
        },
        ...(schedule.ticks
          ? {
              tickColumns: Object.fromEntries(
                schedule.ticks.map((t) => [t.level, columnLetters(t.column)])
              ),
            }
          : {}),
        requirements: schedule.records.length,
        weakThreshold,
        scaleSource: schedule.scaleSource,
        sections: schedule.sections,
      };
    }),
    issues: [...result.findings],
  };
}
