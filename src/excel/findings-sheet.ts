/**
 * "Export findings to a sheet": an Excel table of every finding, each with a link to its cell
 * (Range.hyperlink with a documentReference, ExcelApi 1.7; the sheet's name quoted and any
 * apostrophe doubled, as Excel reads a reference). The sheet is the add-in's own, marked as the
 * committee sheets are (own-sheets.ts): a Findings sheet of the add-in's is replaced; a user's
 * sheet of that name is kept and the new one takes another name. The new sheet is written first
 * and the old one removed only after that worked.
 */
import type { FindingInContext } from "../core/finding-context";
import { SEVERITY_WORDS, severityCounts } from "../core/findings";
import { columnLetters } from "../core/grid";
import type { FindingsSheetResult } from "../core/host";
import { freeSheetName } from "../core/summary/sheet-names";
import { reference } from "./addresses";
import {
  FINDINGS_KIND,
  SHEET_MARK_KEY,
  markValue,
  workbookForWriting,
  removeSheetsAdded,
} from "./own-sheets";
import { FINDINGS_SHEET_KEY, queueSave } from "./workbook-settings";
import { ACTION_BYTES, Requests, WRITE_BYTES_PER_SYNC, jsonBytes } from "./payload";
import { freeTableName, writeRows } from "./write-committee-sheets";
import { plural } from "../core/words";

export const FINDINGS_TITLE = "Findings: governance schedule check";
const SHEET_NAME = "Findings";
const TABLE_NAME = "GovcheckFindings";
const HEADER = ["Sheet", "Cell", "Severity", "Rule", "Problem", "Section", "Ref", "Requirement"];
/** Column widths in points (a character is about 6). */
const WIDTHS = [150, 50, 60, 130, 320, 180, 40, 320];
/** The table's header row: a title and a count above it. */
const TABLE_TOP = 4;

export interface FindingsSheetOptions {
  /** Worksheet custom properties (ExcelApi 1.12) mark the sheet; without them, the settings. */
  readonly customProperties: boolean;
  readonly bytesPerSync: number;
}

export const DEFAULT_FINDINGS_OPTIONS: Omit<FindingsSheetOptions, "customProperties"> = {
  bytesPerSync: WRITE_BYTES_PER_SYNC,
};

/**
 * Writes the Findings sheet. Three syncs, then one per request of written data and links (about
 * 2.5 MB each), then one to swap the sheets.
 */
export async function writeFindingsSheet(
  context: Excel.RequestContext,
  findings: readonly FindingInContext[],
  options: FindingsSheetOptions
): Promise<FindingsSheetResult> {
  const { worksheets, tables, own } = await workbookForWriting(
    context,
    options.customProperties,
    "the Findings sheet",
    "export the findings again"
  );
  const old = own.filter((o) => o.kind === FINDINGS_KIND);
  const oldIds = new Set(old.map((o) => o.worksheet.id));
  const names = worksheets.items.map((ws) => ws.name);
  const tableNames = tables.items.map((t) => t.name);
  const tableFreedLater = tables.items.some(
    (t) => oldIds.has(t.worksheet.id) && t.name.toLowerCase() === TABLE_NAME.toLowerCase()
  );

  const requests = new Requests(context, options.bytesPerSync);
  const budget = options.bytesPerSync - ACTION_BYTES * 10;
  const name = freeSheetName(SHEET_NAME, names);
  const worksheet = worksheets.add(name);
  worksheet.load("id");
  let table: { proxy: Excel.Table; name: string } | null = null;
  try {
    await requests.make(ACTION_BYTES * (6 + WIDTHS.length));
    if (options.customProperties)
      worksheet.customProperties.add(
        SHEET_MARK_KEY,
        markValue({ kind: FINDINGS_KIND, title: FINDINGS_TITLE })
      );
    WIDTHS.forEach((w, i) => {
      const column = columnLetters(i + 1);
      worksheet.getRange(`${column}:${column}`).format.columnWidth = w;
    });
    const count =
      findings.length === 0
        ? "No problems found."
        : `${plural(findings.length, "finding")}: ${severityCounts(findings.map((f) => f.finding))}. Each cell's link goes to the cell to fix.`;
    await writeRows(requests, worksheet, 1, 1, [[FINDINGS_TITLE], [count]], [["@"], ["@"]], budget);
    worksheet.getRange("A1").format.font.bold = true;
    if (findings.length > 0) {
      const rows = findings.map((f) => [
        f.finding.sheet,
        f.finding.cell,
        SEVERITY_WORDS[f.finding.severity],
        f.finding.rule,
        f.finding.message,
        f.section,
        f.ref,
        f.requirement,
      ]);
      const all = [HEADER, ...rows];
      // Text stays text: a requirement typed as "=..." or "-" is shown as typed.
      await writeRows(
        requests,
        worksheet,
        TABLE_TOP,
        1,
        all,
        all.map((r) => r.map(() => "@")),
        budget
      );
      for (const [i, f] of findings.entries()) {
        const link = {
          documentReference: reference(f.finding.sheet, f.finding.cell),
          textToDisplay: f.finding.cell,
          screenTip: `Go to ${f.finding.cell} on ${f.finding.sheet}`,
        };
        await requests.make(ACTION_BYTES + jsonBytes(link));
        worksheet.getCell(TABLE_TOP + i, 1).hyperlink = link;
      }
      await requests.make(ACTION_BYTES * 6);
      const last = `${columnLetters(HEADER.length)}${TABLE_TOP + findings.length}`;
      const proxy = worksheet.tables.add(`A${TABLE_TOP}:${last}`, true);
      table = { proxy, name: freeTableName(TABLE_NAME, tableNames) };
      proxy.name = table.name;
      proxy.style = "TableStyleMedium2";
      worksheet.getRange("E:E").format.wrapText = true;
      worksheet.getRange("H:H").format.wrapText = true;
      worksheet.freezePanes.freezeRows(TABLE_TOP);
    }
    await requests.flush();
  } catch (err) {
    await removeSheetsAdded(context, [name]);
    throw err;
  }
  // Written: the old sheet goes, and the new one takes the wanted names.
  for (const o of old) o.worksheet.delete();
  const wanted = freeSheetName(
    SHEET_NAME,
    names.filter((n) => !old.some((o) => o.name.toLowerCase() === n.toLowerCase()))
  );
  if (wanted !== name) worksheet.name = wanted;
  if (table && table.name !== TABLE_NAME && tableFreedLater) table.proxy.name = TABLE_NAME;
  return finish(context, worksheet, wanted, old.length > 0, options);
}

async function finish(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  name: string,
  replaced: boolean,
  options: FindingsSheetOptions
): Promise<FindingsSheetResult> {
  if (!options.customProperties)
    queueSave(context, FINDINGS_SHEET_KEY, [
      { id: worksheet.id, name, kind: FINDINGS_KIND, title: FINDINGS_TITLE },
    ]);
  worksheet.activate();
  await context.sync();
  return { name, replaced };
}
