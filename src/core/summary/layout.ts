import {
  INDENT_UNITS,
  PAGE,
  PRINTABLE_HEIGHT,
  PRINTABLE_UNITS,
  rowHeightFor,
  unitsFor,
  wrappedLines,
} from "./print";
import type { Align, CellLook, PlanCell, PlanRange, PlanValue } from "./sheet-plan";

/**
 * Lays out a printed sheet from blocks: lines of cells placed by their horizontal extent (in
 * column-width units from the left edge), paginated for A4 landscape. Each block (a table, a
 * heading, a key, a chart) is one function that adds lines; the builder then makes the sheet's
 * columns (every edge any block uses), merges the cells that span several, sizes every row, places
 * page breaks where a page is full (never inside a group that must stay together) and repeats a
 * table's header at the top of a page it continues onto.
 */

export const HEADER_FILL = "#DEECF9";

/** One column of a table block: its header, width, alignment and what each row shows. */
export interface Column<T> {
  readonly header: string;
  /** In column-width units; at least the header's longest word. */
  readonly width: number;
  readonly align: Align;
  readonly value: (row: T) => PlanValue;
  /** Long text that wraps onto more lines. */
  readonly wrap?: boolean;
  readonly numberFormat?: string;
  /** The one column that takes whatever width the others leave. */
  readonly flex?: boolean;
  /** A look for one cell (a RAG fill), over the column's own. */
  readonly look?: (row: T) => CellLook | undefined;
}

interface Placed {
  readonly x0: number;
  readonly x1: number;
  readonly value: PlanValue;
  readonly look: CellLook;
}

interface Line {
  readonly cells: readonly Placed[];
  readonly height: number;
  readonly keepWithNext: boolean;
  breakBefore: boolean;
  /** Dropped where it would open a page. */
  readonly spacer: boolean;
  /** The line to repeat above this one when a page break falls before it (its table's header). */
  readonly header?: number;
}

/** Where lines and edges ended up, for blocks that refer to cells (charts). */
export interface Placement {
  /** The 1-based sheet row of a line. */
  row(line: number): number;
  /** The 1-based column that starts at this edge. */
  column(x: number): number;
  /** The 1-based column that ends at this edge. */
  columnBefore(x: number): number;
}

export interface BuiltSheet {
  readonly columnWidths: number[];
  readonly cells: PlanCell[];
  readonly merges: PlanRange[];
  readonly rowHeights: number[];
  readonly rowBreaks: number[];
  readonly pages: number;
}

/** A table header's look: bold on a light fill, wrapped, aligned as its column. */
export function headerLook(align: Align, indent?: number): CellLook {
  return { bold: true, fill: HEADER_FILL, wrap: true, align, indent };
}

/**
 * Text set left straight after a column of numbers set right would touch them ("2 Review the
 * register"): such a column is indented a step. Undefined where no indent is needed.
 */
export function textAfterNumbers<T>(columns: readonly Column<T>[]): (number | undefined)[] {
  return columns.map((c, i) =>
    i > 0 && c.align === "left" && columns[i - 1].align === "right" ? 1 : undefined
  );
}

/** The units the longest word among these texts needs, so no name is broken mid-word. */
export function widestWord(texts: Iterable<string>, size: number = PAGE.bodySize): number {
  let widest = 0;
  const seen = new Set<string>();
  for (const text of texts) {
    if (seen.has(text) || seen.size > 5_000) continue;
    seen.add(text);
    for (const word of text.split(" ")) widest = Math.max(widest, unitsFor(word, size));
  }
  return Math.ceil(widest * 2) / 2;
}

/** The text a value shows, for measuring it. */
function shown(value: PlanValue, look: CellLook): string {
  if (value === null) return "";
  if (typeof value === "number")
    return look.numberFormat === "0.00" ? value.toFixed(2) : String(value);
  return value;
}

/**
 * The units a column needs so no word of its header is broken, and a unit to spare: the sheet's
 * columns fold edges that lie within a unit of each other.
 */
export function headerWidth(header: string, size: number = PAGE.bodySize): number {
  let widest = 0;
  for (const word of header.split(" ")) widest = Math.max(widest, unitsFor(word, size, true));
  return Math.ceil(widest * 2) / 2 + 1;
}

export class SheetBuilder {
  private readonly lines: Line[] = [];
  private readonly edges = new Set<number>([0]);
  private readonly afterLayout: ((at: Placement) => void)[] = [];
  private breakNext = false;
  /** The printable width, in units. */
  readonly width = PRINTABLE_UNITS;

  /** Adds a line of cells; returns its index. */
  line(
    cells: readonly Placed[],
    options: { keepWithNext?: boolean; header?: number; height?: number; spacer?: boolean } = {}
  ): number {
    let height = options.height ?? rowHeightFor(1);
    if (options.height === undefined) {
      for (const c of cells) {
        const size = c.look.size ?? PAGE.bodySize;
        const width = c.x1 - c.x0 - (c.look.indent ?? 0) * INDENT_UNITS;
        const lines = c.look.wrap
          ? wrappedLines(shown(c.value, c.look), width, size, c.look.bold)
          : 1;
        height = Math.max(height, rowHeightFor(lines, size));
      }
    }
    for (const c of cells) {
      this.edges.add(c.x0);
      this.edges.add(c.x1);
    }
    this.lines.push({
      cells,
      height,
      keepWithNext: options.keepWithNext ?? false,
      breakBefore: this.breakNext,
      spacer: options.spacer ?? false,
      header: options.header,
    });
    this.breakNext = false;
    return this.lines.length - 1;
  }

  /** A paragraph across the page, wrapped. */
  text(value: string, look: CellLook = {}, keepWithNext = false): number {
    return this.line([{ x0: 0, x1: this.width, value, look: { wrap: true, ...look } }], {
      keepWithNext,
    });
  }

  /** A heading, kept with what follows it. */
  heading(value: string, size = 12): number {
    return this.text(value, { bold: true, size }, true);
  }

  /** A little space between blocks. */
  gap(height = 8): number {
    return this.line([], { height, spacer: true });
  }

  /** The next line starts a new page. */
  pageBreak(): void {
    this.breakNext = true;
  }

  /** Marks an edge that a block will refer to (a chart's side), so a column starts there. */
  edge(x: number): void {
    this.edges.add(x);
  }

  /** Runs once the sheet is laid out, with the rows and columns lines and edges ended up in. */
  then(step: (at: Placement) => void): void {
    this.afterLayout.push(step);
  }

  /**
   * A table: a header row, then a row per item. Its header repeats at the top of any page it
   * continues onto; `together` keeps it whole on one page (a chart's data, which must stay one
   * block of cells); `totalLast` keeps the last row (a total) on the page of the row above it, so
   * a total never stands alone under a repeated header. Returns the lines of its header and of its
   * first and last rows.
   */
  table<T>(
    columns: readonly Column<T>[],
    rows: readonly T[],
    options: {
      together?: boolean;
      totalLast?: boolean;
      rowLook?: (row: T) => CellLook | undefined;
    } = {}
  ): { header: number; first: number; last: number; edges: number[] } {
    const widths = this.columnWidths(columns);
    const edges = [0];
    for (const w of widths) edges.push(edges[edges.length - 1] + w);
    const indents = textAfterNumbers(columns);
    const header = this.line(
      columns.map((c, i) => ({
        x0: edges[i],
        x1: edges[i + 1],
        value: c.header,
        look: headerLook(c.align, indents[i]),
      })),
      { keepWithNext: true }
    );
    let first = -1;
    rows.forEach((row, r) => {
      const rowLook = options.rowLook?.(row);
      const index = this.line(
        columns.map((c, i) => ({
          x0: edges[i],
          x1: edges[i + 1],
          value: c.value(row),
          look: {
            align: c.align,
            indent: indents[i],
            wrap: c.wrap,
            numberFormat: c.numberFormat,
            ...rowLook,
            ...c.look?.(row),
          },
        })),
        {
          header,
          keepWithNext:
            (options.together === true && r < rows.length - 1) ||
            (options.totalLast === true && r === rows.length - 2),
        }
      );
      if (first < 0) first = index;
    });
    return { header, first, last: this.lines.length - 1, edges };
  }

  /** Each column's width: its own (no narrower than its header's longest word); the flex column takes the rest. */
  columnWidths<T>(columns: readonly Column<T>[], size: number = PAGE.bodySize): number[] {
    const indents = textAfterNumbers(columns);
    const widths = columns.map((c, i) =>
      Math.max(c.width, headerWidth(c.header, size) + (indents[i] ?? 0) * INDENT_UNITS)
    );
    const flex = columns.findIndex((c) => c.flex);
    if (flex >= 0) {
      const others = widths.reduce((n, w, i) => (i === flex ? n : n + w), 0);
      widths[flex] = Math.max(widths[flex], this.width - others);
    }
    return widths;
  }

  build(): BuiltSheet {
    // Pages: a line goes to the next page when it, and the lines it is kept with, do not fit.
    const rowOf: number[] = new Array<number>(this.lines.length);
    const emitted: Line[] = [];
    const rowBreaks: number[] = [];
    let used = 0;
    let pages = 1;
    const emit = (line: Line) => {
      emitted.push(line);
      used += line.height;
    };
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i];
      let chain = line.height;
      for (let k = i; this.lines[k].keepWithNext && k + 1 < this.lines.length; k++)
        chain += this.lines[k + 1].height;
      if (chain > PRINTABLE_HEIGHT) chain = line.height;
      if (used > 0 && (line.breakBefore || used + chain > PRINTABLE_HEIGHT)) {
        rowBreaks.push(emitted.length);
        pages++;
        used = 0;
        if (line.header !== undefined) emit(this.lines[line.header]);
      }
      if (line.spacer && used === 0) {
        rowOf[i] = emitted.length + 1;
        continue;
      }
      emit(line);
      rowOf[i] = emitted.length;
    }

    // Columns: every edge any line uses, edges within a unit of each other folded into one (each
    // column was given a unit to spare for it, see headerWidth), so the sheet has few columns.
    const sorted = [...this.edges].sort((a, b) => a - b);
    const kept: number[] = [];
    const indexOf = new Map<number, number>();
    for (const x of sorted) {
      if (kept.length === 0 || x - kept[kept.length - 1] >= 1) kept.push(x);
      indexOf.set(x, kept.length - 1);
    }
    const columnWidths = kept.slice(1).map((x, i) => Math.round((x - kept[i]) * 100) / 100);
    const index = (x: number) => {
      const i = indexOf.get(x);
      if (i !== undefined) return i;
      let best = 0;
      for (let k = 0; k < kept.length; k++)
        if (Math.abs(kept[k] - x) < Math.abs(kept[best] - x)) best = k;
      return best;
    };

    const cells: PlanCell[] = [];
    const merges: PlanRange[] = [];
    const rowHeights: number[] = [0];
    emitted.forEach((line, i) => {
      const row = i + 1;
      rowHeights.push(line.height);
      for (const c of line.cells) {
        const left = index(c.x0) + 1;
        const right = Math.max(left, index(c.x1));
        if (right > left) merges.push({ top: row, left, bottom: row, right });
        // Every cell with the same fields, written out: renderers read thousands of them, and
        // objects of one shape read fastest.
        cells.push({
          row,
          col: left,
          value: c.value,
          bold: c.look.bold,
          size: c.look.size,
          fill: c.look.fill,
          fontColor: c.look.fontColor,
          wrap: c.look.wrap,
          numberFormat: c.look.numberFormat,
          align: c.look.align,
          indent: c.look.indent,
        });
      }
    });

    const placement: Placement = {
      row: (line) => rowOf[line],
      column: (x) => index(x) + 1,
      columnBefore: (x) => index(x),
    };
    for (const step of this.afterLayout) step(placement);
    return { columnWidths, cells, merges, rowHeights, rowBreaks, pages };
  }
}

/** Pages a run of rows takes with these heights, a header of `titleHeight` repeated on each. */
export function pagesFor(heights: readonly number[], from: number, titleHeight: number): number {
  let pages = 1;
  let used = 0;
  for (let r = from; r < heights.length; r++) {
    const h = heights[r] ?? 0;
    if (used > 0 && used + h > PRINTABLE_HEIGHT) {
      pages++;
      used = titleHeight;
    }
    used += h;
  }
  return pages;
}
