import type { CellValue, Grid, MergedArea } from "../core/grid";
import type { HostProgress, WorkbookRead } from "../core/host";
import { dateFromSerial, isDateFormatCode } from "../core/number-format";
import { type MergeTarget, readMergedAreas } from "./merged-areas";
import { isTooLarge } from "./office-errors";
import { queueOwnSheetProbes } from "./own-sheets";
import { READ_BYTES_PER_SYNC, jsonBytes } from "./payload";

export { parseAreasAddress } from "./merged-areas";
import { readValidationLists } from "./validation-lists";

export interface ReadOptions {
  /** getMergedAreasOrNullObject is ExcelApi 1.13; without it merged areas are not read. */
  readonly mergedAreas: boolean;
  /**
   * ExcelApi 1.12: number format categories tell date cells apart, and worksheet custom
   * properties mark the sheets the add-in made. Without it the number formats themselves are read.
   */
  readonly api112: boolean;
  /** Range.dataValidation is ExcelApi 1.8; without it drop-down lists are not read (no error). */
  readonly validationLists?: boolean;
  /** A sync's response is planned to stay under this many bytes (Excel on the web refuses 5 MB). */
  readonly bytesPerSync: number;
  /** Rows are read in blocks of at most this many cells. */
  readonly cellsPerBlock: number;
  /** The first block is this small, so one sheet of long text cannot make the first answer too large. */
  readonly firstBlockCells: number;
  readonly onProgress?: (p: HostProgress) => void;
}

export const DEFAULT_READ_OPTIONS: Omit<ReadOptions, "mergedAreas" | "api112"> = {
  bytesPerSync: READ_BYTES_PER_SYNC,
  cellsPerBlock: 10_000,
  firstBlockCells: 1_000,
};

/** What a cell is taken to cost (value, type and format as JSON) until a block has been measured. */
const FIRST_GUESS_BYTES_PER_CELL = 200;
/** Planning uses what blocks really cost, with this margin for longer text further down. */
const MARGIN = 1.5;

/** The Excel reader's answer: the grids, and each sheet's id by name for this session. */
export interface ExcelWorkbookRead extends WorkbookRead {
  readonly sheetIds: ReadonlyMap<string, string>;
}

interface SheetPlan {
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
  firstRow: number;
  firstColumn: number;
  columnCount: number;
  readonly rows: CellValue[][];
  readonly merges: MergedArea[];
}

/** Rows of one sheet, 0-based within its used range. */
interface Block {
  readonly sheet: SheetPlan;
  readonly startRow: number;
  readonly rowCount: number;
}

interface Asked {
  readonly block: Block;
  readonly range: Excel.Range;
  /** A second look at number formats for cells whose category is "Custom". */
  readonly formatsOnly: boolean;
}

export function toCell(value: unknown, type: Excel.RangeValueType | string): CellValue {
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

function blocksOf(sheet: SheetPlan, rowCount: number, cellsPerBlock: number): Block[] {
  const rowsPerBlock = Math.max(1, Math.floor(cellsPerBlock / Math.max(1, sheet.columnCount)));
  const out: Block[] = [];
  for (let start = 0; start < rowCount; start += rowsPerBlock)
    out.push({ sheet, startRow: start, rowCount: Math.min(rowsPerBlock, rowCount - start) });
  return out;
}

function halves(b: Block): Block[] {
  const half = Math.ceil(b.rowCount / 2);
  return [
    { ...b, rowCount: half },
    { ...b, startRow: b.startRow + half, rowCount: b.rowCount - half },
  ];
}

/**
 * Reads every visible worksheet's used range into grids. The number of syncs does not depend on
 * the number of sheets: one for the sheet list, one for the used ranges (and whatever else is read
 * per sheet), one per batch of row blocks, where a batch is as many blocks as fit in
 * `bytesPerSync` by what earlier blocks really cost in UTF-8, then one for the merged areas. An
 * answer Excel refuses as too large is asked again in halves.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions
): Promise<ExcelWorkbookRead> {
  const notes: string[] = [];
  const progress = options.onProgress ?? (() => undefined);
  progress({ message: "Listing sheets" });
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/visibility");
  await context.sync();

  // One sync for everything read per sheet: the used range, and whether the add-in made the sheet.
  // A further per-sheet read (data validation, say) is queued here and read after this sync.
  const own = queueOwnSheetProbes(context, worksheets.items, options.api112);
  const candidates = worksheets.items.filter((ws) => ws.visibility === "Visible");
  const usedRanges = candidates.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return used;
  });
  await context.sync();

  const ownSheets = new Set(own.finish().map((o) => o.worksheet.id));
  const sheetIds = new Map(worksheets.items.map((ws) => [ws.name, ws.id] as const));
  const plans: SheetPlan[] = [];
  const blocks: Block[] = [];
  const rowCounts = new Map<SheetPlan, number>();
  candidates.forEach((ws, i) => {
    if (ownSheets.has(ws.id)) return;
    const used = usedRanges[i];
    const plan: SheetPlan = {
      worksheet: ws,
      name: ws.name,
      firstRow: 1,
      firstColumn: 1,
      columnCount: 0,
      rows: [],
      merges: [],
    };
    plans.push(plan);
    if (used.isNullObject) return;
    plan.firstRow = used.rowIndex + 1;
    plan.firstColumn = used.columnIndex + 1;
    plan.columnCount = used.columnCount;
    rowCounts.set(plan, used.rowCount);
    blocks.push(...blocksOf(plan, used.rowCount, options.cellsPerBlock));
  });
  const hiddenCount = worksheets.items.filter(
    (ws) => ws.visibility !== "Visible" && !ownSheets.has(ws.id)
  ).length;
  if (hiddenCount > 0)
    notes.push(`${hiddenCount} hidden sheet${hiddenCount === 1 ? " was" : "s were"} not checked.`);

  // The first block is kept small: its real cost sets the size of every batch after it.
  if (blocks.length > 0) {
    const first = blocks[0];
    const rows = Math.max(
      1,
      Math.floor(options.firstBlockCells / Math.max(1, first.sheet.columnCount))
    );
    if (first.rowCount > rows)
      blocks.splice(
        0,
        1,
        { ...first, rowCount: rows },
        { ...first, startRow: first.startRow + rows, rowCount: first.rowCount - rows }
      );
  }

  const formatProperty = options.api112 ? "numberFormatCategories" : "numberFormat";
  const totalCells = blocks.reduce((n, b) => n + b.rowCount * b.sheet.columnCount, 0);
  let cellsRead = 0;
  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  let queue = blocks;
  let customFormats: Block[] = [];
  while (queue.length > 0 || customFormats.length > 0) {
    const asked: Asked[] = [];
    let budget = options.bytesPerSync;
    // Number formats asked again for "Custom" cells ride with the next batch (about 12 bytes a cell).
    for (const block of customFormats.splice(0)) {
      const range = rangeOf(block);
      range.load("numberFormat");
      asked.push({ block, range, formatsOnly: true });
      budget -= block.rowCount * block.sheet.columnCount * 12;
    }
    while (queue.length > 0) {
      const b = queue[0];
      const cost = b.rowCount * b.sheet.columnCount * bytesPerCell;
      if (asked.some((a) => !a.formatsOnly) && cost > budget) break;
      const range = rangeOf(b);
      range.load(["values", "valueTypes", formatProperty]);
      asked.push({ block: b, range, formatsOnly: false });
      budget -= cost;
      queue = queue.slice(1);
    }
    progress({ message: "Reading cells", done: cellsRead, total: totalCells });
    try {
      // One sync per batch is the point: each answer must stay under Excel on the web's 5 MB cap.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      if (!isTooLarge(err)) throw err;
      // Too large after all: ask again for half as much (one block: each half of it).
      const cellBlocks = asked.filter((a) => !a.formatsOnly).map((a) => a.block);
      customFormats = asked.filter((a) => a.formatsOnly).map((a) => a.block);
      if (cellBlocks.length > 1) {
        queue = [...cellBlocks, ...queue];
        bytesPerCell *= 2;
      } else if (cellBlocks.length === 1 && cellBlocks[0].rowCount > 1) {
        queue = [...halves(cellBlocks[0]), ...queue];
        bytesPerCell *= 2;
      } else throw err;
      continue;
    }
    let batchBytes = 0;
    let batchCells = 0;
    for (const a of asked) {
      if (a.formatsOnly) {
        applyCustomFormats(a.block, a.range.numberFormat as unknown[][]);
        continue;
      }
      const cells = a.block.rowCount * a.block.sheet.columnCount;
      const formats = (
        options.api112 ? a.range.numberFormatCategories : a.range.numberFormat
      ) as unknown[][];
      if (storeBlock(a.block, a.range.values, a.range.valueTypes, formats, options.api112))
        customFormats.push(a.block);
      batchCells += cells;
      batchBytes += jsonBytes(a.range.values) + jsonBytes(a.range.valueTypes) + jsonBytes(formats);
    }
    cellsRead += batchCells;
    if (batchCells > 0)
      bytesPerCell = Math.max(bytesPerCell / 2, 8, (batchBytes / batchCells) * MARGIN);
  }

  for (const plan of plans) {
    const rows = rowCounts.get(plan) ?? 0;
    for (let r = 0; r < rows; r++) if (!plan.rows[r]) plan.rows[r] = [];
  }
  const grids: Grid[] = plans.map((p) => ({
    name: p.name,
    hidden: false,
    firstRow: p.firstRow,
    firstColumn: p.firstColumn,
    rows: p.rows,
    merges: p.merges,
  }));

  if (options.mergedAreas) {
    progress({ message: "Reading merged cells" });
    const targets: MergeTarget[] = plans.map((p, i) => ({
      worksheet: p.worksheet,
      grid: grids[i],
      merges: p.merges,
    }));
    notes.push(...(await readMergedAreas(context, targets)));
  } else {
    notes.push(
      "Merged cells are not read in this version of Excel (needs ExcelApi 1.13); headers are read without them."
    );
  }
  let read = grids;
  if (options.validationLists) {
    // Drop-down lists on the rating cells can state a word scale ("Red, Amber, Green").
    const lists = await readValidationLists(
      context,
      grids.map((grid, i) => ({ grid, worksheet: plans[i].worksheet })),
      worksheets.items.map((ws) => ws.name)
    );
    read = grids.map((g) => (lists.has(g.name) ? { ...g, validationLists: lists.get(g.name) } : g));
  }
  progress({ message: "Read", done: totalCells, total: totalCells });
  return {
    grids: read,
    ownSheets: [...ownSheetsNames(worksheets.items, ownSheets)],
    notes,
    sheetIds,
  };
}

function ownSheetsNames(items: readonly Excel.Worksheet[], ids: ReadonlySet<string>): string[] {
  return items.filter((ws) => ids.has(ws.id)).map((ws) => ws.name);
}

function rangeOf(b: Block): Excel.Range {
  return b.sheet.worksheet.getRangeByIndexes(
    b.sheet.firstRow - 1 + b.startRow,
    b.sheet.firstColumn - 1,
    b.rowCount,
    b.sheet.columnCount
  );
}

/**
 * A block's cells as the engine takes them. A number shown as a date reaches the engine as a
 * Date, as the file reader hands it over, so a date typed as a score is an invalid score.
 * `custom` is true when some number's format category is "Custom" and the format itself must be
 * looked at (datesUnderCustomFormats).
 */
export function blockCells(
  rowCount: number,
  columnCount: number,
  values: unknown[][],
  types: (Excel.RangeValueType | string)[][],
  formats: unknown[][],
  categories: boolean
): { rows: CellValue[][]; custom: boolean } {
  let custom = false;
  const rows: CellValue[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < columnCount; c++) {
      let v = toCell(values[r]?.[c], types[r]?.[c] ?? "Unknown");
      if (typeof v === "number") {
        const f = String(formats[r]?.[c] ?? "General");
        if (categories ? f === "Date" || f === "Time" : isDateFormatCode(f)) v = dateFromSerial(v);
        else if (categories && f === "Custom") custom = true;
      }
      row.push(v);
    }
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  return { rows, custom };
}

/** Numbers under a date format typed in by hand ("Custom" category) become Dates. */
export function datesUnderCustomFormats(rows: CellValue[][], formats: unknown[][]): void {
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "number" && isDateFormatCode(String(formats[r]?.[c] ?? "")))
        row[c] = dateFromSerial(v);
    })
  );
}

/** Puts a block's cells into its sheet's rows; true where custom formats must be read. */
function storeBlock(
  block: Block,
  values: unknown[][],
  types: (Excel.RangeValueType | string)[][],
  formats: unknown[][],
  categories: boolean
): boolean {
  const { rows, custom } = blockCells(
    block.rowCount,
    block.sheet.columnCount,
    values,
    types,
    formats,
    categories
  );
  rows.forEach((row, r) => (block.sheet.rows[block.startRow + r] = row));
  return custom;
}

function applyCustomFormats(block: Block, formats: unknown[][]): void {
  const rows = block.sheet.rows.slice(block.startRow, block.startRow + block.rowCount);
  datesUnderCustomFormats(rows, formats);
}
