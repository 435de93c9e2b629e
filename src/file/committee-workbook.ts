import { columnLetters, quoteSheetName } from "../core/grid";
import { headerFooterCode } from "../core/summary/header-codes";
import { headerLook } from "../core/summary/layout";
import type {
  PlanCell,
  PlanChart,
  PlanTable,
  PlanValue,
  SheetPlan,
  WorkbookPlan,
} from "../core/summary/plan";
import { chartXml, drawingXml } from "./chart-parts";
import {
  CUSTOM_PROPERTIES_REL,
  CUSTOM_PROPERTIES_TYPE,
  MARK_APPLICATION,
  customPropertiesXml,
} from "./package-mark";
import { CellStyles } from "./cell-styles";
import { AsciiWriter, asciiBytes, cellTextXml, escapeXml, utf8, Utf8Builder } from "./xml-text";
import { type ZipCodec, ZipWriter, defaultCodec } from "./zip-package";

/**
 * The committee tabs as a new workbook (the officer's file is never rewritten), written as
 * SpreadsheetML in two steps: first every part is numbered (its path, its relationships, its content
 * type), then each is rendered. Both sheets of the plan, the action plan as an Excel table with
 * filters, the charts as native Excel charts (DrawingML, from chart-parts), and each sheet's print
 * settings: A4 landscape at 100%, header and footer, print titles, the plan's page breaks. A
 * 100,000-row action plan goes straight from the plan's rows to XML, with no object per cell.
 */

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = {
  officeDocument: `${REL_NS}/officeDocument`,
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  table: `${REL_NS}/table`,
  drawing: `${REL_NS}/drawing`,
  chart: `${REL_NS}/chart`,
  extended: `${REL_NS}/extended-properties`,
  core: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
};
const TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  extended: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
};

// The pieces of a cell's markup, as bytes.
const QUOTE = asciiBytes(`"`);
const STYLE_OPEN = asciiBytes(` s="`);
const NUMBER_OPEN = asciiBytes(`><v>`);
const TEXT_OPEN = asciiBytes(` t="s"><v>`);
const VALUE_CLOSE = asciiBytes(`</v></c>`);
const EMPTY_CLOSE = asciiBytes(`/>`);

const NO_TABLES: readonly never[] = [];

/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function relationshipsXml(rels: readonly Relationship[]): string {
  const body = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

/** The shared-strings table: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  count = 0;

  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }

  xml(): Uint8Array {
    const out = new Utf8Builder();
    out.add(
      `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.index.size}">`
    );
    for (const text of this.index.keys()) {
      const space = /^\s|\s$|\n/.test(text) ? ` xml:space="preserve"` : "";
      out.add(`<si><t${space}>${cellTextXml(text)}</t></si>`);
    }
    out.add(`</sst>`);
    return out.bytes();
  }
}

// Step one: number the parts.

interface NumberedPart {
  readonly path: string;
  /** Its relationship id within the part that refers to it. */
  readonly relId: string;
}

interface NumberedTable extends NumberedPart {
  readonly plan: PlanTable;
  readonly id: number;
}

interface NumberedChart extends NumberedPart {
  readonly plan: PlanChart;
}

interface NumberedSheet extends NumberedPart {
  readonly plan: SheetPlan;
  /** 0-based place in the workbook. */
  readonly index: number;
  readonly tables: readonly NumberedTable[];
  readonly drawing: (NumberedPart & { readonly charts: readonly NumberedChart[] }) | null;
}

interface NumberedPackage {
  readonly sheets: readonly NumberedSheet[];
  /** Every part with its content type, for [Content_Types].xml. */
  readonly types: readonly { readonly path: string; readonly type: string }[];
}

/**
 * Gives every part of the package its path and relationship id, so each can then be rendered on
 * its own. A new kind of part is one more entry here and one render function.
 */
function numberParts(plan: WorkbookPlan): NumberedPackage {
  let tableId = 0;
  let drawingId = 0;
  let chartId = 0;
  const types: { path: string; type: string }[] = [
    { path: "xl/workbook.xml", type: TYPE.workbook },
    { path: "xl/styles.xml", type: TYPE.styles },
    { path: "xl/sharedStrings.xml", type: TYPE.sharedStrings },
    { path: "docProps/core.xml", type: TYPE.core },
    { path: "docProps/app.xml", type: TYPE.extended },
    { path: "docProps/custom.xml", type: CUSTOM_PROPERTIES_TYPE },
  ];
  const sheets = plan.sheets.map((sheet, index): NumberedSheet => {
    const path = `xl/worksheets/sheet${index + 1}.xml`;
    types.push({ path, type: TYPE.worksheet });
    let rel = 0;
    let drawing: NumberedSheet["drawing"] = null;
    if (sheet.charts.length) {
      const drawingPath = `xl/drawings/drawing${++drawingId}.xml`;
      types.push({ path: drawingPath, type: TYPE.drawing });
      const charts = sheet.charts.map((chart, i) => {
        const chartPath = `xl/charts/chart${++chartId}.xml`;
        types.push({ path: chartPath, type: TYPE.chart });
        return { plan: chart, path: chartPath, relId: `rId${i + 1}` };
      });
      drawing = { path: drawingPath, relId: `rId${++rel}`, charts };
    }
    const tables = sheet.tables.map((table) => {
      const id = ++tableId;
      const tablePath = `xl/tables/table${id}.xml`;
      types.push({ path: tablePath, type: TYPE.table });
      return { plan: table, id, path: tablePath, relId: `rId${++rel}` };
    });
    return { plan: sheet, index, path, relId: `rId${index + 1}`, tables, drawing };
  });
  return { sheets, types };
}

// Step two: render each part.

/** "../charts/chart1.xml" from "xl/drawings/drawing1.xml": targets are relative to the part. */
function relativeTarget(path: string): string {
  return `../${path.split("/").slice(1).join("/")}`;
}

function sheetXml(sheet: NumberedSheet, strings: SharedStrings, styles: CellStyles): Uint8Array {
  const plan = sheet.plan;
  const byRow = new Map<number, PlanCell[]>();
  let lastRow = plan.rowHeights.length - 1;
  let lastCol = plan.columnWidths.length;
  for (const c of plan.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
    lastRow = Math.max(lastRow, c.row);
    lastCol = Math.max(lastCol, c.col);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);

  const tables = sheet.tables.map(({ plan: table }) => {
    const right = table.left + table.header.length - 1;
    const bottom = table.top + table.rows.length;
    lastRow = Math.max(lastRow, bottom);
    lastCol = Math.max(lastCol, right);
    const wrap = new Set(table.wrapColumns);
    return {
      table,
      bottom,
      // The header's look is written out, not left to the table style: LibreOffice prints
      // tables without their style.
      headerStyles: table.header.map((_h, i) =>
        styles.index({ ...headerLook(table.align[i], table.indent[i]), size: table.textSize })
      ),
      columnStyles: table.header.map((_h, i) =>
        styles.index({
          wrap: wrap.has(i),
          align: table.align[i],
          indent: table.indent[i],
          size: table.textSize,
        })
      ),
    };
  });
  lastRow = Math.max(lastRow, 1);
  lastCol = Math.max(lastCol, 1);
  const letters = Array.from({ length: lastCol + 1 }, (_v, i) => (i ? columnLetters(i) : ""));

  const out = new AsciiWriter();
  out.ascii(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  out.ascii(`<dimension ref="A1:${letters[lastCol]}${lastRow}"/>`);
  const selected = sheet.index === 0 ? ` tabSelected="1"` : "";
  if (plan.freezeRows > 0) {
    const below = `A${plan.freezeRows + 1}`;
    out.ascii(
      `<sheetViews><sheetView workbookViewId="0"${selected}>` +
        `<pane ySplit="${plan.freezeRows}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/></sheetView></sheetViews>`
    );
  } else out.ascii(`<sheetViews><sheetView workbookViewId="0"${selected}/></sheetViews>`);
  out.ascii(`<sheetFormatPr defaultRowHeight="${plan.defaultRowHeight}"/>`);
  if (plan.columnWidths.length) {
    const columnStyle = new Map<number, number>();
    for (const t of tables)
      t.columnStyles.forEach((s, i) => s && columnStyle.set(t.table.left + i, s));
    out.ascii(
      `<cols>${plan.columnWidths
        .map((w, i) => {
          const s = columnStyle.get(i + 1);
          return `<col min="${i + 1}" max="${i + 1}" width="${w}"${s ? ` style="${s}"` : ""} customWidth="1"/>`;
        })
        .join("")}</cols>`
    );
  }

  const lastText: PlanValue[] = [];
  const lastIndex: number[] = [];
  // Each cell's opening, `<c r="D`, made once per column.
  const opening = letters.map((l) => asciiBytes(`<c r="${l}`));
  // The row number and its closing quote, made once per row for all its cells.
  let rowRef = QUOTE;
  /** One cell; false when there is nothing to write. Text always goes to the shared strings, so it is never a formula. */
  const cell = (col: number, value: PlanValue, style: number): boolean => {
    const number = typeof value === "number" && Number.isFinite(value);
    const empty = !number && (value === null || value === "");
    if (empty && !style) return false;
    out.raw(opening[col]);
    out.raw(rowRef);
    if (style) {
      out.raw(STYLE_OPEN);
      out.int(style);
      out.raw(QUOTE);
    }
    if (number) {
      out.raw(NUMBER_OPEN);
      if (Number.isInteger(value) && value >= 0) out.int(value);
      else out.ascii(String(value));
      out.raw(VALUE_CLOSE);
    } else if (empty) out.raw(EMPTY_CLOSE);
    else {
      out.raw(TEXT_OPEN);
      // A column often repeats the row above (the lead officer, the section): skip the lookup.
      let index: number;
      if (value === lastText[col]) {
        index = lastIndex[col];
        strings.count++;
      } else {
        index = strings.of(String(value));
        lastText[col] = value;
        lastIndex[col] = index;
      }
      out.int(index);
      out.raw(VALUE_CLOSE);
    }
    return true;
  };
  const looks = (c: PlanCell) =>
    c.bold || c.size || c.fontColor || c.fill || c.wrap || c.numberFormat || c.align || c.indent
      ? styles.index(c)
      : 0;

  // A row's height attribute, made once for each height.
  const heightBytes = new Map<number, Uint8Array>();
  out.ascii(`<sheetData>`);
  for (let r = 1; r <= lastRow; r++) {
    const planned = byRow.get(r);
    const height = plan.rowHeights[r];
    rowRef = asciiBytes(`${r}"`);
    const start = out.position;
    out.ascii(`<row r="`);
    out.int(r);
    // Every row the plan sized keeps that height: the plan counted its pages with it.
    if (height) {
      let bytes = heightBytes.get(height);
      if (!bytes)
        heightBytes.set(
          height,
          (bytes = asciiBytes(`" ht="${Math.min(MAX_ROW_HEIGHT, height)}" customHeight="1">`))
        );
      out.raw(bytes);
    } else out.ascii(`">`);
    let wrote = height > 0;
    // Most rows are in one table or none: no list is made for them.
    const inTables =
      tables.length === 1
        ? r >= tables[0].table.top && r <= tables[0].bottom
          ? tables
          : NO_TABLES
        : tables.filter((t) => r >= t.table.top && r <= t.bottom);
    if (planned && inTables.length) {
      // Cells and table cells sharing a row go in column order, as the schema wants.
      const entries = planned.map((c) => ({ col: c.col, value: c.value, style: looks(c) }));
      for (const t of inTables) {
        const header = r === t.table.top;
        const values = header ? t.table.header : t.table.rows[r - t.table.top - 1];
        values.forEach((value, i) =>
          entries.push({
            col: t.table.left + i,
            value,
            style: header ? t.headerStyles[i] : t.columnStyles[i],
          })
        );
      }
      entries.sort((a, b) => a.col - b.col);
      for (const e of entries) wrote = cell(e.col, e.value, e.style) || wrote;
    } else if (planned) {
      for (const c of planned) wrote = cell(c.col, c.value, looks(c)) || wrote;
    } else {
      for (const t of inTables) {
        const header = r === t.table.top;
        const values = header ? t.table.header : t.table.rows[r - t.table.top - 1];
        const rowStyles = header ? t.headerStyles : t.columnStyles;
        for (let i = 0; i < values.length; i++)
          wrote = cell(t.table.left + i, values[i], rowStyles[i]) || wrote;
      }
    }
    if (wrote) out.ascii(`</row>`);
    else out.rewind(start);
  }
  out.ascii(`</sheetData>`);
  if (plan.merges.length) {
    out.ascii(`<mergeCells count="${plan.merges.length}">`);
    for (const m of plan.merges)
      out.ascii(`<mergeCell ref="${letters[m.left]}${m.top}:${letters[m.right]}${m.bottom}"/>`);
    out.ascii(`</mergeCells>`);
  }

  // Printed as planned: A4 landscape at 100% (never fitted to a page), the plan's own breaks.
  const page = plan.page;
  const m = page.margins;
  out.ascii(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      `<pageSetup paperSize="9" orientation="${page.orientation}" scale="${page.scale}" fitToWidth="0" fitToHeight="0"/>`
  );
  // Header text names the source file, which may be anything: UTF-8, not ASCII.
  out.ascii(`<headerFooter>`);
  out.ascii(`<oddHeader>`);
  out.raw(utf8(escapeXml(headerFooterCode(page.header, page.textSize))));
  out.ascii(`</oddHeader><oddFooter>`);
  out.raw(utf8(escapeXml(headerFooterCode(page.footer, page.textSize))));
  out.ascii(`</oddFooter></headerFooter>`);
  if (page.rowBreaks.length) {
    out.ascii(
      `<rowBreaks count="${page.rowBreaks.length}" manualBreakCount="${page.rowBreaks.length}">`
    );
    for (const r of page.rowBreaks) out.ascii(`<brk id="${r}" max="16383" man="1"/>`);
    out.ascii(`</rowBreaks>`);
  }
  if (sheet.drawing) out.ascii(`<drawing r:id="${sheet.drawing.relId}"/>`);
  if (sheet.tables.length) {
    out.ascii(`<tableParts count="${sheet.tables.length}">`);
    for (const t of sheet.tables) out.ascii(`<tablePart r:id="${t.relId}"/>`);
    out.ascii(`</tableParts>`);
  }
  out.ascii(`</worksheet>`);
  return out.bytes();
}

function sheetRelationships(sheet: NumberedSheet): Relationship[] {
  const rels: Relationship[] = [];
  if (sheet.drawing)
    rels.push({
      id: sheet.drawing.relId,
      type: REL.drawing,
      target: relativeTarget(sheet.drawing.path),
    });
  for (const t of sheet.tables)
    rels.push({ id: t.relId, type: REL.table, target: relativeTarget(t.path) });
  return rels;
}

/** The table part: its range, a filter button on every column, banded rows. */
function tableXml(t: NumberedTable): string {
  const table = t.plan;
  const right = table.left + table.header.length - 1;
  const bottom = table.top + table.rows.length;
  const ref = `${columnLetters(table.left)}${table.top}:${columnLetters(right)}${bottom}`;
  const name = escapeXml(table.name);
  const columns = table.header
    .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`)
    .join("");
  return (
    `${XML_HEAD}<table xmlns="${MAIN_NS}" id="${t.id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.header.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/** A defined name that repeats the plan's title rows on every printed page. */
function printTitles(plan: SheetPlan, index: number): string {
  const rows = plan.page.printTitleRows;
  if (!rows) return "";
  const titles = `${quoteSheetName(plan.name)}!$${rows.top}:$${rows.bottom}`;
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(titles)}</definedName>`;
}

function workbookXml(plan: WorkbookPlan): string {
  const sheets = plan.sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const names = plan.sheets.map(printTitles).join("");
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : "") +
    `</workbook>`
  );
}

function corePropertiesXml(title: string, made: Date): string {
  const when = made.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>govcheck</dc:creator>` +
    `<cp:keywords>govcheck committee summary</cp:keywords>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

function contentTypesXml(types: NumberedPackage["types"]): string {
  const overrides = types
    .map((t) => `<Override PartName="/${t.path}" ContentType="${t.type}"/>`)
    .join("");
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`
  );
}

export interface CommitteeWorkbookOptions {
  /** Compression: the browser's by default; the command line passes Node's zlib. */
  readonly codec?: ZipCodec;
  /** When the workbook was made (its document properties). */
  readonly made?: Date;
}

/** The .xlsx package of the committee sheets. */
export async function committeeWorkbook(
  plan: WorkbookPlan,
  title: string,
  options: CommitteeWorkbookOptions = {}
): Promise<Uint8Array> {
  const made = options.made ?? new Date();
  const parts = numberParts(plan);
  const strings = new SharedStrings();
  const styles = new CellStyles();
  const zip = new ZipWriter(options.codec ?? defaultCodec());
  // The largest sheet first: its part compresses (on another thread, where the host allows) while
  // the others are written.
  const size = (sheet: SheetPlan) =>
    sheet.cells.length + sheet.tables.reduce((n, t) => n + t.rows.length * t.header.length, 0);
  const bySize = [...parts.sheets].sort((a, b) => size(b.plan) - size(a.plan));
  for (const sheet of bySize) {
    zip.add(sheet.path, sheetXml(sheet, strings, styles));
    for (const t of sheet.tables) zip.add(t.path, utf8(tableXml(t)));
    if (sheet.drawing) {
      for (const chart of sheet.drawing.charts)
        zip.add(chart.path, utf8(chartXml(sheet.plan.name, chart.plan, sheet.plan.cells)));
      zip.add(sheet.drawing.path, utf8(drawingXml(sheet.drawing.charts.map((c) => c.plan))));
      zip.add(
        relsPath(sheet.drawing.path),
        utf8(
          relationshipsXml(
            sheet.drawing.charts.map((c) => ({
              id: c.relId,
              type: REL.chart,
              target: relativeTarget(c.path),
            }))
          )
        )
      );
    }
    const rels = sheetRelationships(sheet);
    if (rels.length) zip.add(relsPath(sheet.path), utf8(relationshipsXml(rels)));
  }
  // The shared strings and styles are complete only once every sheet is written.
  zip.add("xl/sharedStrings.xml", strings.xml());
  zip.add("xl/styles.xml", utf8(styles.xml()));
  const workbookRels: Relationship[] = [
    ...parts.sheets.map((s) => ({
      id: s.relId,
      type: REL.worksheet,
      target: s.path.replace(/^xl\//, ""),
    })),
    { id: `rId${plan.sheets.length + 1}`, type: REL.styles, target: "styles.xml" },
    { id: `rId${plan.sheets.length + 2}`, type: REL.sharedStrings, target: "sharedStrings.xml" },
  ];
  zip.add("xl/workbook.xml", utf8(workbookXml(plan)));
  zip.add("xl/_rels/workbook.xml.rels", utf8(relationshipsXml(workbookRels)));
  zip.add("docProps/core.xml", utf8(corePropertiesXml(title, made)));
  zip.add(
    "docProps/app.xml",
    utf8(
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${MARK_APPLICATION}</Application></Properties>`
    )
  );
  // The mark that lets `govcheck summarise` replace this file later, and nothing else.
  zip.add("docProps/custom.xml", utf8(customPropertiesXml()));
  zip.add(
    "_rels/.rels",
    utf8(
      relationshipsXml([
        { id: "rId1", type: REL.officeDocument, target: "xl/workbook.xml" },
        { id: "rId2", type: REL.core, target: "docProps/core.xml" },
        { id: "rId3", type: REL.extended, target: "docProps/app.xml" },
        { id: "rId4", type: CUSTOM_PROPERTIES_REL, target: "docProps/custom.xml" },
      ])
    )
  );
  zip.add("[Content_Types].xml", utf8(contentTypesXml(parts.types)));
  return zip.finish(made);
}

/** "xl/worksheets/_rels/sheet1.xml.rels" for "xl/worksheets/sheet1.xml". */
function relsPath(path: string): string {
  const slash = path.lastIndexOf("/");
  return `${path.slice(0, slash)}/_rels/${path.slice(slash + 1)}.rels`;
}
