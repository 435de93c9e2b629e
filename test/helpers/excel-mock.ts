import { OfficeMockObject } from "office-addin-mock";

/** A worksheet as the mock Excel holds it: values as Office.js returns them ("" for empty). */
export interface MockSheet {
  name: string;
  id?: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** 0-based row and column where the used range starts. */
  rowIndex?: number;
  columnIndex?: number;
  values: (string | number | boolean)[][];
  /** Office.js value types; derived from the values when absent ("#N/A" strings become "Error"). */
  valueTypes?: string[][];
  /** The address getMergedAreasOrNullObject reports, e.g. "Sheet1!A3:A4,Sheet1!C3:D3". */
  mergedAddress?: string;
  /**
   * Drop-down lists on the sheet's cells: the cells ("D5:D20") and the source as Office.js
   * returns it ("Red,Amber,Green", or "=Key!$A$2:$A$5" for a range).
   */
  validations?: { address: string; source: string }[];
}

export interface MockExcel {
  /** Pass this as the Excel.RequestContext. */
  context: Excel.RequestContext;
  syncs: () => number;
  /** The bytes of cell data each sync returned (values and valueTypes as JSON). */
  responseBytes: number[];
  settings: Map<string, unknown>;
  addedFormats: {
    sheet: string;
    address: string;
    type: string;
    formula?: string;
    fill?: string;
    id: string;
  }[];
  deletedFormatIds: string[];
  /** Conditional formats already on each sheet (the user's own, and ones the add-in added before). */
  existingFormats: Map<string, { id: string }[]>;
  activated: string[];
  selected: string[];
  rangeRequests: { sheet: string; row: number; column: number; rows: number; columns: number }[];
  /** Sheets deleted with worksheet.delete(), by name. */
  deletedSheets: string[];
  /** Sheets the code added, with what it wrote into them. */
  newSheets: NewSheet[];
  /** One entry each time the code suspended screen updating. */
  screenUpdatesSuspended: string[];
}

/** What the code wrote into a sheet it added: plain records, read back by the tests. */
export interface NewSheet {
  name: string;
  id: string;
  writes: {
    row: number;
    column: number;
    rows: number;
    columns: number;
    range: { values?: unknown[][]; numberFormat?: string[][] };
  }[];
  cellFormats: Map<
    string,
    { font: Record<string, unknown>; fill: Record<string, unknown>; wrapText?: boolean }
  >;
  columns: Map<string, { columnWidth?: number; wrapText?: boolean }>;
  tables: { address: string; hasHeaders: boolean; table: { name?: string; style?: string } }[];
  charts: {
    type: string;
    source: string;
    seriesBy: string;
    xValues?: string;
    position?: [string, string];
    chart: {
      title: { text?: string };
      legend: { position?: string };
      axes: { valueAxis: { title: { text?: string } } };
    };
  }[];
  frozenRows?: number;
  activated: boolean;
}

type Seed = Record<string, unknown>;

function typeOf(v: string | number | boolean): string {
  if (v === "") return "Empty";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(v)) return "Error";
  return "String";
}

/**
 * Builds an office-addin-mock Excel around plain sheets. Objects the code gets back from methods
 * are made on demand and synced with the context; the context's sync is counted and waits for the
 * mock's nested updates to land.
 */
/** A cell as an A1 reference's parts, 1-based. */
function cellOf(ref: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}

function areaOf(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = address.replace(/^.*!/, "").split(":");
  const from = cellOf(a);
  const to = cellOf(b);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}

/**
 * Something read only after load and sync, as Office.js proxies are: reading a property before
 * its sync throws, as Excel does ("The property 'type' is not available").
 */
function loadable<T extends object>(
  values: T,
  onSync: (run: () => void) => void
): T & { load: (p: string) => void } {
  const state: { loaded: boolean } = { loaded: false };
  const target = {
    load: () => onSync(() => (state.loaded = true)),
  } as unknown as T & { load: (p: string) => void };
  for (const key of Object.keys(values) as (keyof T)[]) {
    Object.defineProperty(target, key, {
      get: () => {
        if (!state.loaded)
          throw Object.assign(new Error(`The property '${String(key)}' is not available.`), {
            code: "PropertyNotLoaded",
          });
        return values[key];
      },
    });
  }
  return target;
}

/**
 * What Range.dataValidation reports for a range, as Microsoft documents it: "List" with its rule
 * when one list covers every cell, "None" when no cell has one, "MixedCriteria" when some cells
 * have none, "Inconsistent" when cells differ (the rule is then left empty).
 */
function validationOver(
  s: MockSheet,
  area: { top: number; left: number; bottom: number; right: number }
): { type: string; rule: { list?: { source: string; inCellDropDown: boolean } } } {
  const found = new Set<{ address: string; source: string } | undefined>();
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++)
      found.add(
        (s.validations ?? []).find((v) => {
          const a = areaOf(v.address);
          return r >= a.top && r <= a.bottom && c >= a.left && c <= a.right;
        })
      );
  const lists = [...found];
  if (lists.length === 1 && lists[0] === undefined) return { type: "None", rule: {} };
  if (lists.length === 1)
    return { type: "List", rule: { list: { source: lists[0]!.source, inCellDropDown: true } } };
  return { type: lists.includes(undefined) ? "MixedCriteria" : "Inconsistent", rule: {} };
}

export function mockExcel(
  sheets: MockSheet[],
  initialSettings: Record<string, unknown> = {},
  names: { name: string; value: string }[] = []
): MockExcel {
  const made: OfficeMockObject[] = [];
  const pendingBytes: number[] = [];
  /** Loads queued on plain proxies (data validation), completed at the next sync. */
  const pendingLoads: (() => void)[] = [];
  const onSync = (run: () => void) => pendingLoads.push(run);
  let syncCount = 0;
  let formatCount = 0;
  const state: Omit<MockExcel, "context" | "syncs"> = {
    responseBytes: [],
    settings: new Map(Object.entries(initialSettings)),
    addedFormats: [],
    deletedFormatIds: [],
    existingFormats: new Map(),
    activated: [],
    selected: [],
    rangeRequests: [],
    deletedSheets: [],
    newSheets: [],
    screenUpdatesSuspended: [],
  };

  const make = (seed: Seed, nullable = false): OfficeMockObject => {
    const mock = new OfficeMockObject(seed);
    // *OrNullObject results answer isNullObject after a sync without a load, as Office.js does.
    if (nullable) mock.load("isNullObject");
    made.push(mock);
    return mock;
  };

  const idOf = (s: MockSheet, i: number) => s.id ?? `{sheet-${i}}`;
  const find = (key: string) => sheets.find((s, i) => s.name === key || idOf(s, i) === key);

  const rangeFor = (s: MockSheet, row: number, column: number, rows: number, columns: number) => {
    state.rangeRequests.push({ sheet: s.name, row, column, rows, columns });
    const top = s.rowIndex ?? 0;
    const left = s.columnIndex ?? 0;
    const values: (string | number | boolean)[][] = [];
    const types: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const source = s.values[row - top + r] ?? [];
      const typeRow = s.valueTypes?.[row - top + r];
      const vr: (string | number | boolean)[] = [];
      const tr: string[] = [];
      for (let c = 0; c < columns; c++) {
        const v = source[column - left + c] ?? "";
        vr.push(v);
        tr.push(typeRow?.[column - left + c] ?? typeOf(v));
      }
      values.push(vr);
      types.push(tr);
    }
    const range = make({ values, valueTypes: types, address: `${s.name}!R${row}C${column}` });
    Object.assign(range, {
      dataValidation: loadable(
        validationOver(s, {
          top: row + 1,
          left: column + 1,
          bottom: row + rows,
          right: column + columns,
        }),
        onSync
      ),
    });
    const load = range.load.bind(range);
    range.load = (props: string) => {
      if (/values/.test(props))
        pendingBytes.push(JSON.stringify(values).length + JSON.stringify(types).length);
      return load(props);
    };
    return range;
  };

  const valuesAt = (
    s: MockSheet,
    area: { top: number; left: number; bottom: number; right: number }
  ): (string | number | boolean)[][] => {
    const top = s.rowIndex ?? 0;
    const left = s.columnIndex ?? 0;
    const out: (string | number | boolean)[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = area.left; c <= area.right; c++)
        row.push(s.values[r - 1 - top]?.[c - 1 - left] ?? "");
      out.push(row);
    }
    return out;
  };

  const formatsOn = (s: MockSheet): Seed => ({
    items: (state.existingFormats.get(s.name) ?? []).map((f) => ({
      id: f.id,
      delete: () => state.deletedFormatIds.push(f.id),
    })),
  });

  const worksheetFor = (s: MockSheet, i: number): Seed => ({
    isNullObject: false,
    name: s.name,
    id: idOf(s, i),
    visibility: s.visibility ?? "Visible",
    getUsedRangeOrNullObject: () => {
      const empty = s.values.length === 0;
      return make(
        {
          isNullObject: empty,
          rowIndex: s.rowIndex ?? 0,
          columnIndex: s.columnIndex ?? 0,
          rowCount: s.values.length,
          columnCount: s.values.reduce((n, r) => Math.max(n, r.length), 0),
        },
        true
      );
    },
    getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
      rangeFor(s, row, column, rows, columns),
    getCell: (row: number, column: number) => rangeFor(s, row, column, 1, 1),
    getRange: (address?: string) =>
      make({
        address: address ?? `${s.name}!A:XFD`,
        values: address ? valuesAt(s, areaOf(address)) : [],
        conditionalFormats: formatsOn(s),
        select: () => state.selected.push(`${s.name}!${address}`),
        getMergedAreasOrNullObject: () =>
          make({ isNullObject: !s.mergedAddress, address: s.mergedAddress ?? "" }, true),
      }),
    getRanges: (address: string) =>
      make({
        address,
        conditionalFormats: {
          add: (type: string) => {
            const id = `{govcheck-cf-${++formatCount}}`;
            const format = make({
              id,
              type,
              custom: { rule: { formula: "" }, format: { fill: { color: "" } } },
            });
            const record = { sheet: s.name, address, type, id };
            state.addedFormats.push(record);
            // Read back what the code set, after it has set it.
            Object.defineProperty(record, "formula", {
              get: () => format.custom.rule.formula,
              enumerable: true,
            });
            Object.defineProperty(record, "fill", {
              get: () => format.custom.format.fill.color,
              enumerable: true,
            });
            return format;
          },
        },
      }),
    activate: () => state.activated.push(s.name),
    delete: () => state.deletedSheets.push(s.name),
  });

  const addSheet = (name: string) => {
    const sheet: NewSheet = {
      name,
      id: `{new-${state.newSheets.length + 1}}`,
      writes: [],
      cellFormats: new Map(),
      columns: new Map(),
      tables: [],
      charts: [],
      activated: false,
    };
    state.newSheets.push(sheet);
    return make({
      id: sheet.id,
      name,
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
        const range = {};
        sheet.writes.push({ row, column, rows, columns, range });
        return range;
      },
      getCell: (row: number, column: number) => {
        const key = `${row},${column}`;
        const format = sheet.cellFormats.get(key) ?? { font: {}, fill: {} };
        sheet.cellFormats.set(key, format);
        return { format };
      },
      getRange: (address: string) => {
        const format = sheet.columns.get(address) ?? {};
        sheet.columns.set(address, format);
        return { address, format };
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          const table = {};
          sheet.tables.push({ address, hasHeaders, table });
          return table;
        },
      },
      charts: {
        add: (type: string, source: { address: string }, seriesBy: string) => {
          const record: NewSheet["charts"][number] = {
            type,
            source: source.address,
            seriesBy,
            chart: { title: {}, legend: {}, axes: { valueAxis: { title: {} } } },
          };
          sheet.charts.push(record);
          return {
            ...record.chart,
            series: {
              getItemAt: () => ({
                setXAxisValues: (r: { address: string }) => (record.xValues = r.address),
              }),
            },
            setPosition: (from: string, to: string) => (record.position = [from, to]),
          };
        },
      },
      freezePanes: { freezeRows: (n: number) => (sheet.frozenRows = n) },
      activate: () => (sheet.activated = true),
    });
  };

  const root = new OfficeMockObject({
    application: {
      suspendScreenUpdatingUntilNextSync: () =>
        state.screenUpdatesSuspended.push("until next sync"),
    },
    workbook: {
      names: { items: names.map((n) => ({ name: n.name, type: "Range", value: n.value })) },
      worksheets: {
        items: sheets.map(worksheetFor),
        add: (name: string) => addSheet(name),
        getItem: (key: string) => {
          const s = find(key);
          if (!s) throw Object.assign(new Error(`no sheet ${key}`), { code: "ItemNotFound" });
          return make(worksheetFor(s, sheets.indexOf(s)));
        },
        getItemOrNullObject: (key: string) => {
          const s = find(key);
          return make(
            s
              ? worksheetFor(s, sheets.indexOf(s))
              : { isNullObject: true, getRange: () => make({ conditionalFormats: { items: [] } }) },
            true
          );
        },
      },
      settings: {
        getItemOrNullObject: (key: string) => {
          const value = state.settings.get(key);
          return make(
            {
              isNullObject: value === undefined,
              value: value === undefined ? "" : JSON.stringify(value),
            },
            true
          );
        },
        add: (key: string, value: unknown) =>
          state.settings.set(key, typeof value === "string" ? JSON.parse(value) : value),
      },
    },
  });
  const context = root as unknown as { sync: () => Promise<void> };
  const baseSync = root.sync.bind(root);
  context.sync = async () => {
    syncCount++;
    state.responseBytes.push(pendingBytes.splice(0).reduce((a, b) => a + b, 0));
    for (const run of pendingLoads.splice(0)) run();
    await baseSync();
    for (const m of made) await m.sync();
    // The mock updates nested properties in microtasks it does not await: let them land.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { ...state, context: context as unknown as Excel.RequestContext, syncs: () => syncCount };
}
