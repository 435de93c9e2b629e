import { findingsInContext } from "../../core/finding-context";
import {
  type CellValue,
  type Grid,
  cellAt,
  cellText,
  foldSpace,
  columnLetters,
  lastColumn,
} from "../../core/grid";
import { ukDate } from "../../core/dates";
import type { WorkbookHost, WorkbookRead } from "../../core/host";
import { type Scale, defaultWeakThreshold } from "../../core/recognise/scale";
import type { Schedule } from "../../core/recognise/schedule";
import type { LastYearReturn } from "../../core/facts/last-year";
import { type CellArea, patchGrid, regionToRead } from "../../core/recheck";
import { type ScoreDropDownPlan, planScoreDropDowns } from "../../core/score-dropdowns";
import type { Settings } from "../../core/settings";
import { buildSummary } from "../../core/summary/model";
import { planCommitteeSheets } from "../../core/summary/plan";
import { type ValidationResult, validateGrids } from "../../core/validate";
import { readLastYearFile } from "./last-year-file";
import type {
  CheckProgress,
  CheckSource,
  CheckView,
  CommitteeProduct,
  LastYearSource,
  RowView,
  ScheduleView,
} from "./protocol";

/** A preview never needs more of one cell than this; the rest of a pasted essay stays in Excel. */
const MAX_CELL_TEXT = 2000;

/** How much of a file check is reading, the rest being recognition and rules. */
const READ_SHARE = 0.7;

/** How much of a check comparing with last year is reading last year's workbook. */
const LAST_YEAR_SHARE = 0.4;

function scheduleView(schedule: Schedule, scale: Scale, weakThreshold: number): ScheduleView {
  return {
    id: schedule.id,
    sheet: schedule.sheet,
    title: schedule.title,
    headerRow: schedule.headerRow,
    requirements: schedule.records.length,
    scale,
    scaleSource: schedule.scaleSource,
    weakThreshold,
    scoreColumn: schedule.columns.score,
    lastRow: schedule.lastRow,
    ...(schedule.unplacedWords ? { unplacedWords: schedule.unplacedWords } : {}),
  };
}

function fractionOf(done: number | undefined, total: number | undefined): number {
  return total && done !== undefined ? Math.min(1, Math.max(0, done / total)) : 0;
}

/**
 * A cell as the row preview shows it: a date as the findings write it, dd/mm/yyyy; text with the
 * officer's line breaks (the preview keeps them), other space folded.
 */
function shownText(value: CellValue): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return ukDate(value);
  if (typeof value === "string")
    return value
      .split(/\r?\n/)
      .map(foldSpace)
      .filter((line) => line !== "")
      .join("\n");
  return cellText(value);
}

function clipped(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT)}…` : text;
}

/**
 * One workbook, read and checked, as the engine keeps it: the sheets stay here (the pane asks for
 * a row at a time) and so does the result the committee summary is built from.
 */
export class CheckedWorkbook {
  private constructor(
    private grids: readonly Grid[],
    private result: ValidationResult,
    private readonly settings: Settings,
    /** In file mode: the file's host, which writes the committee workbook to download. */
    private readonly fileHost: WorkbookHost | null,
    private readonly notes: readonly string[],
    private readonly ownSheets: readonly string[],
    /** Last year's return, when the user compares with it: a re-check compares again. */
    private readonly lastYear: LastYearReturn | undefined,
    private current: CheckView
  ) {}

  get view(): CheckView {
    return this.current;
  }

  private static viewOf(
    result: ValidationResult,
    notes: readonly string[],
    lastYear: LastYearReturn | undefined
  ): CheckView {
    return {
      schedules: result.schedules.map(({ schedule, scale, weakThreshold }) =>
        scheduleView(schedule, scale, weakThreshold)
      ),
      unread: result.unread.map(({ schedule }) =>
        scheduleView(schedule, schedule.scale, defaultWeakThreshold(schedule.scale))
      ),
      findings: findingsInContext(result),
      notes,
      lastYear:
        lastYear && result.lastYear
          ? {
              source: lastYear.source,
              schedules: lastYear.schedules.length,
              matched: result.lastYear.matched,
              removed: result.lastYear.removed.length,
            }
          : null,
    };
  }

  static async check(
    source: CheckSource,
    settings: Settings,
    onProgress: (p: CheckProgress) => void,
    lastYearSource?: LastYearSource,
    signal?: AbortSignal
  ): Promise<CheckedWorkbook> {
    let read: WorkbookRead;
    let fileHost: WorkbookHost | null = null;
    let start = 0;
    let lastYear: LastYearReturn | undefined;
    if (lastYearSource) {
      // Read afresh with each check: a check may bring new settings, and it is one file more.
      onProgress({
        message: `Reading last year's workbook, ${lastYearSource.file.name}`,
        fraction: 0,
      });
      lastYear = await readLastYearFile(
        lastYearSource,
        settings,
        (p) =>
          onProgress({
            message: p.message,
            fraction: LAST_YEAR_SHARE * fractionOf(p.done, p.total),
          }),
        signal
      );
    }
    // This year's workbook takes the rest of the bar.
    const begin = lastYear ? LAST_YEAR_SHARE : 0;
    const progress = (p: CheckProgress) =>
      onProgress({ message: p.message, fraction: begin + (1 - begin) * p.fraction });
    if (source.kind === "file") {
      progress({ message: `Reading ${source.file.name}`, fraction: 0 });
      // Loaded only for files: in Excel the sheets arrive read, and the worker stays small.
      const { openFileInEngine } = await import(
        /* webpackChunkName: "engine-file-reader" */ "./open-file"
      );
      fileHost = openFileInEngine(source.file, { password: source.password, signal });
      read = await fileHost.readWorkbook((p) =>
        progress({ message: p.message, fraction: READ_SHARE * fractionOf(p.done, p.total) })
      );
      start = READ_SHARE;
    } else {
      read = source.read;
    }
    const checking = (1 - start) * 0.9;
    const result = validateGrids(read.grids, {
      settings,
      ownSheets: read.ownSheets,
      lastYear,
      onSheet: (index, count) =>
        progress({
          message: `Checking sheet ${index + 1} of ${count}`,
          fraction: start + checking * (index / Math.max(1, count)),
        }),
    });
    progress({ message: "Listing the findings", fraction: start + checking });
    const view = CheckedWorkbook.viewOf(result, read.notes, lastYear);
    return new CheckedWorkbook(
      read.grids,
      result,
      settings,
      fileHost,
      read.notes,
      read.ownSheets,
      lastYear,
      view
    );
  }

  /** The cells to read again after edits to a sheet: the spans of the schedules they touch. */
  region(sheet: string, edits: readonly CellArea[], wholeSheet: boolean): CellArea | null {
    const grid = this.grids.find((g) => g.name === sheet);
    if (!grid) return null;
    const schedules = this.result.schedules
      .filter((c) => c.schedule.sheet === sheet)
      .map((c) => c.schedule);
    return regionToRead(grid, schedules, edits, wholeSheet);
  }

  /** One sheet's cells read again after an edit, and the workbook checked again with them. */
  recheck(sheet: string, area: CellArea, rows: readonly (readonly CellValue[])[]): CheckView {
    const index = this.grids.findIndex((g) => g.name === sheet);
    if (index < 0) throw new Error(`the sheet "${sheet}" is not in the workbook that was checked`);
    const grid = patchGrid(this.grids[index], area, rows);
    this.grids = this.grids.map((g, i) => (i === index ? grid : g));
    // The whole workbook is checked again, in the worker: a key sheet, a sibling sheet's scale or
    // the workbook's "no schedule" finding may depend on other sheets. Only the reading was partial.
    this.result = validateGrids(this.grids, {
      settings: this.settings,
      ownSheets: this.ownSheets,
      lastYear: this.lastYear,
    });
    this.current = CheckedWorkbook.viewOf(this.result, this.notes, this.lastYear);
    return this.current;
  }

  /** The score drop-downs for every schedule checked. */
  dropDowns(): ScoreDropDownPlan[] {
    return planScoreDropDowns(this.result.schedules, this.grids);
  }

  /** A worksheet row under the header of the schedule it belongs to, as text. */
  row(sheet: string, row: number, column: number): RowView {
    const grid = this.grids.find((g) => g.name === sheet);
    if (!grid) throw new Error(`the sheet "${sheet}" is not in the workbook that was checked`);
    const headerRow =
      this.result.schedules
        .filter((c) => c.schedule.sheet === sheet && c.schedule.headerRow <= row)
        .map((c) => c.schedule.headerRow)
        .pop() ?? grid.firstRow;
    const cells = [];
    const last = Math.max(lastColumn(grid), column);
    for (let c = Math.min(grid.firstColumn, column); c <= last; c++) {
      cells.push({
        column: c,
        letter: columnLetters(c),
        header: clipped(shownText(cellAt(grid, headerRow, c))),
        text: clipped(shownText(cellAt(grid, row, c))),
      });
    }
    return { sheet, row, headerRow, cells };
  }

  /** The committee summary and action plan from this check. */
  async committee(source: string, now: Date): Promise<CommitteeProduct> {
    const summary = buildSummary([{ source, result: this.result, settings: this.settings }], now);
    const plan = planCommitteeSheets(summary);
    if (!this.fileHost) return { kind: "plan", plan };
    const written = await this.fileHost.writeCommitteeSheets(plan);
    if (written.kind !== "file")
      throw new Error("a file's committee summary must be a new workbook");
    return written;
  }
}
