import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { defaultSettings } from "../../src/core/settings";
import { type CommitteeSummary, buildSummary } from "../../src/core/summary/model";
import { type PlanRange, SUMMARY_TITLE, planCommitteeSheets } from "../../src/core/summary/plan";
import { validateGrids } from "../../src/core/validate";
import { OWN_SHEETS_KEY } from "../../src/excel/workbook-settings";
import { writeCommitteeSheets } from "../../src/excel/write-committee-sheets";
import { gridsFromSpecs } from "../helpers/fake-host";
import { type NewSheet, mockExcel } from "../helpers/excel-mock";

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

const plain = (name: string) => ({ name, values: [["x"]] });

const rangeAddress = (r: PlanRange) => {
  const a = (row: number, col: number) => `${String.fromCharCode(64 + col)}${row}`;
  const from = a(r.top, r.left);
  const to = a(r.bottom, r.right);
  return from === to ? from : `${from}:${to}`;
};

/** The value and number format the code wrote at a 1-based cell of a sheet it added. */
function written(
  sheet: NewSheet,
  row: number,
  col: number
): { value: unknown; format: unknown } | undefined {
  for (const w of sheet.writes) {
    const r = row - 1 - w.row;
    const c = col - 1 - w.column;
    if (r >= 0 && r < w.rows && c >= 0 && c < w.columns)
      return { value: w.range.values?.[r]?.[c], format: w.range.numberFormat?.[r]?.[c] };
  }
  return undefined;
}

describe("writing the committee sheets in Excel", () => {
  it("writes the same sheets as the file: cells, merges, table, charts on the scale's terms, in three syncs", async () => {
    const mock = mockExcel([plain("Cover")]);
    const plan = planCommitteeSheets(summary());
    const out = await writeCommitteeSheets(mock.context, plan);
    expect(out).toEqual({ names: ["Committee Summary", "Action Plan"], replaced: 0 });
    expect(mock.syncs()).toBe(3);
    expect(mock.screenUpdatesSuspended).toEqual(["until next sync"]);
    const [sheet, actions] = mock.newSheets;
    const [summaryPlan, actionsPlan] = plan.sheets;
    expect(sheet.activated).toBe(true);
    expect(written(sheet, 1, 1)).toEqual({ value: SUMMARY_TITLE, format: "@" });
    // Every planned cell, value and number format, as the .xlsx writer writes it.
    for (const c of summaryPlan.cells)
      expect(written(sheet, c.row, c.col)?.value).toEqual(c.value ?? "");
    expect(sheet.merges).toEqual(summaryPlan.merges.map(rangeAddress));
    // Principle A's RAG cell: Amber, bold, centred.
    const rag = summaryPlan.cells.find((c) => c.value === "Amber" && c.row > 10)!;
    expect(sheet.cellFormats.get(`${rag.row - 1},${rag.col - 1}`)).toMatchObject({
      font: { bold: true, color: "#000000" },
      fill: { color: "#F7C948" },
      horizontalAlignment: "Center",
    });
    expect(sheet.charts.map((c) => [c.type, c.seriesBy, c.chart.title.text])).toEqual(
      summaryPlan.charts.map((c) => [
        c.kind === "bar" ? "BarClustered" : "BarStacked",
        "Columns",
        c.title,
      ])
    );
    const [mean, distribution] = sheet.charts;
    expect(mean.chart.axes.valueAxis).toMatchObject({ minimum: 1, maximum: 5, majorUnit: 1 });
    expect(mean.chart.format.font.size).toBe(10);
    expect(mean.series[0]).toMatchObject({ colour: "#0F6CBD", hasDataLabels: true });
    expect(distribution.series.map((x) => x.colour)).toEqual([
      "#C50F1F",
      "#F7630C",
      "#F7C948",
      "#8CBD18",
      "#107C10",
    ]);
    expect(mean.xValues).toBe(rangeAddress(summaryPlan.charts[0].categories));
    // Each series from its own column of the chart's table, named as planned, over the labels.
    const planned = summaryPlan.charts[1];
    expect(distribution.series.map((x) => [x.name ?? "", x.values, x.xValues])).toEqual(
      planned.series.map((x) => [x.name, rangeAddress(x.values), rangeAddress(planned.categories)])
    );
    const table = actionsPlan.tables[0];
    expect(actions.tables).toEqual([
      {
        address: `A${table.top}:${String.fromCharCode(64 + table.header.length)}${table.top + table.rows.length}`,
        hasHeaders: true,
        table: { name: "GovcheckActionPlan", style: "TableStyleMedium2" },
      },
    ]);
    expect(actions.frozenRows).toBe(table.top);
    expect(written(actions, table.top, 1)).toEqual({ value: "Lead officer", format: "@" });
    expect(written(actions, table.top + 1, 2)).toEqual({ value: "Principle B B2", format: "@" });
    expect(mock.settings.get(OWN_SHEETS_KEY)).toEqual(["{new-1}", "{new-2}"]);
  });

  it("prints as the file does: A4 landscape at 100%, header and footer, print titles, page breaks", async () => {
    const mock = mockExcel([plain("Cover")]);
    const plan = planCommitteeSheets(summary());
    await writeCommitteeSheets(mock.context, plan);
    const [sheet, actions] = mock.newSheets;
    for (const s of [sheet, actions])
      expect(s.pageLayout).toMatchObject({
        orientation: "Landscape",
        paperSize: "A4",
        zoom: { scale: 100 },
        leftMargin: 18,
        topMargin: 54,
        headerMargin: expect.closeTo(21.6, 6),
      });
    expect(sheet.pageLayout.headersFooters.defaultForAllPages).toEqual({
      leftHeader: `&10&"-,Regular"${SUMMARY_TITLE}`,
      centerHeader: '&10&"-,Regular"Source: this workbook',
      rightHeader: '&10&"-,Regular"Made 24/11/2026',
      leftFooter: '&10&"-,Regular"Committee Summary',
      centerFooter: "",
      rightFooter: '&10&"-,Regular"Page &P of &N',
    });
    const top = plan.sheets[1].tables[0].top;
    expect(actions.pageLayout.printTitleRows).toBe(`$${top}:$${top}`);
    expect(sheet.pageBreaks).toEqual(plan.sheets[0].page.rowBreaks.map((r) => `A${r + 1}`));
    expect(sheet.pageBreaks.length).toBeGreaterThan(0);
  });

  it("replaces only the sheets it made; a user's sheet with the same name is kept and the new one renamed", async () => {
    const mock = mockExcel(
      [
        { name: "Committee Summary", id: "{users-own}", values: [["My notes"]] },
        { name: "Committee Summary (2)", id: "{made-before-1}", values: [["old"]] },
        { name: "Action Plan", id: "{made-before-2}", values: [["old"]] },
      ],
      { [OWN_SHEETS_KEY]: ["{made-before-1}", "{made-before-2}"] }
    );
    const out = await writeCommitteeSheets(mock.context, planCommitteeSheets(summary()));
    expect(mock.deletedSheets).toEqual(["Committee Summary (2)", "Action Plan"]);
    expect(out).toEqual({ names: ["Committee Summary (2)", "Action Plan"], replaced: 2 });
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
    const mock = mockExcel([plain("Cover")]);
    const plan = planCommitteeSheets(risky);
    await writeCommitteeSheets(mock.context, plan);
    const actions = mock.newSheets[1];
    const row = plan.sheets[1].tables[0].top + 1;
    expect(written(actions, row, 1)).toEqual({ value: "@x", format: "@" });
    expect(written(actions, row, 2)).toEqual({ value: "Principle B -1", format: "@" });
    expect(written(actions, row, 3)).toEqual({
      value: '=HYPERLINK("http://example.org","x")',
      format: "@",
    });
    expect(written(actions, row, 5)).toEqual({ value: "+Review", format: "@" });
  });

  it("takes the same number of syncs for a short and a long action plan (up to 2,000 rows)", async () => {
    const s = summary();
    const long = {
      ...s,
      actions: Array.from({ length: 1500 }, (_, i) => ({ ...s.actions[0], ref: `R${i}` })),
    };
    const counts: number[] = [];
    for (const x of [s, long]) {
      const mock = mockExcel([plain("Cover")]);
      await writeCommitteeSheets(mock.context, planCommitteeSheets(x));
      counts.push(mock.syncs());
    }
    expect(counts).toEqual([3, 3]);
  });
});
