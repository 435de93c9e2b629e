/**
 * A declarative plan of the committee sheets: what both renderers (the Excel host and the .xlsx
 * writer) write, cell for cell, and how it prints.
 */

/** A cell's value: text is always written as text, never read as a formula. */
export type PlanValue = string | number | null;

export type Align = "left" | "right" | "center";

/** How a cell looks: everything but its place and value. */
export interface CellLook {
  readonly bold?: boolean;
  readonly size?: number;
  readonly fill?: string;
  readonly fontColor?: string;
  readonly wrap?: boolean;
  readonly numberFormat?: string;
  /** Numbers right, text left, and each header as its values. */
  readonly align?: Align;
  /** Steps of indent from the aligned side (text that follows a column of numbers). */
  readonly indent?: number;
}

export interface PlanCell extends CellLook {
  /** 1-based row and column. */
  readonly row: number;
  readonly col: number;
  readonly value: PlanValue;
}

/** A rectangle on the same sheet, 1-based and inclusive. */
export interface PlanRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** An Excel table (with filter buttons) whose first row is its header. */
export interface PlanTable {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly header: readonly string[];
  readonly rows: readonly (readonly PlanValue[])[];
  /** Columns (0-based within the table) that hold long text to wrap. */
  readonly wrapColumns: readonly number[];
  /** Each column's alignment, its header's included. */
  readonly align: readonly Align[];
  /** Each column's indent, where it has one (see CellLook.indent). */
  readonly indent: readonly (number | undefined)[];
  /** The size of its text, header included, in points. */
  readonly textSize: number;
}

export interface ChartAxis {
  readonly title: string;
  readonly min?: number;
  readonly max?: number;
  /** The step between ticks (1: whole numbers). */
  readonly majorUnit?: number;
  /** Runs from its maximum to its minimum: for a scale where 1 is best, better is to the right. */
  readonly reversed?: boolean;
  readonly numberFormat?: string;
}

export interface PlanChart {
  /** Horizontal bars: clustered for one value per section, stacked for a distribution. */
  readonly kind: "bar" | "stackedBar";
  readonly title: string;
  readonly categories: PlanRange;
  /** Each series: its name's cell, its values (one per category, down a column) and its colour. */
  readonly series: readonly {
    readonly name: string;
    readonly nameCell: PlanRange;
    readonly values: PlanRange;
    readonly colour: string;
  }[];
  /** The cells the chart covers. */
  readonly anchor: PlanRange;
  readonly valueAxis: ChartAxis;
  readonly legend: boolean;
  /** Each bar's value printed at its end (a mean, to two places). */
  readonly valueLabels: boolean;
  /** The size of its text, in points. */
  readonly textSize: number;
}

/** Text of a header or footer, with the printed page number and page count as fields. */
export type HeaderFooterPart = string | { readonly field: "page" | "pages" };

export interface HeaderFooterLine {
  readonly left: readonly HeaderFooterPart[];
  readonly center: readonly HeaderFooterPart[];
  readonly right: readonly HeaderFooterPart[];
}

export interface PageSetup {
  readonly paper: "A4";
  readonly orientation: "landscape";
  /** Always 100: the plan sizes the sheet for the page; nothing is shrunk to fit. */
  readonly scale: 100;
  /** Inches. */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly header: HeaderFooterLine;
  readonly footer: HeaderFooterLine;
  readonly textSize: number;
  /** Rows repeated at the top of every printed page (the Action Plan's header). */
  readonly printTitleRows: { readonly top: number; readonly bottom: number } | null;
  /** A new page starts after each of these rows. */
  readonly rowBreaks: readonly number[];
  /** Pages the plan expects the sheet to print on. */
  readonly pages: number;
}

export interface SheetPlan {
  readonly key: "summary" | "actions";
  /** The name wanted; a host picks another where a user's sheet already has it. */
  readonly name: string;
  /** In characters, as Excel counts a column's width. */
  readonly columnWidths: readonly number[];
  readonly cells: readonly PlanCell[];
  /** Cells merged into one; the value sits in the top-left cell. */
  readonly merges: readonly PlanRange[];
  readonly tables: readonly PlanTable[];
  readonly charts: readonly PlanChart[];
  /** Each row's height in points, by 1-based row (index 0 unused); a row past the end is default. */
  readonly rowHeights: readonly number[];
  readonly defaultRowHeight: number;
  readonly freezeRows: number;
  readonly page: PageSetup;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
}
