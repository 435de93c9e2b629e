import type { Finding } from "../core/findings";
import type { CommitteeOutput, HostProgress, WorkbookHost, WorkbookRead } from "../core/host";
import type { WorkbookPlan } from "../core/summary/plan";
import { type Settings, parseSettings } from "../core/settings";
import { applyHighlights, clearHighlights } from "./highlights";
import { explainOfficeError } from "./office-errors";
import { DEFAULT_READ_OPTIONS, readWorkbook } from "./read-workbook";
import { SETTINGS_KEY, queueSave, queueSetting, settingValue } from "./workbook-settings";
import { writeCommitteeSheets } from "./write-committee-sheets";

/** Runs a batch against the workbook: Excel.run in the add-in, the mock in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether Excel supports an ExcelApi requirement set, such as "1.13". */
export type ApiSupport = (version: string) => boolean;

/** The workbook open in Excel, behind the host contract the task pane uses. */
export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly label = "this workbook";

  constructor(
    private readonly run: ExcelRunner,
    private readonly supports: ApiSupport
  ) {}

  private async safely<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (err) {
      throw explainOfficeError(err);
    }
  }

  readWorkbook(onProgress?: (p: HostProgress) => void): Promise<WorkbookRead> {
    const mergedAreas = this.supports("1.13");
    const validationLists = this.supports("1.8");
    return this.safely((context) =>
      readWorkbook(context, { ...DEFAULT_READ_OPTIONS, mergedAreas, validationLists, onProgress })
    );
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

  highlight(findings: readonly Finding[]): Promise<number> {
    return this.safely((context) => applyHighlights(context, findings));
  }

  clearHighlights(): Promise<number> {
    return this.safely((context) => clearHighlights(context));
  }

  async writeCommitteeSheets(plan: WorkbookPlan): Promise<CommitteeOutput> {
    const written = await this.safely((context) => writeCommitteeSheets(context, plan));
    return { kind: "sheets", ...written };
  }

  showFinding(finding: Finding): Promise<void> {
    return this.safely(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(finding.sheet);
      worksheet.activate();
      worksheet.getRange(finding.cell).select();
      await context.sync();
    });
  }
}

/** The host for the add-in itself: Excel.run and Office's requirement-set check. */
export function createExcelHost(): ExcelHost {
  return new ExcelHost(
    (batch) => Excel.run(batch),
    (version) => Office.context.requirements.isSetSupported("ExcelApi", version)
  );
}
