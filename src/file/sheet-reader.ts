import { type CellValue, type Grid, type MergedArea } from "../core/grid";
import { dateFromSerial } from "../core/number-format";
import type { ListRule } from "../core/validation-lists";
import { trimRow } from "./cell-value";
import { count } from "./limits";
import { damaged, exhausting } from "./read-error";
import type { PartContext, ReadBudget } from "./xml-part";
import { readXmlPart } from "./xml-part";
import { type XmlHandler, attribute, decodeEntities, readAttributes } from "./xml-tokenizer";
import type { ZipEntry } from "./zip-reader";
import { ValidationListCollector } from "./validation-xml";
import { unescapeCellText } from "./xml-text";

/**
 * One worksheet part read into a Grid. Cells are read in a single pass over `<sheetData>`, keeping
 * only values; other children of `<worksheet>` are read by sections (merged areas and drop-down
 * lists below; more can be added to SHEET_SECTIONS, each filling a field of the grid).
 */

/** The fields a section may add to a sheet's grid. */
export type GridExtras = Partial<
  Omit<Grid, "name" | "hidden" | "firstRow" | "firstColumn" | "rows" | "validationLists">
>;

/**
 * What a section read: fields of the grid, and drop-down list rules, which can only be resolved
 * once every sheet is read (a list's entries are often on another sheet).
 */
export interface SheetExtras extends GridExtras {
  readonly listRules?: readonly ListRule[];
}

/** Reads one child element of `<worksheet>` (and everything inside it) for one sheet. */
export interface SheetSectionReader extends XmlHandler {
  /** What it read, as fields of the grid. */
  finish(): SheetExtras;
}

export interface SheetSection {
  /** The local name of the `<worksheet>` child it reads, such as "mergeCells". */
  readonly element: string;
  begin(context: SheetSectionContext): SheetSectionReader;
}

export interface SheetSectionContext {
  readonly part: string;
  readonly maxRows: number;
  readonly maxColumns: number;
  /**
   * Counts `n` more things kept (merged areas, list items...) against the workbook's cap on them;
   * throws past it, so no section grows without bound.
   */
  keep(n: number): void;
}

/** Column letters to a number ("XFD" -> 16384); 0 when `ref` does not start with a letter. */
function lettersToColumn(ref: string, end: number): number {
  let column = 0;
  for (let i = 0; i < end; i++) column = column * 26 + ((ref.charCodeAt(i) & 0xdf) - 64);
  return column;
}

/**
 * A cell or area reference checked against Excel's limits: refuses a row past 1,048,576 or a
 * column past XFD. Returns [row, column]: row 0 when the reference has none, -1 for row 0 (which
 * some writers use and no spreadsheet can show).
 */
export function checkedRef(
  ref: string,
  part: string,
  maxRows: number,
  maxColumns: number
): [number, number] {
  let i = 0;
  if (ref.charCodeAt(0) === 36 /* $ */) i++;
  const lettersStart = i;
  while (i < ref.length) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    i++;
  }
  const letters = i - lettersStart;
  if (letters === 0)
    throw damaged(`${part} has a cell reference that is not one ("${ref.slice(0, 20)}")`);
  if (letters > 3)
    throw exhausting(
      `${part} refers to column ${ref.slice(lettersStart, Math.min(i, lettersStart + 12))}, past Excel's last column XFD`
    );
  const column = lettersToColumn(ref.slice(lettersStart, i), letters);
  if (column > maxColumns)
    throw exhausting(
      `${part} refers to column ${ref.slice(lettersStart, i)}, past Excel's last column XFD`
    );
  if (ref.charCodeAt(i) === 36) i++;
  if (i >= ref.length) return [0, column];
  const digits = ref.slice(i);
  if (!/^\d+$/.test(digits))
    throw damaged(`${part} has a cell reference that is not one ("${ref.slice(0, 20)}")`);
  const row = digits.length > 9 && !/^0+$/.test(digits) ? Infinity : Number(digits);
  if (row === 0) return [-1, column];
  if (row > maxRows) throw badRow(part, digits, maxRows);
  return [row, column];
}

function badRow(part: string, digits: string, maxRows: number): Error {
  const shown = digits.length > 20 ? `${digits.slice(0, 20)}...` : digits;
  return exhausting(`${part} has a row numbered ${shown}, past Excel's last row ${count(maxRows)}`);
}

/** Merged areas: `<mergeCells><mergeCell ref="A1:C1"/></mergeCells>`. */
const MERGED_AREAS: SheetSection = {
  element: "mergeCells",
  begin(context) {
    const merges: MergedArea[] = [];
    return {
      wantText: false,
      open(local, attrs) {
        if (local !== "mergeCell") return;
        const ref = attribute(attrs, "ref") ?? "";
        const [from, to = from] = ref.split(":");
        if (!from) return;
        const [r1, c1] = checkedRef(from, context.part, context.maxRows, context.maxColumns);
        const [r2, c2] = checkedRef(to, context.part, context.maxRows, context.maxColumns);
        if (r1 <= 0 || r2 <= 0) return;
        context.keep(1);
        merges.push({
          top: Math.min(r1, r2),
          left: Math.min(c1, c2),
          bottom: Math.max(r1, r2),
          right: Math.max(c1, c2),
        });
      },
      close() {},
      text() {},
      finish: () => ({ merges }),
    };
  },
};

/**
 * Drop-down lists (data validations of type "list"): `<dataValidations>` in the classic form, and
 * the Excel 2010 form inside `<extLst>` that Excel writes for a list whose entries are on another
 * sheet. Each range a rule covers counts against the workbook's cap.
 */
function listSection(element: string): SheetSection {
  return {
    element,
    begin(context) {
      const collector = new ValidationListCollector((n) => context.keep(n));
      return Object.assign(collector, {
        finish: (): SheetExtras => (collector.rules.length ? { listRules: collector.rules } : {}),
      });
    },
  };
}

/** Every section read from a worksheet, by element name. */
export const SHEET_SECTIONS: readonly SheetSection[] = [
  MERGED_AREAS,
  listSection("dataValidations"),
  listSection("extLst"),
];

/** Excel's built-in number formats that show dates or times. */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57,
]);

export function isBuiltInDateFormat(id: number): boolean {
  return BUILT_IN_DATE_FORMATS.has(id);
}

/** What every sheet of a workbook shares: its strings, which styles are dates, its date system. */
export interface WorkbookTables {
  /** undefined: the package has no shared-strings part. */
  readonly strings: readonly string[] | undefined;
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** A `t="d"` value: an ISO 8601 date or date-time, read as the wall-clock time Excel shows. */
export function isoDate(text: string): Date | undefined {
  const m =
    /^\s*(-?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(
      text
    );
  if (!m) {
    const time = /^\s*T?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*$/.exec(text);
    if (!time) return undefined;
    return new Date(
      Date.UTC(
        1899,
        11,
        30,
        Number(time[1]),
        Number(time[2]),
        Number(time[3] ?? 0),
        Math.round(Number(`0.${time[4] ?? 0}`) * 1000)
      )
    );
  }
  const ms = Math.round(Number(`0.${m[7] ?? 0}`) * 1000);
  const date = new Date(
    Date.UTC(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      ms
    )
  );
  if (Number(m[1]) >= 0 && Number(m[1]) < 100) date.setUTCFullYear(Number(m[1]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Text cut to Excel's longest cell, counted against the workbook's text budget. */
export function keptText(
  text: string,
  budget: ReadBudget,
  maxCellText: number,
  maxTextChars: number
): string {
  let t = text.indexOf("_x") >= 0 ? unescapeCellText(text) : text;
  if (t.length > maxCellText) {
    t = t.slice(0, maxCellText);
    budget.longTexts++;
  }
  budget.textChars += t.length;
  if (budget.textChars > maxTextChars)
    throw exhausting(
      `its cells hold more than ${count(maxTextChars)} characters of text (the cap)`
    );
  return t;
}

const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);
const ROW_ATTRIBUTES = ["r"] as const;

const V = 1;
const IS = 2;

class SheetHandler implements XmlHandler {
  wantText = false;
  readonly rows: CellValue[][] = [];
  private depth = 0;
  private inSheetData = false;
  private section: SheetSectionReader | undefined;
  private sectionDepth = 0;
  private readonly extras: SheetExtras[] = [];

  private rowNumber = 0;
  private rowHasRef = false;
  private row: CellValue[] | undefined;
  private column = 0;
  /** The cell's reference names row 0. */
  private rowZeroCell = false;
  private type = "";
  private style = 0;
  private inCell = false;
  private collecting = 0;
  private valueText = "";
  private inlineText: string | undefined;
  private isLevel = 0;
  private inRun = false;
  private readonly attrs: (string | undefined)[] = [];

  constructor(
    private readonly part: string,
    private readonly tables: WorkbookTables,
    private readonly ctx: PartContext
  ) {}

  open(local: string, attrs: string): void {
    if (this.section) {
      this.sectionDepth++;
      this.section.open(local, attrs);
      this.wantText = this.section.wantText;
      return;
    }
    if (this.inSheetData) {
      this.openInSheetData(local, attrs);
      return;
    }
    this.depth++;
    if (this.depth !== 2) return;
    if (local === "sheetData") {
      this.inSheetData = true;
      return;
    }
    const section = SHEET_SECTIONS.find((s) => s.element === local);
    if (section) {
      const { maxRows, maxColumns, maxRanges } = this.ctx.limits;
      const budget = this.ctx.budget;
      this.section = section.begin({
        part: this.part,
        maxRows,
        maxColumns,
        keep: (n) => {
          budget.ranges += n;
          if (budget.ranges > maxRanges)
            throw exhausting(
              `its sheets hold more than ${count(maxRanges)} merged areas and other ranges (the cap)`
            );
        },
      });
      this.sectionDepth = 1;
      this.section.open(local, attrs);
      this.wantText = this.section.wantText;
    }
  }

  close(local: string): void {
    if (this.section) {
      this.section.close(local);
      this.wantText = this.section.wantText;
      if (--this.sectionDepth === 0) {
        this.extras.push(this.section.finish());
        this.section = undefined;
        this.wantText = false;
        this.depth--;
      }
      return;
    }
    if (this.inSheetData) {
      this.closeInSheetData(local);
      return;
    }
    this.depth--;
  }

  text(t: string): void {
    if (this.section) {
      this.section.text(t);
      return;
    }
    if (this.collecting === V) {
      if (this.valueText.length < 1 << 18) this.valueText += t;
    } else if (this.collecting === IS) {
      if ((this.inlineText as string).length < 1 << 18) this.inlineText += t;
    }
  }

  private openInSheetData(local: string, attrs: string): void {
    if (this.inCell) {
      if (this.isLevel > 0) {
        this.isLevel++;
        if (local === "r" && this.isLevel === 2) this.inRun = true;
        else if (local === "t" && (this.isLevel === 2 || (this.inRun && this.isLevel === 3))) {
          this.collecting = IS;
          this.wantText = true;
        }
        return;
      }
      if (local === "v") {
        this.collecting = V;
        this.wantText = true;
      } else if (local === "is") {
        this.isLevel = 1;
        if (this.inlineText === undefined) this.inlineText = "";
      }
      return;
    }
    if (local === "c") {
      this.readCellAttributes(attrs);
      this.inCell = true;
      this.valueText = "";
      this.inlineText = undefined;
      this.isLevel = 0;
      this.inRun = false;
      return;
    }
    if (local === "row") {
      // The usual ` r="123"` first, by one pattern; anything else by the general reader.
      const quick = /^ r="(\d{1,7})"/.exec(attrs);
      let r: string | undefined;
      if (quick) r = quick[1];
      else {
        readAttributes(attrs, ROW_ATTRIBUTES, this.attrs);
        r = this.attrs[0];
      }
      if (r !== undefined && r.trim() !== "") {
        const digits = r.trim();
        if (!/^\d+$/.test(digits))
          throw damaged(`${this.part} has a row numbered "${digits.slice(0, 20)}"`);
        const n = digits.length > 9 && !/^0+$/.test(digits) ? Infinity : Number(digits);
        if (n > this.ctx.limits.maxRows) throw badRow(this.part, digits, this.ctx.limits.maxRows);
        this.rowNumber = n;
        this.rowHasRef = true;
      } else {
        this.rowNumber++;
        this.rowHasRef = false;
        if (this.rowNumber > this.ctx.limits.maxRows)
          throw badRow(this.part, String(this.rowNumber), this.ctx.limits.maxRows);
      }
      this.column = 0;
      this.row = undefined;
    }
  }

  /**
   * A cell's r, t and s attributes, read straight from the tag's text: this runs for every cell,
   * so it slices no names and builds no arrays.
   */
  private readCellAttributes(attrs: string): void {
    let refStart = -1;
    let refEnd = -1;
    let type = "n";
    let style = 0;
    const length = attrs.length;
    let i = 0;
    while (i < length) {
      while (i < length && attrs.charCodeAt(i) <= 32) i++;
      if (i >= length) break;
      const nameStart = i;
      while (i < length && attrs.charCodeAt(i) !== 61 && attrs.charCodeAt(i) > 32) i++;
      const nameLength = i - nameStart;
      const letter = nameLength === 1 ? attrs.charCodeAt(nameStart) : 0;
      while (i < length && attrs.charCodeAt(i) !== 61) i++;
      i++;
      while (i < length && attrs.charCodeAt(i) <= 32) i++;
      const quote = attrs.charCodeAt(i);
      if (quote !== 34 && quote !== 39) break;
      const end = attrs.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (end < 0) break;
      if (letter === 114 /* r */) {
        refStart = i + 1;
        refEnd = end;
      } else if (letter === 116 /* t */)
        // One-letter types (s, n, b, e, d) come from V8's cache of one-character strings.
        type = end - i === 2 ? attrs.charAt(i + 1) : attrs.slice(i + 1, end);
      else if (letter === 115 /* s */) {
        let n = 0;
        for (let k = i + 1; k < end; k++) {
          const d = attrs.charCodeAt(k) - 48;
          if (d < 0 || d > 9) {
            n = 0;
            break;
          }
          n = n * 10 + d;
        }
        style = n;
      }
      i = end + 1;
    }
    this.type = type;
    this.style = style;
    this.rowZeroCell = false;
    if (refStart < 0 || refStart === refEnd) {
      this.column++;
      if (this.column > this.ctx.limits.maxColumns)
        throw exhausting(`${this.part} has a row with cells past Excel's last column XFD`);
      return;
    }
    // The common case, "AB12": letters then digits, read in place.
    let column = 0;
    let k = refStart;
    for (; k < refEnd && k < refStart + 4; k++) {
      const c = attrs.charCodeAt(k) | 0x20;
      if (c < 97 || c > 122) break;
      column = column * 26 + (c - 96);
    }
    const letters = k - refStart;
    let row = 0;
    let digits = 0;
    for (let d = k; d < refEnd; d++) {
      const v = attrs.charCodeAt(d) - 48;
      if (v < 0 || v > 9) {
        digits = -1;
        break;
      }
      row = row * 10 + v;
      digits++;
    }
    const { maxRows, maxColumns } = this.ctx.limits;
    if (
      letters === 0 ||
      letters > 3 ||
      column > maxColumns ||
      digits < 0 ||
      digits > 9 ||
      row > maxRows ||
      (digits > 0 && row < 1)
    ) {
      // Something unusual ("$A$1", a column past XFD, a row past Excel's last): the careful path.
      const ref = decodeEntities(attrs.slice(refStart, refEnd), this.part);
      [row, column] = checkedRef(ref, this.part, maxRows, maxColumns);
    }
    this.column = column;
    this.rowZeroCell = row === -1;
    // A row without its own number takes it from its cells.
    if (!this.rowHasRef && row > 0 && this.row === undefined) {
      this.rowNumber = row;
      this.rowHasRef = true;
    }
  }

  private closeInSheetData(local: string): void {
    if (this.inCell) {
      if (this.isLevel > 0) {
        if (local === "t") {
          this.collecting = 0;
          this.wantText = false;
        }
        this.isLevel--;
        if (this.isLevel === 1 && local === "r") this.inRun = false;
        return;
      }
      if (local === "v") {
        this.collecting = 0;
        this.wantText = false;
      } else if (local === "c") {
        this.inCell = false;
        this.finishCell();
      }
      return;
    }
    if (local === "row") this.finishRow();
    else if (local === "sheetData") {
      this.inSheetData = false;
      this.depth--;
    }
  }

  private finishCell(): void {
    const value = this.cellValue();
    if (value === null) return;
    if (this.rowNumber === 0 || this.rowZeroCell) {
      // Row 0 exists in no spreadsheet: its cells cannot be shown, so they are counted, not read.
      this.ctx.budget.rowZeroCells++;
      return;
    }
    let row = this.row;
    if (!row) {
      row = this.row = [];
    }
    const index = this.column - 1;
    if (index < row.length) {
      row[index] = value;
      return;
    }
    const budget = this.ctx.budget;
    budget.cellSlots += index + 1 - row.length;
    if (budget.cellSlots > this.ctx.limits.maxCellSlots) throw this.tooManyCells();
    while (row.length < index) row.push(null);
    row.push(value);
  }

  private tooManyCells(): Error {
    return exhausting(
      `its sheets span more than ${count(this.ctx.limits.maxCellSlots)} cells (the cap; empty cells between filled ones count)`
    );
  }

  private cellValue(): CellValue {
    const { budget, limits } = this.ctx;
    const text = this.valueText;
    if (this.inlineText !== undefined)
      return keptText(this.inlineText, budget, limits.maxCellText, limits.maxTextChars);
    switch (this.type) {
      case "s": {
        if (text.trim() === "") return null;
        const strings = this.tables.strings;
        if (!strings)
          throw damaged(
            `cells in ${this.part} refer to a shared-strings table the package does not have`
          );
        const index = Number(text);
        if (!Number.isInteger(index) || index < 0 || index >= strings.length)
          throw damaged(
            `a cell in ${this.part} refers to shared string ${text.trim().slice(0, 20)}, but the table holds ${count(strings.length)}`
          );
        return strings[index];
      }
      case "str":
      case "inlineStr":
        return keptText(text, budget, limits.maxCellText, limits.maxTextChars);
      case "b":
        if (text === "") return null;
        if (text === "1" || text === "true") return true;
        if (text === "0" || text === "false") return false;
        return keptText(text, budget, limits.maxCellText, limits.maxTextChars);
      case "e":
        return { error: text.trim() || "#VALUE!" };
      case "d": {
        if (text.trim() === "") return null;
        return isoDate(text) ?? keptText(text, budget, limits.maxCellText, limits.maxTextChars);
      }
      default: {
        if (text === "") return null;
        const n = Number(text);
        if (Number.isNaN(n) || text.trim() === "")
          return keptText(text, budget, limits.maxCellText, limits.maxTextChars);
        if (this.tables.dateStyles[this.style] && n >= 0 && n < 2958466)
          return dateFromSerial(n, this.tables.date1904);
        return n;
      }
    }
  }

  private finishRow(): void {
    const row = this.row;
    this.row = undefined;
    if (!row) return;
    const rows = this.rows;
    const at = this.rowNumber - 1;
    trimRow(row);
    if (row.length === 0) return;
    if (at >= rows.length) {
      const budget = this.ctx.budget;
      budget.cellSlots += at - rows.length;
      if (budget.cellSlots > this.ctx.limits.maxCellSlots) throw this.tooManyCells();
      while (rows.length < at) rows.push(EMPTY_ROW as CellValue[]);
      rows.push(row);
      return;
    }
    // A row number met twice, or out of order: its cells join the row already read.
    const earlier = rows[at];
    if (earlier === EMPTY_ROW) {
      rows[at] = row;
      return;
    }
    for (let i = 0; i < row.length; i++) {
      if (row[i] === null) continue;
      while (earlier.length < i) earlier.push(null);
      earlier[i] = row[i];
    }
  }

  /** What the sections read; a section met twice (two `<extLst>`) adds its list rules to the first's. */
  extrasRead(): SheetExtras {
    const listRules = this.extras.flatMap((e) => e.listRules ?? []);
    return { ...(Object.assign({}, ...this.extras) as SheetExtras), listRules };
  }
}

/**
 * Excel shows a merged area's value in its top-left cell only; a value left in any other cell of
 * the area (some producers repeat it) is not shown, so it is not read. Work is bounded by the
 * cells that exist, not the area's size.
 */
function clearUnderMerges(
  rows: CellValue[][],
  merges: readonly MergedArea[],
  ctx: PartContext
): void {
  if (merges.length === 0) return;
  const occupied: number[] = [];
  for (let i = 0; i < rows.length; i++) if (rows[i].length) occupied.push(i + 1);
  const budget = ctx.budget;
  const touched = new Set<number>();
  for (const m of merges) {
    budget.mergeWork++;
    let lo = 0;
    let hi = occupied.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (occupied[mid] < m.top) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < occupied.length && occupied[k] <= m.bottom; k++) {
      const r = occupied[k];
      const cells = rows[r - 1];
      const right = Math.min(m.right, cells.length);
      budget.mergeWork += 1 + Math.max(0, right - m.left + 1);
      if (budget.mergeWork > ctx.limits.maxMergeWork)
        throw exhausting(
          `its merged areas cover more than ${count(ctx.limits.maxMergeWork)} cells with values (they overlap)`
        );
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        if (cells[c - 1] !== null) {
          cells[c - 1] = null;
          touched.add(r);
        }
      }
    }
  }
  for (const r of touched) trimRow(rows[r - 1]);
}

/** One worksheet read: its grid, and the drop-down list rules still to be resolved. */
export interface SheetRead {
  readonly grid: Grid;
  readonly listRules: readonly ListRule[];
}

/** Reads one worksheet part into a grid. */
export async function readSheet(
  ctx: PartContext,
  entry: ZipEntry,
  name: string,
  hidden: boolean,
  tables: WorkbookTables
): Promise<SheetRead> {
  const handler = new SheetHandler(entry.name, tables, ctx);
  await readXmlPart(ctx, entry, handler);
  const { listRules = [], ...extras } = handler.extrasRead();
  const merges = extras.merges ?? [];
  clearUnderMerges(handler.rows, merges, ctx);
  return {
    grid: { ...extras, name, hidden, firstRow: 1, firstColumn: 1, rows: handler.rows, merges },
    listRules,
  };
}
