/**
 * A fault-injecting Excel for tests: the workbook as data, reached through Office.js-shaped
 * proxies that keep Excel's rules (see the README's list of documented behaviours and the
 * double's own tests in test/excel/excel-double.test.ts). Anything it does not model throws
 * NotModelledError instead of quietly succeeding.
 *
 *   const excel = createExcelDouble({ sheets: [{ name: "Schedule", values: [...] }] });
 *   excel.installGlobals();          // Excel.run and Office, as office.js would provide them
 *   await createExcelHost().readWorkbook();
 *   excel.renameSheet("Schedule", "Schedule 2025"); excel.reopen();   // the user, between sessions
 */
import { type Area, parseAddress } from "./addresses";
import { excelError } from "./errors";
import {
  type CellStyle,
  type ConditionalFormatModel,
  type Scalar,
  SheetModel,
  WorkbookModel,
} from "./model";
import { ApplicationProxy, WorkbookProxy } from "./objects";
import { type RunOptions, type RuntimeHost, Session, type SyncRecord } from "./runtime";

export { NotModelledError, RichApiError } from "./errors";
export type { Scalar } from "./model";
export { SheetModel, WorkbookModel } from "./model";
export type { SyncRecord } from "./runtime";

/** "Excel on the web has a payload size limit for requests and responses of 5MB." */
export const WEB_PAYLOAD_LIMIT = 5 * 1000 * 1000;

/** A cell as a test writes it: "" empty, { error: "#N/A" } an error value. */
export type SeedValue = Scalar | null | undefined;

export interface SheetSeed {
  name: string;
  id?: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** 0-based row and column of values[0][0]. */
  rowIndex?: number;
  columnIndex?: number;
  values?: SeedValue[][];
  /** Number formats by A1 address ("D5": "m/d/yyyy"); "General" elsewhere. */
  numberFormats?: Record<string, string>;
  /** Merged areas, "A3:A4". */
  merged?: string[];
  protected?: boolean;
  /** Rules already on the sheet, the first at the top priority. */
  conditionalFormats?: UserRule[];
  tables?: { name: string; address: string }[];
  customProperties?: Record<string, string>;
}

export interface UserRule {
  /** "A1:C9", or several areas separated by commas. */
  address: string;
  type?: "Custom" | "CellValue" | "ColorScale" | "DataBar" | "IconSet";
  formula?: string;
  fill?: string;
  /** A rule Excel cannot describe to the API (a duplicated rule, office-js issue 6835). */
  unreadable?: boolean;
}

export interface DoubleOptions {
  sheets?: SheetSeed[];
  settings?: Record<string, unknown>;
  /** The newest ExcelApi requirement set the host has: "1.13" unless told. */
  api?: string;
  /** Excel on the web caps each request and response at 5 MB; desktop has no such cap. */
  platform?: "web" | "desktop";
  structureProtected?: boolean;
  /** Office.onReady answers after this many milliseconds (slow starts take many seconds). */
  readyAfterMs?: number;
}

const minor = (version: string): number => Number(version.split(".")[1] ?? 0);

export class ExcelDouble implements RuntimeHost {
  readonly workbook = new WorkbookModel();
  readonly log: SyncRecord[] = [];
  payloadLimit: number | null;
  /** The last session's context, as passed to the batch. */
  private apiMinor: number;
  private readonly disabled = new Set<number>();
  private cellEdit: { done: Promise<void>; finish: () => void } | undefined;
  private readyAfterMs: number;
  /** Every Excel.run the double ran, with the options it was given. */
  readonly runs: RunOptions[] = [];

  constructor(options: DoubleOptions = {}) {
    this.apiMinor = minor(options.api ?? "1.13");
    this.payloadLimit = options.platform === "desktop" ? null : WEB_PAYLOAD_LIMIT;
    this.workbook.structureProtected = Boolean(options.structureProtected);
    this.readyAfterMs = options.readyAfterMs ?? 0;
    for (const [k, v] of Object.entries(options.settings ?? {}))
      this.workbook.settings.set(k, JSON.parse(JSON.stringify(v)) as unknown);
    for (const seed of options.sheets ?? []) this.addSheet(seed);
    this.workbook.activeSheet = this.workbook.liveSheets()[0];
  }

  // ------------------------------------------------------------------ arranging the workbook

  addSheet(seed: SheetSeed): SheetModel {
    const sheet = new SheetModel(seed.id ?? this.workbook.newSheetId(), seed.name, seed.visibility);
    const top = seed.rowIndex ?? 0;
    const left = seed.columnIndex ?? 0;
    (seed.values ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") sheet.setValue(top + r, left + c, v);
      })
    );
    for (const [address, format] of Object.entries(seed.numberFormats ?? {})) {
      const a = parseAddress(address);
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) sheet.styleFor(r, c).numberFormat = format;
    }
    sheet.merges = (seed.merged ?? []).map(parseAddress);
    sheet.protected = Boolean(seed.protected);
    sheet.conditionalFormats = (seed.conditionalFormats ?? []).map(userFormat);
    for (const [k, v] of Object.entries(seed.customProperties ?? {}))
      sheet.customProperties.set(k.toLowerCase(), { key: k, value: v });
    this.workbook.sheets.push(sheet);
    for (const t of seed.tables ?? [])
      this.workbook.tables.push({
        id: this.workbook.nextTableId(),
        name: t.name,
        sheet,
        area: parseAddress(t.address),
        style: "TableStyleMedium2",
      });
    return sheet;
  }

  // ------------------------------------------------------------------ Office.js entry points

  /** Excel.run(batch) or Excel.run(options, batch), as office.js has them. */
  run = async <T>(
    first: RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> => {
    const [options, batch] = typeof first === "function" ? [{}, first] : [first, second!];
    this.runs.push({ ...options });
    const session = new Session(this, options);
    const context = this.contextFor(session);
    try {
      const result = await batch(context);
      // Excel.run sends whatever is still queued when the batch returns.
      if (session.pending) await session.sync();
      return result;
    } finally {
      session.closed = true;
    }
  };

  /** A request context outside Excel.run, for calling src/excel's functions directly. */
  context(options: RunOptions = {}): Excel.RequestContext {
    return this.contextFor(new Session(this, options));
  }

  private contextFor(session: Session): Excel.RequestContext {
    const context = {
      workbook: new WorkbookProxy(session, this.workbook),
      application: new ApplicationProxy(session, this.workbook),
      sync: () => session.sync(),
    };
    (session as unknown as { context: unknown }).context = context;
    return context as unknown as Excel.RequestContext;
  }

  /** What office.js puts on the page: Office.onReady and the requirement-set check. */
  get office() {
    return {
      onReady: () =>
        new Promise<{ host: string; platform: string }>((resolve) =>
          setTimeout(() => resolve({ host: "Excel", platform: "OfficeOnline" }), this.readyAfterMs)
        ),
      context: {
        officeTheme: { bodyBackgroundColor: "#FFFFFF" },
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === "ExcelApi" && this.supports(version ?? "1.1"),
        },
      },
    };
  }

  /** Puts Excel and Office on globalThis as office.js does; returns a function that takes them away. */
  installGlobals(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = { run: this.run };
    g.Office = this.office;
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }

  // ------------------------------------------------------------------ RuntimeHost

  supports(version: string): boolean {
    const m = minor(version);
    return m <= this.apiMinor && !this.disabled.has(m);
  }

  async admit(options: RunOptions): Promise<void> {
    if (!this.cellEdit) return;
    // delayForCellEdit: the request waits until the user leaves the cell; otherwise it fails.
    if (options.delayForCellEdit) await this.cellEdit.done;
    else throw excelError("InvalidOperationInCellEditMode", "RequestContext.sync");
  }

  private readonly faults = new Map<string, string>();

  /**
   * Makes the next call at `location` ("ChartCollection.add", "Range.values") fail with `code`,
   * as Excel fails a request part way: what ran before it in the request stays done.
   */
  failNext(location: string, code = "GeneralException"): this {
    this.faults.set(location, code);
    return this;
  }

  takeFault(location: string): string | undefined {
    const code = this.faults.get(location);
    this.faults.delete(location);
    return code;
  }

  // ------------------------------------------------------------------ requirement sets

  /** Takes one ExcelApi set away, as an older build lacks it ("1.12"). */
  withoutSet(version: string): this {
    this.disabled.add(minor(version));
    return this;
  }

  // ------------------------------------------------------------------ the user, between and during sessions

  renameSheet(from: string, to: string): void {
    this.workbook.sheet(from).name = to;
  }

  /** Closes and opens the workbook again: worksheet ids change (office-js-docs issue 297). */
  reopen(): void {
    for (const s of this.workbook.liveSheets()) s.id = this.workbook.newSheetId();
  }

  protectSheet(name: string, on = true): void {
    this.workbook.sheet(name).protected = on;
  }

  protectStructure(on = true): void {
    this.workbook.structureProtected = on;
  }

  /** The user starts typing in a cell: Excel is in cell edit mode until finishCellEdit(). */
  startCellEdit(): void {
    let finish = () => undefined as void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.cellEdit = { done, finish };
  }

  finishCellEdit(): void {
    this.cellEdit?.finish();
    this.cellEdit = undefined;
  }

  /** The user adds a rule of their own: it takes the top priority, as Excel adds new rules. */
  addUserRule(sheet: string, rule: UserRule): void {
    this.workbook.sheet(sheet).conditionalFormats.unshift(userFormat(rule));
  }

  /** The user deletes the rule at this place in the sheet's list. */
  deleteRuleAt(sheet: string, index: number): void {
    this.workbook.sheet(sheet).conditionalFormats.splice(index, 1);
  }

  // ------------------------------------------------------------------ inspecting

  sheet(name: string): SheetModel {
    return this.workbook.sheet(name);
  }

  sheetNames(): string[] {
    return this.workbook.liveSheets().map((s) => s.name);
  }

  /** A cell by A1 address: its value (as stored), formula, number format and style. */
  cell(sheet: string, address: string): { value: Scalar; style: CellStyle } {
    const s = this.sheet(sheet);
    const a: Area = parseAddress(address);
    return {
      value: s.value(a.top, a.left),
      style: { numberFormat: "General", ...s.style(a.top, a.left) },
    };
  }

  rules(sheet: string): ConditionalFormatModel[] {
    return this.sheet(sheet).conditionalFormats;
  }

  syncs(): number {
    return this.log.length;
  }

  maxResponseBytes(): number {
    return Math.max(0, ...this.log.map((l) => l.responseBytes));
  }

  maxRequestBytes(): number {
    return Math.max(0, ...this.log.map((l) => l.requestBytes));
  }
}

function userFormat(rule: UserRule): ConditionalFormatModel {
  return {
    type: rule.type ?? "Custom",
    areas: rule.address.split(",").map(parseAddress),
    formula: rule.formula ?? "",
    fill: rule.fill ?? "",
    fontColor: "",
    unreadable: Boolean(rule.unreadable),
    origin: "user",
  };
}

export function createExcelDouble(options: DoubleOptions = {}): ExcelDouble {
  return new ExcelDouble(options);
}
