/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load, office-addins/no-empty-load, office-addins/no-context-sync-in-loop --
   these tests break the rules of Office.js on purpose, to show the double refusing what Excel refuses. */
/**
 * The Excel double itself: each behaviour it copies from real Excel, with the page or issue that
 * documents it. src/excel is tested against this double, so the double must be right first.
 */
import {
  NotModelledError,
  RichApiError,
  WEB_PAYLOAD_LIMIT,
  createExcelDouble,
  printSetup,
  rowHeights,
} from "../helpers/excel-double";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RichApiError) return err.code;
    throw err;
  }
  return "no error";
}

const sheet = (name: string, values: (string | number)[][] = [["x"]]) => ({ name, values });

describe("the Excel double: proxies, loads and batches", () => {
  // https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load
  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")] });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("A");
    expect(() => ws.name).toThrow(/load/);
    ws.load("name");
    expect(() => ws.name).toThrow(RichApiError);
    await context.sync();
    expect(ws.name).toBe("A");
  });

  // https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
  it("answers isNullObject after the next sync without a load", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")] });
    const context = excel.context();
    const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
    const found = context.workbook.worksheets.getItemOrNullObject("a");
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(found.isNullObject).toBe(false);
  });

  // https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#calling-load-without-parameters-not-recommended
  it("leaves numberFormatCategories out of a load that names no properties", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")] });
    const context = excel.context();
    const range = context.workbook.worksheets.getItem("A").getRange("A1");
    range.load();
    await context.sync();
    expect(range.values).toEqual([["x"]]);
    expect(() => range.numberFormatCategories).toThrow(/load/);
  });

  // https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (codes) and
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection: a failing request stops where it fails.
  it("runs a request in order and stops at the first failure; what ran before stays done", async () => {
    const excel = createExcelDouble({
      sheets: [sheet("Open"), { ...sheet("Locked"), protected: true }],
    });
    const context = excel.context();
    const open = context.workbook.worksheets.getItem("Open");
    open.getRange("B1").values = [["written"]];
    context.workbook.worksheets.getItem("Locked").getRange("B1").values = [["refused"]];
    open.getRange("C1").values = [["never sent"]];
    const name = open.load("name");
    expect(await codeOf(context.sync())).toBe("AccessDenied");
    expect(excel.cell("Open", "B1").value).toBe("written");
    expect(excel.cell("Locked", "B1").value).toBe("");
    expect(excel.cell("Open", "C1").value).toBe("");
    expect(() => name.name).toThrow(/load/);
    expect(excel.log[0].error).toBe("AccessDenied");
  });

  // https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model (Excel.run flushes what is queued, as its sample shows)
  it("sends what is still queued when an Excel.run batch returns", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("B2").values = [["late"]];
    });
    expect(excel.cell("A", "B2").value).toBe("late");
  });

  it("fails loudly on members it does not model", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")] });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("A") as unknown as Record<string, unknown>;
    expect(() => ws.showGridlines).toThrow(NotModelledError);
    expect(() => {
      ws.tabColor = "red";
    }).toThrow(NotModelledError);
    const range = context.workbook.worksheets.getItem("A").getRange("A1");
    range.load("formulasR1C1");
    await expect(context.sync()).rejects.toThrow(NotModelledError);
  });
});

describe("the Excel double: limits", () => {
  // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins:
  // "Excel on the web has a payload size limit for requests and responses of 5MB."
  it("refuses a response over 5 MB with ResponsePayloadSizeLimitExceeded, counting UTF-8 bytes", async () => {
    // 1,000 cells of 1,000 characters: under 5 MB in UTF-16 code units x 1, over it in UTF-8 (3 bytes each).
    const long = "\u20ac".repeat(1000);
    const values = Array.from({ length: 2000 }, () => [long]);
    const excel = createExcelDouble({ sheets: [{ name: "Big", values }] });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("Big");
    ws.getRange("A1:A1000").load("values");
    await context.sync();
    expect(excel.log[0].responseBytes).toBeGreaterThan(3_000_000);
    ws.getRange("A1:A2000").load("values");
    expect(long.length * 2000).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(await codeOf(context.sync())).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("refuses a request over 5 MB with RequestPayloadSizeLimitExceeded, and applies none of it", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")] });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("A");
    ws.getRange("B1").values = [["first"]];
    ws.getRange("C1:C3000").values = Array.from({ length: 3000 }, () => ["\u00e9".repeat(1000)]);
    expect(await codeOf(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.cell("A", "B1").value).toBe("");
  });

  it("counts a method's arguments in the request: an address of 700,000 cells is over 5 MB", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")] });
    const context = excel.context();
    const address = Array.from({ length: 700_000 }, (_, i) => `D${i + 2}`).join(",");
    const areas = context.workbook.worksheets.getItem("A").getRanges(address);
    areas.conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
    expect(await codeOf(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.rules("A")).toEqual([]);
  });

  it("has no payload cap on the desktop", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")], platform: "desktop" });
    const context = excel.context();
    context.workbook.worksheets.getItem("A").getRange("C1:C3000").values = Array.from(
      { length: 3000 },
      () => ["\u00e9".repeat(1000)]
    );
    await context.sync();
    expect(excel.cell("A", "C3000").value).toHaveLength(1000);
  });

  // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins:
  // "A range is limited to 5,000,000 cells for read operations."
  it("refuses to read a range of more than 5,000,000 cells (RangeExceedsLimit)", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")] });
    const context = excel.context();
    context.workbook.worksheets.getItem("A").getRange("A:E").load("values");
    expect(await codeOf(context.sync())).toBe("RangeExceedsLimit");
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1): "if the merged areas
  // count in this range is more than 512, then this method will fail"; office-js issue 3611: only
  // areas whose top-left cell is in the range are returned.
  it("fails getMergedAreasOrNullObject past 512 areas, and reports areas by their top-left cell", async () => {
    const merged = Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const excel = createExcelDouble({ sheets: [{ name: "M", values: [["x"]], merged }] });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("M");
    const all = ws.getRange("A1:B1200").getMergedAreasOrNullObject();
    all.load("address");
    expect(await codeOf(context.sync())).toBe("GeneralException");
    const some = ws.getRange("B1:B3").getMergedAreasOrNullObject();
    const first = ws.getRange("A1:A3").getMergedAreasOrNullObject();
    some.load("address");
    first.load("address,areaCount");
    await context.sync();
    expect(some.isNullObject).toBe(true);
    expect(first.address).toBe("M!A1:B1,M!A3:B3");
    expect(first.areaCount).toBe(2);
  });
});

describe("the Excel double: protection", () => {
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection; AccessDenied in
  // https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling.
  it("reads a protected sheet but refuses values, formats, rules, tables and charts on it", async () => {
    const excel = createExcelDouble({ sheets: [{ ...sheet("P", [["a", 1]]), protected: true }] });
    const attempts: ((ws: Excel.Worksheet) => void)[] = [
      (ws) => (ws.getRange("A1").values = [["b"]]),
      (ws) => (ws.getRange("A1").numberFormat = [["@"]]),
      (ws) => (ws.getRange("A1").format.fill.color = "#FF0000"),
      (ws) => ws.getRanges("A1").conditionalFormats.add("Custom"),
      (ws) => ws.tables.add("A1:B1", true),
      (ws) => ws.charts.add("BarClustered", ws.getRange("A1:B1"), "Columns"),
    ];
    for (const attempt of attempts) {
      const context = excel.context();
      attempt(context.workbook.worksheets.getItem("P"));
      expect(await codeOf(context.sync())).toBe("AccessDenied");
    }
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("P");
    ws.load("protection/protected");
    const read = ws.getRange("A1:B1").load("values");
    await context.sync();
    expect(ws.protection.protected).toBe(true);
    expect(read.values).toEqual([["a", 1]]);
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#protect-the-workbooks-structure
  it("refuses to add, delete or rename sheets while the workbook's structure is protected", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A"), sheet("B")], structureProtected: true });
    const attempts: ((c: Excel.RequestContext) => void)[] = [
      (c) => c.workbook.worksheets.add("New"),
      (c) => c.workbook.worksheets.getItem("B").delete(),
      (c) => (c.workbook.worksheets.getItem("B").name = "Renamed"),
    ];
    for (const attempt of attempts) {
      const context = excel.context();
      attempt(context);
      expect(await codeOf(context.sync())).toBe("AccessDenied");
    }
    const context = excel.context();
    const protection = context.workbook.protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(true);
    expect(excel.sheetNames()).toEqual(["A", "B"]);
  });
});

describe("the Excel double: conditional formats", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member: "The priority of the
  // conditional format in the current ConditionalFormatCollection"; https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1):
  // "Adds a new conditional format to the collection at the first/top priority."
  it("gives a rule its priority as id, so ids shift when a rule is added or deleted", async () => {
    const excel = createExcelDouble({
      sheets: [
        {
          ...sheet("S"),
          conditionalFormats: [{ address: "A1:A9", formula: "=A1>3", fill: "#00FF00" }],
        },
      ],
    });
    const ids = async () => {
      const context = excel.context();
      const formats = context.workbook.worksheets
        .getItem("S")
        .getRange()
        .conditionalFormats.load("items/id,items/type");
      await context.sync();
      return formats.items.map((f) => f.id);
    };
    const context = excel.context();
    const ours = context.workbook.worksheets
      .getItem("S")
      .getRanges("B2")
      .conditionalFormats.add("Custom");
    ours.custom.rule.formula = "=TRUE";
    ours.load("id");
    await context.sync();
    expect(ours.id).toBe("0");
    expect(excel.rules("S").map((r) => r.formula)).toEqual(["=TRUE", "=A1>3"]);
    excel.addUserRule("S", { address: "C1:C5", formula: "=C1<0", fill: "#FF0000" });
    expect(await ids()).toEqual(["0", "1", "2"]);
    expect(excel.rules("S")[1].formula).toBe("=TRUE");
    excel.deleteRuleAt("S", 0);
    expect(excel.rules("S")[0].formula).toBe("=TRUE");
    // The id "1" now names the user's rule, not the one the add-in made.
    const c2 = excel.context();
    c2.workbook.worksheets.getItem("S").getRange().conditionalFormats.getItem("1").delete();
    await c2.sync();
    expect(excel.rules("S").map((r) => r.formula)).toEqual(["=TRUE"]);
  });

  // office-js issue 2180 (https://github.com/OfficeDev/office-js/issues/2180): loading a custom rule's
  // formula over a collection with other rule types fails; issues 6827/6835: some rules the user made
  // cannot be read at all.
  it("fails to load a custom rule's formula on a rule of another type, or on a rule Excel cannot describe", async () => {
    const excel = createExcelDouble({
      sheets: [
        {
          ...sheet("S"),
          conditionalFormats: [
            { address: "A1:A9", type: "ColorScale" },
            { address: "B1:B9", formula: "=B1>1", unreadable: true },
          ],
        },
      ],
    });
    let context = excel.context();
    context.workbook.worksheets
      .getItem("S")
      .getRange()
      .conditionalFormats.load("items/custom/rule/formula");
    expect(await codeOf(context.sync())).toBe("InvalidOperation");
    context = excel.context();
    const types = context.workbook.worksheets
      .getItem("S")
      .getRange()
      .conditionalFormats.load("items/type");
    await context.sync();
    expect(types.items.map((f) => f.type)).toEqual(["ColorScale", "Custom"]);
    types.items[1].custom.rule.load("formula");
    expect(await codeOf(context.sync())).toBe("GeneralException");
  });
});

describe("the Excel double: names, ids and sessions", () => {
  // https://github.com/OfficeDev/office-js/issues/551 and the Table.name reference
  // (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-name-member, which points to "Rename an Excel table":
  // https://support.microsoft.com/office/fbf49a4f-82a3-43eb-8ba2-44d21233b114): names are unique in
  // the workbook, whatever their case; a duplicate is "The argument is invalid" (InvalidArgument).
  it("refuses a table name used anywhere in the workbook, or one Excel does not allow", async () => {
    const workbook = () =>
      createExcelDouble({
        sheets: [
          {
            ...sheet("Old", [["Lead", "Action"]]),
            tables: [{ name: "GovcheckActionPlan", address: "A1:B2" }],
          },
          sheet("New", [["Lead", "Action"]]),
        ],
      });
    let excel = workbook();
    for (const name of ["govcheckactionplan", "Action Plan", "A1", "R", "1Table"]) {
      excel = workbook();
      const context = excel.context();
      const t = context.workbook.worksheets.getItem("New").tables.add("A1:B2", true);
      t.name = name;
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    }
    const context = excel.context();
    const all = context.workbook.tables.load("items/name");
    await context.sync();
    expect(all.items.map((t) => t.name).filter((n) => !/^Table\d+$/.test(n))).toEqual([
      "GovcheckActionPlan",
    ]);
  });

  // https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
  it("refuses a sheet name already taken (without case) or one Excel does not allow", async () => {
    const excel = createExcelDouble({ sheets: [sheet("Committee Summary")] });
    for (const [name, code] of [
      ["committee summary", "ItemAlreadyExists"],
      ["A/B", "InvalidArgument"],
      ["x".repeat(32), "InvalidArgument"],
    ]) {
      const context = excel.context();
      context.workbook.worksheets.add(name);
      expect(await codeOf(context.sync())).toBe(code);
    }
  });

  // office-js-docs issue 297 (https://github.com/OfficeDev/office-js-docs/issues/297): "The ID remains
  // constant within a single session but will change between sessions"; office-js issue 1390.
  it("changes worksheet ids when the workbook is opened again, and a renamed sheet is not found by its old name", async () => {
    const excel = createExcelDouble({ sheets: [sheet("Schedule")] });
    const idNow = async () => {
      const context = excel.context();
      const ws = context.workbook.worksheets.getItem("Schedule").load("id");
      await context.sync();
      return ws.id;
    };
    const first = await idNow();
    expect(await idNow()).toBe(first);
    excel.reopen();
    expect(await idNow()).not.toBe(first);
    excel.renameSheet("Schedule", "Schedule 2025");
    const context = excel.context();
    context.workbook.worksheets.getItem("Schedule").load("name");
    expect(await codeOf(context.sync())).toBe("ItemNotFound");
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetcustompropertycollection#excel-excel-worksheetcustompropertycollection-add-member(1):
  // keys are case-insensitive and at most 255 characters (InvalidArgument); ExcelApi 1.12.
  it("keeps worksheet custom properties by key without case, and refuses long keys", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")] });
    let context = excel.context();
    context.workbook.worksheets.getItem("S").customProperties.add("Govcheck.Sheet", "summary");
    await context.sync();
    context = excel.context();
    const p = context.workbook.worksheets
      .getItem("S")
      .customProperties.getItemOrNullObject("GOVCHECK.SHEET")
      .load("value");
    await context.sync();
    expect(p.value).toBe("summary");
    context = excel.context();
    context.workbook.worksheets.getItem("S").customProperties.add("k".repeat(256), "x");
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    const old = createExcelDouble({ sheets: [sheet("S")], api: "1.11" });
    context = old.context();
    context.workbook.worksheets.getItem("S").customProperties.add("k", "x");
    expect(await codeOf(context.sync())).toBe("ApiNotFound");
  });

  // https://learn.microsoft.com/office/dev/add-ins/develop/office-requirement-sets and the ExcelApi requirement sets
  // (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
  // a call past the host's sets fails with ApiNotFound; isSetSupported says so beforehand.
  it("answers isSetSupported per ExcelApi set, and fails calls from sets it lacks", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")], api: "1.13" }).withoutSet("1.12");
    const req = excel.office.context.requirements;
    expect([
      req.isSetSupported("ExcelApi", "1.11"),
      req.isSetSupported("ExcelApi", "1.12"),
      req.isSetSupported("ExcelApi", "1.13"),
      req.isSetSupported("ExcelApi", "1.14"),
    ]).toEqual([true, false, true, false]);
    const context = excel.context();
    context.workbook.worksheets.getItem("S").getRange("A1").load("numberFormatCategories");
    expect(await codeOf(context.sync())).toBe("ApiNotFound");
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member: "If the returned value starts with a plus
  // ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula."
  it("reads text written as a value as a formula where it starts with =, + or -, unless the cell is formatted as text", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")] });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("A2:C2").values = [['=HYPERLINK("x")', "+Review", "3"]];
    const text = ws.getRange("A3:C3");
    text.numberFormat = [["@", "@", "@"]];
    text.values = [['=HYPERLINK("x")', "+Review", "3"]];
    await context.sync();
    expect(excel.cell("S", "A2").style.formula).toBe('=HYPERLINK("x")');
    expect(excel.cell("S", "B2").style.formula).toBe("=+Review");
    expect(excel.cell("S", "C2").value).toBe(3);
    expect(["A3", "B3", "C3"].map((a) => excel.cell("S", a).value)).toEqual([
      '=HYPERLINK("x")',
      "+Review",
      "3",
    ]);
    ws.getRange("A1:B1").values = [["one"]];
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformatcategories-member and Excel.NumberFormatCategory.
  it("reports number format categories: Excel's own date formats are Date, a typed-in date format is Custom", async () => {
    const excel = createExcelDouble({
      sheets: [
        {
          name: "S",
          values: [[45000, 45000, 3, "x"]],
          numberFormats: { A1: "m/d/yyyy", B1: "dd/mm/yyyy", D1: "@" },
        },
      ],
    });
    const context = excel.context();
    const r = context.workbook.worksheets
      .getItem("S")
      .getRange("A1:D1")
      .load("numberFormatCategories,numberFormat,valueTypes");
    await context.sync();
    expect(r.numberFormatCategories).toEqual([["Date", "Custom", "General", "Text"]]);
    expect(r.numberFormat).toEqual([["m/d/yyyy", "dd/mm/yyyy", "General", "@"]]);
    expect(r.valueTypes).toEqual([["Double", "Double", "Double", "String"]]);
  });
});

describe("the Excel double: cell edit mode and start-up", () => {
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit and https://learn.microsoft.com/javascript/api/excel/excel.runoptions: without
  // delayForCellEdit a batch fails while the user edits a cell (InvalidOperationInCellEditMode);
  // with it, the batch waits until the user leaves the cell.
  it("rejects a batch in cell edit mode unless Excel.run was asked to wait", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")] });
    excel.startCellEdit();
    const read = (context: Excel.RequestContext) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1").load("values");
      return context.sync().then(() => r.values);
    };
    expect(await codeOf(excel.run(read))).toBe("InvalidOperationInCellEditMode");
    let done = false;
    const waiting = excel.run({ delayForCellEdit: true }, read).then((v) => {
      done = true;
      return v;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    excel.finishCellEdit();
    expect(await waiting).toEqual([["x"]]);
  });

  // Office.onReady can take many seconds: office-js issue 6946 ("Taskpanes taking forever to load")
  // and https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in.
  it("can answer Office.onReady only after 8 seconds", async () => {
    jest.useFakeTimers();
    try {
      const excel = createExcelDouble({ readyAfterMs: 8000 });
      let info: { host: string } | undefined;
      void excel.office.onReady().then((i) => (info = i));
      await jest.advanceTimersByTimeAsync(7999);
      expect(info).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      expect(info?.host).toBe("Excel");
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("the Excel double: injected faults", () => {
  it("fails the next call at a named place once, after what came before it in the request", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A")] }).failNext(
      "Range.values",
      "GeneralException"
    );
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("A");
    ws.getRange("B1").numberFormat = [["@"]];
    ws.getRange("B1").values = [["x"]];
    expect(await codeOf(context.sync())).toBe("GeneralException");
    expect(excel.cell("A", "B1").style.numberFormat).toBe("@");
    ws.getRange("B1").values = [["x"]];
    await context.sync();
    expect(excel.cell("A", "B1").value).toBe("x");
  });
});

describe("the Excel double: events", () => {
  const settle = () => new Promise((r) => setTimeout(r, 5));

  async function listen(excel: ReturnType<typeof createExcelDouble>, sheetName: string) {
    const heard: Record<string, unknown>[] = [];
    const selected: Record<string, unknown>[] = [];
    const results = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      const changed = ws.onChanged.add(async (args) => {
        heard.push(args as unknown as Record<string, unknown>);
      });
      const selection = ws.onSelectionChanged.add(async (args) => {
        selected.push(args as unknown as Record<string, unknown>);
      });
      await context.sync();
      return [changed, selection];
    });
    return { heard, selected, results };
  }

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events (register, handle) and
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs: address, worksheetId,
  // source, changeType; details "can be retrieved when the changed event is triggered on a single cell".
  it("raises onChanged after a user's edit, once for a pasted block, with details only for one cell", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S", [["a", 1]])], api: "1.14" });
    const { heard } = await listen(excel, "S");
    excel.userEdit("S", "B1", 3);
    expect(heard).toHaveLength(0); // handlers run after the change, on a task of their own
    await settle();
    excel.userEdit(
      "S",
      "A2:E101",
      Array.from({ length: 100 }, () => [1, 2, 3, 4, 5])
    );
    await settle();
    expect(heard).toHaveLength(2);
    expect(heard[0]).toMatchObject({
      type: "WorksheetChanged",
      address: "B1",
      worksheetId: excel.sheet("S").id,
      source: "Local",
      changeType: "RangeEdited",
      triggerSource: "Unknown",
      details: { valueBefore: 1, valueAfter: 3, valueTypeAfter: "Double" },
    });
    expect(heard[1].address).toBe("A2:E101");
    expect(heard[1].details).toBeUndefined();
    expect(excel.handlerErrors).toEqual([]);
  });

  // "Event triggers: ... Office Add-in (JavaScript) code that changes the workbook" (events page);
  // WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14) "identifies whether this local add-in triggers the event".
  it("raises onChanged for the add-in's own writes too, marked ThisLocalAddin where ExcelApi 1.14 is there", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")], api: "1.18" });
    const { heard } = await listen(excel, "S");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("C3").values = [["written"]];
      await context.sync();
    });
    await settle();
    expect(heard.map((h) => [h.address, h.triggerSource])).toEqual([["C3", "ThisLocalAddin"]]);

    const older = createExcelDouble({ sheets: [sheet("S")], api: "1.13" });
    const before = await listen(older, "S");
    await older.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("C3").values = [["written"]];
      await context.sync();
    });
    await settle();
    expect(before.heard).toHaveLength(1);
    expect("triggerSource" in before.heard[0]).toBe(false);
  });

  // "The RequestContext used to create the event handler is needed to remove it" (events page, Remove an event handler).
  it("removes a handler only in the context that added it", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")] });
    const { heard, results } = await listen(excel, "S");
    expect(() => results[0].remove()).toThrow(RichApiError); // that context's run has ended
    expect(excel.liveHandlers()).toBe(2);
    for (const r of results)
      await excel.run(r.context, async (context) => {
        r.remove();
        await context.sync();
      });
    expect(excel.liveHandlers()).toBe(0);
    excel.userEdit("S", "A1", "changed");
    await settle();
    expect(heard).toHaveLength(0);
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetselectionchangedeventargs: address and worksheetId.
  it("raises onSelectionChanged with the selected address", async () => {
    const excel = createExcelDouble({ sheets: [sheet("A"), sheet("B")] });
    const { selected } = await listen(excel, "B");
    excel.userSelect("A", "C3");
    excel.userSelect("B", "D5:D9");
    await settle();
    expect(selected).toEqual([
      { type: "WorksheetSelectionChanged", address: "D5:D9", worksheetId: excel.sheet("B").id },
    ]);
  });

  // "Events within Excel can be triggered by ... Office Add-in (JavaScript) code" (the events page);
  // office-js issue 4691: Range.select raises onSelectionChanged, on the web only for a change.
  it("raises onSelectionChanged for the add-in's own Range.select; on the web not for the same cells", async () => {
    for (const platform of ["web", "desktop"] as const) {
      const excel = createExcelDouble({ sheets: [sheet("S")], platform });
      const { selected } = await listen(excel, "S");
      for (let i = 0; i < 2; i++)
        await excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem("S");
          ws.activate();
          ws.getRange("B2").select();
          await context.sync();
        });
      await settle();
      expect({ platform, events: selected.map((e) => e.address) }).toEqual({
        platform,
        events: platform === "web" ? ["B2"] : ["B2", "B2"],
      });
    }
  });

  // office-js issues 3888 and 4066: on Excel on the web, a value chosen from a data-validation
  // drop-down raises no onChanged; the desktop raises one.
  it("raises no onChanged on the web for a value picked from a drop-down list; the desktop does", async () => {
    const seed = {
      ...sheet("S", [["Score"], [""]]),
      validations: [{ address: "A2", rule: { list: { inCellDropDown: true, source: "1,2,3" } } }],
    };
    const web = createExcelDouble({ sheets: [seed] });
    const onWeb = await listen(web, "S");
    web.userPick("S", "A2", 2);
    await settle();
    expect(web.cell("S", "A2").value).toBe(2);
    expect(onWeb.heard).toHaveLength(0);
    const desktop = createExcelDouble({ sheets: [seed], platform: "desktop" });
    const onDesktop = await listen(desktop, "S");
    desktop.userPick("S", "A2", 2);
    await settle();
    expect(onDesktop.heard).toHaveLength(1);
    expect(desktop.office.context.platform).toBe("PC");
    expect(web.office.context.platform).toBe("OfficeOnline");
  });

  // Worksheet.onChanged is ExcelApi 1.7: registering on an older host fails with ApiNotFound.
  it("refuses to register a handler without ExcelApi 1.7", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")], api: "1.6" });
    const context = excel.context();
    context.workbook.worksheets.getItem("S").onChanged.add(async () => undefined);
    expect(await codeOf(context.sync())).toBe("ApiNotFound");
  });
});

describe("the Excel double: data validation", () => {
  const list: Excel.DataValidationRule = {
    list: { inCellDropDown: true, source: "Red,Amber,Green" },
  };
  const whole: Excel.DataValidationRule = {
    wholeNumber: { formula1: 1, formula2: 5, operator: "Between" },
  };
  const validated = () =>
    createExcelDouble({
      sheets: [
        {
          ...sheet("S", [["x"]]),
          validations: [
            {
              address: "B2:B3",
              rule: list,
              prompt: { showPrompt: true, title: "RAG", message: "Pick one" },
            },
            { address: "C2", rule: whole },
          ],
        },
      ],
    });

  // Excel.DataValidationType (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationtype):
  // MixedCriteria "some but not all cells", Inconsistent "different rules on different cells".
  it("tells None, a rule's type, MixedCriteria and Inconsistent apart", async () => {
    const excel = validated();
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    const probes = ["A1:A3", "B2:B3", "B2:B4", "B2:C2", "C2"].map((a) =>
      ws.getRange(a).dataValidation.load("type")
    );
    const prompt = ws.getRange("B2:B3").dataValidation.load("prompt,rule,ignoreBlanks");
    await context.sync();
    expect(probes.map((p) => p.type)).toEqual([
      "None",
      "List",
      "MixedCriteria",
      "Inconsistent",
      "WholeNumber",
    ]);
    expect(prompt.prompt).toEqual({ showPrompt: true, title: "RAG", message: "Pick one" });
    expect(prompt.rule).toEqual(list);
    expect(prompt.ignoreBlanks).toBe(true);
    ws.getRange("B2:C2").dataValidation.load("prompt");
    await expect(context.sync()).rejects.toThrow(NotModelledError);
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation (creating rules, defaults)
  // and office-js issue 2594: a rule over a range where only some cells have validation fails with InvalidArgument.
  it("adds a rule where no cell has one, replaces one the cells share, and refuses a rule over cells that differ", async () => {
    const excel = validated();
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("D2:D4").dataValidation.rule = whole;
    await context.sync();
    expect(excel.validation("S", "D3")).toEqual({
      rule: whole,
      prompt: { showPrompt: false, title: "", message: "" },
      errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
      ignoreBlanks: true,
    });
    ws.getRange("B1:B3").dataValidation.rule = whole;
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    expect(excel.validation("S", "B1")).toBeUndefined();
    expect(excel.validation("S", "B2")?.rule).toEqual(list);
    ws.getRange("B2:B3").dataValidation.rule = whole;
    await context.sync();
    expect(excel.validation("S", "B2")?.rule).toEqual(whole);
    expect(excel.validation("S", "B2")?.prompt.title).toBe("RAG");
  });

  // DataValidationRule: "No more than one of these properties may be present"; Between and NotBetween need formula2.
  it("refuses a rule with two criteria, or Between without formula2", async () => {
    const excel = validated();
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("E1").dataValidation.rule = { ...whole, ...list };
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    ws.getRange("E1").dataValidation.rule = {
      wholeNumber: { formula1: 1, operator: "Between" },
    } as Excel.DataValidationRule;
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });

  // "Clearing data validation from a range will also clear any data validation that a user has added
  // manually to the range"; "only overlapping cells ... are cleared" (data validation page).
  it("clear() removes the validation of the cells it covers, the user's own included, and no others", async () => {
    const excel = validated();
    const context = excel.context();
    context.workbook.worksheets.getItem("S").getRange("B3:C3").dataValidation.clear();
    await context.sync();
    expect(excel.validatedCells("S")).toEqual(["B2", "C2"]);
  });

  // Title 32 characters, prompt 255, error message 225: MS-XLSB 2.5.37 DValStrings and MS-OI29500 2.1.613.
  it("refuses titles over 32 characters, a prompt over 255 and an error message over 225", async () => {
    const excel = validated();
    const context = excel.context();
    const dv = context.workbook.worksheets.getItem("S").getRange("D1").dataValidation;
    dv.rule = whole;
    dv.prompt = { showPrompt: true, title: "t".repeat(32), message: "m".repeat(255) };
    dv.errorAlert = {
      showAlert: true,
      style: "Warning",
      title: "t".repeat(32),
      message: "m".repeat(225),
    };
    await context.sync();
    dv.prompt = { showPrompt: true, title: "t".repeat(33), message: "" };
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    dv.prompt = { showPrompt: true, title: "", message: "m".repeat(256) };
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    dv.errorAlert = { showAlert: true, style: "Stop", title: "", message: "m".repeat(226) };
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });

  // Data protection (worksheets page) and the ExcelApi 1.8 requirement set.
  it("refuses validation on a protected sheet (AccessDenied) and without ExcelApi 1.8 (ApiNotFound)", async () => {
    const excel = validated();
    excel.protectSheet("S");
    let context = excel.context();
    context.workbook.worksheets.getItem("S").getRange("E1").dataValidation.rule = whole;
    expect(await codeOf(context.sync())).toBe("AccessDenied");
    context.workbook.worksheets.getItem("S").getRange("B2").dataValidation.clear();
    expect(await codeOf(context.sync())).toBe("AccessDenied");
    const old = createExcelDouble({ sheets: [sheet("S")], api: "1.7" });
    context = old.context();
    context.workbook.worksheets.getItem("S").getRange("A1").dataValidation.load("type");
    expect(await codeOf(context.sync())).toBe("ApiNotFound");
  });
});

describe("the Excel double: notes, comments and links", () => {
  const noted = (api = "1.18") =>
    createExcelDouble({
      api,
      sheets: [
        {
          ...sheet("S", [["x"]]),
          notes: { B2: "Checked with the Monitoring Officer" },
          comments: { C2: "@Sam can you look?" },
        },
      ],
    });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes: add takes one cell
  // ("an InvalidArgument error is thrown if multiple cells are selected"), notes are reached from the
  // workbook and the worksheet, by address, and deleted with Note.delete.
  it("adds a note to one cell, refuses several, lists every sheet's notes and deletes one", async () => {
    const excel = noted();
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    ws.notes.add("D4", "Score missing");
    await context.sync();
    ws.notes.add("D5:D6", "two cells");
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    const all = context.workbook.notes.load("items/content,items/authorName");
    await context.sync();
    const places = all.items.map((n) => n.getLocation().load("address"));
    await context.sync();
    expect(all.items.map((n) => n.content)).toEqual([
      "Checked with the Monitoring Officer",
      "Score missing",
    ]);
    expect(places.map((p) => p.address)).toEqual(["S!B2", "S!D4"]);
    expect(all.items[1].authorName).toBe("Jo Officer");
    ws.notes.getItem("D4").delete();
    const gone = ws.notes.getItemOrNullObject("D4");
    await context.sync();
    expect(gone.isNullObject).toBe(true);
    expect(excel.notes("S")).toEqual({ B2: "Checked with the Monitoring Officer" });
  });

  // Threaded comments (ExcelApi 1.10) are apart from notes; a note beside one is not documented.
  it("lists threaded comments with their cells, and will not guess at a note on a commented cell", async () => {
    const excel = noted();
    const context = excel.context();
    const comments = context.workbook.comments.load("items/content");
    await context.sync();
    const where = comments.items.map((c) => c.getLocation().load("address"));
    await context.sync();
    expect(where.map((w) => w.address)).toEqual(["S!C2"]);
    context.workbook.worksheets.getItem("S").notes.add("C2", "x");
    await expect(context.sync()).rejects.toThrow(NotModelledError);
  });

  it("refuses notes on a protected sheet and without ExcelApi 1.18", async () => {
    const excel = noted();
    excel.protectSheet("S");
    let context = excel.context();
    context.workbook.worksheets.getItem("S").notes.add("D4", "x");
    expect(await codeOf(context.sync())).toBe("AccessDenied");
    context.workbook.worksheets.getItem("S").notes.getItem("B2").delete();
    expect(await codeOf(context.sync())).toBe("AccessDenied");
    context = noted("1.17").context();
    context.workbook.notes.load("items");
    expect(await codeOf(context.sync())).toBe("ApiNotFound");
  });

  // Range.hyperlink (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink):
  // documentReference is a place in the workbook; textToDisplay is shown in the cell. A sheet name with
  // spaces or other characters is quoted and an apostrophe in it doubled (ECMA-376 Part 1 18.17;
  // "Create or change a cell reference", Microsoft Support).
  it("keeps a link's place in the workbook and follows it as Excel does, quoted names and doubled apostrophes", async () => {
    const excel = createExcelDouble({
      sheets: [sheet("Findings"), sheet("Officer's return 2025"), sheet("Plain_1")],
    });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("Findings");
    ws.getRange("A1").hyperlink = {
      documentReference: "'Officer''s return 2025'!D5",
      textToDisplay: "D5",
    };
    ws.getRange("A2").hyperlink = { documentReference: "Plain_1!B2", textToDisplay: "B2" };
    ws.getRange("A3").hyperlink = { documentReference: "Officer's return 2025!D5" };
    ws.getRange("A4").hyperlink = { documentReference: "'Officer's return 2025'!D5" };
    await context.sync();
    expect(excel.cell("Findings", "A1").value).toBe("D5");
    expect(excel.followLink("Findings", "A1")).toEqual({
      sheet: "Officer's return 2025",
      address: "D5",
    });
    expect(excel.followLink("Findings", "A2")).toEqual({ sheet: "Plain_1", address: "B2" });
    expect(() => excel.followLink("Findings", "A3")).toThrow(/Reference isn't valid/);
    expect(() => excel.followLink("Findings", "A4")).toThrow(/Reference isn't valid/);
  });
});

describe("the Excel double: page setup (ExcelApi 1.9)", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout: orientation, paperSize (Excel.PaperType), margins in
  // points; zoom "must be set as a JSON object (use x.zoom = {...} instead of x.zoom.scale = ...)", its scale "between 10 and 400".
  it("takes orientation, paper and margins, and a zoom set as a whole object with a scale from 10 to 400", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")] });
    const context = excel.context();
    const layout = context.workbook.worksheets.getItem("S").pageLayout;
    layout.orientation = "Landscape";
    layout.paperSize = "A4";
    layout.zoom = { scale: 100 };
    layout.leftMargin = 18;
    await context.sync();
    expect(printSetup(excel.sheet("S"))).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 100 },
      margins: { left: 18, top: 54 },
    });
    // zoom.scale on its own reads zoom first, which was never loaded.
    expect(() => (layout.zoom.scale = 50)).toThrow(/load/);
    const bad: ((l: Excel.PageLayout) => void)[] = [
      (l) => (l.zoom = { scale: 5 }),
      (l) => (l.zoom = { scale: 401 }),
      (l) => (l.orientation = "Sideways" as Excel.PageOrientation),
      (l) => (l.paperSize = "A7" as Excel.PaperType),
      (l) => (l.topMargin = -1),
    ];
    for (const attempt of bad) {
      attempt(layout);
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    }
    const old = createExcelDouble({ sheets: [sheet("S")], api: "1.8" }).context();
    old.workbook.worksheets.getItem("S").pageLayout.orientation = "Landscape";
    expect(await codeOf(old.sync())).toBe("ApiNotFound");
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.headerfooter (Excel's &P, &N codes); "Characters in a header or
  // footer: 255" in https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3.
  it("keeps each header and footer part, and refuses a header whose three parts pass 255 characters", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")] });
    const context = excel.context();
    const all =
      context.workbook.worksheets.getItem("S").pageLayout.headersFooters.defaultForAllPages;
    all.leftHeader = "a".repeat(200);
    all.rightFooter = "Page &P of &N";
    await context.sync();
    expect(printSetup(excel.sheet("S")).headerFooter).toMatchObject({
      leftHeader: "a".repeat(200),
      rightFooter: "Page &P of &N",
    });
    // The footer's parts are counted apart from the header's.
    all.leftFooter = "b".repeat(200);
    await context.sync();
    all.rightHeader = "c".repeat(56);
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    expect(printSetup(excel.sheet("S")).headerFooter.rightHeader).toBe("");
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlerows-member(1);
  // https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection#excel-excel-pagebreakcollection-add-member(1):
  // "Adds a page break before the top-left cell of the range specified"; "Page breaks: 1,026 horizontal and vertical" (limits page).
  it("repeats whole rows as print titles, and adds page breaks above a range's top-left cell, at most 1,026", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")] });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    ws.pageLayout.setPrintTitleRows("$5:$5");
    ws.horizontalPageBreaks.add("A21");
    ws.horizontalPageBreaks.add(ws.getRange("C40:D50"));
    await context.sync();
    const setup = printSetup(excel.sheet("S"));
    expect(setup.printTitleRows).toMatchObject({ top: 4, bottom: 4 });
    expect(setup.rowBreaks).toEqual([20, 39]);
    expect(() => ws.pageLayout.setPrintTitleRows("A1:B2")).not.toThrow();
    await expect(context.sync()).rejects.toBeInstanceOf(NotModelledError);
    for (let r = 100; r < 100 + 1026 - 2; r++) ws.horizontalPageBreaks.add(`A${r}`);
    await context.sync();
    ws.horizontalPageBreaks.add("A5000");
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });
});

describe("the Excel double: how cells look and sit", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.rangeformat: horizontalAlignment (Excel.HorizontalAlignment),
  // verticalAlignment, indentLevel "an integer from 0 to 250" (ExcelApi 1.9), rowHeight in points; "Row height: 409 points"
  // on the specifications and limits page.
  it("takes alignment, indent and row heights within Excel's limits; a format on whole columns is the columns' own", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S")] });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("B2:C3").format.horizontalAlignment = "Center";
    ws.getRange("B2").format.indentLevel = 2;
    ws.getRange("3:5").format.rowHeight = 30;
    ws.getRange("A:XFD").format.font.size = 10;
    ws.getRange("A:XFD").format.verticalAlignment = "Top";
    await context.sync();
    const s = excel.sheet("S");
    expect(excel.cell("S", "C3").style).toMatchObject({ horizontalAlignment: "Center" });
    expect(excel.cell("S", "B2").style).toMatchObject({ indent: 2 });
    expect([...rowHeights(s).entries()]).toEqual([
      [2, 30],
      [3, 30],
      [4, 30],
    ]);
    expect(s.style(-1, 16_383)).toMatchObject({ size: 10, verticalAlignment: "Top" });
    const read = ws.getRange("B2:C2").format.load("horizontalAlignment");
    await context.sync();
    expect(read.horizontalAlignment).toBe("Center");
    const bad: ((r: Excel.Range) => void)[] = [
      (r) => (r.format.horizontalAlignment = "Middle" as Excel.HorizontalAlignment),
      (r) => (r.format.indentLevel = 251),
      (r) => (r.format.rowHeight = 410),
    ];
    for (const attempt of bad) {
      attempt(ws.getRange("A1"));
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    }
    const old = createExcelDouble({ sheets: [sheet("S")], api: "1.8" }).context();
    old.workbook.worksheets.getItem("S").getRange("A1").format.indentLevel = 1;
    expect(await codeOf(old.sync())).toBe("ApiNotFound");
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1); "only the data in the
  // upper-left cell will remain": https://support.microsoft.com/office/merge-and-unmerge-cells-5cbd15d5-9375-4540-907f-c673a93fcedf
  it("merges a range, or each of its rows, keeping the upper-left value; refuses a protected sheet", async () => {
    const excel = createExcelDouble({
      sheets: [
        sheet("S", [
          ["a", "b", "c"],
          ["d", "e", "f"],
        ]),
        { ...sheet("P"), protected: true },
      ],
    });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("A1:C1").merge(false);
    ws.getRange("A2:C2").merge(true);
    await context.sync();
    expect(excel.sheet("S").merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 1, right: 2 },
    ]);
    expect(["A1", "B1", "C1", "A2", "B2"].map((a) => excel.cell("S", a).value)).toEqual([
      "a",
      "",
      "",
      "d",
      "",
    ]);
    // What Excel does to part of another merged area is not documented: not guessed.
    ws.getRange("B1:B3").merge();
    await expect(context.sync()).rejects.toBeInstanceOf(NotModelledError);
    context.workbook.worksheets.getItem("P").getRange("A1:B1").merge();
    expect(await codeOf(context.sync())).toBe("AccessDenied");
  });
});

describe("the Excel double: charts", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1): a series per
  // column with "Columns"; https://learn.microsoft.com/javascript/api/excel/excel.chartseriescollection#excel-excel-chartseriescollection-add-member(1)
  // and ChartSeries.setValues / setXAxisValues (ExcelApi 1.7).
  it("makes a series per column of its source, and adds named series whose data is one column", async () => {
    const excel = createExcelDouble({
      sheets: [
        sheet("S", [
          ["Section", "Mean", "Low", "High"],
          ["A", 2, 1, 3],
          ["B", 3, 0, 4],
        ]),
      ],
    });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    const chart = ws.charts.add("BarStacked", ws.getRange("C2:C3"), "Columns");
    chart.series.getItemAt(0).name = "Low";
    const high = chart.series.add("High");
    high.setValues(ws.getRange("D2:D3"));
    high.setXAxisValues(ws.getRange("A2:A3"));
    const count = chart.series.load("count");
    await context.sync();
    expect(count.count).toBe(2);
    expect(excel.sheet("S").charts[0].series.map((s) => [s.name, s.values, s.xAxisValues])).toEqual(
      [
        ["Low", { top: 1, left: 2, bottom: 2, right: 2 }, undefined],
        [
          "High",
          { top: 1, left: 3, bottom: 2, right: 3 },
          { top: 1, left: 0, bottom: 2, right: 0 },
        ],
      ]
    );
    // A source holding text, or a series over rows and columns at once: how Excel reads them is not modelled.
    ws.charts.add("BarClustered", ws.getRange("A1:B3"), "Columns");
    await expect(context.sync()).rejects.toBeInstanceOf(NotModelledError);
    high.setValues(ws.getRange("C2:D3"));
    await expect(context.sync()).rejects.toBeInstanceOf(NotModelledError);
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.chartfill#excel-excel-chartfill-setsolidcolor-member(1) ("#RRGGBB" or an
  // HTML colour name); Excel.ChartLegendPosition; ChartAxis minimum, maximum, majorUnit, numberFormat (1.8), reversePlotOrder and
  // setPositionAt (1.7); ChartSeries.dataLabels (1.8); https://learn.microsoft.com/javascript/api/excel/excel.chartfont.
  it("colours series, places the legend, sets the value axis and labels, and refuses what Excel refuses", async () => {
    const excel = createExcelDouble({ sheets: [sheet("S", [[1], [2]])] });
    const context = excel.context();
    const ws = context.workbook.worksheets.getItem("S");
    const chart = ws.charts.add("BarClustered", ws.getRange("A1:A2"), "Columns");
    const series = chart.series.getItemAt(0);
    series.format.fill.setSolidColor("#0F6CBD");
    series.hasDataLabels = true;
    series.dataLabels.numberFormat = "0.00";
    chart.legend.position = "Bottom";
    chart.legend.visible = false;
    chart.format.font.size = 10;
    chart.title.format.font.size = 11;
    const axis = chart.axes.valueAxis;
    axis.minimum = 1;
    axis.maximum = 5;
    axis.majorUnit = 1;
    axis.numberFormat = "0";
    axis.reversePlotOrder = true;
    axis.setPositionAt(5);
    chart.axes.categoryAxis.reversePlotOrder = true;
    await context.sync();
    expect(excel.sheet("S").charts[0]).toMatchObject({
      legendPosition: "Bottom",
      legendVisible: false,
      fontSize: 10,
      titleFontSize: 11,
      series: [{ fill: "#0F6CBD", hasDataLabels: true, dataLabels: { numberFormat: "0.00" } }],
      valueAxis: { minimum: 1, maximum: 5, majorUnit: 1, numberFormat: "0", crossesAt: 5 },
      categoryAxis: { reversePlotOrder: true },
    });
    series.format.fill.setSolidColor("not a colour");
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    chart.legend.position = "Middle" as Excel.ChartLegendPosition;
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    chart.axes.categoryAxis.minimum = 1;
    await expect(context.sync()).rejects.toBeInstanceOf(NotModelledError);
    const old = createExcelDouble({ sheets: [sheet("S", [[1]])], api: "1.7" }).context();
    const oldWs = old.workbook.worksheets.getItem("S");
    oldWs.charts
      .add("BarClustered", oldWs.getRange("A1"), "Columns")
      .series.getItemAt(0).dataLabels.showValue = true;
    expect(await codeOf(old.sync())).toBe("ApiNotFound");
  });
});
