import ExcelJS from "exceljs";
import { a1 } from "../core/grid";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../core/summary/plan";
import { addChartsToPackage } from "./chart-parts";

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function styleCell(cell: ExcelJS.Cell, c: PlanCell): void {
  if (c.bold || c.fontColor || c.size) {
    cell.font = {
      bold: c.bold,
      size: c.size,
      color: c.fontColor ? { argb: argb(c.fontColor) } : undefined,
    };
  }
  if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
  if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (c.numberFormat) cell.numFmt = c.numberFormat;
}

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = workbook.addWorksheet(plan.name, {
    views: plan.freezeRows
      ? [{ state: "frozen", ySplit: plan.freezeRows, topLeftCell: a1(plan.freezeRows + 1, 1) }]
      : [],
    // Committee papers are printed: landscape, one page wide.
    pageSetup: {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lines = new Map<number, number>();
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    // A string stays a string: ExcelJS writes a formula only for a { formula } value, never for text.
    cell.value = c.value;
    styleCell(cell, c);
    if (c.wrap && typeof c.value === "string") {
      const width = plan.columnWidths[c.col - 1] ?? 10;
      lines.set(
        c.row,
        Math.max(lines.get(c.row) ?? 1, Math.ceil(c.value.length / Math.max(1, width - 1)))
      );
    }
  }
  // Readers do not all fit row heights to wrapped text on opening: give those rows their height.
  for (const [row, n] of lines) if (n > 1) ws.getRow(row).height = Math.min(409, 15 * n);
  for (const t of plan.tables) {
    const rows = t.rows;
    ws.addTable({
      name: t.name,
      ref: a1(t.top, t.left),
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: t.header.map((name) => ({ name, filterButton: true })),
      rows: rows.map((r) => [...r]),
    });
    for (const col of t.wrapColumns) {
      ws.getColumn(t.left + col).alignment = { wrapText: true, vertical: "top" };
    }
  }
}

/**
 * The committee tabs as a new workbook (the officer's file is never rewritten): both sheets of the
 * plan, the action plan as an Excel table, and the charts as native Excel charts.
 */
export async function committeeWorkbook(plan: WorkbookPlan, title: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "govcheck";
  workbook.title = title;
  workbook.keywords = "govcheck committee summary";
  for (const sheet of plan.sheets) writeSheet(workbook, sheet);
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  return addChartsToPackage(
    written,
    plan.sheets.map((s) => ({ sheet: s.name, charts: s.charts, cells: s.cells }))
  );
}
