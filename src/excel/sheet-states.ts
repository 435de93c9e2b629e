/** A worksheet as the add-in's marks see it: its name and id now, and whether it is protected. */
export interface SheetState {
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
  readonly id: string;
  readonly protected: boolean;
}

/**
 * Queues the load of every worksheet's name, id and protection with whatever else the caller
 * loads, so it costs no sync of its own; `states()` reads them once that sync is done.
 */
export function queueSheetStates(context: Excel.RequestContext): { states: () => SheetState[] } {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/protection/protected");
  return {
    states: () =>
      worksheets.items.map((ws) => ({
        worksheet: ws,
        name: ws.name,
        id: ws.id,
        protected: ws.protection.protected,
      })),
  };
}

/** Every worksheet with its name, id and protection: one sync. */
export async function listSheets(context: Excel.RequestContext): Promise<SheetState[]> {
  const { states } = queueSheetStates(context);
  await context.sync();
  return states();
}
