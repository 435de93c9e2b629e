import type { CellValue, Grid, MergedArea } from "../core/grid";
import { parseRange } from "../core/grid";
import type { HostProgress, WorkbookRead } from "../core/host";
import { readValidationLists } from "./validation-lists";
import { OWN_SHEETS_KEY, queueSetting, settingValue } from "./workbook-settings";

export interface ReadOptions {
  /** getMergedAreasOrNullObject is ExcelApi 1.13; without it merged areas are not read. */
  readonly mergedAreas: boolean;
  /** Range.dataValidation is ExcelApi 1.8; without it drop-down lists are not read (no error). */
  readonly validationLists?: boolean;
  /** A sync's response stays under this many bytes (Excel on the web caps it at 5 MB). */
  readonly bytesPerSync: number;
  /** Rows are read in blocks of at most this many cells. */
  readonly cellsPerBlock: number;
  readonly onProgress?: (p: HostProgress) => void;
}

export const DEFAULT_READ_OPTIONS: Omit<ReadOptions, "mergedAreas"> = {
  bytesPerSync: 4 * 1024 * 1024,
  cellsPerBlock: 10_000,
};

/** A first guess at what a cell costs in a response (values and valueTypes as JSON); refined as blocks arrive. */
const FIRST_GUESS_BYTES_PER_CELL = 120;

interface SheetPlan {
  name: string;
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
  rows: CellValue[][];
  merges: MergedArea[];
  mergedAreas?: Excel.RangeAreas;
}

interface Block {
  sheet: SheetPlan;
  worksheet: Excel.Worksheet;
  startRow: number;
  rowCount: number;
}

function toCell(value: unknown, type: Excel.RangeValueType | string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Integer":
    case "Double":
      return typeof value === "number" ? value : Number(value);
    default:
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "number" || typeof value === "boolean" ? value : String(value);
  }
}

/** "Sheet1!A1:C1,'My sheet'!A5:G5" -> merged areas. */
export function parseAreasAddress(address: string): MergedArea[] {
  const out: MergedArea[] = [];
  for (const m of address.matchAll(
    /(?:'(?:[^']|'')*'|[^!,']+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g
  )) {
    const area = parseRange(m[1].replace(/\$/g, ""));
    if (area) out.push(area);
  }
  return out;
}

function ownSheetIds(value: unknown): Set<string> {
  return new Set(
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []
  );
}

/**
 * Reads every visible worksheet's used range into grids. The number of syncs does not depend on
 * the number of sheets: one for the sheet list, one for the used ranges, then one per batch of
 * row blocks, where a batch is as many blocks as fit in `bytesPerSync`.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions
): Promise<WorkbookRead> {
  const notes: string[] = [];
  const progress = options.onProgress ?? (() => undefined);
  progress({ message: "Listing sheets" });
  const worksheets = context.workbook.worksheets;
  // Loading "items" brings each sheet's scalar properties (name, id, visibility): one round trip.
  worksheets.load("items");
  const own = queueSetting(context, OWN_SHEETS_KEY);
  await context.sync();

  const ownIds = ownSheetIds(settingValue(own));
  const ownSheets: string[] = [];
  const visible: Excel.Worksheet[] = [];
  for (const ws of worksheets.items) {
    if (ownIds.has(ws.id)) ownSheets.push(ws.name);
    else if (ws.visibility === "Visible") visible.push(ws);
  }
  const hiddenCount = worksheets.items.length - visible.length - ownSheets.length;
  if (hiddenCount > 0)
    notes.push(`${hiddenCount} hidden sheet${hiddenCount === 1 ? " was" : "s were"} not checked.`);

  const usedRanges = visible.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return used;
  });
  await context.sync();

  const plans: SheetPlan[] = [];
  const blocks: Block[] = [];
  visible.forEach((ws, i) => {
    const used = usedRanges[i];
    const plan: SheetPlan = {
      name: ws.name,
      firstRow: 1,
      firstColumn: 1,
      rowCount: 0,
      columnCount: 0,
      rows: [],
      merges: [],
    };
    plans.push(plan);
    if (used.isNullObject) return;
    plan.firstRow = used.rowIndex + 1;
    plan.firstColumn = used.columnIndex + 1;
    plan.rowCount = used.rowCount;
    plan.columnCount = used.columnCount;
    const rowsPerBlock = Math.max(
      1,
      Math.floor(options.cellsPerBlock / Math.max(1, used.columnCount))
    );
    for (let start = 0; start < used.rowCount; start += rowsPerBlock) {
      blocks.push({
        sheet: plan,
        worksheet: ws,
        startRow: start,
        rowCount: Math.min(rowsPerBlock, used.rowCount - start),
      });
    }
  });
  if (!options.mergedAreas)
    notes.push(
      "Merged cells are not read in this version of Excel (needs ExcelApi 1.13); headers are read without them."
    );

  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  let next = 0;
  let mergesQueued = false;
  const totalCells = blocks.reduce((n, b) => n + b.rowCount * b.sheet.columnCount, 0);
  let cellsRead = 0;
  while (next < blocks.length || (!mergesQueued && options.mergedAreas && plans.length > 0)) {
    const batch: { block: Block; range: Excel.Range }[] = [];
    let budget = options.bytesPerSync;
    while (next < blocks.length) {
      const b = blocks[next];
      const cost = b.rowCount * b.sheet.columnCount * bytesPerCell;
      if (batch.length > 0 && cost > budget) break;
      const range = b.worksheet.getRangeByIndexes(
        b.sheet.firstRow - 1 + b.startRow,
        b.sheet.firstColumn - 1,
        b.rowCount,
        b.sheet.columnCount
      );
      range.load("values,valueTypes");
      batch.push({ block: b, range });
      budget -= cost;
      next++;
    }
    if (!mergesQueued && options.mergedAreas) {
      // Merged areas ride along with the first batch: one extra request at most, whatever the size.
      visible.forEach((ws, i) => {
        if (usedRanges[i].isNullObject) return;
        const areas = ws.getRange().getMergedAreasOrNullObject();
        areas.load("address");
        plans[i].mergedAreas = areas;
      });
      mergesQueued = true;
    }
    progress({ message: "Reading cells", done: cellsRead, total: totalCells });
    // One sync per batch is the point: each response must stay under Excel on the web's 5 MB cap.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    let batchBytes = 0;
    let batchCells = 0;
    for (const { block, range } of batch) {
      const values = range.values;
      const types = range.valueTypes;
      for (let r = 0; r < block.rowCount; r++) {
        const row: CellValue[] = [];
        for (let c = 0; c < block.sheet.columnCount; c++)
          row.push(toCell(values[r]?.[c], types[r]?.[c] ?? "Unknown"));
        while (row.length && row[row.length - 1] === null) row.pop();
        block.sheet.rows[block.startRow + r] = row;
      }
      batchCells += block.rowCount * block.sheet.columnCount;
      batchBytes += JSON.stringify(values).length + JSON.stringify(types).length;
    }
    cellsRead += batchCells;
    // Plan the next batch on what this one really cost, with a margin for longer text further down.
    if (batchCells > 0) bytesPerCell = Math.max(8, (batchBytes / batchCells) * 1.25);
  }
  for (const plan of plans) {
    if (plan.mergedAreas && !plan.mergedAreas.isNullObject)
      plan.merges = parseAreasAddress(plan.mergedAreas.address);
  }
  progress({ message: "Read", done: totalCells, total: totalCells });
  const grids: Grid[] = plans.map((p) => ({
    name: p.name,
    hidden: false,
    firstRow: p.firstRow,
    firstColumn: p.firstColumn,
    rows: p.rows,
    merges: p.merges,
  }));
  if (options.validationLists) {
    // Drop-down lists on the rating cells can state a word scale ("Red, Amber, Green").
    const lists = await readValidationLists(
      context,
      grids.map((grid, i) => ({ grid, worksheet: visible[i] })),
      worksheets.items.map((ws) => ws.name)
    );
    return {
      grids: grids.map((g) =>
        lists.has(g.name) ? { ...g, validationLists: lists.get(g.name) } : g
      ),
      ownSheets,
      notes,
    };
  }
  return { grids, ownSheets, notes };
}
