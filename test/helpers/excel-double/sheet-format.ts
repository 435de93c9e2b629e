/**
 * How cells look and sit, past values and number formats: alignment, indent, row heights and
 * merged cells, as the Excel JavaScript API documents them
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)):
 * - `horizontalAlignment` is one of Excel.HorizontalAlignment and `verticalAlignment` one of
 *   Excel.VerticalAlignment (ExcelApi 1.1); `indentLevel` is "an integer from 0 to 250" (1.9);
 *   anything else is InvalidArgument;
 * - `rowHeight` is in points (ExcelApi 1.2), at most 409 (Excel specifications and limits,
 *   https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 * - a format set on whole columns ("A:XFD", the whole sheet) is the columns' own, not each cell's;
 * - `merge(across)` (1.2) makes one merged area, or one per row with `across`; only the
 *   upper-left cell's value remains (https://support.microsoft.com/office/merge-and-unmerge-cells-5cbd15d5-9375-4540-907f-c673a93fcedf).
 *   What Excel does with a merge over part of another merged area or over a table is not
 *   documented for the API: the double refuses to guess (NotModelledError);
 * - a protected sheet refuses all of it (AccessDenied).
 */
import { type Area, MAX_COLUMNS, MAX_ROWS, cellCount, intersects } from "./addresses";
import { NotModelledError, excelError } from "./errors";
import type { CellStyle, SheetModel, WorkbookModel } from "./model";
import type { ScalarSpec } from "./runtime";

interface RangeTarget {
  readonly sheet: SheetModel;
  readonly area: Area;
}

/** Excel.HorizontalAlignment. */
const HORIZONTAL = new Set([
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
]);

/** Excel.VerticalAlignment. */
const VERTICAL = new Set(["Top", "Center", "Bottom", "Justify", "Distributed"]);

export const MAX_ROW_HEIGHT = 409;
export const MAX_INDENT = 250;

/** "Formats on more cells than this are not modelled cell by cell" (the read limit, for memory). */
const CELL_LIMIT = 5_000_000;

/** Row heights set by the add-in, by 0-based row: kept beside the sheet, which has none of its own. */
const rowHeightsOf = new WeakMap<SheetModel, Map<number, number>>();

export function rowHeights(sheet: SheetModel): Map<number, number> {
  let m = rowHeightsOf.get(sheet);
  if (!m) rowHeightsOf.set(sheet, (m = new Map()));
  return m;
}

function wholeColumns(a: Area): boolean {
  return a.top === 0 && a.bottom === MAX_ROWS - 1;
}

function wholeRows(a: Area): boolean {
  return a.left === 0 && a.right === MAX_COLUMNS - 1;
}

/**
 * Sets a style on every cell of a range, or on the columns themselves where the range is whole
 * columns (the style at row -1 is the column's).
 */
export function styleEach(t: RangeTarget, location: string, set: (style: CellStyle) => void): void {
  t.sheet.assertEditable(location);
  if (wholeColumns(t.area)) {
    for (let c = t.area.left; c <= t.area.right; c++) set(t.sheet.styleFor(-1, c));
    return;
  }
  if (cellCount(t.area) > CELL_LIMIT)
    throw new NotModelledError(`${location} on more than ${CELL_LIMIT} cells`);
  for (let r = t.area.top; r <= t.area.bottom; r++)
    for (let c = t.area.left; c <= t.area.right; c++) set(t.sheet.styleFor(r, c));
}

/** What a range's format reads back: the one value all its cells share, else null. */
function shared<T>(t: RangeTarget, pick: (s: CellStyle | undefined) => T): T | null {
  if (cellCount(t.area) > CELL_LIMIT)
    throw new NotModelledError(`reading a format over more than ${CELL_LIMIT} cells`);
  let first: { v: T } | undefined;
  for (let r = t.area.top; r <= t.area.bottom; r++)
    for (let c = t.area.left; c <= t.area.right; c++) {
      const v = pick(t.sheet.style(r, c) ?? t.sheet.style(-1, c));
      if (!first) first = { v };
      else if (first.v !== v) return null;
    }
  return first ? first.v : null;
}

/** RangeFormat's alignment, indent and row height, as the double models them. */
export const LAYOUT_SCALARS: Readonly<Record<string, ScalarSpec<RangeTarget>>> = {
  horizontalAlignment: {
    get: (t) => shared(t, (s) => s?.horizontalAlignment ?? "General"),
    set: (t, v) => {
      if (!HORIZONTAL.has(String(v)))
        throw excelError("InvalidArgument", "RangeFormat.horizontalAlignment");
      styleEach(t, "RangeFormat.horizontalAlignment", (s) => (s.horizontalAlignment = String(v)));
    },
  },
  verticalAlignment: {
    get: (t) => shared(t, (s) => s?.verticalAlignment ?? "Bottom"),
    set: (t, v) => {
      if (!VERTICAL.has(String(v)))
        throw excelError("InvalidArgument", "RangeFormat.verticalAlignment");
      styleEach(t, "RangeFormat.verticalAlignment", (s) => (s.verticalAlignment = String(v)));
    },
  },
  indentLevel: {
    api: "1.9",
    get: (t) => shared(t, (s) => s?.indent ?? 0),
    set: (t, v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > MAX_INDENT)
        throw excelError("InvalidArgument", "RangeFormat.indentLevel");
      styleEach(t, "RangeFormat.indentLevel", (s) => (s.indent = n));
    },
  },
  rowHeight: {
    api: "1.2",
    set: (t, v) => {
      t.sheet.assertEditable("RangeFormat.rowHeight");
      const h = Number(v);
      if (!Number.isFinite(h) || h < 0 || h > MAX_ROW_HEIGHT)
        throw excelError("InvalidArgument", "RangeFormat.rowHeight");
      if (t.area.bottom - t.area.top >= 100_000 && !wholeRows(t.area))
        throw new NotModelledError("a row height over more than 100,000 rows");
      const heights = rowHeights(t.sheet);
      for (let r = t.area.top; r <= t.area.bottom; r++) heights.set(r, h);
    },
  },
};

/** Range.merge: one merged area, or one a row (`across`); the upper-left value remains. */
export function mergeRange(t: RangeTarget, across: boolean, workbook: WorkbookModel): void {
  t.sheet.assertEditable("Range.merge");
  const areas: Area[] = across
    ? Array.from({ length: t.area.bottom - t.area.top + 1 }, (_v, i) => ({
        ...t.area,
        top: t.area.top + i,
        bottom: t.area.top + i,
      }))
    : [t.area];
  for (const area of areas) {
    if (cellCount(area) < 2) continue;
    if (
      workbook.tables.some(
        (tb) => tb.sheet === t.sheet && !tb.sheet.deleted && intersects(tb.area, area)
      )
    )
      throw new NotModelledError("merging cells of a table");
    const inside = (m: Area) =>
      m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right;
    if (t.sheet.merges.some((m) => intersects(m, area) && !inside(m)))
      throw new NotModelledError("a merge over part of another merged area");
    t.sheet.merges = t.sheet.merges.filter((m) => !inside(m));
    t.sheet.merges.push(area);
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++)
        if (r !== area.top || c !== area.left) t.sheet.setValue(r, c, "");
  }
}
