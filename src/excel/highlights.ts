/**
 * Highlights: conditional formats the add-in adds over the cells with findings, and removes again.
 * Each rule carries its own mark in its formula, =ISTEXT("govcheck highlight error"), which is
 * always true and names the add-in, so the rules are found again by what they say. Excel's
 * ConditionalFormat.id is only the rule's place in its collection and shifts whenever a rule is
 * added or deleted, and worksheet ids change between sessions: neither is stored.
 */
import type { Finding, Severity } from "../core/findings";
import type { MarkResult } from "../core/host";
import { errorCode } from "./office-errors";
import { ACTION_BYTES, Requests, WRITE_BYTES_PER_SYNC, utf8Bytes } from "./payload";
import { type SheetState, listSheets } from "./sheet-states";

export const HIGHLIGHT_FILL: Readonly<Record<Severity, string>> = {
  error: "#FDE7E9",
  warning: "#FFF4CE",
  info: "#DEECF9",
};

const MARK = "govcheck highlight";

/** The formula of a highlight rule: true everywhere, and saying whose it is. */
export function highlightFormula(severity: Severity): string {
  return `=ISTEXT("${MARK} ${severity}")`;
}

export function isHighlightFormula(formula: string): boolean {
  return formula.toLowerCase().includes(`"${MARK}`);
}

/** How Excel fails to describe a rule (office-js issues 2180, 6827, 6835); anything else is thrown. */
const CANNOT_DESCRIBE = new Set([
  "GeneralException",
  "InvalidOperation",
  "InvalidArgument",
  "UnsupportedFeature",
]);

function cannotDescribe(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && CANNOT_DESCRIBE.has(code);
}

/** Cells per conditional format: keeps each range-areas address well inside Excel's limits. */
const CELLS_PER_FORMAT = 150;

/**
 * The add-in's rules on each sheet, found by their formula. Two syncs: the rules' types, then the
 * formulas of the custom ones only (asking a rule of another type for a custom formula fails).
 * Where Excel cannot describe one of the user's rules, each sheet, then each rule, is asked on its
 * own, and a rule that cannot be read is left alone: it is not one of the add-in's.
 */
async function findHighlights(
  context: Excel.RequestContext,
  sheets: readonly SheetState[]
): Promise<Map<SheetState, Excel.ConditionalFormat[]>> {
  const collections = sheets.map((s) => {
    const formats = s.worksheet.getRange().conditionalFormats;
    formats.load("items/type");
    return formats;
  });
  await context.sync();
  const custom = sheets.map((_s, i) => collections[i].items.filter((f) => f.type === "Custom"));
  const queue = (formats: Excel.ConditionalFormat[]) =>
    formats.forEach((f) => f.custom.rule.load("formula"));
  const found = new Map<SheetState, Excel.ConditionalFormat[]>();
  const keep = (sheet: SheetState, formats: Excel.ConditionalFormat[]) => {
    const ours = formats.filter((f) => isHighlightFormula(f.custom.rule.formula));
    if (ours.length) found.set(sheet, [...(found.get(sheet) ?? []), ...ours]);
  };
  if (custom.every((c) => c.length === 0)) return found;
  custom.forEach(queue);
  try {
    await context.sync();
    sheets.forEach((s, i) => keep(s, custom[i]));
    return found;
  } catch (err) {
    if (!cannotDescribe(err)) throw err;
  }
  for (const [i, sheet] of sheets.entries()) {
    if (custom[i].length === 0) continue;
    queue(custom[i]);
    try {
      // Only after a rule the user made could not be read: find it, sheet by sheet.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      keep(sheet, custom[i]);
      continue;
    } catch (err) {
      if (!cannotDescribe(err)) throw err;
    }
    for (const format of custom[i]) {
      format.custom.rule.load("formula");
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        keep(sheet, [format]);
      } catch (err) {
        if (!cannotDescribe(err)) throw err;
      }
    }
  }
  return found;
}

/** Names protected sheets, says what could not be done on them and how to unprotect them. */
export function protectedNote(names: string[], what: string): string {
  const list = names.map((n) => `"${n}"`).join(", ");
  return `${names.length === 1 ? "Sheet" : "Sheets"} ${list} ${names.length === 1 ? "is" : "are"} protected, so ${what}. Unprotect ${names.length === 1 ? "it" : "them"} (Review > Unprotect Sheet) and try again.`;
}

/** Queues the removal of the add-in's rules; returns how many, and the protected sheets that keep theirs. */
function queueRemoval(found: Map<SheetState, Excel.ConditionalFormat[]>): {
  removed: number;
  kept: string[];
} {
  let removed = 0;
  const kept: string[] = [];
  for (const [sheet, formats] of found) {
    if (sheet.protected) {
      kept.push(sheet.name);
      continue;
    }
    for (const f of formats) f.delete();
    removed += formats.length;
  }
  return { removed, kept };
}

/** Removes the add-in's highlights, and nothing else: the user's own rules and formats stay. */
export async function clearHighlights(context: Excel.RequestContext): Promise<MarkResult> {
  const sheets = await listSheets(context);
  const found = await findHighlights(context, sheets);
  const { removed, kept } = queueRemoval(found);
  if (removed > 0) await context.sync();
  const notes = kept.length
    ? [protectedNote(kept, "the highlights on them could not be removed")]
    : [];
  return { count: removed, notes };
}

/**
 * Marks each finding's cell with a conditional format (a fill by severity), replacing the previous
 * marks in the same request. Sheets are found by the id they had when they were read (a sheet the
 * user renamed since is still found), else by name; protected sheets are skipped and named in a
 * note. With `onlySheets` (one sheet checked again after an edit) only those sheets' marks are
 * replaced. Four syncs, and one more for each further 2.5 MB of cell addresses (a request over
 * 5 MB fails on the web: about 300,000 findings).
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  allFindings: readonly Finding[],
  sheetIds: ReadonlyMap<string, string> = new Map(),
  onlySheets?: readonly string[]
): Promise<MarkResult> {
  const everySheet = await listSheets(context);
  const wanted = onlySheets && new Set(onlySheets.map((n) => sheetIds.get(n) ?? n));
  const sheets = wanted
    ? everySheet.filter((s) => wanted.has(s.id) || wanted.has(s.name))
    : everySheet;
  const findings = onlySheets
    ? allFindings.filter((f) => onlySheets.includes(f.sheet))
    : allFindings;
  const found = await findHighlights(context, sheets);
  const { removed, kept } = queueRemoval(found);
  const requests = new Requests(context, WRITE_BYTES_PER_SYNC);
  await requests.make(ACTION_BYTES * removed);

  const bySheet = new Map<string, Map<Severity, Set<string>>>();
  for (const f of findings) {
    let sheet = bySheet.get(f.sheet);
    if (!sheet) bySheet.set(f.sheet, (sheet = new Map()));
    let cells = sheet.get(f.severity);
    if (!cells) sheet.set(f.severity, (cells = new Set()));
    cells.add(f.cell);
  }
  const skipped: string[] = [];
  const gone: string[] = [];
  let cellCount = 0;
  for (const [sheetName, severities] of bySheet) {
    const id = sheetIds.get(sheetName);
    const sheet =
      (id !== undefined ? sheets.find((s) => s.id === id) : undefined) ??
      (id === undefined ? sheets.find((s) => s.name === sheetName) : undefined);
    if (!sheet) {
      gone.push(sheetName);
      continue;
    }
    if (sheet.protected) {
      skipped.push(sheet.name);
      continue;
    }
    // Errors are added last, so they take the top priority: where a cell has two findings, the error's fill wins.
    for (const severity of ["info", "warning", "error"] as const) {
      const cells = [...(severities.get(severity) ?? [])];
      cellCount += cells.length;
      for (let i = 0; i < cells.length; i += CELLS_PER_FORMAT) {
        const address = cells.slice(i, i + CELLS_PER_FORMAT).join(",");
        await requests.make(ACTION_BYTES * 4 + utf8Bytes(address));
        const areas = sheet.worksheet.getRanges(address);
        const format = areas.conditionalFormats.add("Custom");
        format.custom.rule.formula = highlightFormula(severity);
        format.custom.format.fill.color = HIGHLIGHT_FILL[severity];
      }
    }
  }
  await context.sync();
  const notes: string[] = [];
  if (skipped.length) notes.push(protectedNote(skipped, "their cells were not highlighted"));
  const stale = kept.filter((k) => !skipped.includes(k));
  if (stale.length)
    notes.push(protectedNote(stale, "the highlights made before on them could not be removed"));
  if (gone.length)
    notes.push(
      `${gone.map((n) => `"${n}"`).join(", ")} ${gone.length === 1 ? "is" : "are"} no longer in the workbook, so ${gone.length === 1 ? "its" : "their"} findings were not highlighted. Check the schedules again.`
    );
  return { count: cellCount, notes };
}
