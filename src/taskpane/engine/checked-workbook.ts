import { findingsInContext } from "../../core/finding-context";
import { type Grid, cellAt, cellText, columnLetters, lastColumn } from "../../core/grid";
import type { WorkbookHost, WorkbookRead } from "../../core/host";
import { type Scale, defaultWeakThreshold } from "../../core/recognise/scale";
import type { Schedule } from "../../core/recognise/schedule";
import type { Settings } from "../../core/settings";
import { buildSummary } from "../../core/summary/model";
import { planCommitteeSheets } from "../../core/summary/plan";
import { type ValidationResult, validateGrids } from "../../core/validate";
import type {
  CheckProgress,
  CheckSource,
  CheckView,
  CommitteeProduct,
  RowView,
  ScheduleView,
} from "./protocol";

/** A preview never needs more of one cell than this; the rest of a pasted essay stays in Excel. */
const MAX_CELL_TEXT = 2000;

/** How much of a file check is reading, the rest being recognition and rules. */
const READ_SHARE = 0.7;

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
    ...(schedule.unplacedWords ? { unplacedWords: schedule.unplacedWords } : {}),
  };
}

function fractionOf(done: number | undefined, total: number | undefined): number {
  return total && done !== undefined ? Math.min(1, Math.max(0, done / total)) : 0;
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
    private readonly grids: readonly Grid[],
    private readonly result: ValidationResult,
    private readonly settings: Settings,
    /** In file mode: the file's host, which writes the committee workbook to download. */
    private readonly fileHost: WorkbookHost | null,
    readonly view: CheckView
  ) {}

  static async check(
    source: CheckSource,
    settings: Settings,
    onProgress: (p: CheckProgress) => void,
    signal?: AbortSignal
  ): Promise<CheckedWorkbook> {
    let read: WorkbookRead;
    let fileHost: WorkbookHost | null = null;
    let start = 0;
    if (source.kind === "file") {
      onProgress({ message: `Reading ${source.file.name}`, fraction: 0 });
      // Loaded only for files: in Excel the sheets arrive read, and the worker stays small.
      const { openFileInEngine } = await import(
        /* webpackChunkName: "engine-file-reader" */ "./open-file"
      );
      fileHost = openFileInEngine(source.file, { password: source.password, signal });
      read = await fileHost.readWorkbook((p) =>
        onProgress({ message: p.message, fraction: READ_SHARE * fractionOf(p.done, p.total) })
      );
      start = READ_SHARE;
    } else {
      read = source.read;
    }
    const checking = (1 - start) * 0.9;
    const result = validateGrids(read.grids, {
      settings,
      ownSheets: read.ownSheets,
      onSheet: (index, count) =>
        onProgress({
          message: `Checking sheet ${index + 1} of ${count}`,
          fraction: start + checking * (index / Math.max(1, count)),
        }),
    });
    onProgress({ message: "Listing the findings", fraction: start + checking });
    const view: CheckView = {
      schedules: result.schedules.map(({ schedule, scale, weakThreshold }) =>
        scheduleView(schedule, scale, weakThreshold)
      ),
      unread: result.unread.map(({ schedule }) =>
        scheduleView(schedule, schedule.scale, defaultWeakThreshold(schedule.scale))
      ),
      findings: findingsInContext(result),
      notes: read.notes,
    };
    return new CheckedWorkbook(read.grids, result, settings, fileHost, view);
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
        header: clipped(cellText(cellAt(grid, headerRow, c))),
        text: clipped(cellText(cellAt(grid, row, c))),
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
