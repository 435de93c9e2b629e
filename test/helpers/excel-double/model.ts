/**
 * The workbook the double holds: plain data that the Office.js proxies read and change when a
 * batch runs, and that tests arrange and inspect. Sheets own their cells (values dense by row,
 * styles sparse), merged areas, conditional formats, charts and custom properties; the workbook
 * owns the sheets, its settings, its tables (table names are workbook-wide) and its protection.
 *
 * A sheet also holds each cell's data validation, note, threaded comment and hyperlink (sparse, by
 * cell); the workbook holds the event handlers add-ins registered (see events.ts).
 */
import { type Area, cellCount, contains, intersects } from "./addresses";
import { excelError } from "./errors";

/** An Excel error value such as #N/A, as a cell holds it (Office.js returns it as its text). */
export interface ErrorValue {
  readonly error: string;
}

/** What a cell holds: "" is empty. */
export type Scalar = string | number | boolean | ErrorValue;

export interface CellStyle {
  numberFormat?: string;
  /** Text that Excel read as a formula when it was written (see Range.values). */
  formula?: string;
  bold?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  /** RangeFormat.horizontalAlignment, verticalAlignment and indentLevel (see sheet-format.ts). */
  horizontalAlignment?: string;
  verticalAlignment?: string;
  indent?: number;
}

export interface ConditionalFormatModel {
  readonly type: string;
  areas: Area[];
  formula: string;
  fill: string;
  fontColor: string;
  /** Excel cannot hand this rule's details to the API (office-js issues 6827, 6835). */
  unreadable: boolean;
  /** Who made it, for tests' own bookkeeping; Excel does not know. */
  readonly origin: "user" | "api";
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  area: Area;
  style: string;
  readonly id: number;
}

/** One series of a chart (see charts.ts). */
export interface ChartSeriesModel {
  name: string;
  values?: Area;
  /** The categories (ChartSeries.setXAxisValues). */
  xAxisValues?: Area;
  /** ChartFill.setSolidColor, as given ("#0F6CBD"). */
  fill?: string;
  hasDataLabels: boolean;
  dataLabels: { showValue: boolean; numberFormat: string };
}

/** A chart axis: what the add-in can set on it (see charts.ts). */
export interface ChartAxisModel {
  title: string;
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  numberFormat: string;
  reversePlotOrder: boolean;
  /** ChartAxis.setPositionAt: where the other axis crosses this one. */
  crossesAt?: number;
}

export interface ChartModel {
  readonly type: string;
  readonly source: Area;
  readonly seriesBy: string;
  title: string;
  titleFontSize?: number;
  /** ChartAreaFormat.font.size: the chart's text, unless a part says otherwise. */
  fontSize?: number;
  legendPosition: string;
  legendVisible: boolean;
  readonly series: ChartSeriesModel[];
  readonly valueAxis: ChartAxisModel;
  readonly categoryAxis: ChartAxisModel;
  position?: [string, string];
}

/** A data-validation rule as Office.js describes it (Excel.DataValidationRule): one criterion. */
export type ValidationRule = object;

/**
 * One data-validation entry. Cells that were given a rule together share the entry; a change to
 * part of them gives that part a copy, as Excel splits the entry's cells.
 */
export interface ValidationModel {
  readonly rule: ValidationRule;
  readonly prompt: { showPrompt: boolean; title: string; message: string };
  readonly errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  readonly ignoreBlanks: boolean;
}

/** A note (the old "comment"): text tied to one cell. */
export interface NoteModel {
  content: string;
  readonly author: string;
}

/** A threaded comment: only its first entry is modelled. */
export interface CommentModel {
  readonly content: string;
  readonly author: string;
}

export interface HyperlinkModel {
  readonly address?: string;
  readonly documentReference?: string;
  readonly screenTip?: string;
  readonly textToDisplay?: string;
}

const EMPTY: Scalar = "";

export class SheetModel {
  values: Scalar[][] = [];
  readonly styles = new Map<number, CellStyle>();
  merges: Area[] = [];
  /** In priority order: the first is applied first. */
  conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  /** Keys compared without case, as Excel does; the key keeps the case it was added with. */
  readonly customProperties = new Map<string, { key: string; value: string }>();
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  protected = false;
  deleted = false;
  /** By cell key (SheetModel.key). */
  readonly validations = new Map<number, ValidationModel>();
  readonly notes = new Map<number, NoteModel>();
  readonly comments = new Map<number, CommentModel>();
  readonly hyperlinks = new Map<number, HyperlinkModel>();

  constructor(
    public id: string,
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible"
  ) {}

  static key(row: number, column: number): number {
    return row * 16_384 + column;
  }

  /** The 0-based row and column of a cell key. */
  static cellOf(key: number): { row: number; column: number } {
    return { row: Math.floor(key / 16_384), column: key % 16_384 };
  }

  value(row: number, column: number): Scalar {
    return this.values[row]?.[column] ?? EMPTY;
  }

  style(row: number, column: number): CellStyle | undefined {
    return this.styles.get(SheetModel.key(row, column));
  }

  styleFor(row: number, column: number): CellStyle {
    const key = SheetModel.key(row, column);
    let s = this.styles.get(key);
    if (!s) this.styles.set(key, (s = {}));
    return s;
  }

  setValue(row: number, column: number, value: Scalar): void {
    const r = this.values[row] ?? (this.values[row] = []);
    while (r.length < column) r.push(EMPTY);
    r[column] = value;
  }

  /** The smallest area holding every non-empty value (getUsedRange with valuesOnly). */
  usedArea(): Area | null {
    let top = -1;
    let bottom = -1;
    let left = Number.MAX_SAFE_INTEGER;
    let right = -1;
    this.values.forEach((row, r) => {
      if (!row) return;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === EMPTY) continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    });
    return top < 0 ? null : { top, left, bottom, right };
  }

  /** Refuses a change to a protected sheet, as Excel does part way through a batch. */
  assertEditable(location: string): void {
    if (this.protected) throw excelError("AccessDenied", location);
  }

  formatsIn(areas: readonly Area[]): ConditionalFormatModel[] {
    return this.conditionalFormats.filter((f) =>
      f.areas.some((a) => areas.some((b) => intersects(a, b)))
    );
  }

  /** Merged areas whose top-left cell lies in `area` (office-js issue 3611). */
  mergesStartingIn(area: Area): Area[] {
    return this.merges.filter((m) => contains(area, m.top, m.left));
  }

  cellsIn(area: Area): number {
    return cellCount(area);
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  readonly settings = new Map<string, unknown>();
  readonly tables: TableModel[] = [];
  /** Defined names, as NamedItem.value gives them for a range ("Key!$A$2:$A$4"). */
  readonly names: { readonly name: string; readonly value: string }[] = [];
  structureProtected = false;
  activeSheet: SheetModel | undefined;
  selection: { sheet: string; address: string } | undefined;
  screenUpdatingSuspensions = 0;
  private idCounter = 0;
  private tableCounter = 0;

  newSheetId(): string {
    this.idCounter++;
    const hex = this.idCounter.toString(16).toUpperCase().padStart(12, "0");
    return `{5A1D0C3E-0000-4000-8000-${hex}}`;
  }

  nextTableId(): number {
    return ++this.tableCounter;
  }

  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  /** By name (without case, as Excel compares sheet names) or by id. */
  findSheet(key: string): SheetModel | undefined {
    const lower = key.toLowerCase();
    return this.liveSheets().find((s) => s.id === key || s.name.toLowerCase() === lower);
  }

  sheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`the double has no sheet "${name}"`);
    return s;
  }

  tableNamed(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => !t.sheet.deleted && t.name.toLowerCase() === lower);
  }

  assertStructureEditable(location: string): void {
    if (this.structureProtected) throw excelError("AccessDenied", location);
  }
}

/**
 * Excel's rules for a sheet name: 1 to 31 characters, none of \ / ? * : [ ], not starting or
 * ending with an apostrophe, not "History".
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function validSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[\\/?*:[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/**
 * Excel's rules for a table name: starts with a letter, _ or \, then letters, digits, _ and .;
 * no spaces; at most 255 characters; not a cell reference ("A1", "R1C1") nor "C", "c", "R", "r".
 * https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114
 */
export function validTableName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return false;
  if (/^[RrCc]$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^[Rr]\d*[Cc]\d*$/.test(name)) return false;
  return true;
}
