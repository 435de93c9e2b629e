import { a1, columnLetters } from "../core/grid";
import { freeSheetName } from "../core/summary/sheet-names";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../core/summary/plan";
import { type Spend, addChart, layOutSheet, layOutTable, setUpPage } from "./committee-layout";
import {
  FINDINGS_KIND,
  type OwnSheet,
  type OwnSheetRecord,
  SHEET_MARK_KEY,
  markValue,
  workbookForWriting,
  removeSheetsAdded,
} from "./own-sheets";
import { ACTION_BYTES, Requests, WRITE_BYTES_PER_SYNC, jsonBytes } from "./payload";
import { OWN_SHEETS_KEY, queueSave } from "./workbook-settings";

/** Excel's column width is in points here; a plan's widths are in characters. */
const POINTS_PER_CHARACTER = 6;

export interface WriteOptions {
  /** Worksheet custom properties (ExcelApi 1.12) mark the sheets; without them the settings do. */
  readonly customProperties: boolean;
  /** A request is planned to stay under this many bytes (Excel on the web refuses 5 MB). */
  readonly bytesPerSync: number;
}

export const DEFAULT_WRITE_OPTIONS: Omit<WriteOptions, "customProperties"> = {
  bytesPerSync: WRITE_BYTES_PER_SYNC,
};

export interface WrittenSheets {
  /** The names the sheets got (another name where a user's sheet already had the one wanted). */
  names: string[];
  /** How many sheets the add-in made earlier were replaced. */
  replaced: number;
}

/** Text gets the Text number format ("@"), so "=HYPERLINK(...)", "+Review" or "-1" stay as typed. */
export function formatFor(value: PlanValue, numberFormat: string | undefined): string {
  if (typeof value === "string") return "@";
  return numberFormat ?? "General";
}

/** The text the plan puts in A1: the mark's title, checked before the sheet is ever replaced. */
export function titleOf(sheet: SheetPlan): string {
  const cell = sheet.cells.find((c) => c.row === 1 && c.col === 1);
  if (cell) return String(cell.value ?? "");
  const table = sheet.tables.find((t) => t.top === 1 && t.left === 1);
  return table?.header[0] ?? "";
}

/** Writes rows of values (and their number formats) from `top`, in blocks that fit a request. */
export async function writeRows(
  requests: Requests,
  worksheet: Excel.Worksheet,
  top: number,
  left: number,
  values: readonly (readonly PlanValue[])[],
  formats: readonly (readonly string[])[],
  budget: number
): Promise<void> {
  let start = 0;
  while (start < values.length) {
    let end = start;
    let cost = ACTION_BYTES * 3;
    while (end < values.length) {
      const row = jsonBytes(values[end]) + jsonBytes(formats[end]);
      if (end > start && cost + row > budget) break;
      cost += row;
      end++;
    }
    await requests.make(cost);
    const range = worksheet.getRangeByIndexes(
      top - 1 + start,
      left - 1,
      end - start,
      values[0].length
    );
    // The format goes first, so the values arrive as text where they are text.
    range.numberFormat = formats.slice(start, end).map((r) => [...r]);
    range.values = values.slice(start, end).map((r) => r.map((v) => v ?? ""));
    start = end;
  }
}

async function writeCells(
  requests: Requests,
  worksheet: Excel.Worksheet,
  plan: SheetPlan,
  budget: number
): Promise<void> {
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
  await writeRows(requests, worksheet, 1, 1, values, formats, budget);
}

/** A name for a table that no table in the workbook has (table names are workbook-wide). */
export function freeTableName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!used.has(`${wanted}${i}`.toLowerCase())) return `${wanted}${i}`;
}

interface Added {
  readonly plan: SheetPlan;
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
  readonly tables: { table: Excel.Table; name: string; wanted: string }[];
}

/**
 * Writes the committee sheets into the open workbook. New sheets are written first, under names
 * no sheet has; only when all of them are written are the sheets the add-in made before removed,
 * and the new ones take the wanted names. A user's sheet with a wanted name is left alone and the
 * new sheet keeps another name. Each sheet is laid out and set up to print as the plan says (see
 * committee-layout). A protected workbook structure is reported before anything is written; a
 * write that fails part way removes what it added. Three syncs plus one per request of written
 * data (about 2.5 MB each).
 */
export async function writeCommitteeSheets(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WriteOptions
): Promise<WrittenSheets> {
  const opened = await workbookForWriting(
    context,
    options.customProperties,
    "the committee sheets",
    "build the summary again"
  );
  const { worksheets, tables } = opened;
  // The Findings sheet is the add-in's too, but not the committee's to replace.
  const own: OwnSheet[] = opened.own.filter((o) => o.kind !== FINDINGS_KIND);
  const ownIds = new Set(own.map((o) => o.worksheet.id));
  const sheetNames = worksheets.items.map((ws) => ws.name);
  const tableNames = tables.items.map((t) => ({
    name: t.name,
    onOwnSheet: ownIds.has(t.worksheet.id),
  }));

  const requests = new Requests(context, options.bytesPerSync);
  const budget = options.bytesPerSync - ACTION_BYTES * 10;
  const spend: Spend = (bytes) => requests.make(bytes);
  const added: Added[] = [];
  try {
    for (const sheet of plan.sheets) {
      const name = freeSheetName(sheet.name, [...sheetNames, ...added.map((a) => a.name)]);
      await requests.make(ACTION_BYTES * (4 + sheet.columnWidths.length));
      const worksheet = worksheets.add(name);
      worksheet.load("id");
      const entry: Added = { plan: sheet, worksheet, name, tables: [] };
      added.push(entry);
      if (options.customProperties)
        worksheet.customProperties.add(
          SHEET_MARK_KEY,
          markValue({ kind: sheet.key, title: titleOf(sheet) })
        );
      sheet.columnWidths.forEach((w, i) => {
        const column = columnLetters(i + 1);
        worksheet.getRange(`${column}:${column}`).format.columnWidth = w * POINTS_PER_CHARACTER;
      });
      await writeCells(requests, worksheet, sheet, budget);
      // Fonts, cell looks, merges and row heights as the plan draws them.
      await layOutSheet(worksheet, sheet, spend);
      for (const t of sheet.tables) {
        const rows = [t.header, ...t.rows];
        await writeRows(
          requests,
          worksheet,
          t.top,
          t.left,
          rows,
          rows.map((r) => r.map((v) => formatFor(v, undefined))),
          budget
        );
        await requests.make(ACTION_BYTES * 3);
        const tableRange = `${a1(t.top, t.left)}:${a1(t.top + t.rows.length, t.left + t.header.length - 1)}`;
        const table = worksheet.tables.add(tableRange, true);
        const tableName = freeTableName(t.name, [
          ...tableNames.map((x) => x.name),
          ...added.flatMap((a) => a.tables.map((x) => x.name)),
        ]);
        table.name = tableName;
        table.style = "TableStyleMedium2";
        entry.tables.push({ table, name: tableName, wanted: t.name });
        // Each column aligned, wrapped and sized as planned, its header as its values.
        await layOutTable(worksheet, t, spend);
      }
      for (const chart of sheet.charts) await addChart(worksheet, chart, spend);
      if (sheet.freezeRows) worksheet.freezePanes.freezeRows(sheet.freezeRows);
      // A4 landscape at 100%, header and footer, print titles and page breaks.
      await setUpPage(worksheet, sheet, spend);
    }
    await requests.flush();
  } catch (err) {
    await removeSheetsAdded(
      context,
      added.map((a) => a.name)
    );
    throw err;
  }

  // Everything is written: the old sheets go, and the new ones take the names they wanted.
  for (const o of own) o.worksheet.delete();
  const freed = new Set(own.map((o) => o.name.toLowerCase()));
  const finalNames = added.map((a) => {
    const wanted = freeSheetName(
      a.plan.name,
      sheetNames.filter((n) => !freed.has(n.toLowerCase()))
    );
    if (wanted !== a.name) a.worksheet.name = wanted;
    for (const t of a.tables) {
      const takenByUser = tableNames.some(
        (x) => !x.onOwnSheet && x.name.toLowerCase() === t.wanted.toLowerCase()
      );
      if (t.name !== t.wanted && !takenByUser) t.table.name = t.wanted;
    }
    return wanted;
  });
  const records: OwnSheetRecord[] = added.map((a, i) => ({
    id: a.worksheet.id,
    name: finalNames[i],
    kind: a.plan.key,
    title: titleOf(a.plan),
  }));
  queueSave(context, OWN_SHEETS_KEY, records);
  if (added.length) added[0].worksheet.activate();
  await context.sync();
  return { names: finalNames, replaced: own.length };
}
