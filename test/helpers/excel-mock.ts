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
  /** Formats set through getRange(address): columns, rows, the whole sheet. */
  columns: Map<
    string,
    {
      columnWidth?: number;
      rowHeight?: number;
      wrapText?: boolean;
      font?: Record<string, unknown>;
      fill?: Record<string, unknown>;
    } & Record<string, unknown>
  >;
  tables: { address: string; hasHeaders: boolean; table: { name?: string; style?: string } }[];
  charts: {
    type: string;
    source: string;
    seriesBy: string;
    xValues?: string;
    position?: [string, string];
    chart: {
      title: { text?: string; format: { font: { size?: number } } };
      legend: { position?: string; visible?: boolean };
      format: { font: { size?: number } };
      axes: {
        valueAxis: {
          title: { text?: string };
          minimum?: number;
          maximum?: number;
          majorUnit?: number;
          numberFormat?: string;
          reversePlotOrder?: boolean;
          crossesAt?: number;
        };
        categoryAxis: { reversePlotOrder?: boolean };
      };
    };
    /** Each series' name, values, categories, fill colour and data labels, as the code set them. */
    series: {
      name?: string;
      values?: string;
      xValues?: string;
      colour?: string;
      hasDataLabels?: boolean;
      dataLabels: Record<string, unknown>;
    }[];
  }[];
  frozenRows?: number;
  activated: boolean;
  /** Merged ranges, by address. */
  merges: string[];
  /** What the code set on worksheet.pageLayout (margins in points, as Office.js takes them). */
  pageLayout: Record<string, unknown> & {
    headersFooters: { defaultForAllPages: Record<string, string> };
    printTitleRows?: string;
  };
  /** Cells above which the code added a page break. */
  pageBreaks: string[];
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
export function mockExcel(
  sheets: MockSheet[],
  initialSettings: Record<string, unknown> = {}
): MockExcel {
  const made: OfficeMockObject[] = [];
  const pendingBytes: number[] = [];
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
    const load = range.load.bind(range);
    range.load = (props: string) => {
      if (/values/.test(props))
        pendingBytes.push(JSON.stringify(values).length + JSON.stringify(types).length);
      return load(props);
    };
    return range;
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
    getRange: (address?: string) =>
      make({
        address: address ?? `${s.name}!A:XFD`,
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
      merges: [],
      pageLayout: { headersFooters: { defaultForAllPages: {} } },
      pageBreaks: [],
    };
    state.newSheets.push(sheet);
    const worksheet = make({
      id: sheet.id,
      name,
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
        const range = {};
        sheet.writes.push({ row, column, rows, columns, range });
        // A range's format is recorded by its place, as getCell's is.
        const key = `${row},${column},${rows},${columns}`;
        const format = sheet.cellFormats.get(key) ?? { font: {}, fill: {} };
        sheet.cellFormats.set(key, format);
        Object.defineProperty(range, "format", { value: format, enumerable: false });
        return range;
      },
      getCell: (row: number, column: number) => {
        const key = `${row},${column}`;
        const format = sheet.cellFormats.get(key) ?? { font: {}, fill: {} };
        sheet.cellFormats.set(key, format);
        return { format };
      },
      getRange: (address: string) => {
        const format = sheet.columns.get(address) ?? { font: {}, fill: {} };
        sheet.columns.set(address, format);
        return { address, format, merge: () => sheet.merges.push(address) };
      },
      horizontalPageBreaks: { add: (cell: string) => sheet.pageBreaks.push(cell) },
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
            chart: {
              title: { format: { font: {} } },
              legend: {},
              format: { font: {} },
              axes: { valueAxis: { title: {} }, categoryAxis: {} },
            },
            series: [],
          };
          sheet.charts.push(record);
          const valueAxis = Object.assign(record.chart.axes.valueAxis, {
            setPositionAt: (value: number) => (record.chart.axes.valueAxis.crossesAt = value),
          });
          const seriesOf = (i: number) => {
            const series = (record.series[i] ??= { dataLabels: {} });
            // The first series takes its values from the range the chart was made from.
            if (i === 0) series.values ??= source.address;
            return Object.assign(series, {
              setXAxisValues: (r: { address: string }) => {
                series.xValues = r.address;
                if (i === 0) record.xValues = r.address;
              },
              setValues: (r: { address: string }) => (series.values = r.address),
              format: { fill: { setSolidColor: (c: string) => (series.colour = c) } },
            });
          };
          return {
            ...record.chart,
            axes: { ...record.chart.axes, valueAxis },
            series: {
              getItemAt: seriesOf,
              add: (name: string) => {
                record.series.push({ name, dataLabels: {} });
                return seriesOf(record.series.length - 1);
              },
            },
            setPosition: (from: string, to: string) => (record.position = [from, to]),
          };
        },
      },
      freezePanes: { freezeRows: (n: number) => (sheet.frozenRows = n) },
      activate: () => (sheet.activated = true),
    });
    // Page layout is set property by property: the record itself stands in, so the test reads back
    // what the code set.
    Object.defineProperty(worksheet, "pageLayout", {
      value: Object.assign(sheet.pageLayout, {
        setPrintTitleRows: (rows: string) => (sheet.pageLayout.printTitleRows = rows),
      }),
    });
    return worksheet;
  };

  const root = new OfficeMockObject({
    application: {
      suspendScreenUpdatingUntilNextSync: () =>
        state.screenUpdatesSuspended.push("until next sync"),
    },
    workbook: {
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
    await baseSync();
    for (const m of made) await m.sync();
    // The mock updates nested properties in microtasks it does not await: let them land.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { ...state, context: context as unknown as Excel.RequestContext, syncs: () => syncCount };
}
