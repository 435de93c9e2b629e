import type { Finding, Severity } from "../core/findings";
import { HIGHLIGHTS_KEY, queueSave, queueSetting, settingValue } from "./workbook-settings";

/** The conditional formats the add-in added, by sheet id, so it can remove exactly those. */
export interface HighlightRecord {
  sheetId: string;
  formatIds: string[];
}

export const HIGHLIGHT_FILL: Readonly<Record<Severity, string>> = {
  error: "#FDE7E9",
  warning: "#FFF4CE",
  info: "#DEECF9",
};

/** Cells per conditional format: keeps each range-areas address well inside Excel's limits. */
const CELLS_PER_FORMAT = 150;

function records(value: unknown): HighlightRecord[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (r): r is HighlightRecord =>
      typeof r === "object" &&
      r !== null &&
      typeof (r as HighlightRecord).sheetId === "string" &&
      Array.isArray((r as HighlightRecord).formatIds)
  );
}

/**
 * Removes the conditional formats this add-in recorded, and no others: the user's own rules and
 * formats are left as they were. Three syncs however many sheets.
 */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
  const stored = queueSetting(context, HIGHLIGHTS_KEY);
  await context.sync();
  const recorded = records(settingValue(stored));
  if (recorded.length === 0) return 0;
  const collections = recorded.map((r) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(r.sheetId);
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items");
    return { sheet, formats, ids: new Set(r.formatIds) };
  });
  await context.sync();
  let removed = 0;
  for (const { sheet, formats, ids } of collections) {
    if (sheet.isNullObject) continue;
    for (const format of formats.items) {
      if (ids.has(format.id)) {
        format.delete();
        removed++;
      }
    }
  }
  queueSave(context, HIGHLIGHTS_KEY, []);
  await context.sync();
  return removed;
}

/**
 * Marks each finding's cell with a conditional format (a fill by severity), after removing the
 * previous marks. Formats are added over range areas (ExcelApi 1.9): one per sheet, severity and
 * 150 cells, whatever the number of findings; their ids are recorded in the workbook.
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  findings: readonly Finding[]
): Promise<number> {
  await clearHighlights(context);
  const bySheet = new Map<string, Map<Severity, Set<string>>>();
  for (const f of findings) {
    let sheet = bySheet.get(f.sheet);
    if (!sheet) bySheet.set(f.sheet, (sheet = new Map()));
    let cells = sheet.get(f.severity);
    if (!cells) sheet.set(f.severity, (cells = new Set()));
    cells.add(f.cell);
  }
  const added: { worksheet: Excel.Worksheet; formats: Excel.ConditionalFormat[] }[] = [];
  let cellCount = 0;
  for (const [sheetName, severities] of bySheet) {
    const worksheet = context.workbook.worksheets.getItem(sheetName);
    worksheet.load("id");
    const formats: Excel.ConditionalFormat[] = [];
    // Errors are added last so that, where a cell has two findings, the error's fill wins.
    for (const severity of ["info", "warning", "error"] as const) {
      const cells = [...(severities.get(severity) ?? [])];
      cellCount += cells.length;
      for (let i = 0; i < cells.length; i += CELLS_PER_FORMAT) {
        const areas = worksheet.getRanges(cells.slice(i, i + CELLS_PER_FORMAT).join(","));
        const format = areas.conditionalFormats.add("Custom");
        format.custom.rule.formula = "=TRUE";
        format.custom.format.fill.color = HIGHLIGHT_FILL[severity];
        format.load("id");
        formats.push(format);
      }
    }
    added.push({ worksheet, formats });
  }
  await context.sync();
  const record: HighlightRecord[] = added.map(({ worksheet, formats }) => ({
    sheetId: worksheet.id,
    formatIds: formats.map((f) => f.id),
  }));
  queueSave(context, HIGHLIGHTS_KEY, record);
  await context.sync();
  return cellCount;
}
