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
import {
  type Area,
  areaText,
  cellCount,
  parseAddress,
  parseQualified,
  qualified,
} from "./addresses";
import { excelError } from "./errors";
import { type ChangeOrigin, type Listener, changedArgs, selectionArgs } from "./events";
import {
  type CellStyle,
  type ConditionalFormatModel,
  type HyperlinkModel,
  type NoteModel,
  type Scalar,
  SheetModel,
  type ValidationModel,
  type ValidationRule,
  WorkbookModel,
} from "./model";
import { ApplicationProxy, WorkbookProxy } from "./objects";
import { type RunOptions, type RuntimeHost, Session, type SyncRecord } from "./runtime";
import { DEFAULT_VALIDATION } from "./validation";

export { NotModelledError, RichApiError } from "./errors";
export type { Scalar } from "./model";
export { SheetModel, WorkbookModel } from "./model";
export type { SyncRecord } from "./runtime";
export { type PrintModel, printSetup } from "./print";
export { rowHeights } from "./sheet-format";

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
  /** Data validation the user set: each entry over its address ("D5:D9"). */
  validations?: ValidationSeed[];
  /** Notes the user wrote, by cell ("D5": "Checked with the Monitoring Officer"). */
  notes?: Record<string, string>;
  /** Threaded comments, by cell. */
  comments?: Record<string, string>;
}

export interface ValidationSeed {
  address: string;
  rule: ValidationRule;
  prompt?: Partial<ValidationModel["prompt"]>;
  errorAlert?: Partial<ValidationModel["errorAlert"]>;
  ignoreBlanks?: boolean;
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
  /** Workbook-scoped defined names: { name: "RAGList", value: "Key!$A$2:$A$4" }. */
  names?: { name: string; value: string }[];
  /** The newest ExcelApi requirement set the host has: "1.13" unless told. */
  api?: string;
  /** Excel on the web caps each request and response at 5 MB; desktop has no such cap. */
  platform?: "web" | "desktop";
  structureProtected?: boolean;
  /** Office.onReady answers after this many milliseconds (slow starts take many seconds). */
  readyAfterMs?: number;
  /** The name Excel gives as the author of notes this user (and the add-in) writes. */
  userName?: string;
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
  readonly platform: "web" | "desktop";
  readonly userName: string;
  /** Event handlers registered by add-ins (see events.ts). */
  readonly listeners: Listener[] = [];
  /** What event handlers threw or rejected with: a test expects none. */
  readonly handlerErrors: unknown[] = [];
  /** Each context made by Excel.run, for Excel.run(context, batch). */
  private readonly sessions = new WeakMap<object, Session>();

  constructor(options: DoubleOptions = {}) {
    this.apiMinor = minor(options.api ?? "1.13");
    this.platform = options.platform ?? "web";
    this.userName = options.userName ?? "Jo Officer";
    this.payloadLimit = this.platform === "desktop" ? null : WEB_PAYLOAD_LIMIT;
    this.workbook.structureProtected = Boolean(options.structureProtected);
    this.workbook.names.push(...(options.names ?? []));
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
    for (const v of seed.validations ?? []) this.addUserValidation(sheet, v);
    for (const [address, content] of Object.entries(seed.notes ?? {}))
      sheet.notes.set(cellKey(address), { content, author: this.userName });
    for (const [address, content] of Object.entries(seed.comments ?? {}))
      sheet.comments.set(cellKey(address), { content, author: this.userName });
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

  /**
   * Excel.run(batch), Excel.run(options, batch), or Excel.run(context, batch) with a context an
   * earlier Excel.run made (or an object of it): the batch then runs in that context again, as an
   * event handler's registration is removed in the context that added it.
   */
  run = async <T>(
    first: RunOptions | object | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> => {
    const [given, batch] = typeof first === "function" ? [{}, first] : [first, second!];
    const earlier =
      this.sessions.get(given) ??
      ("context" in given ? this.sessions.get((given as { context: object }).context) : undefined);
    const options: RunOptions = earlier ? earlier.options : (given as RunOptions);
    this.runs.push({ ...options });
    const session = earlier ?? new Session(this, options);
    session.closed = false;
    const context = earlier
      ? (session as unknown as { context: Excel.RequestContext }).context
      : this.contextFor(session);
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
    this.sessions.set(context, session);
    return context as unknown as Excel.RequestContext;
  }

  /** What office.js puts on the page: Office.onReady and the requirement-set check. */
  get office() {
    return {
      onReady: () =>
        new Promise<{ host: string; platform: string }>((resolve) =>
          setTimeout(
            () =>
              resolve({ host: "Excel", platform: this.platform === "web" ? "OfficeOnline" : "PC" }),
            this.readyAfterMs
          )
        ),
      context: {
        officeTheme: { bodyBackgroundColor: "#FFFFFF" },
        // Office.PlatformType: Excel on the web is "OfficeOnline", Windows "PC".
        platform: this.platform === "web" ? "OfficeOnline" : "PC",
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

  dataChanged(sheet: SheetModel, area: Area, origin: ChangeOrigin, before?: Scalar): void {
    this.emit("changed", sheet, () =>
      changedArgs((v) => this.supports(v), sheet, area, origin, before)
    );
  }

  /**
   * Calls the handlers registered for this kind of event on this sheet, each on a task of its own
   * after the change (as Excel does: the change is done before any handler hears of it).
   */
  private emit(
    kind: Listener["kind"],
    sheet: SheetModel,
    args: () => Record<string, unknown>
  ): void {
    for (const l of this.listeners) {
      if (l.removed || l.kind !== kind || l.sheet !== sheet || sheet.deleted) continue;
      setTimeout(() => {
        if (l.removed || sheet.deleted) return;
        try {
          Promise.resolve(l.handler(args())).catch((err: unknown) => this.handlerErrors.push(err));
        } catch (err) {
          this.handlerErrors.push(err);
        }
      }, 0);
    }
  }

  /** Handlers still registered (not removed), for tests of their clean-up. */
  liveHandlers(kind?: Listener["kind"]): number {
    return this.listeners.filter((l) => !l.removed && (kind === undefined || l.kind === kind))
      .length;
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

  /**
   * The user types (or pastes a block) into cells: the values are stored and the sheet's
   * onChanged handlers hear of it once for the whole range, as for a paste.
   */
  userEdit(sheetName: string, address: string, values: SeedValue | SeedValue[][]): void {
    const sheet = this.sheet(sheetName);
    const area = parseAddress(address);
    const block = Array.isArray(values) ? values : [[values]];
    const rows = area.bottom - area.top + 1;
    const columns = area.right - area.left + 1;
    if (block.length !== rows || block.some((r) => r.length !== columns))
      throw new Error(`userEdit: ${address} takes ${rows} x ${columns} values`);
    const before = cellCount(area) === 1 ? sheet.value(area.top, area.left) : undefined;
    block.forEach((row, r) =>
      row.forEach((v, c) => {
        const style = sheet.style(area.top + r, area.left + c);
        if (style) delete style.formula;
        sheet.setValue(area.top + r, area.left + c, v === null || v === undefined ? "" : v);
      })
    );
    this.dataChanged(sheet, area, "user", before);
  }

  /**
   * The user picks a value from a cell's data-validation list. Excel on the web raises no
   * onChanged for it (office-js issues 3888 and 4066); the desktop does.
   */
  userPick(sheetName: string, address: string, value: string | number): void {
    const sheet = this.sheet(sheetName);
    const a = parseAddress(address);
    const entry = sheet.validations.get(SheetModel.key(a.top, a.left));
    const list = (entry?.rule as { list?: { source?: string } } | undefined)?.list?.source;
    if (typeof list !== "string" || !list.split(",").some((s) => s.trim() === String(value)))
      throw new Error(`userPick: ${address} has no drop-down offering ${String(value)}`);
    const before = sheet.value(a.top, a.left);
    sheet.setValue(a.top, a.left, value);
    if (this.platform !== "web") this.dataChanged(sheet, a, "user", before);
  }

  /** The user selects cells: the sheet becomes active and its onSelectionChanged handlers hear of it. */
  userSelect(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const area = parseAddress(address);
    this.workbook.activeSheet = sheet;
    this.workbook.selection = { sheet: sheet.name, address: areaText(area) };
    this.emit("selection", sheet, () => selectionArgs(sheet, area));
  }

  /**
   * The add-in's Range.select moved the selection: its onSelectionChanged handlers hear of it too.
   * The desktop raises the event even for the cells already selected; the web only for a change.
   */
  selected(
    sheet: SheetModel,
    area: Area,
    before: { sheet: string; address: string } | undefined
  ): void {
    const same =
      before?.sheet === sheet.name &&
      [areaText(area), qualified(sheet.name, area)].includes(before.address);
    if (same && this.platform === "web") return;
    this.emit("selection", sheet, () => selectionArgs(sheet, area));
  }

  /** The user adds a note of their own to a cell. */
  addUserNote(sheet: string, address: string, content: string): void {
    this.sheet(sheet).notes.set(cellKey(address), { content, author: this.userName });
  }

  /** The user sets data validation on cells (a list of their own, say). */
  addUserValidation(sheet: SheetModel | string, seed: ValidationSeed): void {
    const s = typeof sheet === "string" ? this.sheet(sheet) : sheet;
    const entry: ValidationModel = {
      rule: seed.rule,
      prompt: { ...DEFAULT_VALIDATION.prompt, ...seed.prompt },
      errorAlert: { ...DEFAULT_VALIDATION.errorAlert, ...seed.errorAlert },
      ignoreBlanks: seed.ignoreBlanks ?? true,
    };
    const a = parseAddress(seed.address);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) s.validations.set(SheetModel.key(r, c), entry);
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

  /** A cell's data validation, or undefined where it has none. */
  validation(sheet: string, address: string): ValidationModel | undefined {
    return this.sheet(sheet).validations.get(cellKey(address));
  }

  /** Every cell of a sheet with data validation, as A1 addresses in row order. */
  validatedCells(sheet: string): string[] {
    return [...this.sheet(sheet).validations.keys()].sort((a, b) => a - b).map(addressOfKey);
  }

  note(sheet: string, address: string): NoteModel | undefined {
    return this.sheet(sheet).notes.get(cellKey(address));
  }

  /** A sheet's notes by cell, in row order. */
  notes(sheet: string): Record<string, string> {
    const s = this.sheet(sheet);
    return Object.fromEntries(
      [...s.notes.keys()]
        .sort((a, b) => a - b)
        .map((k) => [addressOfKey(k), s.notes.get(k)!.content])
    );
  }

  hyperlink(sheet: string, address: string): HyperlinkModel | undefined {
    return this.sheet(sheet).hyperlinks.get(cellKey(address));
  }

  /**
   * Where clicking a cell's link takes the user, as Excel follows a reference in the workbook: the
   * sheet by its (quoted, apostrophes doubled) name and the cell. Throws where Excel would say
   * "Reference isn't valid".
   */
  followLink(sheet: string, address: string): { sheet: string; address: string } {
    const link = this.hyperlink(sheet, address);
    if (!link?.documentReference)
      throw new Error(`${sheet}!${address} has no link in the workbook`);
    let target: { sheet: string; area: Area };
    try {
      target = parseQualified(link.documentReference);
    } catch {
      throw new Error(`Reference isn't valid: ${link.documentReference}`);
    }
    const found = this.workbook.findSheet(target.sheet);
    if (!found) throw new Error(`Reference isn't valid: ${link.documentReference}`);
    return { sheet: found.name, address: areaText(target.area) };
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

function cellKey(address: string): number {
  const a = parseAddress(address);
  return SheetModel.key(a.top, a.left);
}

function addressOfKey(key: number): string {
  const { row, column } = SheetModel.cellOf(key);
  return areaText({ top: row, left: column, bottom: row, right: column });
}

export function createExcelDouble(options: DoubleOptions = {}): ExcelDouble {
  return new ExcelDouble(options);
}
