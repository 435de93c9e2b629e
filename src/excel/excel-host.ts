import type { FindingInContext } from "../core/finding-context";
import type { Finding } from "../core/findings";
import type {
  CommitteeOutput,
  DropDownResult,
  FindingsSheetResult,
  HostProgress,
  LiveFeatures,
  MarkResult,
  SheetRegionRead,
  Watch,
  WatchHandlers,
  WorkbookHost,
  WorkbookRead,
} from "../core/host";
import type { CellArea } from "../core/recheck";
import type { ScoreDropDownPlan } from "../core/score-dropdowns";
import type { WorkbookPlan } from "../core/summary/plan";
import { type Settings, parseSettings } from "../core/settings";
import { DEFAULT_FINDINGS_OPTIONS, writeFindingsSheet } from "./findings-sheet";
import { applyHighlights, clearHighlights } from "./highlights";
import { liveFeatures } from "./live-features";
import { ExcelHostError, explainOfficeError } from "./office-errors";
import { clearProblemNotes, showProblemNotes } from "./problem-notes";
import { DEFAULT_REGION_OPTIONS, readRegion } from "./read-region";
import { DEFAULT_READ_OPTIONS, readWorkbook } from "./read-workbook";
import { addScoreDropDowns, removeScoreDropDowns } from "./score-dropdowns";
import { type ContextRunner, watchSheets } from "./watch-edits";
import { SETTINGS_KEY, queueSave, queueSetting, settingValue } from "./workbook-settings";
import { DEFAULT_WRITE_OPTIONS, writeCommitteeSheets } from "./write-committee-sheets";

/** Excel.run with its options: the add-in's batches, or the test double's. */
export type ExcelRunner = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

/** Whether Excel supports an ExcelApi requirement set, such as "1.13". */
export type ApiSupport = (version: string) => boolean;

/** Where Excel runs: on the web, a value picked from a drop-down raises no change event. */
export type ExcelPlatform = "web" | "desktop";

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

  readonly features: LiveFeatures;

  /**
   * @param run Excel.run with options
   * @param supports Office's requirement-set check for ExcelApi
   * @param runIn Excel.run(context, batch): a batch in a context made before (event handlers are
   *   removed in the context that added them)
   * @param platform where Excel runs
   */
  constructor(
    private readonly run: ExcelRunner,
    private readonly supports: ApiSupport,
    private readonly runIn: ContextRunner,
    private readonly platform: ExcelPlatform = "desktop"
  ) {
    this.features = liveFeatures(supports);
  }

  private unavailable(feature: keyof LiveFeatures): never {
    const f = this.features[feature];
    throw new ExcelHostError(f.available ? "unavailable" : f.reason, "ApiNotFound");
  }

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

  highlight(findings: readonly Finding[], sheets?: readonly string[]): Promise<MarkResult> {
    return this.safely((context) => applyHighlights(context, findings, this.sheetIds, sheets));
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

  async watch(sheets: readonly string[], handlers: WatchHandlers): Promise<Watch> {
    if (!this.features.checkAsYouType.available) this.unavailable("checkAsYouType");
    const named = sheets.map((name) => ({ name, id: this.sheetIds.get(name) }));
    return this.safely((context) =>
      watchSheets(
        context,
        named,
        handlers,
        { listPicksUnheard: this.platform === "web" },
        async (ctx, batch) => {
          try {
            return await this.runIn(ctx, batch);
          } catch (err) {
            throw explainOfficeError(err);
          }
        }
      )
    );
  }

  readRegion(sheet: string, area: CellArea): Promise<SheetRegionRead> {
    return this.safely((context) =>
      readRegion(context, this.sheetIds.get(sheet) ?? sheet, area, {
        ...DEFAULT_REGION_OPTIONS,
        api112: this.supports("1.12"),
      })
    );
  }

  async addScoreDropDowns(plans: readonly ScoreDropDownPlan[]): Promise<DropDownResult> {
    if (!this.features.dropDowns.available) this.unavailable("dropDowns");
    return this.safely((context) =>
      addScoreDropDowns(context, plans, {
        customProperties: this.supports("1.12"),
        sheetIds: this.sheetIds,
      })
    );
  }

  async removeScoreDropDowns(plans?: readonly ScoreDropDownPlan[]): Promise<MarkResult> {
    if (!this.features.dropDowns.available) this.unavailable("dropDowns");
    return this.safely((context) =>
      removeScoreDropDowns(
        context,
        { customProperties: this.supports("1.12"), sheetIds: this.sheetIds },
        plans
      )
    );
  }

  async showProblemNotes(
    findings: readonly Finding[],
    sheets?: readonly string[]
  ): Promise<MarkResult> {
    if (!this.features.notes.available) this.unavailable("notes");
    return this.safely((context) => showProblemNotes(context, findings, this.sheetIds, sheets));
  }

  async clearProblemNotes(): Promise<MarkResult> {
    if (!this.features.notes.available) this.unavailable("notes");
    return this.safely((context) => clearProblemNotes(context));
  }

  async exportFindings(findings: readonly FindingInContext[]): Promise<FindingsSheetResult> {
    if (!this.features.findingsSheet.available) this.unavailable("findingsSheet");
    return this.safely((context) =>
      writeFindingsSheet(context, findings, {
        ...DEFAULT_FINDINGS_OPTIONS,
        customProperties: this.supports("1.12"),
      })
    );
  }
}

/** The host for the add-in itself: Excel.run, Office's requirement-set check and platform. */
export function createExcelHost(): ExcelHost {
  const office = Office.context as { platform?: unknown };
  return new ExcelHost(
    (options, batch) => Excel.run(options, batch),
    (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
    (context, batch) => Excel.run(context, batch),
    office.platform === "OfficeOnline" ? "web" : "desktop"
  );
}
