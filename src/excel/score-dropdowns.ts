/**
 * Score drop-downs: data validation (ExcelApi 1.8) on each schedule's score cells. The add-in's
 * rules say whose they are in their prompt's title, as its highlights say so in their formula, and
 * where they were put is recorded with the sheet (a worksheet custom property, ExcelApi 1.12, that
 * survives renames, sessions and changed ids; the workbook's settings by id and name otherwise).
 * A cell whose rule (or input message) is someone else's is never touched: it is skipped and
 * counted. Removing clears only cells whose rule still carries the mark. Adding takes four syncs
 * and removing five, whatever the number of schedules.
 */
import { a1, areaAddress, columnLetters } from "../core/grid";
import type { DropDownResult, MarkResult } from "../core/host";
import type { CellArea } from "../core/recheck";
import type { ScoreCriterion, ScoreDropDownPlan } from "../core/score-dropdowns";
import { parseArea } from "./addresses";
import { protectedNote } from "./highlights";
import { type SheetState, queueSheetStates } from "./sheet-states";
import { queueSave, queueSetting, settingValue } from "./workbook-settings";
import { plural } from "../core/words";

/** The prompt title on the add-in's rules: it marks them as the add-in's. */
export const DROPDOWN_MARK = "Score (govcheck)";
const ERROR_TITLE = "Not on the schedule's scale";
/** Key of the record: a custom property on each sheet, or a setting listing sheets. */
export const DROPDOWNS_KEY = "govcheck.dropdowns";

export interface DropDownOptions {
  /** Worksheet custom properties (ExcelApi 1.12) hold the record; without them, the settings. */
  readonly customProperties: boolean;
  /** Each sheet's id when it was last read, by name. */
  readonly sheetIds: ReadonlyMap<string, string>;
}

interface SettingsRecord {
  readonly id: string;
  readonly name: string;
  readonly areas: string[];
}

type Owner = "none" | "ours" | "user";

function areasOf(value: unknown): string[] {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return [];
    }
  }
  const areas = (v as { areas?: unknown } | null)?.areas;
  return Array.isArray(areas) ? areas.filter((a): a is string => typeof a === "string") : [];
}

function settingsRecords(value: unknown): SettingsRecord[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    const r = v as { id?: unknown; name?: unknown };
    return typeof r?.id === "string" && typeof r.name === "string"
      ? [{ id: r.id, name: r.name, areas: areasOf(v) }]
      : [];
  });
}

/** One sync: every sheet with its name, id and protection, and the settings' record. */
async function listSheets(context: Excel.RequestContext) {
  const { states } = queueSheetStates(context);
  const stored = queueSetting(context, DROPDOWNS_KEY);
  await context.sync();
  return { sheets: states(), stored: settingsRecords(settingValue(stored)) };
}

/** Queues the read of each sheet's own record (ExcelApi 1.12); call `areas` after the sync. */
function queueRecords(
  sheets: readonly SheetState[],
  options: DropDownOptions,
  stored: SettingsRecord[]
) {
  const props = new Map<SheetState, Excel.WorksheetCustomProperty>();
  if (options.customProperties)
    for (const s of sheets) {
      const p = s.worksheet.customProperties.getItemOrNullObject(DROPDOWNS_KEY);
      p.load("value");
      props.set(s, p);
    }
  return {
    /** The sheet's record as a custom property, where it has one. */
    property: (s: SheetState): Excel.WorksheetCustomProperty | undefined => {
      const p = props.get(s);
      return p && !p.isNullObject ? p : undefined;
    },
    areas: (s: SheetState): string[] => {
      const p = props.get(s);
      if (p) return p.isNullObject ? [] : areasOf(p.value);
      const r =
        stored.find((x) => x.id === s.id) ??
        stored.find((x) => x.name.toLowerCase() === s.name.toLowerCase());
      return r ? r.areas : [];
    },
  };
}

/**
 * Who owns the validation of each cell of some single-column areas: nobody, the add-in (its mark
 * in the prompt's title) or the user. An input message with no rule (type None) is the user's too.
 * Two syncs: each area's type, then the prompt of areas whose cells share one validation (or
 * none) and, cell by cell, type and prompt of the areas whose cells differ.
 */
async function owners(
  context: Excel.RequestContext,
  targets: readonly { sheet: SheetState; area: CellArea }[]
): Promise<Owner[][]> {
  if (targets.length === 0) return [];
  const types = targets.map((t) => {
    const dv = t.sheet.worksheet.getRange(areaAddress(t.area)).dataValidation;
    dv.load("type");
    return dv;
  });
  await context.sync();
  const asks = targets.map((t, i) => {
    const type = types[i].type;
    if (type !== "MixedCriteria" && type !== "Inconsistent") {
      const dv = t.sheet.worksheet.getRange(areaAddress(t.area)).dataValidation;
      dv.load("prompt");
      return { kind: "shared" as const, type, dv };
    }
    const cells: Excel.DataValidation[] = [];
    for (let r = t.area.top; r <= t.area.bottom; r++)
      for (let c = t.area.left; c <= t.area.right; c++) {
        const dv = t.sheet.worksheet.getRange(a1(r, c)).dataValidation;
        dv.load("type,prompt");
        cells.push(dv);
      }
    return { kind: "cells" as const, cells };
  });
  await context.sync();
  const ownerOf = (type: string, prompt: Excel.DataValidationPrompt): Owner => {
    if (prompt.title === DROPDOWN_MARK) return "ours";
    if (type === "None" && !prompt.title && !prompt.message) return "none";
    return "user";
  };
  return targets.map((t, i) => {
    const a = asks[i];
    const size = (t.area.bottom - t.area.top + 1) * (t.area.right - t.area.left + 1);
    if (a.kind === "shared") return new Array<Owner>(size).fill(ownerOf(a.type, a.dv.prompt));
    return a.cells.map((dv) => ownerOf(dv.type, dv.prompt));
  });
}

/** Runs of consecutive rows in one column whose cell passes `keep`. */
function runs(area: CellArea, owned: readonly Owner[], keep: (o: Owner) => boolean): CellArea[] {
  const out: CellArea[] = [];
  owned.forEach((o, i) => {
    if (!keep(o)) return;
    const row = area.top + i;
    const last = out[out.length - 1];
    if (last && last.bottom === row - 1) out[out.length - 1] = { ...last, bottom: row };
    else out.push({ top: row, left: area.left, bottom: row, right: area.left });
  });
  return out;
}

function ruleFor(criterion: ScoreCriterion): Excel.DataValidationRule {
  return criterion.kind === "list"
    ? { list: { inCellDropDown: true, source: criterion.choices.join(",") } }
    : {
        wholeNumber: {
          formula1: criterion.min,
          formula2: criterion.max,
          operator: "Between",
        },
      };
}

function findSheet(
  sheets: readonly SheetState[],
  name: string,
  sheetIds: ReadonlyMap<string, string>
): SheetState | undefined {
  const id = sheetIds.get(name);
  return id !== undefined ? sheets.find((s) => s.id === id) : sheets.find((s) => s.name === name);
}

function saveRecords(
  context: Excel.RequestContext,
  options: DropDownOptions,
  stored: readonly SettingsRecord[],
  changed: ReadonlyMap<SheetState, string[]>,
  property: (s: SheetState) => Excel.WorksheetCustomProperty | undefined
): void {
  if (options.customProperties) {
    for (const [sheet, areas] of changed) {
      if (areas.length)
        sheet.worksheet.customProperties.add(DROPDOWNS_KEY, JSON.stringify({ areas }));
      else property(sheet)?.delete();
    }
    return;
  }
  const kept = stored.filter(
    (r) => ![...changed.keys()].some((s) => s.id === r.id || s.name === r.name)
  );
  const fresh = [...changed]
    .filter(([, areas]) => areas.length)
    .map(([s, areas]) => ({
      id: s.id,
      name: s.name,
      areas,
    }));
  queueSave(context, DROPDOWNS_KEY, [...kept, ...fresh]);
}

/**
 * Puts a drop-down on each plan's score cells that have no validation rule (or the add-in's own,
 * which is brought up to date); cells with the user's rule are skipped and counted; protected
 * sheets are skipped with a note.
 */
export async function addScoreDropDowns(
  context: Excel.RequestContext,
  plans: readonly ScoreDropDownPlan[],
  options: DropDownOptions
): Promise<DropDownResult> {
  const { sheets, stored } = await listSheets(context);
  const notes: string[] = [];
  const skippedProtected: string[] = [];
  const gone: string[] = [];
  const usable: { plan: ScoreDropDownPlan; sheet: SheetState }[] = [];
  for (const plan of plans) {
    const sheet = findSheet(sheets, plan.sheet, options.sheetIds);
    if (!sheet) {
      if (!gone.includes(plan.sheet)) gone.push(plan.sheet);
    } else if (sheet.protected) {
      if (!skippedProtected.includes(sheet.name)) skippedProtected.push(sheet.name);
    } else if (!plan.criterion) {
      notes.push(
        `The scale of "${plan.title}" on "${sheet.name}" has words that a drop-down list cannot offer (a word with a comma, or too many words), so its score cells have none.`
      );
    } else usable.push({ plan, sheet });
  }
  const record = queueRecords([...new Set(usable.map((u) => u.sheet))], options, stored);
  const targets = usable.flatMap((u) =>
    u.plan.rows.map((run) => ({
      ...u,
      area: { top: run.top, left: u.plan.column, bottom: run.bottom, right: u.plan.column },
    }))
  );
  const owned = await owners(context, targets);
  let cells = 0;
  let kept = 0;
  const recorded = new Map<SheetState, string[]>();
  targets.forEach((t, i) => {
    const list = recorded.get(t.sheet) ?? [...record.areas(t.sheet)];
    recorded.set(t.sheet, list);
    kept += owned[i].filter((o) => o === "user").length;
    for (const run of runs(t.area, owned[i], (o) => o !== "user")) {
      const dv = t.sheet.worksheet.getRange(areaAddress(run)).dataValidation;
      // A run may hold the add-in's older rules (another scale): they go first, as Excel will not
      // put one rule over cells with different ones.
      if (
        owned[i].some(
          (o, k) => o === "ours" && t.area.top + k >= run.top && t.area.top + k <= run.bottom
        )
      )
        dv.clear();
      dv.rule = ruleFor(t.plan.criterion!);
      dv.prompt = { showPrompt: true, title: DROPDOWN_MARK, message: t.plan.prompt };
      dv.errorAlert = {
        showAlert: true,
        style: "Warning",
        title: ERROR_TITLE,
        message: t.plan.errorMessage,
      };
      dv.ignoreBlanks = true;
      cells += run.bottom - run.top + 1;
      const at = areaAddress(run);
      if (!list.includes(at)) list.push(at);
    }
  });
  saveRecords(context, options, stored, recorded, record.property);
  await context.sync();
  if (kept > 0)
    notes.push(
      `${plural(kept, "score cell")} already had a validation rule of ${kept === 1 ? "its" : "their"} own, so ${kept === 1 ? "it was" : "they were"} left as ${kept === 1 ? "it was" : "they were"}.`
    );
  if (skippedProtected.length)
    notes.push(protectedNote(skippedProtected, "their score cells were not given drop-downs"));
  if (gone.length)
    notes.push(
      `${gone.map((n) => `"${n}"`).join(", ")} ${gone.length === 1 ? "is" : "are"} no longer in the workbook. Check the schedules again.`
    );
  return { count: cells, keptUserRules: kept, notes };
}

/**
 * Removes the drop-downs the add-in added, found where it recorded them and (when given) on the
 * schedules' score cells as they are now: only cells whose rule carries the add-in's mark.
 */
export async function removeScoreDropDowns(
  context: Excel.RequestContext,
  options: DropDownOptions,
  plans: readonly ScoreDropDownPlan[] = []
): Promise<MarkResult> {
  const { sheets, stored } = await listSheets(context);
  const record = queueRecords(sheets, options, stored);
  await context.sync();
  const wanted = new Map<SheetState, Set<string>>();
  const want = (sheet: SheetState, at: string) => {
    const set = wanted.get(sheet) ?? new Set<string>();
    set.add(at);
    wanted.set(sheet, set);
  };
  for (const s of sheets) for (const at of record.areas(s)) want(s, at);
  for (const plan of plans) {
    const sheet = findSheet(sheets, plan.sheet, options.sheetIds);
    if (!sheet) continue;
    const column = columnLetters(plan.column);
    for (const run of plan.rows) want(sheet, `${column}${run.top}:${column}${run.bottom}`);
  }
  const protectedKept: string[] = [];
  const targets: { sheet: SheetState; area: CellArea }[] = [];
  for (const [sheet, areas] of wanted) {
    if (sheet.protected) {
      protectedKept.push(sheet.name);
      continue;
    }
    for (const at of areas) {
      const area = parseArea(at);
      // One column at a time: records and plans hold score columns.
      if (area)
        for (let c = area.left; c <= area.right; c++)
          targets.push({ sheet, area: { ...area, left: c, right: c } });
    }
  }
  const owned = await owners(context, targets);
  let removed = 0;
  const cleared = new Set<string>();
  targets.forEach((t, i) => {
    for (const run of runs(t.area, owned[i], (o) => o === "ours")) {
      for (let r = run.top; r <= run.bottom; r++) {
        const key = `${t.sheet.id}\u0000${a1(r, run.left)}`;
        if (cleared.has(key)) continue;
        cleared.add(key);
        removed++;
      }
      t.sheet.worksheet.getRange(areaAddress(run)).dataValidation.clear();
    }
  });
  const changed = new Map<SheetState, string[]>();
  for (const sheet of wanted.keys()) if (!sheet.protected) changed.set(sheet, []);
  saveRecords(context, options, stored, changed, record.property);
  await context.sync();
  const notes = protectedKept.length
    ? [protectedNote(protectedKept, "the drop-downs on them could not be removed")]
    : [];
  return { count: removed, notes };
}
