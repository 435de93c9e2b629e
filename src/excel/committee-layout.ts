import { a1, areaAddress } from "../core/grid";
import { headerFooterPartCode } from "../core/summary/header-codes";
import { headerLook } from "../core/summary/layout";
import { ACTION_BYTES, jsonBytes } from "./payload";
import type { Align, CellLook, PlanChart, PlanTable, SheetPlan } from "../core/summary/plan";

/**
 * What the committee sheets look like and how they print, for the Excel host: the same page setup,
 * header and footer, merges, alignment, row heights, page breaks and chart formatting the .xlsx
 * writer puts in its file, from the same plan. The mechanics of writing (which sheets, in how many
 * syncs) stay in write-committee-sheets: each function here says what its queued calls cost
 * (`spend`) before it queues them, and the writer sends the request when the next would pass its
 * budget.
 */

/** Told the bytes the next queued calls add to the request; it may send the request first. */
export type Spend = (bytes: number) => Promise<void>;

// Office.js takes its enums' string values; the Excel global is not there when this module loads
// outside Excel (the tests).
const ALIGN: Readonly<Record<Align, "Left" | "Right" | "Center">> = {
  left: "Left",
  right: "Right",
  center: "Center",
};

/** A cell's look onto a range's format (only what the look sets). */
export function applyLook(format: Excel.RangeFormat, look: CellLook): void {
  if (look.bold) format.font.bold = true;
  if (look.size) format.font.size = look.size;
  if (look.fontColor) format.font.color = look.fontColor;
  if (look.fill) format.fill.color = look.fill;
  if (look.wrap) format.wrapText = true;
  if (look.align) format.horizontalAlignment = ALIGN[look.align];
  if (look.indent) format.indentLevel = look.indent;
}

/**
 * The sheet's own fonts, cell looks, merges and row heights. Every cell sits at the top of its row,
 * as in the file. A long table's rows keep Excel's own fitted heights: setting a height on each of
 * a hundred thousand rows would cost a request each for nothing Excel does not already do.
 */
export async function layOutSheet(
  worksheet: Excel.Worksheet,
  plan: SheetPlan,
  spend: Spend
): Promise<void> {
  await spend(ACTION_BYTES * 3);
  const used = worksheet.getRange("A:XFD");
  used.format.font.size = 10;
  used.format.verticalAlignment = "Top";
  for (const c of plan.cells) {
    if (!c.bold && !c.fill && !c.fontColor && !c.wrap && !c.size && !c.align && !c.indent) continue;
    await spend(ACTION_BYTES * 8);
    applyLook(worksheet.getCell(c.row - 1, c.col - 1).format, c);
  }
  for (const m of plan.merges) {
    await spend(ACTION_BYTES * 2);
    worksheet.getRange(areaAddress(m)).merge(false);
  }
  const tableTop = plan.tables.reduce((top, t) => Math.min(top, t.top), Infinity);
  // Runs of rows of one height, each set in one go.
  let from = 1;
  for (let r = 2; r <= plan.rowHeights.length; r++) {
    const h = plan.rowHeights[from];
    if (r < plan.rowHeights.length && r < tableTop && plan.rowHeights[r] === h) continue;
    if (from < tableTop && h) {
      await spend(ACTION_BYTES * 2);
      worksheet.getRange(`${from}:${r - 1}`).format.rowHeight = h;
    }
    from = r;
  }
}

/** A table's header as the plan draws it, and each column aligned (and indented) as planned. */
export async function layOutTable(
  worksheet: Excel.Worksheet,
  table: PlanTable,
  spend: Spend
): Promise<void> {
  await spend(ACTION_BYTES * 12 * table.header.length);
  table.header.forEach((_h, i) => {
    applyLook(worksheet.getCell(table.top - 1, table.left - 1 + i).format, {
      ...headerLook(table.align[i], table.indent[i]),
      size: table.textSize,
    });
    if (table.rows.length === 0) return;
    applyLook(
      worksheet.getRangeByIndexes(table.top, table.left - 1 + i, table.rows.length, 1).format,
      {
        align: table.align[i],
        indent: table.indent[i],
        wrap: table.wrapColumns.includes(i),
        size: table.textSize,
      }
    );
  });
}

/** A4 landscape at 100% (never shrunk to fit), margins, header and footer, print titles, breaks. */
export async function setUpPage(
  worksheet: Excel.Worksheet,
  plan: SheetPlan,
  spend: Spend
): Promise<void> {
  const page = plan.page;
  const texts = [...page.header.left, ...page.header.center, ...page.header.right];
  await spend(ACTION_BYTES * (20 + page.rowBreaks.length) + jsonBytes(texts) * 2);
  const layout = worksheet.pageLayout;
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  layout.zoom = { scale: page.scale };
  // Office.js takes margins in points; the plan states them in inches, as the file does.
  layout.leftMargin = page.margins.left * 72;
  layout.rightMargin = page.margins.right * 72;
  layout.topMargin = page.margins.top * 72;
  layout.bottomMargin = page.margins.bottom * 72;
  layout.headerMargin = page.margins.header * 72;
  layout.footerMargin = page.margins.footer * 72;
  const all = layout.headersFooters.defaultForAllPages;
  all.leftHeader = headerFooterPartCode(page.header.left, page.textSize);
  all.centerHeader = headerFooterPartCode(page.header.center, page.textSize);
  all.rightHeader = headerFooterPartCode(page.header.right, page.textSize);
  all.leftFooter = headerFooterPartCode(page.footer.left, page.textSize);
  all.centerFooter = headerFooterPartCode(page.footer.center, page.textSize);
  all.rightFooter = headerFooterPartCode(page.footer.right, page.textSize);
  if (page.printTitleRows)
    layout.setPrintTitleRows(`$${page.printTitleRows.top}:$${page.printTitleRows.bottom}`);
  // A break above the row that starts each new page.
  for (const r of page.rowBreaks) worksheet.horizontalPageBreaks.add(`A${r + 1}`);
}

/**
 * A chart as planned: each series from its own column of the table (the plan's columns need not
 * be side by side), the categories from the table's labels, and then its formatting.
 */
export async function addChart(
  worksheet: Excel.Worksheet,
  plan: PlanChart,
  spend: Spend
): Promise<void> {
  await spend(ACTION_BYTES * (16 + 8 * plan.series.length) + jsonBytes(plan.title));
  const type = plan.kind === "stackedBar" ? "BarStacked" : "BarClustered";
  const [first, ...rest] = plan.series;
  // Series run down columns, stated rather than left for Excel to guess from the shape.
  const chart = worksheet.charts.add(
    type,
    worksheet.getRange(areaAddress(first.values)),
    "Columns"
  );
  chart.series.getItemAt(0).name = first.name;
  for (const s of rest)
    chart.series.add(s.name).setValues(worksheet.getRange(areaAddress(s.values)));
  formatChart(worksheet, chart, plan);
}

/** The chart as planned: colours, the value axis on the scale's terms, text size, labels. */
export function formatChart(worksheet: Excel.Worksheet, chart: Excel.Chart, plan: PlanChart): void {
  chart.format.font.size = plan.textSize;
  chart.title.text = plan.title;
  chart.title.format.font.size = plan.textSize + 1;
  chart.legend.visible = plan.legend;
  if (plan.legend) chart.legend.position = "Bottom";
  const axis = chart.axes.valueAxis;
  axis.title.text = plan.valueAxis.title;
  if (plan.valueAxis.min !== undefined) axis.minimum = plan.valueAxis.min;
  if (plan.valueAxis.max !== undefined) axis.maximum = plan.valueAxis.max;
  if (plan.valueAxis.majorUnit !== undefined) axis.majorUnit = plan.valueAxis.majorUnit;
  if (plan.valueAxis.numberFormat) axis.numberFormat = plan.valueAxis.numberFormat;
  if (plan.valueAxis.reversed) {
    axis.reversePlotOrder = true;
    // The categories stand at the worst end, so bars grow towards the better one.
    if (plan.valueAxis.max !== undefined) axis.setPositionAt(plan.valueAxis.max);
  }
  // Categories run down in the table's order.
  chart.axes.categoryAxis.reversePlotOrder = true;
  const categories = worksheet.getRange(areaAddress(plan.categories));
  plan.series.forEach((s, i) => {
    const series = chart.series.getItemAt(i);
    series.setXAxisValues(categories);
    series.format.fill.setSolidColor(`#${s.colour}`);
    if (plan.valueLabels) {
      series.hasDataLabels = true;
      series.dataLabels.showValue = true;
      series.dataLabels.numberFormat = "0.00";
    }
  });
  chart.setPosition(
    a1(plan.anchor.top, plan.anchor.left),
    a1(plan.anchor.bottom, plan.anchor.right)
  );
}
