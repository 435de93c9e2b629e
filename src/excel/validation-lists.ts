import {
  type Grid,
  type MergedArea,
  type ValidationList,
  a1,
  cellAt,
  cellText,
} from "../core/grid";
import { listProbes } from "../core/recognise/list-probes";
import { listSource, namesLookup } from "../core/validation-lists";

/** A sheet as read, with the Office.js worksheet it came from. */
export interface ReadSheet {
  readonly worksheet: Excel.Worksheet;
  readonly grid: Grid;
}

/** Most cells asked about in one workbook, and most rows read from one list's source range. */
const MAX_PROBES = 2000;
const MAX_SOURCE_ROWS = 200;

interface Probe {
  readonly sheet: string;
  readonly validation: Excel.DataValidation;
  readonly covers: MergedArea;
}

/** A range's non-blank texts, row by row. */
function textsOf(values: readonly (readonly unknown[])[]): string[] {
  const out: string[] = [];
  for (const row of values)
    for (const v of row) {
      const t = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
      if (t !== "") out.push(t);
    }
  return out;
}

/**
 * The drop-down lists on the cells that may hold a schedule's ratings (ExcelApi 1.8). Office.js
 * has no list of a sheet's data validations, so it asks about one cell per candidate column
 * under each header-like row (see `listProbes`) and takes the list to cover that column. Two
 * syncs at most, whatever the number of sheets and rows: one for the lists and the workbook's
 * names, one for list sources on sheets that were not read (a hidden "Lists" sheet).
 * `sheetNames` are every sheet's names, hidden ones included.
 */
export async function readValidationLists(
  context: Excel.RequestContext,
  sheets: readonly ReadSheet[],
  sheetNames: readonly string[]
): Promise<Map<string, ValidationList[]>> {
  const probes: Probe[] = [];
  for (const { worksheet, grid } of sheets) {
    for (const p of listProbes(grid)) {
      if (probes.length >= MAX_PROBES) break;
      const validation = worksheet.getCell(p.row - 1, p.column - 1).dataValidation;
      validation.load("type,rule");
      probes.push({
        sheet: grid.name,
        validation,
        covers: { top: p.top, bottom: p.bottom, left: p.column, right: p.column },
      });
    }
  }
  const out = new Map<string, ValidationList[]>();
  if (probes.length === 0) return out;
  const names = context.workbook.names;
  names.load("items");
  await context.sync();

  const lookup = namesLookup(
    names.items
      .filter((n) => typeof n.value === "string")
      .map((n) => ({ name: n.name, refersTo: String(n.value) }))
  );
  const grids = new Map(sheets.map((s) => [s.grid.name.toLowerCase(), s.grid]));
  const known = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  const later: { probe: Probe; range: Excel.Range }[] = [];
  const add = (probe: Probe, values: readonly string[]) => {
    if (values.length === 0) return;
    const lists = out.get(probe.sheet) ?? [];
    lists.push({ ranges: [probe.covers], values });
    out.set(probe.sheet, lists);
  };
  for (const probe of probes) {
    if (probe.validation.type !== "List") continue;
    const source = probe.validation.rule?.list?.source;
    if (typeof source !== "string") continue;
    const where = listSource(source, probe.sheet, lookup);
    if (where.kind === "entries") add(probe, where.values);
    if (where.kind !== "range") continue;
    const area = {
      ...where.area,
      bottom: Math.min(where.area.bottom, where.area.top + MAX_SOURCE_ROWS - 1),
    };
    const grid = grids.get(where.sheet.toLowerCase());
    if (grid) {
      const values: string[] = [];
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const t = cellText(cellAt(grid, r, c));
          if (t !== "") values.push(t);
        }
      add(probe, values);
      continue;
    }
    const name = known.get(where.sheet.toLowerCase());
    if (!name) continue;
    const range = context.workbook.worksheets
      .getItem(name)
      .getRange(`${a1(area.top, area.left)}:${a1(area.bottom, area.right)}`);
    range.load("values");
    later.push({ probe, range });
  }
  if (later.length) {
    await context.sync();
    for (const { probe, range } of later) add(probe, textsOf(range.values));
  }
  return out;
}
