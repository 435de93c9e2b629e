/**
 * How a sheet prints, as the Excel JavaScript API documents it (ExcelApi 1.9:
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#page-layout-and-print-settings):
 * - `orientation` is Portrait or Landscape and `paperSize` one of Excel.PaperType; anything else
 *   is InvalidArgument;
 * - margins are in points;
 * - `zoom` is set as a whole object ("use `x.zoom = {...}` instead of `x.zoom.scale = ...`"), and
 *   its scale "can be between 10 and 400" (else InvalidArgument);
 * - `headersFooters.defaultForAllPages` holds the six header and footer parts, in Excel's codes
 *   (&P, &N, &"font,style", &size); a header's or a footer's three parts together take at most
 *   255 characters (Excel specifications and limits, "Characters in a header or footer",
 *   https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 *   past that, InvalidArgument (the code is not documented);
 * - `setPrintTitleRows` takes whole rows ("$1:$3");
 * - `horizontalPageBreaks.add(range)` "adds a page break before the top-left cell of the range
 *   specified"; a sheet holds at most 1,026 of them (the same limits page; InvalidArgument past it).
 * Every one of these needs ExcelApi 1.9 (ApiNotFound without it). Page setup is not refused on a
 * protected sheet: Excel's protection covers cells and objects, not how the sheet prints.
 */
import { type Area, MAX_COLUMNS, parseAddress } from "./addresses";
import { NotModelledError, excelError } from "./errors";
import type { SheetModel } from "./model";
import type { RangeProxy } from "./objects";
import { ProxyBase, type Session, type Shape, defineScalars } from "./runtime";

/** Excel.PaperType. */
const PAPER_TYPES = new Set([
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
  "Paper10x14",
  "Paper11x17",
  "Note",
  "Envelope9",
  "Envelope10",
  "Envelope11",
  "Envelope12",
  "Envelope14",
  "Csheet",
  "Dsheet",
  "Esheet",
  "EnvelopeDL",
  "EnvelopeC5",
  "EnvelopeC3",
  "EnvelopeC4",
  "EnvelopeC6",
  "EnvelopeC65",
  "EnvelopeB4",
  "EnvelopeB5",
  "EnvelopeB6",
  "EnvelopeItaly",
  "EnvelopeMonarch",
  "EnvelopePersonal",
  "FanfoldUS",
  "FanfoldStdGerman",
  "FanfoldLegalGerman",
]);

export const MAX_HEADER_FOOTER_CHARACTERS = 255;
export const MAX_PAGE_BREAKS = 1026;

const HEADER_FOOTER_PARTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;
type HeaderFooterPart = (typeof HEADER_FOOTER_PARTS)[number];

export interface PrintModel {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** In points. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  /** headersFooters.defaultForAllPages. */
  headerFooter: Record<HeaderFooterPart, string>;
  /** Rows repeated at the top of each printed page (whole rows). */
  printTitleRows?: Area;
  /** 0-based rows a horizontal page break sits above, in the order added. */
  rowBreaks: number[];
}

/** Excel's "Normal" margins (0.7" left and right, 0.75" top and bottom, 0.3" header and footer). */
function defaultPrint(): PrintModel {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    headerFooter: {
      leftHeader: "",
      centerHeader: "",
      rightHeader: "",
      leftFooter: "",
      centerFooter: "",
      rightFooter: "",
    },
    rowBreaks: [],
  };
}

/** A sheet's print settings, kept beside the sheet. */
const printOf = new WeakMap<SheetModel, PrintModel>();

export function printSetup(sheet: SheetModel): PrintModel {
  let p = printOf.get(sheet);
  if (!p) printOf.set(sheet, (p = defaultPrint()));
  return p;
}

const API = "1.9";

function margin(name: keyof PrintModel["margins"]) {
  return {
    api: API,
    get: (s: SheetModel) => printSetup(s).margins[name],
    set: (s: SheetModel, v: unknown) => {
      const n = Number(v);
      if (typeof v !== "number" || !Number.isFinite(n) || n < 0)
        throw excelError("InvalidArgument", `PageLayout.${name}Margin`);
      printSetup(s).margins[name] = n;
    },
  };
}

function zoomOf(v: unknown): PrintModel["zoom"] {
  if (typeof v !== "object" || v === null) throw excelError("InvalidArgument", "PageLayout.zoom");
  const z = v as Record<string, unknown>;
  const out: PrintModel["zoom"] = {};
  if (z.scale !== undefined && z.scale !== null) {
    const n = Number(z.scale);
    if (!Number.isInteger(n) || n < 10 || n > 400)
      throw excelError("InvalidArgument", "PageLayout.zoom");
    out.scale = n;
  }
  for (const k of ["horizontalFitToPages", "verticalFitToPages"] as const) {
    if (z[k] === undefined || z[k] === null) continue;
    const n = Number(z[k]);
    if (!Number.isInteger(n) || n < 0) throw excelError("InvalidArgument", "PageLayout.zoom");
    out[k] = n;
  }
  return out;
}

const PAGE_LAYOUT: Shape<SheetModel> = {
  type: "PageLayout",
  scalars: {
    orientation: {
      api: API,
      get: (s) => printSetup(s).orientation,
      set: (s, v) => {
        if (v !== "Portrait" && v !== "Landscape")
          throw excelError("InvalidArgument", "PageLayout.orientation");
        printSetup(s).orientation = v;
      },
    },
    paperSize: {
      api: API,
      get: (s) => printSetup(s).paperSize,
      set: (s, v) => {
        if (!PAPER_TYPES.has(String(v)))
          throw excelError("InvalidArgument", "PageLayout.paperSize");
        printSetup(s).paperSize = String(v);
      },
    },
    zoom: {
      api: API,
      get: (s) => ({ ...printSetup(s).zoom }),
      set: (s, v) => {
        printSetup(s).zoom = zoomOf(v);
      },
    },
    leftMargin: margin("left"),
    rightMargin: margin("right"),
    topMargin: margin("top"),
    bottomMargin: margin("bottom"),
    headerMargin: margin("header"),
    footerMargin: margin("footer"),
  },
  navs: ["headersFooters"],
};

/** Whole rows from a Range or an address, as print titles take them. */
function wholeRows(value: RangeProxy | string, location: string): Area {
  const area =
    typeof value === "string" ? parseAddress(value) : value._target(`${location} (range)`).area;
  if (area.left !== 0 || area.right !== MAX_COLUMNS - 1)
    throw new NotModelledError(`${location} with a range that is not whole rows`);
  return area;
}

export class PageLayoutProxy extends ProxyBase<SheetModel> {
  constructor(session: Session, resolve: () => SheetModel | null) {
    super(session, PAGE_LAYOUT, resolve);
  }

  get headersFooters(): HeaderFooterGroupProxy {
    return this._child(
      "headersFooters",
      () => new HeaderFooterGroupProxy(this._session, () => this._bind())
    );
  }

  setPrintTitleRows(printTitleRows: RangeProxy | string): void {
    const arg = typeof printTitleRows === "string" ? printTitleRows : "range";
    this._call("PageLayout.setPrintTitleRows", [arg], API, (s) => {
      printSetup(s).printTitleRows = wholeRows(printTitleRows, "PageLayout.setPrintTitleRows");
    });
  }
}
defineScalars(PageLayoutProxy, PAGE_LAYOUT);

const GROUP: Shape<SheetModel> = {
  type: "HeaderFooterGroup",
  scalars: { state: { api: API, get: () => "Default" } },
  navs: ["defaultForAllPages"],
};

export class HeaderFooterGroupProxy extends ProxyBase<SheetModel> {
  constructor(session: Session, resolve: () => SheetModel | null) {
    super(session, GROUP, resolve);
  }

  get defaultForAllPages(): HeaderFooterProxy {
    return this._child(
      "defaultForAllPages",
      () => new HeaderFooterProxy(this._session, () => this._bind())
    );
  }
}
defineScalars(HeaderFooterGroupProxy, GROUP);

/** The three parts a part shares its 255 characters with: the header's, or the footer's. */
function siblings(part: HeaderFooterPart): HeaderFooterPart[] {
  return HEADER_FOOTER_PARTS.filter((p) =>
    p.endsWith(part.endsWith("Header") ? "Header" : "Footer")
  );
}

const HEADER_FOOTER: Shape<SheetModel> = {
  type: "HeaderFooter",
  scalars: Object.fromEntries(
    HEADER_FOOTER_PARTS.map((part) => [
      part,
      {
        api: API,
        get: (s: SheetModel) => printSetup(s).headerFooter[part],
        set: (s: SheetModel, v: unknown) => {
          const text = String(v ?? "");
          const parts = printSetup(s).headerFooter;
          const length = siblings(part).reduce(
            (n, p) => n + (p === part ? text.length : parts[p].length),
            0
          );
          if (length > MAX_HEADER_FOOTER_CHARACTERS)
            throw excelError("InvalidArgument", `HeaderFooter.${part}`);
          parts[part] = text;
        },
      },
    ])
  ),
};

export class HeaderFooterProxy extends ProxyBase<SheetModel> {
  constructor(session: Session, resolve: () => SheetModel | null) {
    super(session, HEADER_FOOTER, resolve);
  }
}
defineScalars(HeaderFooterProxy, HEADER_FOOTER);

const BREAKS: Shape<SheetModel> = { type: "PageBreakCollection", scalars: {} };

export class PageBreakCollectionProxy extends ProxyBase<SheetModel> {
  constructor(session: Session, resolve: () => SheetModel | null) {
    super(session, BREAKS, resolve);
  }

  /** A break above the top-left cell of the range. */
  add(pageBreakRange: RangeProxy | string): void {
    const arg = typeof pageBreakRange === "string" ? pageBreakRange : "range";
    this._call("PageBreakCollection.add", [arg], API, (s) => {
      const area =
        typeof pageBreakRange === "string"
          ? parseAddress(pageBreakRange)
          : pageBreakRange._target("PageBreakCollection.add").area;
      if (area.top === 0) throw new NotModelledError("a page break above the first row");
      const breaks = printSetup(s).rowBreaks;
      if (breaks.includes(area.top)) return;
      if (breaks.length >= MAX_PAGE_BREAKS)
        throw excelError("InvalidArgument", "PageBreakCollection.add");
      breaks.push(area.top);
    });
  }

  removePageBreaks(): void {
    this._call("PageBreakCollection.removePageBreaks", [], API, (s) => {
      printSetup(s).rowBreaks = [];
    });
  }
}
