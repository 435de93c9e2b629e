import { columnLetters } from "../core/grid";
import type { PlanCell, PlanTable, PlanValue, SheetPlan, WorkbookPlan } from "../core/summary/plan";
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
 * SpreadsheetML part by part: both sheets of the plan, the action plan as an Excel table with
 * filters, and the charts as native Excel charts (DrawingML, from chart-parts). A 100,000-row action
 * plan goes straight from the plan's rows to XML, with no object per cell in between.
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

/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;
const LINE_HEIGHT = 15;

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

/** Lines a wrapped text takes in a column of this width (in characters). */
function linesFor(value: PlanValue, width: number): number {
  return typeof value === "string" ? Math.ceil(value.length / Math.max(1, width - 1)) : 1;
}

interface TableAt {
  readonly table: PlanTable;
  readonly id: number;
  readonly bottom: number;
  readonly right: number;
  readonly columnStyles: readonly number[];
}

interface Numbering {
  table: number;
  drawing: number;
  chart: number;
}

function sheetXml(
  plan: SheetPlan,
  index: number,
  strings: SharedStrings,
  styles: CellStyles,
  numbering: Numbering,
  zip: ZipWriter
): string[] {
  const types: string[] = [];
  const rels: Relationship[] = [];
  const widthOf = (col: number) => plan.columnWidths[col - 1] ?? 10;

  const byRow = new Map<number, PlanCell[]>();
  let lastRow = 0;
  let lastCol = 0;
  for (const c of plan.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
    lastRow = Math.max(lastRow, c.row);
    lastCol = Math.max(lastCol, c.col);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);

  const wrapStyle = styles.index({ wrap: true });
  const tables: TableAt[] = plan.tables.map((table) => {
    const right = table.left + table.header.length - 1;
    const bottom = table.top + table.rows.length;
    lastRow = Math.max(lastRow, bottom);
    lastCol = Math.max(lastCol, right);
    const wrap = new Set(table.wrapColumns);
    return {
      table,
      id: ++numbering.table,
      bottom,
      right,
      columnStyles: table.header.map((_h, i) => (wrap.has(i) ? wrapStyle : 0)),
    };
  });
  lastRow = Math.max(lastRow, 1);
  lastCol = Math.max(lastCol, plan.columnWidths.length, 1);
  const letters = Array.from({ length: lastCol + 1 }, (_v, i) => (i ? columnLetters(i) : ""));

  const out = new AsciiWriter();
  out.ascii(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  out.ascii(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  out.ascii(`<dimension ref="A1:${letters[lastCol]}${lastRow}"/>`);
  const selected = index === 0 ? ` tabSelected="1"` : "";
  if (plan.freezeRows > 0) {
    const below = `A${plan.freezeRows + 1}`;
    out.ascii(
      `<sheetViews><sheetView workbookViewId="0"${selected}>` +
        `<pane ySplit="${plan.freezeRows}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/></sheetView></sheetViews>`
    );
  } else out.ascii(`<sheetViews><sheetView workbookViewId="0"${selected}/></sheetViews>`);
  out.ascii(`<sheetFormatPr defaultRowHeight="${LINE_HEIGHT}"/>`);
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

  out.ascii(`<sheetData>`);
  for (let r = 1; r <= lastRow; r++) {
    const planned = byRow.get(r);
    let lines = 1;
    if (planned)
      for (const c of planned)
        if (c.wrap) lines = Math.max(lines, linesFor(c.value, widthOf(c.col)));
    for (const t of tables) {
      if (r <= t.table.top || r > t.bottom) continue;
      const values = t.table.rows[r - t.table.top - 1];
      for (const i of t.table.wrapColumns)
        lines = Math.max(lines, linesFor(values[i], widthOf(t.table.left + i)));
    }
    rowRef = asciiBytes(`${r}"`);
    const start = out.position;
    out.ascii(`<row r="`);
    out.int(r);
    // Readers do not all fit row heights to wrapped text on opening: give those rows their height.
    if (lines > 1)
      out.ascii(`" ht="${Math.min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)}" customHeight="1">`);
    else out.ascii(`">`);
    let wrote = false;
    if (planned) {
      // Cells and table cells sharing a row go in column order, as the schema wants.
      const entries: { col: number; value: PlanValue; style: number }[] = planned.map((c) => ({
        col: c.col,
        value: c.value,
        style:
          c.bold || c.size || c.fontColor || c.fill || c.wrap || c.numberFormat
            ? styles.index(c)
            : 0,
      }));
      for (const t of tables) {
        if (r < t.table.top || r > t.bottom) continue;
        const header = r === t.table.top;
        const values = header ? t.table.header : t.table.rows[r - t.table.top - 1];
        values.forEach((value, i) =>
          entries.push({ col: t.table.left + i, value, style: header ? 0 : t.columnStyles[i] })
        );
      }
      entries.sort((a, b) => a.col - b.col);
      for (const e of entries) wrote = cell(e.col, e.value, e.style) || wrote;
    } else {
      for (const t of tables) {
        if (r < t.table.top || r > t.bottom) continue;
        const header = r === t.table.top;
        const values = header ? t.table.header : t.table.rows[r - t.table.top - 1];
        for (let i = 0; i < values.length; i++)
          wrote = cell(t.table.left + i, values[i], header ? 0 : t.columnStyles[i]) || wrote;
      }
    }
    if (wrote) out.ascii(`</row>`);
    else out.rewind(start);
  }
  out.ascii(`</sheetData>`);

  // Committee papers are printed: landscape A4, one page wide.
  out.ascii(
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`
  );

  const sheetPath = `xl/worksheets/sheet${index + 1}.xml`;
  if (plan.charts.length) {
    const drawing = ++numbering.drawing;
    const chartRels: Relationship[] = plan.charts.map((chart, i) => {
      const n = ++numbering.chart;
      zip.add(`xl/charts/chart${n}.xml`, utf8(chartXml(plan.name, chart, plan.cells)));
      types.push(`/xl/charts/chart${n}.xml|${TYPE.chart}`);
      return { id: `rId${i + 1}`, type: REL.chart, target: `../charts/chart${n}.xml` };
    });
    zip.add(`xl/drawings/drawing${drawing}.xml`, utf8(drawingXml(plan.charts)));
    zip.add(`xl/drawings/_rels/drawing${drawing}.xml.rels`, utf8(relationshipsXml(chartRels)));
    types.push(`/xl/drawings/drawing${drawing}.xml|${TYPE.drawing}`);
    const id = `rId${rels.length + 1}`;
    rels.push({ id, type: REL.drawing, target: `../drawings/drawing${drawing}.xml` });
    out.ascii(`<drawing r:id="${id}"/>`);
  }
  if (tables.length) {
    out.ascii(`<tableParts count="${tables.length}">`);
    for (const t of tables) {
      const id = `rId${rels.length + 1}`;
      rels.push({ id, type: REL.table, target: `../tables/table${t.id}.xml` });
      out.ascii(`<tablePart r:id="${id}"/>`);
      zip.add(`xl/tables/table${t.id}.xml`, utf8(tableXml(t, letters)));
      types.push(`/xl/tables/table${t.id}.xml|${TYPE.table}`);
    }
    out.ascii(`</tableParts>`);
  }
  out.ascii(`</worksheet>`);

  zip.add(sheetPath, out.bytes());
  types.unshift(`/${sheetPath}|${TYPE.worksheet}`);
  if (rels.length)
    zip.add(`xl/worksheets/_rels/sheet${index + 1}.xml.rels`, utf8(relationshipsXml(rels)));
  return types;
}

/** The table part: its range, a filter button on every column, banded rows. */
function tableXml(t: TableAt, letters: readonly string[]): string {
  const ref = `${letters[t.table.left]}${t.table.top}:${letters[t.right]}${t.bottom}`;
  const name = escapeXml(t.table.name);
  const columns = t.table.header
    .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`)
    .join("");
  return (
    `${XML_HEAD}<table xmlns="${MAIN_NS}" id="${t.id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.table.header.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/** A defined name that repeats a frozen header on every printed page. */
function printTitles(plan: SheetPlan, index: number): string {
  if (plan.freezeRows <= 0) return "";
  const quoted = `'${plan.name.replace(/'/g, "''")}'`;
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${quoted}!$1:$${plan.freezeRows}`)}</definedName>`;
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

function contentTypesXml(types: readonly string[]): string {
  const overrides = types
    .map((t) => {
      const [part, type] = t.split("|");
      return `<Override PartName="${part}" ContentType="${type}"/>`;
    })
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
  const strings = new SharedStrings();
  const styles = new CellStyles();
  const numbering: Numbering = { table: 0, drawing: 0, chart: 0 };
  const zip = new ZipWriter(options.codec ?? defaultCodec());
  const types = [
    `/xl/workbook.xml|${TYPE.workbook}`,
    `/xl/styles.xml|${TYPE.styles}`,
    `/xl/sharedStrings.xml|${TYPE.sharedStrings}`,
    `/docProps/core.xml|${TYPE.core}`,
    `/docProps/app.xml|${TYPE.extended}`,
    `/docProps/custom.xml|${CUSTOM_PROPERTIES_TYPE}`,
  ];
  // The largest sheet first: its part compresses (on another thread, where the host allows) while
  // the others are written.
  const size = (sheet: SheetPlan) =>
    sheet.cells.length + sheet.tables.reduce((n, t) => n + t.rows.length * t.header.length, 0);
  const order = plan.sheets
    .map((_s, i) => i)
    .sort((a, b) => size(plan.sheets[b]) - size(plan.sheets[a]));
  for (const i of order)
    types.push(...sheetXml(plan.sheets[i], i, strings, styles, numbering, zip));
  // The shared strings and styles are complete only once every sheet is written.
  zip.add("xl/sharedStrings.xml", strings.xml());
  zip.add("xl/styles.xml", utf8(styles.xml()));
  const workbookRels: Relationship[] = [
    ...plan.sheets.map((_s, i) => ({
      id: `rId${i + 1}`,
      type: REL.worksheet,
      target: `worksheets/sheet${i + 1}.xml`,
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
  zip.add("[Content_Types].xml", utf8(contentTypesXml(types)));
  return zip.finish(made);
}
