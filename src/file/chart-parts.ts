import JSZip from "jszip";
import { columnLetters } from "../core/grid";
import type { PlanCell, PlanChart, PlanRange } from "../core/summary/plan";

/**
 * Native Excel charts for a workbook ExcelJS wrote. ExcelJS writes no charts, so each chart is
 * added to the package as DrawingML: a chart part, a drawing part that anchors it on the sheet,
 * the relationships between sheet, drawing and chart, and their content types.
 */

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  drawingRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chartRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  chartType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawingType: "application/vnd.openxmlformats-officedocument.drawing+xml",
};

const PALETTE = [
  "C50F1F",
  "F7630C",
  "F7C948",
  "8CBD18",
  "107C10",
  "0F6CBD",
  "5C2E91",
  "038387",
  "8E562E",
  "69797E",
];

export interface SheetCharts {
  /** The sheet's name as written in the workbook. */
  readonly sheet: string;
  readonly charts: readonly PlanChart[];
  /** The sheet's cells, for the charts' cached values. */
  readonly cells: readonly PlanCell[];
}

export function escapeXml(text: string): string {
  // Attributes here are double-quoted, so an apostrophe (as in a quoted sheet name) stays as it is.
  return text.replace(
    /[<>&"]/g,
    (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[ch]!
  );
}

/** 'Committee Summary'!$A$10:$A$15 */
export function rangeFormula(sheet: string, r: PlanRange): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const from = `$${columnLetters(r.left)}$${r.top}`;
  const to = `$${columnLetters(r.right)}$${r.bottom}`;
  return `${quoted}!${from === to ? from : `${from}:${to}`}`;
}

const cellMaps = new WeakMap<readonly PlanCell[], Map<string, PlanCell["value"]>>();

function valuesIn(cells: readonly PlanCell[], r: PlanRange): (string | number | null)[] {
  let byKey = cellMaps.get(cells);
  if (!byKey)
    cellMaps.set(cells, (byKey = new Map(cells.map((c) => [`${c.row},${c.col}`, c.value]))));
  const out: (string | number | null)[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(byKey.get(`${row},${col}`) ?? null);
  return out;
}

function strCache(values: readonly (string | number | null)[]): string {
  const points = values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v === null ? "" : String(v))}</c:v></c:pt>`)
    .join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numCache(values: readonly (string | number | null)[]): string {
  const points = values
    .map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function richText(text: string, size = 1200): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

/** The chart part: a horizontal bar chart, series by column, categories from the sheet. */
export function chartXml(sheet: string, chart: PlanChart, cells: readonly PlanCell[]): string {
  const categories = valuesIn(cells, chart.categories);
  const stacked = chart.kind === "stackedBar";
  const series = chart.series
    .map((s, i) => {
      const colour = stacked ? PALETTE[i % PALETTE.length] : "0F6CBD";
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(rangeFormula(sheet, s.nameCell))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(rangeFormula(sheet, chart.categories))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(rangeFormula(sheet, s.values))}</c:f>${numCache(valuesIn(cells, s.values))}</c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, 1400)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/>${stacked ? `<c:overlap val="100"/>` : ""}<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines/><c:title>${richText(chart.valueAxisTitle, 1000)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** The drawing part: one anchored graphic frame per chart, each pointing at its chart by relationship id. */
export function drawingXml(charts: readonly PlanChart[]): string {
  const anchors = charts
    .map((chart, i) => {
      const a = chart.anchor;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${a.left - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.top - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${a.right}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.bottom}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`;
}

function relationships(rels: readonly { id: string; type: string; target: string }[]): string {
  const body = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${body}</Relationships>`;
}

/** Elements that must come after <drawing> in a worksheet, in schema order. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function insertDrawing(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  const withNs = /xmlns:r=/.test(sheetXml.slice(0, 2000))
    ? sheetXml
    : sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
  for (const name of AFTER_DRAWING) {
    const at = withNs.search(new RegExp(`<${name}[\\s>/]`));
    if (at >= 0) return withNs.slice(0, at) + element + withNs.slice(at);
  }
  return withNs.replace(/<\/worksheet>\s*$/, `${element}</worksheet>`);
}

/** Sheet name -> its part path, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && id && targets.has(id))
      parts.set(
        name
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&"),
        targets.get(id)!
      );
  }
  return parts;
}

/** Adds the charts to an .xlsx package (as ExcelJS wrote it) and returns the new package. */
export async function addChartsToPackage(
  xlsx: Uint8Array | ArrayBuffer,
  sheets: readonly SheetCharts[]
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let chartNumber = Object.keys(zip.files).filter((p) =>
    /^xl\/charts\/chart\d+\.xml$/.test(p)
  ).length;
  let drawingNumber = Object.keys(zip.files).filter((p) =>
    /^xl\/drawings\/drawing\d+\.xml$/.test(p)
  ).length;
  const overrides: string[] = [];
  for (const { sheet, charts, cells } of sheets) {
    if (charts.length === 0) continue;
    const part = parts.get(sheet);
    if (!part) throw new Error(`no worksheet named ${sheet} in the package`);
    drawingNumber++;
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartRels = charts.map((chart, i) => {
      chartNumber++;
      const chartPath = `xl/charts/chart${chartNumber}.xml`;
      zip.file(chartPath, chartXml(sheet, chart, cells));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${NS.chartType}"/>`);
      return { id: `rId${i + 1}`, type: NS.chartRel, target: `../charts/chart${chartNumber}.xml` };
    });
    zip.file(drawingPath, drawingXml(charts));
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationships(chartRels));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${NS.drawingType}"/>`);

    const folder = part.slice(0, part.lastIndexOf("/"));
    const file = part.slice(part.lastIndexOf("/") + 1);
    const relsPath = `${folder}/_rels/${file}.rels`;
    const existing = zip.file(relsPath)
      ? await zip.file(relsPath)!.async("string")
      : relationships([]);
    const taken = new Set([...existing.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const relId = `rId${n}`;
    const rel = `<Relationship Id="${relId}" Type="${NS.drawingRel}" Target="../drawings/drawing${drawingNumber}.xml"/>`;
    zip.file(
      relsPath,
      existing
        .replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`)
        .replace(/<Relationships([^>]*)\/>\s*$/, `<Relationships$1>${rel}</Relationships>`)
    );
    zip.file(part, insertDrawing(await zip.file(part)!.async("string"), relId));
  }
  types = types.replace(/<\/Types>\s*$/, `${overrides.join("")}</Types>`);
  zip.file("[Content_Types].xml", types);
  // Light compression: the package is rewritten whole, and a large action plan makes it big.
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 1 },
  });
}
