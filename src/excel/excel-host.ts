import type { Finding } from "../core/findings";
import type {
  CommitteeOutput,
  HostProgress,
  MarkResult,
  WorkbookHost,
  WorkbookRead,
} from "../core/host";
import type { WorkbookPlan } from "../core/summary/plan";
import { type Settings, parseSettings } from "../core/settings";
import { applyHighlights, clearHighlights } from "./highlights";
import { ExcelHostError, explainOfficeError } from "./office-errors";
import { DEFAULT_READ_OPTIONS, readWorkbook } from "./read-workbook";
import { SETTINGS_KEY, queueSave, queueSetting, settingValue } from "./workbook-settings";
import { DEFAULT_WRITE_OPTIONS, writeCommitteeSheets } from "./write-committee-sheets";

/** Excel.run with its options: the add-in's batches, or the test double's. */
export type ExcelRunner = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

/** Whether Excel supports an ExcelApi requirement set, such as "1.13". */
export type ApiSupport = (version: string) => boolean;

/**
 * Every batch waits for the user to finish typing in a cell rather than failing
 * (Excel.RunOptions.delayForCellEdit, ExcelApi 1.5).
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** The workbook open in Excel, behind the host contract the task pane uses. */
export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly label = "this workbook";
  /** Each sheet's id when it was last read: ids hold for the session, names change when renamed. */
  private sheetIds: ReadonlyMap<string, string> = new Map();

  constructor(
    private readonly run: ExcelRunner,
    private readonly supports: ApiSupport
  ) {}

  private async safely<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(RUN_OPTIONS, batch);
    } catch (err) {
      throw explainOfficeError(err);
    }
  }

  async readWorkbook(onProgress?: (p: HostProgress) => void): Promise<WorkbookRead> {
    const read = await this.safely((context) =>
      readWorkbook(context, {
        ...DEFAULT_READ_OPTIONS,
        mergedAreas: this.supports("1.13"),
        api112: this.supports("1.12"),
        validationLists: this.supports("1.8"),
        onProgress,
      })
    );
    this.sheetIds = read.sheetIds;
    return { grids: read.grids, ownSheets: read.ownSheets, notes: read.notes };
  }

  loadSettings(): Promise<{ settings: Settings; problems: string[] }> {
    return this.safely(async (context) => {
      const stored = queueSetting(context, SETTINGS_KEY);
      await context.sync();
      return parseSettings(settingValue(stored));
    });
  }

  saveSettings(settings: Settings): Promise<void> {
    return this.safely(async (context) => {
      queueSave(context, SETTINGS_KEY, settings);
      await context.sync();
    });
  }

  highlight(findings: readonly Finding[]): Promise<MarkResult> {
    return this.safely((context) => applyHighlights(context, findings, this.sheetIds));
  }

  clearHighlights(): Promise<MarkResult> {
    return this.safely((context) => clearHighlights(context));
  }

  async writeCommitteeSheets(plan: WorkbookPlan): Promise<CommitteeOutput> {
    const written = await this.safely((context) =>
      writeCommitteeSheets(context, plan, {
        ...DEFAULT_WRITE_OPTIONS,
        customProperties: this.supports("1.12"),
      })
    );
    return { kind: "sheets", ...written };
  }

  showFinding(finding: Finding): Promise<void> {
    return this.safely(async (context) => {
      const id = this.sheetIds.get(finding.sheet);
      const worksheet = context.workbook.worksheets.getItemOrNullObject(id ?? finding.sheet);
      await context.sync();
      if (worksheet.isNullObject)
        throw new ExcelHostError(
          `The sheet "${finding.sheet}" is no longer in the workbook. Check the schedules again.`,
          "ItemNotFound"
        );
      worksheet.activate();
      worksheet.getRange(finding.cell).select();
      await context.sync();
    });
  }
}

/** The host for the add-in itself: Excel.run and Office's requirement-set check. */
export function createExcelHost(): ExcelHost {
  return new ExcelHost(
    (options, batch) => Excel.run(options, batch),
    (version) => Office.context.requirements.isSetSupported("ExcelApi", version)
  );
}
