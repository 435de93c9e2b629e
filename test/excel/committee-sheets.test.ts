import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { defaultSettings } from "../../src/core/settings";
import { type CommitteeSummary, buildSummary } from "../../src/core/summary/model";
import { planCommitteeSheets } from "../../src/core/summary/plan";
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
  it("adds both sheets with the table, the charts (series by column) and a frozen header, in three syncs", async () => {
    const mock = mockExcel([plain("Cover")]);
    const out = await writeCommitteeSheets(mock.context, planCommitteeSheets(summary()));
    expect(out).toEqual({ names: ["Committee Summary", "Action Plan"], replaced: 0 });
    expect(mock.syncs()).toBe(3);
    expect(mock.screenUpdatesSuspended).toEqual(["until next sync"]);
    const [sheet, actions] = mock.newSheets;
    expect(sheet.activated).toBe(true);
    expect(written(sheet, 1, 1)).toEqual({
      value: "Committee summary: governance self-assessment",
      format: "@",
    });
    expect(written(sheet, 10, 3)).toEqual({ value: 3, format: "General" });
    // getCell takes 0-based indexes: row 10, column J is Principle A's RAG cell.
    expect(sheet.cellFormats.get("9,9")).toEqual({
      font: { bold: true, color: "#000000" },
      fill: { color: "#F7C948" },
    });
    expect(
      sheet.charts.map(({ type, source, seriesBy, xValues, position, chart }) => ({
        type,
        source,
        seriesBy,
        xValues,
        position,
        title: chart.title.text,
      }))
    ).toEqual([
      {
        type: "BarClustered",
        source: "E9:E17",
        seriesBy: "Columns",
        xValues: "A10:A17",
        position: ["L9", "T27"],
        title: "Mean score by section",
      },
      {
        type: "BarStacked",
        source: "A25:F33",
        seriesBy: "Columns",
        xValues: undefined,
        position: ["L29", "T49"],
        title: "Distribution of scores by section",
      },
    ]);
    expect(actions.tables).toEqual([
      {
        address: "A1:J11",
        hasHeaders: true,
        table: { name: "GovcheckActionPlan", style: "TableStyleMedium2" },
      },
    ]);
    expect(actions.frozenRows).toBe(1);
    expect(written(actions, 1, 1)).toEqual({ value: "Lead officer", format: "@" });
    expect(written(actions, 2, 3)).toEqual({ value: "B2", format: "@" });
    expect(mock.settings.get(OWN_SHEETS_KEY)).toEqual(["{new-1}", "{new-2}"]);
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
    await writeCommitteeSheets(mock.context, planCommitteeSheets(risky));
    const actions = mock.newSheets[1];
    expect(written(actions, 2, 1)).toEqual({ value: "@x", format: "@" });
    expect(written(actions, 2, 3)).toEqual({ value: "-1", format: "@" });
    expect(written(actions, 2, 4)).toEqual({
      value: '=HYPERLINK("http://example.org","x")',
      format: "@",
    });
    expect(written(actions, 2, 6)).toEqual({ value: "+Review", format: "@" });
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
