/**
 * Hears officers' edits and selections on the sheets with schedules (Worksheet.onChanged and
 * onSelectionChanged, ExcelApi 1.7). The handlers only pass on where the change was: the re-check
 * runs later, debounced, in an Excel.run of its own. The add-in's own writes are not edits: where
 * ExcelApi 1.14 says who triggered an event, ThisLocalAddin is ignored; before 1.14 there is
 * nothing to tell apart, as the add-in writes no cell data on the sheets it watches (highlights,
 * drop-downs and notes are formats and notes) and its own sheets are not watched. Handlers are
 * removed in the RequestContext that added them, as Excel requires.
 */
import type { SheetEdit, SheetSelection, Watch, WatchHandlers } from "../core/host";
import type { CellArea } from "../core/recheck";
import { parseArea } from "./addresses";

export interface WatchOptions {
  /**
   * Excel on the web raises no onChanged for a value picked from a drop-down list (office-js
   * issues 3888, 4066): a cell the selection leaves is passed on as a possible edit.
   */
  readonly listPicksUnheard: boolean;
}

/** Excel.run with an existing context, to remove handlers where they were added. */
export type ContextRunner = <T>(
  context: Excel.RequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

/** Rows or columns inserted or deleted: the sheet's old rows no longer line up. */
const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

const ANYWHERE: CellArea = { top: 1, left: 1, bottom: 1, right: 1 };

function single(area: CellArea): boolean {
  return area.top === area.bottom && area.left === area.right;
}

/**
 * Registers the handlers on each named sheet (found by its id for this session where known).
 * Two syncs: the sheets, then the registrations. Sheets that have gone are named in `notes`.
 */
export async function watchSheets(
  context: Excel.RequestContext,
  sheets: readonly { name: string; id?: string }[],
  handlers: WatchHandlers,
  options: WatchOptions,
  runIn: ContextRunner
): Promise<Watch> {
  const found = sheets.map((s) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(s.id ?? s.name);
    ws.load("name,id");
    return { wanted: s.name, ws };
  });
  await context.sync();
  const names = new Map<string, string>();
  const gone: string[] = [];
  const lastSelected = new Map<string, CellArea>();
  const results: OfficeExtension.EventHandlerResult<unknown>[] = [];

  const onChanged = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // The add-in's own writes (ExcelApi 1.14 says so) are not an officer's edits.
    if (event.triggerSource === "ThisLocalAddin") return;
    const sheet = names.get(event.worksheetId);
    if (sheet === undefined) return;
    const area = parseArea(event.address);
    const edit: SheetEdit = {
      sheet,
      area: area ?? ANYWHERE,
      structural: !area || STRUCTURAL.has(event.changeType) || event.changeType === "Unknown",
    };
    handlers.onEdit(edit);
  };

  const onSelected = async (event: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => {
    const sheet = names.get(event.worksheetId);
    const area = parseArea(event.address);
    if (sheet === undefined || !area) return;
    const before = lastSelected.get(sheet);
    lastSelected.set(sheet, area);
    if (options.listPicksUnheard && before && single(before))
      handlers.onEdit({ sheet, area: before, structural: false, possible: true });
    const selection: SheetSelection = { sheet, area };
    handlers.onSelect(selection);
  };

  for (const { wanted, ws } of found) {
    if (ws.isNullObject) {
      gone.push(wanted);
      continue;
    }
    names.set(ws.id, ws.name);
    results.push(ws.onChanged.add(onChanged) as OfficeExtension.EventHandlerResult<unknown>);
    results.push(
      ws.onSelectionChanged.add(onSelected) as OfficeExtension.EventHandlerResult<unknown>
    );
  }
  await context.sync();
  const notes = gone.length
    ? [
        `${gone.map((n) => `"${n}"`).join(", ")} ${gone.length === 1 ? "is" : "are"} no longer in the workbook, so edits there are not checked as you type. Check the schedules again.`,
      ]
    : [];

  let stopped = false;
  return {
    notes,
    stop: async () => {
      if (stopped || results.length === 0) return;
      stopped = true;
      // "The RequestContext used to create the event handler is needed to remove it."
      await runIn(results[0].context as Excel.RequestContext, async (ctx) => {
        for (const r of results) r.remove();
        await ctx.sync();
      });
    },
  };
}
