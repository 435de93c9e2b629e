/**
 * Which sheets the add-in made (the committee summary and action plan), so it replaces those and
 * only those, and never checks them as schedules. Worksheet ids change between sessions, so a
 * sheet is recognised by a mark that travels with it: a worksheet custom property (ExcelApi 1.12)
 * holding the kind of sheet and the title written in A1. Where custom properties are missing, the
 * workbook's settings remember each sheet's id and name. Either way, A1 must still show the title
 * the add-in wrote: a sheet the user has taken over is theirs.
 */
import { ExcelHostError } from "./office-errors";
import {
  FINDINGS_SHEET_KEY,
  OWN_SHEETS_KEY,
  queueSetting,
  settingValue,
} from "./workbook-settings";

export const SHEET_MARK_KEY = "govcheck.sheet";
/** The kind of the Findings sheet; the committee sheets have kinds of their own. */
export const FINDINGS_KIND = "findings";

/** What the add-in records of a sheet it made. */
export interface OwnSheetMark {
  readonly kind: string;
  /** The text written in A1. */
  readonly title: string;
}

export interface OwnSheetRecord extends OwnSheetMark {
  readonly id: string;
  readonly name: string;
}

export interface OwnSheet extends OwnSheetMark {
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
}

interface Probe {
  readonly worksheet: Excel.Worksheet;
  readonly mark: Excel.WorksheetCustomProperty | null;
  readonly a1: Excel.Range;
}

function parseMark(value: unknown): OwnSheetMark | undefined {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return undefined;
    }
  }
  if (typeof v !== "object" || v === null) return undefined;
  const { kind, title } = v as { kind?: unknown; title?: unknown };
  return typeof kind === "string" && typeof title === "string" ? { kind, title } : undefined;
}

function records(value: unknown): OwnSheetRecord[] {
  if (!Array.isArray(value)) return [];
  const out: OwnSheetRecord[] = [];
  for (const v of value) {
    const mark = parseMark(v);
    const { id, name } = (v ?? {}) as { id?: unknown; name?: unknown };
    if (mark && typeof id === "string" && typeof name === "string") out.push({ ...mark, id, name });
  }
  return out;
}

export function markValue(mark: OwnSheetMark): string {
  return JSON.stringify({ kind: mark.kind, title: mark.title });
}

/**
 * Queues, for each sheet, what tells whether the add-in made it: its mark (where custom properties
 * exist) and the text in A1; and the records kept in the workbook's settings. Call `ownSheets`
 * on the result after the sync.
 */
/**
 * After a failed write: the sheets it added go (by the names they were given), so nothing is left
 * half written. A failure here is passed over: the write's own failure is the one to report.
 */
export async function removeSheetsAdded(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<void> {
  if (names.length === 0) return;
  try {
    const found = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    for (const ws of found) if (!ws.isNullObject) ws.delete();
    await context.sync();
  } catch {
    // The first failure is the one to report; the pane tells the user to check the workbook.
  }
}

export function queueOwnSheetProbes(
  context: Excel.RequestContext,
  worksheets: readonly Excel.Worksheet[],
  withMarks: boolean
): { finish: () => OwnSheet[] } {
  const stored = queueSetting(context, OWN_SHEETS_KEY);
  // The Findings sheet's record is kept apart: the committee writer rewrites its own list.
  const findings = queueSetting(context, FINDINGS_SHEET_KEY);
  const probes: Probe[] = worksheets.map((worksheet) => {
    const mark = withMarks ? worksheet.customProperties.getItemOrNullObject(SHEET_MARK_KEY) : null;
    mark?.load("value");
    const a1 = worksheet.getRange("A1");
    a1.load("values");
    return { worksheet, mark, a1 };
  });
  return {
    finish: () => {
      const recorded = [...records(settingValue(stored)), ...records(settingValue(findings))];
      const own: OwnSheet[] = [];
      for (const p of probes) {
        const mark =
          p.mark && !p.mark.isNullObject
            ? parseMark(p.mark.value)
            : recorded.find(
                (r) =>
                  r.id === p.worksheet.id || r.name.toLowerCase() === p.worksheet.name.toLowerCase()
              );
        const a1 = p.a1.values[0]?.[0];
        if (mark && typeof a1 === "string" && a1 === mark.title)
          own.push({
            worksheet: p.worksheet,
            name: p.worksheet.name,
            kind: mark.kind,
            title: mark.title,
          });
      }
      return own;
    },
  };
}

/** What a writer of the add-in's own sheets needs to know of the workbook before it writes. */
export interface WorkbookForWriting {
  readonly worksheets: Excel.WorksheetCollection;
  /** Every table's name and sheet: table names are unique across the workbook. */
  readonly tables: Excel.TableCollection;
  /** The sheets the add-in made that are still its own. */
  readonly own: OwnSheet[];
}

/**
 * Loads the sheets and tables and finds the add-in's own sheets, in two syncs. A workbook whose
 * structure is protected can take no new sheet: that is said before anything is written, in a
 * sentence ending with what to do again (`redo`, "build the summary again").
 */
export async function workbookForWriting(
  context: Excel.RequestContext,
  withMarks: boolean,
  what: string,
  redo: string
): Promise<WorkbookForWriting> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  const protection = context.workbook.protection;
  protection.load("protected");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/id");
  await context.sync();
  if (protection.protected)
    throw new ExcelHostError(
      `The workbook's structure is protected, so the add-in cannot add ${what}. Unprotect it (Review > Protect Workbook), then ${redo}. Nothing was written.`,
      "WorkbookStructureProtected"
    );
  const probe = queueOwnSheetProbes(context, worksheets.items, withMarks);
  await context.sync();
  return { worksheets, tables, own: probe.finish() };
}
