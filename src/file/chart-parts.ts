import { columnLetters, quoteSheetName } from "../core/grid";
import type { PlanCell, PlanChart, PlanRange } from "../core/summary/plan";
import { escapeXml } from "./xml-text";

/**
 * Native Excel charts as DrawingML: a chart part per chart (bar charts over the sheet's own cells,
 * with cached values so a reader shows them before it recalculates) and a drawing part that anchors
 * the charts on the sheet. No well-kept writer library makes charts, so these parts are our own.
 * Each chart states its text size, its value axis (from the scale's minimum to its maximum, whole
 * numbers, reversed where 1 is best) and each series' colour, rather than leaving them to a reader.
 */

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};

/** 3 pt, in EMU (12,700 to the point). */
const INSET = 38_100;

/** 'Committee Summary'!$A$10:$A$15 */
export function rangeFormula(sheet: string, r: PlanRange): string {
  const from = `$${columnLetters(r.left)}$${r.top}`;
  const to = `$${columnLetters(r.right)}$${r.bottom}`;
  return `${quoteSheetName(sheet)}!${from === to ? from : `${from}:${to}`}`;
}

const cellMaps = new WeakMap<readonly PlanCell[], Map<number, PlanCell["value"]>>();

/** A cell's place as one number (a sheet has at most 16,384 columns). */
const place = (row: number, col: number) => row * 16_384 + col;

function valuesIn(cells: readonly PlanCell[], r: PlanRange): (string | number | null)[] {
  let byPlace = cellMaps.get(cells);
  if (!byPlace)
    cellMaps.set(cells, (byPlace = new Map(cells.map((c) => [place(c.row, c.col), c.value]))));
  const out: (string | number | null)[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(byPlace.get(place(row, col)) ?? null);
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

/** Text properties: the size (in points) of every label under this element. */
function textSize(points: number, bold = false): string {
  const sz = Math.round(points * 100);
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sz}"${bold ? ` b="1"` : ""}/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;
}

function richText(text: string, points: number): string {
  const sz = Math.round(points * 100);
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sz}" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="${sz}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

/** The chart part: a horizontal bar chart, series by column, categories from the sheet. */
export function chartXml(sheet: string, chart: PlanChart, cells: readonly PlanCell[]): string {
  const categories = valuesIn(cells, chart.categories);
  const stacked = chart.kind === "stackedBar";
  const size = chart.textSize;
  const labels = chart.valueLabels
    ? `<c:dLbls><c:numFmt formatCode="0.00" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textSize(size)}` +
      `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
    : "";
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(rangeFormula(sheet, s.nameCell))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${labels}` +
        `<c:cat><c:strRef><c:f>${escapeXml(rangeFormula(sheet, chart.categories))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(rangeFormula(sheet, s.values))}</c:f>${numCache(valuesIn(cells, s.values))}</c:numRef></c:val>` +
        `</c:ser>`
    )
    .join("");
  const axis = chart.valueAxis;
  const scaling =
    `<c:scaling><c:orientation val="${axis.reversed ? "maxMin" : "minMax"}"/>` +
    (axis.max !== undefined ? `<c:max val="${axis.max}"/>` : "") +
    (axis.min !== undefined ? `<c:min val="${axis.min}"/>` : "") +
    `</c:scaling>`;
  const format = axis.numberFormat ?? "General";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, size + 1)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/>${stacked ? `<c:overlap val="100"/>` : ""}<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    // Categories run down in the table's order; the value axis sits at the foot, where the worst
    // score is on the left.
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textSize(size)}` +
    `<c:crossAx val="500000002"/><c:crosses val="${axis.reversed ? "max" : "autoZero"}"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/>${scaling}<c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines/><c:title>${richText(axis.title, size)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textSize(size)}` +
    `<c:crossAx val="500000001"/><c:crosses val="max"/><c:crossBetween val="between"/>` +
    (axis.majorUnit !== undefined ? `<c:majorUnit val="${axis.majorUnit}"/>` : "") +
    `</c:valAx>` +
    `</c:plotArea>` +
    (chart.legend
      ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textSize(size)}</c:legend>`
      : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    textSize(size) +
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
        // A few points in from the anchor's first row: a chart starting on a row that opens a
        // page is otherwise drawn a hairline into the page before.
        `<xdr:from><xdr:col>${a.left - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.top - 1}</xdr:row><xdr:rowOff>${INSET}</xdr:rowOff></xdr:from>` +
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
