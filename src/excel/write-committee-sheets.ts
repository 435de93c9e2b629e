import { a1, columnLetters } from "../core/grid";
import { freeSheetName } from "../core/summary/sheet-names";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../core/summary/plan";
import { addChart, layOutSheet, layOutTable, setUpPage } from "./committee-layout";
import { OWN_SHEETS_KEY, queueSave, queueSetting, settingValue } from "./workbook-settings";

/** Table rows written with the sheets; longer action plans follow in blocks, one sync each. */
const ROWS_PER_WRITE = 2000;

/** Excel's column width is in points here; a plan's widths are in characters. */
const POINTS_PER_CHARACTER = 6;

export interface WrittenSheets {
  /** The names the sheets got (another name where a user's sheet already had the one wanted). */
  names: string[];
  /** How many sheets the add-in made earlier were replaced. */
  replaced: number;
}

/** Text gets the Text number format ("@"), so "=HYPERLINK(...)", "+Review" or "-1" stay as typed. */
function formatFor(value: PlanValue, numberFormat: string | undefined): string {
  if (typeof value === "string") return "@";
  return numberFormat ?? "General";
}

function writeCells(worksheet: Excel.Worksheet, plan: SheetPlan): void {
  if (plan.cells.length === 0) return;
  let rows = 0;
  let cols = 0;
  for (const c of plan.cells) {
    rows = Math.max(rows, c.row);
    cols = Math.max(cols, c.col);
  }
  const values: PlanValue[][] = Array.from({ length: rows }, () =>
    new Array<PlanValue>(cols).fill("")
  );
  const formats: string[][] = Array.from({ length: rows }, () =>
    new Array<string>(cols).fill("General")
  );
  for (const c of plan.cells) {
    values[c.row - 1][c.col - 1] = c.value ?? "";
    formats[c.row - 1][c.col - 1] = formatFor(c.value, c.numberFormat);
  }
  const range = worksheet.getRangeByIndexes(0, 0, rows, cols);
  // The format goes first, so the values arrive as text where they are text.
  range.numberFormat = formats;
  range.values = values;
}

function tableBlock(
  worksheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: readonly (readonly PlanValue[])[]
): void {
  if (rows.length === 0) return;
  const range = worksheet.getRangeByIndexes(top - 1, left - 1, rows.length, rows[0].length);
  range.numberFormat = rows.map((r) => r.map((v) => formatFor(v, undefined)));
  range.values = rows.map((r) => r.map((v) => v ?? ""));
}

/**
 * Writes the committee sheets into the open workbook. Sheets the add-in made before (their ids are
 * recorded in the workbook's settings) are replaced; a user's sheet with the same name is left alone
 * and the new sheet takes another name. Three syncs, plus one per 2,000 action-plan rows past the first.
 */
export async function writeCommitteeSheets(
  context: Excel.RequestContext,
  plan: WorkbookPlan
): Promise<WrittenSheets> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items");
  const ownSetting = queueSetting(context, OWN_SHEETS_KEY);
  await context.sync();

  const ownIds = new Set(
    Array.isArray(settingValue(ownSetting))
      ? (settingValue(ownSetting) as unknown[]).filter((v): v is string => typeof v === "string")
      : []
  );
  const taken: string[] = [];
  let replaced = 0;
  for (const ws of worksheets.items) {
    if (ownIds.has(ws.id)) {
      ws.delete();
      replaced++;
    } else taken.push(ws.name);
  }
  context.application.suspendScreenUpdatingUntilNextSync();

  const names: string[] = [];
  const added: Excel.Worksheet[] = [];
  const later: {
    worksheet: Excel.Worksheet;
    top: number;
    left: number;
    rows: readonly (readonly PlanValue[])[];
  }[] = [];
  for (const sheet of plan.sheets) {
    const name = freeSheetName(sheet.name, [...taken, ...names]);
    names.push(name);
    const worksheet = worksheets.add(name);
    worksheet.load("id");
    added.push(worksheet);
    sheet.columnWidths.forEach((w, i) => {
      worksheet.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth =
        w * POINTS_PER_CHARACTER;
    });
    writeCells(worksheet, sheet);
    layOutSheet(worksheet, sheet);
    for (const t of sheet.tables) {
      const rows = t.rows;
      tableBlock(worksheet, t.top, t.left, [t.header]);
      tableBlock(worksheet, t.top + 1, t.left, rows.slice(0, ROWS_PER_WRITE));
      for (let start = ROWS_PER_WRITE; start < rows.length; start += ROWS_PER_WRITE) {
        later.push({
          worksheet,
          top: t.top + 1 + start,
          left: t.left,
          rows: rows.slice(start, start + ROWS_PER_WRITE),
        });
      }
      const tableRange = `${a1(t.top, t.left)}:${a1(t.top + rows.length, t.left + t.header.length - 1)}`;
      const table = worksheet.tables.add(tableRange, true);
      table.name = t.name;
      table.style = "TableStyleMedium2";
      layOutTable(worksheet, t);
    }
    for (const chart of sheet.charts) addChart(worksheet, chart);
    if (sheet.freezeRows) worksheet.freezePanes.freezeRows(sheet.freezeRows);
    setUpPage(worksheet, sheet);
  }
  if (added.length) added[0].activate();
  await context.sync();

  for (const block of later) {
    tableBlock(block.worksheet, block.top, block.left, block.rows);
    // Each block is its own request: Excel on the web refuses one over 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  queueSave(
    context,
    OWN_SHEETS_KEY,
    added.map((w) => w.id)
  );
  await context.sync();
  return { names, replaced };
}
