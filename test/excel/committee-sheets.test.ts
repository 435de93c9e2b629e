/**
 * The committee sheets written into the workbook, on the Excel double: marks that survive
 * sessions, new sheets before old ones go, a free table name, requests sized by bytes, and a
 * protected workbook reported before anything is written.
 */
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { defaultSettings } from "../../src/core/settings";
import { type CommitteeSummary, buildSummary } from "../../src/core/summary/model";
import { planCommitteeSheets } from "../../src/core/summary/plan";
import { validateGrids } from "../../src/core/validate";
import { createExcelHost } from "../../src/excel/excel-host";
import { SHEET_MARK_KEY } from "../../src/excel/own-sheets";
import { OWN_SHEETS_KEY } from "../../src/excel/workbook-settings";
import {
  DEFAULT_WRITE_OPTIONS,
  titleOf,
  writeCommitteeSheets,
} from "../../src/excel/write-committee-sheets";
import {
  type DoubleOptions,
  type ExcelDouble,
  WEB_PAYLOAD_LIMIT,
  createExcelDouble,
} from "../helpers/excel-double";
import { gridsFromSpecs } from "../helpers/fake-host";

const summary = (): CommitteeSummary =>
  buildSummary(
    [
      {
        source: "",
        result: validateGrids(gridsFromSpecs(RIVERBEND_SHEETS)),
        settings: defaultSettings(),
      },
    ],
    new Date(Date.UTC(2026, 10, 24))
  );

const plain = (name: string, text = "x") => ({ name, values: [[text]] });
const write = (excel: ExcelDouble, s = summary(), customProperties = true) =>
  writeCommitteeSheets(excel.context(), planCommitteeSheets(s), {
    ...DEFAULT_WRITE_OPTIONS,
    customProperties,
  });
const SUMMARY_TITLE = "Committee summary: governance self-assessment";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function installed(options: DoubleOptions): ExcelDouble {
  const excel = createExcelDouble(options);
  restore?.();
  restore = excel.installGlobals();
  return excel;
}

describe("writing the committee sheets in Excel", () => {
  it("adds both sheets with the table, the charts (series by column), a frozen header and marks", async () => {
    const excel = createExcelDouble({ sheets: [plain("Cover")] });
    const out = await write(excel);
    expect(out).toEqual({ names: ["Committee Summary", "Action Plan"], replaced: 0 });
    expect(excel.syncs()).toBe(4);
    expect(excel.workbook.screenUpdatingSuspensions).toBe(1);
    expect(excel.workbook.activeSheet?.name).toBe("Committee Summary");
    expect(excel.cell("Committee Summary", "A1")).toEqual({
      value: SUMMARY_TITLE,
      style: { numberFormat: "@", bold: true, size: 14 },
    });
    expect(excel.cell("Committee Summary", "C10").value).toBe(3);
    expect(excel.cell("Committee Summary", "J10").style).toEqual({
      numberFormat: "@",
      bold: true,
      fontColor: "#000000",
      fill: "#F7C948",
    });
    const charts = excel.sheet("Committee Summary").charts.map((c) => ({
      type: c.type,
      seriesBy: c.seriesBy,
      position: c.position,
      title: c.title,
      x: c.xAxisValues,
    }));
    expect(charts).toEqual([
      {
        type: "BarClustered",
        seriesBy: "Columns",
        position: ["L9", "T27"],
        title: "Mean score by section",
        x: { top: 9, left: 0, bottom: 16, right: 0 },
      },
      {
        type: "BarStacked",
        seriesBy: "Columns",
        position: ["L29", "T49"],
        title: "Distribution of scores by section",
        x: undefined,
      },
    ]);
    const actions = excel.sheet("Action Plan");
    expect(excel.workbook.tables.map((t) => [t.name, t.sheet.name, t.style])).toEqual([
      ["GovcheckActionPlan", "Action Plan", "TableStyleMedium2"],
    ]);
    expect(actions.frozenRows).toBe(1);
    expect(excel.cell("Action Plan", "A1").value).toBe("Lead officer");
    expect(excel.cell("Action Plan", "C2")).toEqual({ value: "B2", style: { numberFormat: "@" } });
    expect(
      JSON.parse(excel.sheet("Committee Summary").customProperties.get(SHEET_MARK_KEY)!.value)
    ).toEqual({ kind: "summary", title: SUMMARY_TITLE });
    expect(JSON.parse(actions.customProperties.get(SHEET_MARK_KEY)!.value)).toEqual({
      kind: "actions",
      title: "Lead officer",
    });
    expect(excel.workbook.settings.get(OWN_SHEETS_KEY)).toEqual([
      {
        id: excel.sheet("Committee Summary").id,
        name: "Committee Summary",
        kind: "summary",
        title: SUMMARY_TITLE,
      },
      { id: actions.id, name: "Action Plan", kind: "actions", title: "Lead officer" },
    ]);
  });

  it("replaces the sheets it made in an earlier session (every sheet id changed), and keeps the user's", async () => {
    const excel = createExcelDouble({ sheets: [plain("Cover"), plain("Notes")] });
    await write(excel);
    excel.reopen();
    excel.renameSheet("Notes", "Committee Summary notes");
    const out = await write(excel);
    expect(out).toEqual({ names: ["Committee Summary", "Action Plan"], replaced: 2 });
    expect(excel.sheetNames()).toEqual([
      "Cover",
      "Committee Summary notes",
      "Committee Summary",
      "Action Plan",
    ]);
    expect(excel.workbook.tables.filter((t) => !t.sheet.deleted).map((t) => t.name)).toEqual([
      "GovcheckActionPlan",
    ]);
  });

  it("replaces its sheets without custom properties too (ExcelApi 1.11), by the records in the settings", async () => {
    const excel = createExcelDouble({ sheets: [plain("Cover")], api: "1.11" });
    await write(excel, summary(), false);
    excel.reopen();
    expect(await write(excel, summary(), false)).toEqual({
      names: ["Committee Summary", "Action Plan"],
      replaced: 2,
    });
    expect(excel.sheetNames()).toEqual(["Cover", "Committee Summary", "Action Plan"]);
  });

  it("leaves alone a user's sheet with the same name, and a sheet of its own the user has taken over", async () => {
    const excel = createExcelDouble({ sheets: [plain("Committee Summary", "My notes")] });
    await write(excel);
    expect(excel.sheetNames()).toEqual([
      "Committee Summary",
      "Committee Summary (2)",
      "Action Plan",
    ]);
    excel.sheet("Action Plan").setValue(0, 0, "Our own action plan now");
    const out = await write(excel);
    expect(out).toEqual({ names: ["Committee Summary (2)", "Action Plan (2)"], replaced: 1 });
    expect(excel.cell("Committee Summary", "A1").value).toBe("My notes");
    expect(excel.cell("Action Plan", "A1").value).toBe("Our own action plan now");
  });

  it("names its table so that no table in the workbook has the name already", async () => {
    const excel = createExcelDouble({
      sheets: [
        {
          name: "Register",
          values: [
            ["Lead", "Action"],
            ["x", "y"],
          ],
          tables: [{ name: "GovcheckActionPlan", address: "A1:B2" }],
        },
      ],
    });
    await write(excel);
    expect(excel.workbook.tables.map((t) => `${t.sheet.name}: ${t.name}`)).toEqual([
      "Register: GovcheckActionPlan",
      "Action Plan: GovcheckActionPlan2",
    ]);
  });

  it("writes the new sheets before it removes the old; a failure part way leaves the old ones and removes what it added", async () => {
    const excel = createExcelDouble({ sheets: [plain("Cover")] });
    await write(excel);
    const before = excel.sheetNames();
    excel.failNext("ChartCollection.add", "GeneralException");
    await expect(write(excel)).rejects.toMatchObject({ code: "GeneralException" });
    expect(excel.sheetNames()).toEqual(before);
    expect(excel.cell("Committee Summary", "A1").value).toBe(SUMMARY_TITLE);
    expect(excel.sheet("Action Plan").frozenRows).toBe(1);
  });

  it("reports a protected workbook structure before writing anything", async () => {
    const excel = installed({ sheets: [plain("Cover")], structureProtected: true });
    await expect(
      createExcelHost().writeCommitteeSheets(planCommitteeSheets(summary()))
    ).rejects.toMatchObject({
      code: "WorkbookStructureProtected",
      message: expect.stringMatching(/structure is protected.*Nothing was written/),
    });
    expect(excel.sheetNames()).toEqual(["Cover"]);
    expect(excel.log.filter((l) => l.error)).toEqual([]);
  });

  it("writes text from the schedule as text, never as a formula", async () => {
    const s = summary();
    const risky = {
      ...s,
      actions: s.actions.map((a, i) =>
        i === 0
          ? {
              ...a,
              requirement: '=HYPERLINK("http://example.org","x")',
              action: "+Review",
              ref: "-1",
              lead: "@x",
            }
          : a
      ),
    };
    const excel = createExcelDouble({ sheets: [plain("Cover")] });
    await write(excel, risky);
    expect(["A2", "C2", "D2", "F2"].map((a) => excel.cell("Action Plan", a))).toEqual([
      { value: "@x", style: { numberFormat: "@" } },
      { value: "-1", style: { numberFormat: "@" } },
      { value: '=HYPERLINK("http://example.org","x")', style: { numberFormat: "@" } },
      { value: "+Review", style: { numberFormat: "@" } },
    ]);
  });

  it("sizes its requests by UTF-8 bytes: a long action plan in non-ASCII text stays under 5 MB a request", async () => {
    const s = summary();
    const long = {
      ...s,
      actions: Array.from({ length: 3000 }, (_, i) => ({
        ...s.actions[0],
        ref: `R${i}`,
        requirement: "\u00e9".repeat(900),
        action: "\u20ac".repeat(300),
      })),
    };
    const excel = createExcelDouble({ sheets: [plain("Cover")] });
    await write(excel, long);
    expect(excel.log.filter((l) => l.error)).toEqual([]);
    expect(excel.maxRequestBytes()).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(excel.cell("Action Plan", "D3001").value).toBe("\u00e9".repeat(900));
    expect(excel.workbook.tables[0].area).toEqual({ top: 0, left: 0, bottom: 3000, right: 9 });
  }, 30_000);

  it("takes the same number of syncs for a short and a long action plan that fit one request", async () => {
    const s = summary();
    const long = {
      ...s,
      actions: Array.from({ length: 1500 }, (_, i) => ({ ...s.actions[0], ref: `R${i}` })),
    };
    const counts: number[] = [];
    for (const x of [s, long]) {
      const excel = createExcelDouble({ sheets: [plain("Cover")] });
      await write(excel, x);
      counts.push(excel.syncs());
    }
    expect(counts).toEqual([4, 4]);
  });

  it("puts the plan's A1 text in the mark", () => {
    const plan = planCommitteeSheets(summary());
    expect(plan.sheets.map(titleOf)).toEqual([SUMMARY_TITLE, "Lead officer"]);
  });
});
