/**
 * The committee sheets written into the workbook, on the Excel double: the same content as the
 * .xlsx file (cells, looks, merges, the table, a chart per scale, page setup, header and footer,
 * print titles, page breaks), written with marks that survive sessions, new sheets before old ones
 * go, a free table name, requests sized by bytes, and a protected workbook reported before
 * anything is written.
 */
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { a1 } from "../../src/core/grid";
import { defaultSettings } from "../../src/core/settings";
import { type CommitteeSummary, buildSummary } from "../../src/core/summary/model";
import {
  ACTION_PLAN_TITLE,
  type PlanRange,
  SUMMARY_TITLE,
  type SheetPlan,
  planCommitteeSheets,
} from "../../src/core/summary/plan";
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
  type ExcelDouble,
  WEB_PAYLOAD_LIMIT,
  createExcelDouble,
  printSetup,
  rowHeights,
} from "../helpers/excel-double";
import { installedExcel } from "../helpers/installed-excel";
import type { Area } from "../helpers/excel-double/addresses";
import { AS_AT } from "../helpers/committee";
import { gridsFromSpecs } from "../helpers/fake-host";

const summary = (): CommitteeSummary =>
  buildSummary(
    [
      {
        source: "",
        result: validateGrids(gridsFromSpecs(RIVERBEND_SHEETS), { asAt: AS_AT }),
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

/** A plan's range (1-based) as the double stores areas (0-based). */
const area = (r: PlanRange): Area => ({
  top: r.top - 1,
  left: r.left - 1,
  bottom: r.bottom - 1,
  right: r.right - 1,
});

/** The A1 address of a table cell: its row under the header (0 = the header) and its column. */
const tableCell = (sheet: SheetPlan, row: number, column: string) => {
  const t = sheet.tables[0];
  return a1(t.top + row, t.left + t.header.indexOf(column));
};

describe("writing the committee sheets in Excel", () => {
  it("writes the file's content: every cell, its look, the merges, the table and its alignment, frozen header, marks", async () => {
    const excel = createExcelDouble({ sheets: [plain("Cover")] });
    const plan = planCommitteeSheets(summary());
    const [summaryPlan, actionsPlan] = plan.sheets;
    const out = await write(excel);
    expect(out).toEqual({ names: ["Committee Summary", "Action Plan"], replaced: 0 });
    expect(excel.syncs()).toBe(4);
    expect(excel.log.filter((l) => l.error)).toEqual([]);
    expect(excel.workbook.screenUpdatingSuspensions).toBe(1);
    expect(excel.workbook.activeSheet?.name).toBe("Committee Summary");
    const sheet = excel.sheet("Committee Summary");
    // Every planned cell, value and look, as the .xlsx writer writes it; text as text.
    for (const c of summaryPlan.cells) {
      const { value, style } = excel.cell("Committee Summary", a1(c.row, c.col));
      expect(value).toEqual(c.value ?? "");
      if (typeof c.value === "string") expect(style.numberFormat).toBe("@");
      if (c.bold) expect(style.bold).toBe(true);
      if (c.fill) expect(style.fill).toBe(c.fill);
      if (c.align)
        expect(style.horizontalAlignment).toBe(
          { left: "Left", right: "Right", center: "Center" }[c.align]
        );
    }
    expect(excel.cell("Committee Summary", "A1")).toMatchObject({
      value: SUMMARY_TITLE,
      style: { numberFormat: "@", bold: true, size: 14 },
    });
    expect(sheet.merges).toEqual(summaryPlan.merges.map(area));
    // Principle A's RAG cell: Amber, bold, centred.
    const rag = summaryPlan.cells.find((c) => c.value === "Amber" && c.fill)!;
    expect(excel.cell("Committee Summary", a1(rag.row, rag.col)).style).toMatchObject({
      bold: true,
      fontColor: "#000000",
      fill: "#F7C948",
      horizontalAlignment: "Center",
    });
    // The sheet's own text size, every cell at the top of its row; rows above any table sized.
    expect(sheet.style(-1, 0)).toMatchObject({ size: 10, verticalAlignment: "Top" });
    expect(rowHeights(sheet).get(0)).toBe(summaryPlan.rowHeights[1]);

    const actions = excel.sheet("Action Plan");
    const table = actionsPlan.tables[0];
    expect(excel.workbook.tables.map((t) => [t.name, t.sheet.name, t.style, t.area])).toEqual([
      [
        "GovcheckActionPlan",
        "Action Plan",
        "TableStyleMedium2",
        { top: table.top - 1, left: 0, bottom: table.top - 1 + table.rows.length, right: 8 },
      ],
    ]);
    expect(actions.frozenRows).toBe(table.top);
    expect(excel.cell("Action Plan", "A1").value).toBe(ACTION_PLAN_TITLE);
    expect(excel.cell("Action Plan", tableCell(actionsPlan, 0, "Lead officer")).value).toBe(
      "Lead officer"
    );
    expect(excel.cell("Action Plan", tableCell(actionsPlan, 1, "Section and ref"))).toMatchObject({
      value: "Principle B B2",
      style: { numberFormat: "@" },
    });
    // Each header aligned as its values: the score right, the requirement left, both 9 pt.
    for (const [column, align] of [
      ["Score", "Right"],
      ["Requirement", "Left"],
    ]) {
      for (const row of [0, 1])
        expect(excel.cell("Action Plan", tableCell(actionsPlan, row, column)).style).toMatchObject({
          horizontalAlignment: align,
          size: 9,
        });
    }
    expect(
      excel.cell("Action Plan", tableCell(actionsPlan, 1, "Improvement action")).style
    ).toMatchObject({ wrap: true, indent: 1 });

    expect(JSON.parse(sheet.customProperties.get(SHEET_MARK_KEY)!.value)).toEqual({
      kind: "summary",
      title: SUMMARY_TITLE,
    });
    expect(JSON.parse(actions.customProperties.get(SHEET_MARK_KEY)!.value)).toEqual({
      kind: "actions",
      title: ACTION_PLAN_TITLE,
    });
    expect(excel.workbook.settings.get(OWN_SHEETS_KEY)).toEqual([
      { id: sheet.id, name: "Committee Summary", kind: "summary", title: SUMMARY_TITLE },
      { id: actions.id, name: "Action Plan", kind: "actions", title: ACTION_PLAN_TITLE },
    ]);
  });

  it("draws a chart per scale on the scale's terms: each series from its column, red to green, axis from the scale's minimum", async () => {
    const excel = createExcelDouble({ sheets: [plain("Cover")] });
    const [summaryPlan] = planCommitteeSheets(summary()).sheets;
    await write(excel);
    const charts = excel.sheet("Committee Summary").charts;
    expect(charts.map((c) => [c.type, c.seriesBy, c.title])).toEqual(
      summaryPlan.charts.map((c) => [
        c.kind === "bar" ? "BarClustered" : "BarStacked",
        "Columns",
        c.title,
      ])
    );
    charts.forEach((chart, i) => {
      const planned = summaryPlan.charts[i];
      expect(chart.position).toEqual([
        a1(planned.anchor.top, planned.anchor.left),
        a1(planned.anchor.bottom, planned.anchor.right),
      ]);
      // Each series from its own column of the chart's table, named as planned, over the labels.
      expect(chart.series.map((x) => [x.name, x.values, x.xAxisValues, x.fill])).toEqual(
        planned.series.map((x) => [
          x.name,
          area(x.values),
          area(planned.categories),
          `#${x.colour}`,
        ])
      );
      expect(chart.valueAxis).toMatchObject({
        title: planned.valueAxis.title,
        minimum: planned.valueAxis.min,
        maximum: planned.valueAxis.max,
        majorUnit: planned.valueAxis.majorUnit,
        numberFormat: planned.valueAxis.numberFormat,
      });
      expect(chart.categoryAxis.reversePlotOrder).toBe(true);
      expect([chart.fontSize, chart.titleFontSize, chart.legendVisible]).toEqual([
        10,
        11,
        planned.legend,
      ]);
    });
    const [mean, distribution] = charts;
    expect(mean.valueAxis).toMatchObject({ minimum: 1, maximum: 5, majorUnit: 1 });
    expect(mean.series[0]).toMatchObject({
      hasDataLabels: true,
      dataLabels: { showValue: true, numberFormat: "0.00" },
    });
    expect(distribution.series.map((x) => x.fill)).toEqual([
      "#C50F1F",
      "#F7630C",
      "#F7C948",
      "#8CBD18",
      "#107C10",
    ]);
    expect(distribution.legendPosition).toBe("Bottom");
  });

  it("prints as the file does: A4 landscape at 100%, header and footer, print titles, page breaks", async () => {
    const excel = createExcelDouble({ sheets: [plain("Cover")] });
    const plan = planCommitteeSheets(summary());
    await write(excel);
    const [sheet, actions] = ["Committee Summary", "Action Plan"].map((n) =>
      printSetup(excel.sheet(n))
    );
    for (const s of [sheet, actions]) {
      expect(s).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { scale: 100 } });
      expect(s.margins).toEqual({
        left: 18,
        right: 18,
        top: 54,
        bottom: 54,
        header: expect.closeTo(21.6, 6),
        footer: expect.closeTo(21.6, 6),
      });
    }
    expect(sheet.headerFooter).toEqual({
      leftHeader: `&10&"-,Regular"${SUMMARY_TITLE}`,
      centerHeader: '&10&"-,Regular"Source: this workbook',
      rightHeader: '&10&"-,Regular"Made 24/11/2026',
      leftFooter: '&10&"-,Regular"Committee Summary',
      centerFooter: "",
      rightFooter: '&10&"-,Regular"Page &P of &N',
    });
    expect(actions.headerFooter.leftHeader).toBe(`&10&"-,Regular"${ACTION_PLAN_TITLE}`);
    const top = plan.sheets[1].tables[0].top;
    expect(actions.printTitleRows).toMatchObject({ top: top - 1, bottom: top - 1 });
    expect(sheet.printTitleRows).toBeUndefined();
    // A break above the row that starts each new page.
    expect(sheet.rowBreaks).toEqual(plan.sheets[0].page.rowBreaks);
    expect(sheet.rowBreaks.length).toBeGreaterThan(0);
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
    const frozen = excel.sheet("Action Plan").frozenRows;
    for (const place of ["ChartCollection.add", "PageLayout.orientation", "Range.merge"]) {
      excel.failNext(place, "GeneralException");
      await expect(write(excel)).rejects.toMatchObject({ code: "GeneralException" });
      expect(excel.sheetNames()).toEqual(before);
      expect(excel.cell("Committee Summary", "A1").value).toBe(SUMMARY_TITLE);
      expect(excel.sheet("Action Plan").frozenRows).toBe(frozen);
    }
  });

  it("reports a protected workbook structure before writing anything", async () => {
    const excel = installedExcel({ sheets: [plain("Cover")], structureProtected: true });
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
    const [, actions] = planCommitteeSheets(risky).sheets;
    await write(excel, risky);
    expect(
      ["Lead officer", "Section and ref", "Requirement", "Improvement action"].map((column) =>
        excel.cell("Action Plan", tableCell(actions, 1, column))
      )
    ).toEqual([
      { value: "@x", style: expect.objectContaining({ numberFormat: "@" }) },
      { value: "Principle B -1", style: expect.objectContaining({ numberFormat: "@" }) },
      {
        value: '=HYPERLINK("http://example.org","x")',
        style: expect.objectContaining({ numberFormat: "@" }),
      },
      { value: "+Review", style: expect.objectContaining({ numberFormat: "@" }) },
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
    const [, actions] = planCommitteeSheets(long).sheets;
    await write(excel, long);
    expect(excel.log.filter((l) => l.error)).toEqual([]);
    expect(excel.maxRequestBytes()).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(excel.cell("Action Plan", tableCell(actions, 3000, "Requirement")).value).toBe(
      "\u00e9".repeat(900)
    );
    const top = actions.tables[0].top - 1;
    expect(excel.workbook.tables[0].area).toEqual({ top, left: 0, bottom: top + 3000, right: 8 });
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
    expect(plan.sheets.map(titleOf)).toEqual([SUMMARY_TITLE, ACTION_PLAN_TITLE]);
  });
});
