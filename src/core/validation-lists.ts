import {
  type Grid,
  type MergedArea,
  type ValidationList,
  cellAt,
  cellText,
  lastRow,
  parseRange,
} from "./grid";

/**
 * A drop-down list as a file or Excel states it, before it is resolved: the cells it covers
 * (`sqref`, "D5:D40 F5") and its source (`formula`): a literal list ("\"Red,Amber,Green\"" in a
 * file, "Red,Amber,Green" from Office.js), a range ("$K$2:$K$4", "Key!$A$2:$A$5",
 * "'Rating key'!$A$2:$A$5"), or a defined name ("RAGList").
 */
export interface ListRule {
  readonly sqref: string;
  readonly formula: string;
}

/** Entries kept from one list, and cells looked at to find them: a list is a handful of words. */
const MAX_ENTRIES = 100;
const MAX_CELLS = 10_000;
/** Ranges one list may cover before the rest are dropped (hostile files repeat sqref without end). */
const MAX_RANGES = 200;
/**
 * Cells looked at to resolve all of a workbook's lists: thousands of lists on distinct ranges
 * (a hostile file) stop being resolved here rather than cost minutes.
 */
const MAX_CELLS_PER_WORKBOOK = 2_000_000;

/** "D5:D40 F5 $G$1:$G$9" -> areas; whole columns ("D:D") run to Excel's last row. */
export function parseSqref(sqref: string): MergedArea[] {
  const out: MergedArea[] = [];
  for (const part of sqref.trim().split(/\s+/)) {
    if (out.length >= MAX_RANGES) break;
    const bare = part.replace(/\$/g, "");
    const column = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(bare);
    const area = column ? parseRange(`${column[1]}1:${column[2]}1048576`) : parseRange(bare);
    if (area) out.push(area);
  }
  return out;
}

/** A reference's sheet (unquoted) and range, or undefined when the text is no reference. */
function splitReference(
  text: string
): { sheet: string | undefined; area: MergedArea; wholeColumn: boolean } | undefined {
  const m =
    /^(?:(?:'((?:[^']|'')+)'|([^'!:]+))!)?(\$?[A-Za-z]{1,3}\$?\d*(?::\$?[A-Za-z]{1,3}\$?\d*)?)$/.exec(
      text.trim()
    );
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const range = m[3].replace(/\$/g, "");
  const wholeColumn = /^[A-Za-z]{1,3}:[A-Za-z]{1,3}$/.test(range);
  if (!wholeColumn && !/\d/.test(range)) return undefined;
  const area = wholeColumn ? parseSqref(range)[0] : parseRange(range);
  return area ? { sheet, area, wholeColumn } : undefined;
}

/**
 * The non-blank texts of a range of a grid, row by row, as a drop-down would offer them; each cell
 * looked at is counted in `spent`.
 */
function valuesIn(grid: Grid, area: MergedArea, spent: { cells: number }): string[] {
  const out: string[] = [];
  const bottom = Math.min(area.bottom, lastRow(grid));
  let cells = 0;
  for (let r = Math.max(area.top, grid.firstRow); r <= bottom; r++)
    for (let c = area.left; c <= area.right; c++) {
      if (++cells > MAX_CELLS || out.length >= MAX_ENTRIES) return out;
      spent.cells++;
      const t = cellText(cellAt(grid, r, c));
      if (t !== "") out.push(t);
    }
  return out;
}

/** Where a list's source lies: literal entries, or a range on a named sheet (the host reads it). */
export type ListSource =
  | { readonly kind: "entries"; readonly values: readonly string[] }
  | { readonly kind: "range"; readonly sheet: string; readonly area: MergedArea }
  | { readonly kind: "unknown" };

/**
 * Says where a list's entries come from. `names` maps a defined name (any case) to what it refers
 * to; `sheet` is the list's own sheet, for a range without one. Formulas (OFFSET, INDIRECT) are
 * not followed.
 */
export function listSource(
  formula: string,
  sheet: string,
  names: ReadonlyMap<string, string>
): ListSource {
  let text = formula.trim().replace(/^=/, "");
  for (let depth = 0; depth < 3; depth++) {
    const quoted = /^"((?:[^"]|"")*)"$/.exec(text);
    if (quoted) return { kind: "entries", values: entriesOf(quoted[1].replace(/""/g, '"')) };
    const named = names.get(text.toLowerCase());
    if (named !== undefined) {
      text = named.trim().replace(/^=/, "");
      continue;
    }
    const ref = splitReference(text);
    if (ref) return { kind: "range", sheet: ref.sheet ?? sheet, area: ref.area };
    // Office.js gives a literal list without quotes; a formula is left alone.
    if (!/[()!]/.test(text) && text !== "") return { kind: "entries", values: entriesOf(text) };
    return { kind: "unknown" };
  }
  return { kind: "unknown" };
}

function entriesOf(list: string): string[] {
  return list
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "")
    .slice(0, MAX_ENTRIES);
}

/**
 * Resolves each sheet's list rules against the workbook's own grids (hidden sheets included)
 * and returns the grids with `validationLists` set. A list whose source cannot be found is left
 * out: it says nothing about a scale.
 */
export function withValidationLists(
  grids: readonly Grid[],
  rules: ReadonlyMap<string, readonly ListRule[]>,
  names: ReadonlyMap<string, string>
): Grid[] {
  const byName = new Map(grids.map((g) => [g.name.toLowerCase(), g]));
  // Many lists share one source (a key sheet's column): each is read once.
  const resolved = new Map<string, readonly string[]>();
  const spent = { cells: 0 };
  return grids.map((grid) => {
    const own = rules.get(grid.name);
    if (!own || own.length === 0) return grid;
    const lists: ValidationList[] = [];
    for (const rule of own) {
      const ranges = parseSqref(rule.sqref);
      if (ranges.length === 0) continue;
      const source = listSource(rule.formula, grid.name, names);
      let values: readonly string[] = [];
      if (source.kind === "entries") values = source.values;
      else if (source.kind === "range") {
        const from = byName.get(source.sheet.toLowerCase());
        const { top, left, bottom, right } = source.area;
        const key = `${source.sheet.toLowerCase()}!${top},${left},${bottom},${right}`;
        const known = resolved.get(key);
        if (known) values = known;
        else if (from && spent.cells < MAX_CELLS_PER_WORKBOOK) {
          values = valuesIn(from, source.area, spent);
          resolved.set(key, values);
        }
      }
      if (values.length) lists.push({ ranges, values });
    }
    return lists.length ? { ...grid, validationLists: lists } : grid;
  });
}

/** Defined names as a lookup: lower-cased name to what it refers to; a sheet's own names win on it. */
export function namesLookup(
  defined: readonly { name: string; refersTo: string }[]
): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of defined) {
    const key = d.name.toLowerCase();
    if (!out.has(key)) out.set(key, d.refersTo);
  }
  return out;
}
