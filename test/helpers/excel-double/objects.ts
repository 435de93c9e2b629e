/**
 * The Excel objects the double models, each with the properties, navigations and methods it
 * answers; anything else throws NotModelledError. Requirement sets are those of the Excel
 * JavaScript API reference (https://learn.microsoft.com/javascript/api/excel); a property or
 * method past the host's sets fails its request with ApiNotFound.
 */
import {
  type Area,
  WHOLE_SHEET,
  cellCount,
  intersects,
  parseAddress,
  qualified,
} from "./addresses";
import { NotModelledError, excelError } from "./errors";
import { ChartCollectionProxy } from "./charts";
import { CHANGED_SHAPE, EventHandlersProxy, SELECTION_SHAPE } from "./events";
import {
  type ConditionalFormatModel,
  type ErrorValue,
  type Scalar,
  SheetModel,
  type TableModel,
  type WorkbookModel,
  validSheetName,
  validTableName,
} from "./model";
import { CommentCollectionProxy, NoteCollectionProxy, useRangeMaker } from "./notes";
import { PageBreakCollectionProxy, PageLayoutProxy } from "./print";
import { type AnyProxy, ProxyBase, type Session, type Shape, defineScalars } from "./runtime";
import { LAYOUT_SCALARS, mergeRange, styleEach } from "./sheet-format";
import { DataValidationProxy } from "./validation";

/** "A range is limited to 5,000,000 cells for read operations." */
export const READ_CELL_LIMIT = 5_000_000;

/** getMergedAreasOrNullObject "will fail to return the result" past this many areas. */
export const MERGED_AREAS_LIMIT = 512;

interface RangeTarget {
  readonly sheet: SheetModel;
  readonly area: Area;
}

interface AreasTarget {
  readonly sheet: SheetModel;
  readonly areas: readonly Area[];
}

const isError = (v: Scalar): v is ErrorValue => typeof v === "object" && v !== null;

function valueOut(sheet: SheetModel, row: number, column: number): unknown {
  const style = sheet.style(row, column);
  if (style?.formula !== undefined)
    throw new NotModelledError(`evaluating the formula ${style.formula} written to ${sheet.name}`);
  const v = sheet.value(row, column);
  return isError(v) ? v.error : v;
}

function valueType(v: Scalar): string {
  if (v === "") return "Empty";
  if (isError(v)) return "Error";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return "Double";
  return "String";
}

const BUILT_IN_DATES = new Set(["m/d/yyyy", "d-mmm-yy", "d-mmm", "mmm-yy", "m/d/yyyy h:mm"]);
const BUILT_IN_TIMES = new Set([
  "h:mm AM/PM",
  "h:mm:ss AM/PM",
  "h:mm",
  "h:mm:ss",
  "mm:ss",
  "[h]:mm:ss",
  "mm:ss.0",
]);

/**
 * Excel.NumberFormatCategory of a format code. Excel's own built-in date and time formats are
 * "Date" and "Time"; a date format typed in by hand ("dd/mm/yyyy") is "Custom".
 */
export function formatCategory(format: string): string {
  if (format === "General") return "General";
  if (format === "@") return "Text";
  if (BUILT_IN_DATES.has(format)) return "Date";
  if (BUILT_IN_TIMES.has(format)) return "Time";
  if (/^0(\.0+)?%$/.test(format)) return "Percentage";
  if (/^0(\.0+)?E\+0+$/.test(format)) return "Scientific";
  if (/^#,##0(\.0+)?$|^0(\.0+)?$/.test(format)) return "Number";
  if (/^[£$€]#,##0(\.0+)?$/.test(format)) return "Currency";
  return "Custom";
}

function grid<T>(area: Area, cell: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: T[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

function readable(t: RangeTarget, location: string): void {
  if (cellCount(t.area) > READ_CELL_LIMIT) throw excelError("RangeExceedsLimit", location);
}

function assertShape(t: RangeTarget, value: unknown, location: string): unknown[][] {
  const rows = t.area.bottom - t.area.top + 1;
  const columns = t.area.right - t.area.left + 1;
  if (!Array.isArray(value) || !value.every((r) => Array.isArray(r)))
    throw new NotModelledError(`${location} set to something other than a 2-D array`);
  const v = value as unknown[][];
  if (v.length !== rows || v.some((r) => r.length !== columns))
    throw excelError("InvalidArgument", location);
  return v;
}

/**
 * Writes one value as Excel stores what Range.values is given: text in a cell formatted "@" stays
 * text; otherwise text that starts with "=", "+" or "-" is read as a formula, and text that is a
 * number becomes the number.
 */
function store(sheet: SheetModel, row: number, column: number, value: unknown): void {
  const style = sheet.style(row, column);
  if (style) delete style.formula;
  if (value === null || value === undefined || value === "") {
    sheet.setValue(row, column, "");
    return;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    sheet.setValue(row, column, value);
    return;
  }
  if (typeof value !== "string") throw new NotModelledError(`writing a ${typeof value} to a cell`);
  if (style?.numberFormat === "@") {
    sheet.setValue(row, column, value);
    return;
  }
  if (/^[=+-]/.test(value)) {
    sheet.styleFor(row, column).formula = value.startsWith("=") ? value : `=${value}`;
    sheet.setValue(row, column, "");
    return;
  }
  if (/^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    sheet.setValue(row, column, Number(value));
    return;
  }
  sheet.setValue(row, column, value);
}

// ---------------------------------------------------------------------------- workbook level

export class WorkbookProxy extends ProxyBase<WorkbookModel> {
  static readonly shape: Shape<WorkbookModel> = {
    type: "Workbook",
    scalars: {},
    navs: ["worksheets", "settings", "tables", "protection", "notes", "comments", "names"],
  };

  constructor(session: Session, model: WorkbookModel) {
    super(session, WorkbookProxy.shape, () => model);
  }

  /** The workbook's defined names (ExcelApi 1.1). */
  get names(): NamedItemCollectionProxy {
    return this._child(
      "names",
      () => new NamedItemCollectionProxy(this._session, () => this._bind())
    );
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child(
      "worksheets",
      () => new WorksheetCollectionProxy(this._session, () => this._bind())
    );
  }

  get settings(): SettingCollectionProxy {
    return this._child(
      "settings",
      () => new SettingCollectionProxy(this._session, () => this._bind())
    );
  }

  get tables(): TableCollectionProxy {
    return this._child(
      "tables",
      () =>
        new TableCollectionProxy(this._session, () => ({ workbook: this._bind()!, sheet: null }))
    );
  }

  get protection(): WorkbookProtectionProxy {
    return this._child(
      "protection",
      () => new WorkbookProtectionProxy(this._session, () => this._bind())
    );
  }

  /** Every sheet's notes (ExcelApi 1.18). */
  get notes(): NoteCollectionProxy {
    return this._child(
      "notes",
      () => new NoteCollectionProxy(this._session, () => ({ workbook: this._bind()!, sheet: null }))
    );
  }

  /** Every sheet's threaded comments (ExcelApi 1.10). */
  get comments(): CommentCollectionProxy {
    return this._child(
      "comments",
      () =>
        new CommentCollectionProxy(this._session, () => ({ workbook: this._bind()!, sheet: null }))
    );
  }
}

export class WorkbookProtectionProxy extends ProxyBase<WorkbookModel> {
  static readonly shape: Shape<WorkbookModel> = {
    type: "WorkbookProtection",
    scalars: { protected: { get: (m) => m.structureProtected, api: "1.7" } },
  };

  constructor(session: Session, resolve: () => WorkbookModel | null) {
    super(session, WorkbookProtectionProxy.shape, resolve);
  }
}
defineScalars(WorkbookProtectionProxy, WorkbookProtectionProxy.shape);

export class ApplicationProxy extends ProxyBase<WorkbookModel> {
  static readonly shape: Shape<WorkbookModel> = { type: "Application", scalars: {} };

  constructor(session: Session, model: WorkbookModel) {
    super(session, ApplicationProxy.shape, () => model);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call("Application.suspendScreenUpdatingUntilNextSync", [], "1.9", (m) => {
      m.screenUpdatingSuspensions++;
    });
  }
}

// ---------------------------------------------------------------------------- worksheets

export class WorksheetCollectionProxy extends ProxyBase<WorkbookModel> {
  static readonly shape: Shape<WorkbookModel> = {
    type: "WorksheetCollection",
    scalars: {},
    collection: true,
  };

  constructor(session: Session, resolve: () => WorkbookModel | null) {
    super(session, WorksheetCollectionProxy.shape, resolve);
  }

  override _items(m: WorkbookModel): AnyProxy[] {
    return m.liveSheets().map((s) => new WorksheetProxy(this._session, () => s));
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this._session, () => {
      const s = this._target("WorksheetCollection.getItem").findSheet(key);
      if (!s) throw excelError("ItemNotFound", "WorksheetCollection.getItem");
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this._session,
      () => {
        this._session.checkApi("1.4", "WorksheetCollection.getItemOrNullObject");
        return this._target("WorksheetCollection.getItemOrNullObject").findSheet(key) ?? null;
      },
      true
    );
  }

  add(name?: string): WorksheetProxy {
    const made: { sheet?: SheetModel } = {};
    this._call("WorksheetCollection.add", [name ?? null], undefined, (wb) => {
      wb.assertStructureEditable("WorksheetCollection.add");
      let wanted = name;
      if (wanted === undefined) {
        let i = wb.liveSheets().length + 1;
        while (wb.findSheet(`Sheet${i}`)) i++;
        wanted = `Sheet${i}`;
      }
      if (!validSheetName(wanted)) throw excelError("InvalidArgument", "WorksheetCollection.add");
      if (wb.findSheet(wanted)) throw excelError("ItemAlreadyExists", "WorksheetCollection.add");
      const sheet = new SheetModel(wb.newSheetId(), wanted);
      wb.sheets.push(sheet);
      made.sheet = sheet;
    });
    return new WorksheetProxy(this._session, () => {
      if (!made.sheet) throw excelError("ItemNotFound", "WorksheetCollection.add");
      return made.sheet;
    });
  }
}

export class WorksheetProxy extends ProxyBase<SheetModel> {
  static readonly shape: Shape<SheetModel> = {
    type: "Worksheet",
    scalars: {
      name: {
        get: (s) => s.name,
        set: (s, v, self) => {
          const wb = (self as WorksheetProxy)._workbook();
          wb.assertStructureEditable("Worksheet.name");
          const name = String(v);
          if (!validSheetName(name)) throw excelError("InvalidArgument", "Worksheet.name");
          const other = wb.findSheet(name);
          if (other && other !== s) throw excelError("ItemAlreadyExists", "Worksheet.name");
          s.name = name;
        },
      },
      id: { get: (s) => s.id },
      visibility: { get: (s) => s.visibility },
      position: { get: (s, self) => (self as WorksheetProxy)._workbook().liveSheets().indexOf(s) },
    },
    navs: [
      "protection",
      "customProperties",
      "tables",
      "charts",
      "freezePanes",
      "notes",
      "comments",
      "pageLayout",
      "horizontalPageBreaks",
    ],
  };

  constructor(session: Session, resolve: () => SheetModel | null, nullable = false) {
    super(session, WorksheetProxy.shape, resolve, nullable);
  }

  _workbook(): WorkbookModel {
    return this._session.host.workbook;
  }

  get protection(): WorksheetProtectionProxy {
    return this._child(
      "protection",
      () => new WorksheetProtectionProxy(this._session, () => this._bind())
    );
  }

  get customProperties(): CustomPropertyCollectionProxy {
    return this._child(
      "customProperties",
      () => new CustomPropertyCollectionProxy(this._session, () => this._bind())
    );
  }

  get tables(): TableCollectionProxy {
    return this._child(
      "tables",
      () =>
        new TableCollectionProxy(this._session, () => ({
          workbook: this._workbook(),
          sheet: this._target("Worksheet.tables"),
        }))
    );
  }

  get charts(): ChartCollectionProxy {
    return this._child("charts", () => new ChartCollectionProxy(this._session, () => this._bind()));
  }

  /** How the sheet prints (ExcelApi 1.9): see print.ts. */
  get pageLayout(): PageLayoutProxy {
    return this._child("pageLayout", () => new PageLayoutProxy(this._session, () => this._bind()));
  }

  /** ExcelApi 1.9: see print.ts. */
  get horizontalPageBreaks(): PageBreakCollectionProxy {
    return this._child(
      "horizontalPageBreaks",
      () => new PageBreakCollectionProxy(this._session, () => this._bind())
    );
  }

  get freezePanes(): FreezePanesProxy {
    return this._child(
      "freezePanes",
      () => new FreezePanesProxy(this._session, () => this._bind())
    );
  }

  get notes(): NoteCollectionProxy {
    return this._child(
      "notes",
      () =>
        new NoteCollectionProxy(this._session, () => ({
          workbook: this._workbook(),
          sheet: this._target("Worksheet.notes"),
        }))
    );
  }

  get comments(): CommentCollectionProxy {
    return this._child(
      "comments",
      () =>
        new CommentCollectionProxy(this._session, () => ({
          workbook: this._workbook(),
          sheet: this._target("Worksheet.comments"),
        }))
    );
  }

  /** Occurs when data changes on this sheet (ExcelApi 1.7). */
  get onChanged(): EventHandlersProxy {
    return this._child(
      "onChanged",
      () =>
        new EventHandlersProxy(this._session, CHANGED_SHAPE, "changed", "1.7", () => this._bind())
    );
  }

  /** Occurs when the selection changes on this sheet (ExcelApi 1.7). */
  get onSelectionChanged(): EventHandlersProxy {
    return this._child(
      "onSelectionChanged",
      () =>
        new EventHandlersProxy(this._session, SELECTION_SHAPE, "selection", "1.7", () =>
          this._bind()
        )
    );
  }

  private range(location: string, area: () => Area): RangeProxy {
    return new RangeProxy(this._session, () => ({ sheet: this._target(location), area: area() }));
  }

  getRange(address?: string): RangeProxy {
    if (address !== undefined) this.sendsPath("Worksheet.getRange", address);
    return this.range("Worksheet.getRange", () =>
      address === undefined ? WHOLE_SHEET : parseAddress(address)
    );
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return this.range("Worksheet.getRangeByIndexes", () => {
      this._session.checkApi("1.7", "Worksheet.getRangeByIndexes");
      if (row < 0 || column < 0 || rows < 1 || columns < 1)
        throw excelError("InvalidArgument", "Worksheet.getRangeByIndexes");
      return { top: row, left: column, bottom: row + rows - 1, right: column + columns - 1 };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.range("Worksheet.getCell", () => ({
      top: row,
      left: column,
      bottom: row,
      right: column,
    }));
  }

  /**
   * A method that returns an object goes in the request as that object's path, with its
   * arguments: an address of many areas costs its length against the 5 MB cap.
   */
  private sendsPath(location: string, address: string): void {
    this._session.enqueue(location, [address], () => undefined);
  }

  getRanges(address: string): RangeAreasProxy {
    this.sendsPath("Worksheet.getRanges", address);
    return new RangeAreasProxy(this._session, () => {
      this._session.checkApi("1.9", "Worksheet.getRanges");
      return {
        sheet: this._target("Worksheet.getRanges"),
        areas: address.split(",").map(parseAddress),
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true)
      throw new NotModelledError("getUsedRangeOrNullObject without valuesOnly");
    return new RangeProxy(
      this._session,
      () => {
        this._session.checkApi("1.4", "Worksheet.getUsedRangeOrNullObject");
        const sheet = this._target("Worksheet.getUsedRangeOrNullObject");
        const area = sheet.usedArea();
        return area ? { sheet, area } : null;
      },
      true
    );
  }

  activate(): void {
    this._call("Worksheet.activate", [], undefined, (s) => {
      this._workbook().activeSheet = s;
    });
  }

  delete(): void {
    this._call("Worksheet.delete", [], undefined, (s) => {
      const wb = this._workbook();
      wb.assertStructureEditable("Worksheet.delete");
      const visible = wb.liveSheets().filter((x) => x.visibility === "Visible");
      if (visible.length === 1 && visible[0] === s)
        throw excelError("InvalidOperation", "Worksheet.delete");
      s.deleted = true;
      if (wb.activeSheet === s) wb.activeSheet = visible.find((x) => x !== s);
    });
  }
}
defineScalars(WorksheetProxy, WorksheetProxy.shape);

export class WorksheetProtectionProxy extends ProxyBase<SheetModel> {
  static readonly shape: Shape<SheetModel> = {
    type: "WorksheetProtection",
    scalars: { protected: { get: (s) => s.protected, api: "1.2" } },
  };

  constructor(session: Session, resolve: () => SheetModel | null) {
    super(session, WorksheetProtectionProxy.shape, resolve);
  }
}
defineScalars(WorksheetProtectionProxy, WorksheetProtectionProxy.shape);

export class FreezePanesProxy extends ProxyBase<SheetModel> {
  static readonly shape: Shape<SheetModel> = { type: "WorksheetFreezePanes", scalars: {} };

  constructor(session: Session, resolve: () => SheetModel | null) {
    super(session, FreezePanesProxy.shape, resolve);
  }

  freezeRows(count: number): void {
    this._call("WorksheetFreezePanes.freezeRows", [count], "1.7", (s) => {
      s.frozenRows = count;
    });
  }
}

// ---------------------------------------------------------------------------- custom properties

interface CustomPropertyTarget {
  readonly sheet: SheetModel;
  readonly key: string;
}

export class CustomPropertyCollectionProxy extends ProxyBase<SheetModel> {
  static readonly shape: Shape<SheetModel> = {
    type: "WorksheetCustomPropertyCollection",
    scalars: {},
    collection: true,
  };

  constructor(session: Session, resolve: () => SheetModel | null) {
    super(session, CustomPropertyCollectionProxy.shape, () => {
      session.checkApi("1.12", "Worksheet.customProperties");
      return resolve();
    });
  }

  override _items(s: SheetModel): AnyProxy[] {
    return [...s.customProperties.keys()].map(
      (k) => new CustomPropertyProxy(this._session, () => ({ sheet: s, key: k }))
    );
  }

  add(key: string, value: string): CustomPropertyProxy {
    this._call("WorksheetCustomPropertyCollection.add", [key, value], "1.12", (s) => {
      if (key.length === 0 || key.length > 255)
        throw excelError("InvalidArgument", "WorksheetCustomPropertyCollection.add");
      s.customProperties.set(key.toLowerCase(), { key, value: String(value) });
    });
    return new CustomPropertyProxy(this._session, () => ({
      sheet: this._target("WorksheetCustomPropertyCollection.add"),
      key: key.toLowerCase(),
    }));
  }

  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(
      this._session,
      () => {
        const s = this._target("WorksheetCustomPropertyCollection.getItemOrNullObject");
        return s.customProperties.has(key.toLowerCase())
          ? { sheet: s, key: key.toLowerCase() }
          : null;
      },
      true
    );
  }
}

export class CustomPropertyProxy extends ProxyBase<CustomPropertyTarget> {
  static readonly shape: Shape<CustomPropertyTarget> = {
    type: "WorksheetCustomProperty",
    scalars: {
      key: { get: (t) => t.sheet.customProperties.get(t.key)?.key },
      value: {
        get: (t) => t.sheet.customProperties.get(t.key)?.value,
        set: (t, v) => {
          const p = t.sheet.customProperties.get(t.key);
          if (!p) throw excelError("ItemNotFound", "WorksheetCustomProperty.value");
          p.value = String(v);
        },
      },
    },
  };

  constructor(session: Session, resolve: () => CustomPropertyTarget | null, nullable = false) {
    super(session, CustomPropertyProxy.shape, resolve, nullable);
  }

  override _dead(t: CustomPropertyTarget): boolean {
    return t.sheet.deleted || !t.sheet.customProperties.has(t.key);
  }

  delete(): void {
    this._call("WorksheetCustomProperty.delete", [], "1.12", (t) => {
      t.sheet.customProperties.delete(t.key);
    });
  }
}
defineScalars(CustomPropertyProxy, CustomPropertyProxy.shape);

// ---------------------------------------------------------------------------- settings

interface SettingTarget {
  readonly workbook: WorkbookModel;
  readonly key: string;
}

export class SettingCollectionProxy extends ProxyBase<WorkbookModel> {
  static readonly shape: Shape<WorkbookModel> = {
    type: "SettingCollection",
    scalars: {},
    collection: true,
  };

  constructor(session: Session, resolve: () => WorkbookModel | null) {
    super(session, SettingCollectionProxy.shape, () => {
      session.checkApi("1.4", "Workbook.settings");
      return resolve();
    });
  }

  override _items(wb: WorkbookModel): AnyProxy[] {
    return [...wb.settings.keys()].map(
      (key) => new SettingProxy(this._session, () => ({ workbook: wb, key }))
    );
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(
      this._session,
      () => {
        const wb = this._target("SettingCollection.getItemOrNullObject");
        return wb.settings.has(key) ? { workbook: wb, key } : null;
      },
      true
    );
  }

  add(key: string, value: unknown): SettingProxy {
    this._call("SettingCollection.add", [key, value], "1.4", (wb) => {
      // Settings hold JSON: what comes back is a copy, never the object that was stored.
      wb.settings.set(key, JSON.parse(JSON.stringify(value ?? null)) as unknown);
    });
    return new SettingProxy(this._session, () => ({
      workbook: this._target("SettingCollection.add"),
      key,
    }));
  }
}

export class SettingProxy extends ProxyBase<SettingTarget> {
  static readonly shape: Shape<SettingTarget> = {
    type: "Setting",
    scalars: {
      key: { get: (t) => t.key },
      value: {
        get: (t) => JSON.parse(JSON.stringify(t.workbook.settings.get(t.key) ?? null)) as unknown,
      },
    },
  };

  constructor(session: Session, resolve: () => SettingTarget | null, nullable = false) {
    super(session, SettingProxy.shape, resolve, nullable);
  }

  override _dead(t: SettingTarget): boolean {
    return !t.workbook.settings.has(t.key);
  }

  delete(): void {
    this._call("Setting.delete", [], "1.4", (t) => {
      t.workbook.settings.delete(t.key);
    });
  }
}
defineScalars(SettingProxy, SettingProxy.shape);

// ---------------------------------------------------------------------------- defined names

interface NameTarget {
  readonly workbook: WorkbookModel;
  readonly index: number;
}

/** Workbook.names, read only: what the add-in asks of it (Excel.NamedItemCollection, ExcelApi 1.1). */
export class NamedItemCollectionProxy extends ProxyBase<WorkbookModel> {
  static readonly shape: Shape<WorkbookModel> = {
    type: "NamedItemCollection",
    scalars: {},
    collection: true,
  };

  constructor(session: Session, resolve: () => WorkbookModel | null) {
    super(session, NamedItemCollectionProxy.shape, resolve);
  }

  override _items(wb: WorkbookModel): AnyProxy[] {
    return wb.names.map(
      (_n, index) => new NamedItemProxy(this._session, () => ({ workbook: wb, index }))
    );
  }
}

export class NamedItemProxy extends ProxyBase<NameTarget> {
  static readonly shape: Shape<NameTarget> = {
    type: "NamedItem",
    scalars: {
      name: { get: (t) => t.workbook.names[t.index].name },
      // A name that refers to a range gives the range's address as its value.
      value: { get: (t) => t.workbook.names[t.index].value },
      type: { get: () => "Range" },
      visible: { get: () => true },
    },
  };

  constructor(session: Session, resolve: () => NameTarget | null) {
    super(session, NamedItemProxy.shape, resolve);
  }
}
defineScalars(NamedItemProxy, NamedItemProxy.shape);

// ---------------------------------------------------------------------------- ranges

export class RangeProxy extends ProxyBase<RangeTarget> {
  static readonly shape: Shape<RangeTarget> = {
    type: "Range",
    scalars: {
      address: { get: (t) => qualified(t.sheet.name, t.area) },
      rowIndex: { get: (t) => t.area.top },
      columnIndex: { get: (t) => t.area.left },
      rowCount: { get: (t) => t.area.bottom - t.area.top + 1 },
      columnCount: { get: (t) => t.area.right - t.area.left + 1 },
      values: {
        get: (t) => {
          readable(t, "Range.values");
          return grid(t.area, (r, c) => valueOut(t.sheet, r, c));
        },
        set: (t, value, self) => {
          t.sheet.assertEditable("Range.values");
          const v = assertShape(t, value, "Range.values");
          const before =
            cellCount(t.area) === 1 ? t.sheet.value(t.area.top, t.area.left) : undefined;
          v.forEach((row, r) =>
            row.forEach((x, c) => store(t.sheet, t.area.top + r, t.area.left + c, x))
          );
          // Changes made by add-in code raise onChanged too ("Event triggers").
          self._session.host.dataChanged(t.sheet, t.area, "addin", before);
        },
      },
      valueTypes: {
        get: (t) => {
          readable(t, "Range.valueTypes");
          return grid(t.area, (r, c) => valueType(t.sheet.value(r, c)));
        },
      },
      numberFormat: {
        get: (t) => {
          readable(t, "Range.numberFormat");
          return grid(t.area, (r, c) => t.sheet.style(r, c)?.numberFormat ?? "General");
        },
        set: (t, value) => {
          t.sheet.assertEditable("Range.numberFormat");
          const v = assertShape(t, value, "Range.numberFormat");
          v.forEach((row, r) =>
            row.forEach((x, c) => {
              t.sheet.styleFor(t.area.top + r, t.area.left + c).numberFormat = String(x);
            })
          );
        },
      },
      hyperlink: {
        api: "1.7",
        get: (t) => {
          if (cellCount(t.area) !== 1)
            throw new NotModelledError("Range.hyperlink of several cells");
          return t.sheet.hyperlinks.get(SheetModel.key(t.area.top, t.area.left)) ?? null;
        },
        set: (t, value, self) => {
          t.sheet.assertEditable("Range.hyperlink");
          if (cellCount(t.area) !== 1)
            throw new NotModelledError("setting Range.hyperlink on several cells");
          const v = (value ?? {}) as Record<string, unknown>;
          const text = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
          const link = {
            address: text("address"),
            documentReference: text("documentReference"),
            screenTip: text("screenTip"),
            textToDisplay: text("textToDisplay"),
          };
          t.sheet.hyperlinks.set(SheetModel.key(t.area.top, t.area.left), link);
          if (link.textToDisplay !== undefined) {
            // "the string that is displayed in the top left most cell in the range"
            const before = t.sheet.value(t.area.top, t.area.left);
            t.sheet.setValue(t.area.top, t.area.left, link.textToDisplay);
            self._session.host.dataChanged(t.sheet, t.area, "addin", before);
          }
        },
      },
      numberFormatCategories: {
        api: "1.12",
        bare: false,
        get: (t) => {
          readable(t, "Range.numberFormatCategories");
          return grid(t.area, (r, c) =>
            formatCategory(t.sheet.style(r, c)?.numberFormat ?? "General")
          );
        },
      },
    },
    navs: ["format", "conditionalFormats", "dataValidation"],
  };

  constructor(session: Session, resolve: () => RangeTarget | null, nullable = false) {
    super(session, RangeProxy.shape, resolve, nullable);
  }

  get dataValidation(): DataValidationProxy {
    return this._child(
      "dataValidation",
      () => new DataValidationProxy(this._session, () => this._bind())
    );
  }

  get format(): RangeFormatProxy {
    return this._child("format", () => new RangeFormatProxy(this._session, () => this._bind()));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child(
      "conditionalFormats",
      () =>
        new ConditionalFormatCollectionProxy(this._session, () => {
          const t = this._bind();
          return t && { sheet: t.sheet, areas: [t.area] };
        })
    );
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this._session,
      () => {
        this._session.checkApi("1.13", "Range.getMergedAreasOrNullObject");
        const t = this._target("Range.getMergedAreasOrNullObject");
        const areas = t.sheet.mergesStartingIn(t.area);
        if (areas.length > MERGED_AREAS_LIMIT)
          throw excelError("GeneralException", "Range.getMergedAreasOrNullObject");
        return areas.length ? { sheet: t.sheet, areas } : null;
      },
      true
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this._session, () => {
      const t = this._target("Range.getCell");
      const r = t.area.top + row;
      const c = t.area.left + column;
      return { sheet: t.sheet, area: { top: r, left: c, bottom: r, right: c } };
    });
  }

  /** Merges the range's cells, or each row's with `across` (ExcelApi 1.2): see sheet-format.ts. */
  merge(across = false): void {
    this._call("Range.merge", [across], "1.2", (t) =>
      mergeRange(t, across, this._session.host.workbook)
    );
  }

  select(): void {
    this._call("Range.select", [], undefined, (t) => {
      const wb = this._session.host.workbook;
      if (wb.activeSheet !== t.sheet) throw excelError("InvalidOperation", "Range.select");
      const before = wb.selection;
      wb.selection = { sheet: t.sheet.name, address: qualified(t.sheet.name, t.area) };
      this._session.host.selected(t.sheet, t.area, before);
    });
  }
}
defineScalars(RangeProxy, RangeProxy.shape);
useRangeMaker((session, resolve) => new RangeProxy(session, resolve));

export class RangeAreasProxy extends ProxyBase<AreasTarget> {
  static readonly shape: Shape<AreasTarget> = {
    type: "RangeAreas",
    scalars: {
      address: { get: (t) => t.areas.map((a) => qualified(t.sheet.name, a)).join(",") },
      areaCount: { get: (t) => t.areas.length },
    },
    navs: ["conditionalFormats"],
  };

  constructor(session: Session, resolve: () => AreasTarget | null, nullable = false) {
    super(session, RangeAreasProxy.shape, resolve, nullable);
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child(
      "conditionalFormats",
      () => new ConditionalFormatCollectionProxy(this._session, () => this._bind())
    );
  }
}
defineScalars(RangeAreasProxy, RangeAreasProxy.shape);

/** Every cell of a range, for format properties set on it. */
function eachCell(
  t: RangeTarget,
  location: string,
  set: (row: number, column: number) => void
): void {
  t.sheet.assertEditable(location);
  if (cellCount(t.area) > READ_CELL_LIMIT)
    throw new NotModelledError(`${location} on more than ${READ_CELL_LIMIT} cells`);
  for (let r = t.area.top; r <= t.area.bottom; r++)
    for (let c = t.area.left; c <= t.area.right; c++) set(r, c);
}

function wholeColumns(t: RangeTarget): boolean {
  return t.area.top === WHOLE_SHEET.top && t.area.bottom === WHOLE_SHEET.bottom;
}

export class RangeFormatProxy extends ProxyBase<RangeTarget> {
  static readonly shape: Shape<RangeTarget> = {
    type: "RangeFormat",
    scalars: {
      columnWidth: {
        api: "1.2",
        set: (t, v) => {
          t.sheet.assertEditable("RangeFormat.columnWidth");
          for (let c = t.area.left; c <= t.area.right; c++) t.sheet.columnWidths.set(c, Number(v));
        },
      },
      wrapText: {
        set: (t, v) => {
          if (wholeColumns(t)) {
            t.sheet.assertEditable("RangeFormat.wrapText");
            for (let c = t.area.left; c <= t.area.right; c++)
              t.sheet.styleFor(-1, c).wrap = Boolean(v);
            return;
          }
          eachCell(t, "RangeFormat.wrapText", (r, c) => (t.sheet.styleFor(r, c).wrap = Boolean(v)));
        },
      },
      ...LAYOUT_SCALARS,
    },
    navs: ["font", "fill"],
  };

  constructor(session: Session, resolve: () => RangeTarget | null) {
    super(session, RangeFormatProxy.shape, resolve);
  }

  get font(): RangeFontProxy {
    return this._child("font", () => new RangeFontProxy(this._session, () => this._bind()));
  }

  get fill(): RangeFillProxy {
    return this._child("fill", () => new RangeFillProxy(this._session, () => this._bind()));
  }
}
defineScalars(RangeFormatProxy, RangeFormatProxy.shape);

export class RangeFontProxy extends ProxyBase<RangeTarget> {
  static readonly shape: Shape<RangeTarget> = {
    type: "RangeFont",
    scalars: {
      bold: {
        set: (t, v) =>
          eachCell(t, "RangeFont.bold", (r, c) => (t.sheet.styleFor(r, c).bold = Boolean(v))),
      },
      size: {
        // Whole columns (the whole sheet) take the size as the columns' own: see sheet-format.ts.
        set: (t, v) => styleEach(t, "RangeFont.size", (s) => (s.size = Number(v))),
      },
      color: {
        set: (t, v) =>
          eachCell(t, "RangeFont.color", (r, c) => (t.sheet.styleFor(r, c).fontColor = String(v))),
      },
    },
  };

  constructor(session: Session, resolve: () => RangeTarget | null) {
    super(session, RangeFontProxy.shape, resolve);
  }
}
defineScalars(RangeFontProxy, RangeFontProxy.shape);

export class RangeFillProxy extends ProxyBase<RangeTarget> {
  static readonly shape: Shape<RangeTarget> = {
    type: "RangeFill",
    scalars: {
      color: {
        set: (t, v) =>
          eachCell(t, "RangeFill.color", (r, c) => (t.sheet.styleFor(r, c).fill = String(v))),
      },
    },
  };

  constructor(session: Session, resolve: () => RangeTarget | null) {
    super(session, RangeFillProxy.shape, resolve);
  }
}
defineScalars(RangeFillProxy, RangeFillProxy.shape);

// ---------------------------------------------------------------------------- conditional formats

interface FormatTarget {
  readonly sheet: SheetModel;
  readonly format: ConditionalFormatModel;
  /** The areas of the collection it was reached through: its id is its place there. */
  readonly areas: readonly Area[];
}

const FORMAT_TYPES = new Set([
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
]);

export class ConditionalFormatCollectionProxy extends ProxyBase<AreasTarget> {
  static readonly shape: Shape<AreasTarget> = {
    type: "ConditionalFormatCollection",
    scalars: {},
    collection: true,
  };

  constructor(session: Session, resolve: () => AreasTarget | null) {
    super(session, ConditionalFormatCollectionProxy.shape, () => {
      session.checkApi("1.6", "Range.conditionalFormats");
      return resolve();
    });
  }

  override _items(t: AreasTarget): AnyProxy[] {
    return t.sheet.formatsIn(t.areas).map(
      (f) =>
        new ConditionalFormatProxy(this._session, () => ({
          sheet: t.sheet,
          format: f,
          areas: t.areas,
        }))
    );
  }

  /** Adds a rule at the first (top) priority, over the collection's ranges. */
  add(type: string): ConditionalFormatProxy {
    if (type !== "Custom") {
      if (FORMAT_TYPES.has(type)) throw new NotModelledError(`conditional formats of type ${type}`);
      throw new NotModelledError(`conditionalFormats.add("${type}")`);
    }
    const made: { target?: FormatTarget } = {};
    this._call("ConditionalFormatCollection.add", [type], "1.6", (t) => {
      t.sheet.assertEditable("ConditionalFormatCollection.add");
      const format: ConditionalFormatModel = {
        type,
        areas: [...t.areas],
        formula: "",
        fill: "",
        fontColor: "",
        unreadable: false,
        origin: "api",
      };
      t.sheet.conditionalFormats.unshift(format);
      made.target = { sheet: t.sheet, format, areas: t.areas };
    });
    return new ConditionalFormatProxy(this._session, () => {
      if (!made.target) throw excelError("ItemNotFound", "ConditionalFormatCollection.add");
      return made.target;
    });
  }

  /** The rule whose id (its place in this collection now) is `id`. */
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._session, () => {
      const t = this._target("ConditionalFormatCollection.getItem");
      const f = t.sheet.formatsIn(t.areas)[Number(id)];
      if (!f || !/^\d+$/.test(id))
        throw excelError("ItemNotFound", "ConditionalFormatCollection.getItem");
      return { sheet: t.sheet, format: f, areas: t.areas };
    });
  }
}

function placeOf(t: FormatTarget): number {
  return t.sheet.formatsIn(t.areas).indexOf(t.format);
}

export class ConditionalFormatProxy extends ProxyBase<FormatTarget> {
  static readonly shape: Shape<FormatTarget> = {
    type: "ConditionalFormat",
    scalars: {
      id: { get: (t) => String(placeOf(t)) },
      priority: { get: (t) => placeOf(t) },
      type: { get: (t) => t.format.type },
      stopIfTrue: { get: () => false },
    },
    navs: ["custom"],
  };

  constructor(session: Session, resolve: () => FormatTarget | null) {
    super(session, ConditionalFormatProxy.shape, resolve);
  }

  override _dead(t: FormatTarget): boolean {
    return t.sheet.deleted || !t.sheet.conditionalFormats.includes(t.format);
  }

  get custom(): CustomConditionalFormatProxy {
    return this._child(
      "custom",
      () => new CustomConditionalFormatProxy(this._session, () => this._bind())
    );
  }

  delete(): void {
    this._call("ConditionalFormat.delete", [], "1.6", (t) => {
      t.sheet.assertEditable("ConditionalFormat.delete");
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => f !== t.format);
    });
  }
}
defineScalars(ConditionalFormatProxy, ConditionalFormatProxy.shape);

/**
 * The custom rule of a format. Reaching it on a rule of another type fails the request with
 * "This operation is not permitted for the current object" (office-js issue 2180); a rule Excel
 * cannot describe fails with GeneralException (office-js issues 6827, 6835).
 */
function customOf(t: FormatTarget, location: string): FormatTarget {
  if (t.format.type !== "Custom") throw excelError("InvalidOperation", location);
  if (t.format.unreadable) throw excelError("GeneralException", location);
  return t;
}

export class CustomConditionalFormatProxy extends ProxyBase<FormatTarget> {
  static readonly shape: Shape<FormatTarget> = {
    type: "CustomConditionalFormat",
    scalars: {},
    navs: ["rule", "format"],
  };

  constructor(session: Session, resolve: () => FormatTarget | null) {
    super(session, CustomConditionalFormatProxy.shape, resolve);
  }

  override _dead(t: FormatTarget): boolean {
    return t.sheet.deleted || !t.sheet.conditionalFormats.includes(t.format);
  }

  get rule(): ConditionalFormatRuleProxy {
    return this._child(
      "rule",
      () =>
        new ConditionalFormatRuleProxy(this._session, () => {
          const t = this._bind();
          return t && customOf(t, "ConditionalFormat.custom");
        })
    );
  }

  get format(): ConditionalRangeFormatProxy {
    return this._child(
      "format",
      () =>
        new ConditionalRangeFormatProxy(this._session, () => {
          const t = this._bind();
          return t && customOf(t, "ConditionalFormat.custom");
        })
    );
  }
}

export class ConditionalFormatRuleProxy extends ProxyBase<FormatTarget> {
  static readonly shape: Shape<FormatTarget> = {
    type: "ConditionalFormatRule",
    scalars: {
      formula: {
        get: (t) => t.format.formula,
        set: (t, v) => {
          t.sheet.assertEditable("ConditionalFormatRule.formula");
          t.format.formula = String(v);
        },
      },
    },
  };

  constructor(session: Session, resolve: () => FormatTarget | null) {
    super(session, ConditionalFormatRuleProxy.shape, resolve);
  }
}
defineScalars(ConditionalFormatRuleProxy, ConditionalFormatRuleProxy.shape);

export class ConditionalRangeFormatProxy extends ProxyBase<FormatTarget> {
  static readonly shape: Shape<FormatTarget> = {
    type: "ConditionalRangeFormat",
    scalars: {},
    navs: ["fill", "font"],
  };

  constructor(session: Session, resolve: () => FormatTarget | null) {
    super(session, ConditionalRangeFormatProxy.shape, resolve);
  }

  get fill(): ConditionalFillProxy {
    return this._child("fill", () => new ConditionalFillProxy(this._session, () => this._bind()));
  }

  get font(): ConditionalFontProxy {
    return this._child("font", () => new ConditionalFontProxy(this._session, () => this._bind()));
  }
}

export class ConditionalFillProxy extends ProxyBase<FormatTarget> {
  static readonly shape: Shape<FormatTarget> = {
    type: "ConditionalRangeFill",
    scalars: {
      color: {
        get: (t) => t.format.fill,
        set: (t, v) => {
          t.sheet.assertEditable("ConditionalRangeFill.color");
          t.format.fill = String(v);
        },
      },
    },
  };

  constructor(session: Session, resolve: () => FormatTarget | null) {
    super(session, ConditionalFillProxy.shape, resolve);
  }
}
defineScalars(ConditionalFillProxy, ConditionalFillProxy.shape);

export class ConditionalFontProxy extends ProxyBase<FormatTarget> {
  static readonly shape: Shape<FormatTarget> = {
    type: "ConditionalRangeFont",
    scalars: {
      color: {
        get: (t) => t.format.fontColor,
        set: (t, v) => {
          t.sheet.assertEditable("ConditionalRangeFont.color");
          t.format.fontColor = String(v);
        },
      },
    },
  };

  constructor(session: Session, resolve: () => FormatTarget | null) {
    super(session, ConditionalFontProxy.shape, resolve);
  }
}
defineScalars(ConditionalFontProxy, ConditionalFontProxy.shape);

// ---------------------------------------------------------------------------- tables and charts

interface TableScope {
  readonly workbook: WorkbookModel;
  /** null: the workbook's collection (every table); a sheet: that sheet's tables. */
  readonly sheet: SheetModel | null;
}

export class TableCollectionProxy extends ProxyBase<TableScope> {
  static readonly shape: Shape<TableScope> = {
    type: "TableCollection",
    scalars: {},
    collection: true,
  };

  constructor(session: Session, resolve: () => TableScope | null) {
    super(session, TableCollectionProxy.shape, resolve);
  }

  override _dead(): boolean {
    return false;
  }

  override _items(scope: TableScope): AnyProxy[] {
    return scope.workbook.tables
      .filter((t) => !t.sheet.deleted && (scope.sheet === null || t.sheet === scope.sheet))
      .map((t) => new TableProxy(this._session, () => t));
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    const made: { table?: TableModel } = {};
    this._call("TableCollection.add", [address, hasHeaders], undefined, (scope) => {
      if (!scope.sheet)
        throw new NotModelledError("workbook.tables.add (with a sheet-qualified address)");
      scope.sheet.assertEditable("TableCollection.add");
      const area = parseAddress(address);
      if (
        scope.workbook.tables.some(
          (t) => !t.sheet.deleted && t.sheet === scope.sheet && intersects(t.area, area)
        )
      )
        throw excelError("InvalidOperation", "TableCollection.add");
      if (scope.sheet.merges.some((m) => intersects(m, area)))
        throw excelError("MergedRangeConflict", "TableCollection.add");
      if (hasHeaders) {
        for (let c = area.left; c <= area.right; c++) {
          const v = scope.sheet.value(area.top, c);
          if (typeof v !== "string" || v === "")
            throw new NotModelledError("a table header cell that is empty or not text");
        }
      }
      const id = scope.workbook.nextTableId();
      let n = id;
      while (scope.workbook.tableNamed(`Table${n}`)) n++;
      const table: TableModel = {
        id,
        name: `Table${n}`,
        sheet: scope.sheet,
        area,
        style: "TableStyleMedium2",
      };
      scope.workbook.tables.push(table);
      made.table = table;
    });
    return new TableProxy(this._session, () => {
      if (!made.table) throw excelError("ItemNotFound", "TableCollection.add");
      return made.table;
    });
  }
}

export class TableProxy extends ProxyBase<TableModel> {
  static readonly shape: Shape<TableModel> = {
    type: "Table",
    scalars: {
      id: { get: (t) => String(t.id) },
      name: {
        get: (t) => t.name,
        set: (t, v, self) => {
          const name = String(v);
          t.sheet.assertEditable("Table.name");
          // Table names are unique across the workbook, whatever their case (office-js issue 551).
          const wb = self._session.host.workbook;
          const other = wb.tableNamed(name);
          if (!validTableName(name) || (other && other !== t))
            throw excelError("InvalidArgument", "Table.name");
          t.name = name;
        },
      },
      style: {
        get: (t) => t.style,
        set: (t, v) => {
          t.sheet.assertEditable("Table.style");
          t.style = String(v);
        },
      },
    },
    navs: ["worksheet"],
  };

  constructor(session: Session, resolve: () => TableModel | null) {
    super(session, TableProxy.shape, resolve);
  }

  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () => new WorksheetProxy(this._session, () => this._target("Table.worksheet").sheet)
    );
  }
}
defineScalars(TableProxy, TableProxy.shape);
