/**
 * The core of the features for officers typing in Excel: what score drop-downs offer and say,
 * which rows an edit makes the pane read again, and how one sheet's new findings replace its old.
 */
import fc from "fast-check";
import { RIVERBEND_SHEETS } from "../examples/riverbend";
import type { CellValue, Grid } from "../src/core/grid";
import { patchGrid, regionToRead } from "../src/core/recheck";
import type { Scale } from "../src/core/recognise/scale";
import {
  legendWords,
  planScoreDropDowns,
  scoreChoices,
  scoreCriterion,
  scoreMessages,
} from "../src/core/score-dropdowns";
import { validateGrids } from "../src/core/validate";
import { DEBOUNCE_MS, EditQueue, type PendingSheet } from "../src/taskpane/edit-queue";
import { dimensionStyle } from "./fixtures/cases/dimension-style";
import { severalSchedules } from "./fixtures/cases/several-schedules";
import { gridsFromSpecs } from "./helpers/fake-host";

const oneToFive: Scale = { min: 1, max: 5, direction: "ascending" };

describe("score drop-downs", () => {
  it("lists a numeric scale's whole numbers, and a word scale's levels worst to best", () => {
    expect(scoreChoices(oneToFive)).toEqual(["1", "2", "3", "4", "5"]);
    // A word scale as issue 10 describes it: levels from worst to best, counted from 1.
    const rag: Scale = { ...oneToFive, max: 3, levels: ["Red", "Amber", "Green"] };
    expect(scoreChoices(rag)).toEqual(["Red", "Amber", "Green"]);
    expect(scoreCriterion(rag)).toEqual({ kind: "list", choices: ["Red", "Amber", "Green"] });
    expect(scoreMessages(rag, undefined).prompt).toBe(
      "Choose Red, Amber or Green (Green is best)."
    );
  });

  it("falls back to any whole number on the scale where the list would pass Excel's 255 characters, and offers nothing for words it cannot list", () => {
    expect(scoreCriterion(oneToFive)).toEqual({
      kind: "list",
      choices: ["1", "2", "3", "4", "5"],
    });
    expect(scoreCriterion({ min: 0, max: 100, direction: "ascending" })).toEqual({
      kind: "whole",
      min: 0,
      max: 100,
    });
    expect(
      scoreCriterion({ ...oneToFive, max: 2, levels: ["Not met", "Met, with conditions"] })
    ).toBeNull();
  });

  it("names the scale in the schedule's own words where its legend gives them", () => {
    expect(
      legendWords("- self assessment score (1 = need to improve, 2 = adequate and 3 = good)")
    ).toBe("1 = need to improve, 2 = adequate and 3 = good");
    expect(legendWords("Scored 1 to 4, where 1 = excellent and 4 = poor.")).toBe(
      "1 = excellent and 4 = poor"
    );
    expect(legendWords("Score (1-5)")).toBeUndefined();
    const [plan] = planScoreDropDowns(
      validateGrids(gridsFromSpecs(dimensionStyle.sheets)).schedules,
      gridsFromSpecs(dimensionStyle.sheets)
    );
    expect(plan).toMatchObject({
      sheet: "Dimension 3",
      column: 4,
      criterion: { kind: "list", choices: ["1", "2", "3"] },
      prompt: "1 = need to improve, 2 = adequate and 3 = good.",
    });
    expect(plan.errorMessage).toMatch(/^That is not on this schedule's scale: 1 = need to improve/);
    expect(plan.errorMessage.length).toBeLessThanOrEqual(225);
    expect(plan.rows[0].top).toBe(12);
  });

  it("says which end is best where the legend does not, keeping within Excel's limits", () => {
    const m = scoreMessages({ min: 1, max: 4, direction: "descending" }, undefined);
    expect(m.prompt).toBe("A whole number from 1 to 4 (1 is best).");
    const long = scoreMessages(oneToFive, `1 = ${"not yet started ".repeat(30)}and 5 = embedded`);
    expect(long.prompt.length).toBeLessThanOrEqual(255);
    expect(long.errorMessage.length).toBeLessThanOrEqual(225);
    expect(long.prompt.endsWith("…")).toBe(true);
  });

  it("plans every schedule with a score column, its score rows in runs", () => {
    const grids = gridsFromSpecs(severalSchedules.sheets);
    const plans = planScoreDropDowns(validateGrids(grids).schedules, grids);
    expect(plans.map((p) => [p.sheet, p.column, p.rows])).toEqual(
      validateGrids(grids).schedules.map((c) => [
        c.schedule.sheet,
        c.schedule.columns.score,
        expect.any(Array),
      ])
    );
    for (const p of plans) expect(p.prompt).toMatch(/1 = need to improve/);
  });
});

describe("checking one sheet again", () => {
  const grids = gridsFromSpecs(severalSchedules.sheets);
  const sheet = grids[0];
  const schedules = validateGrids([sheet]).schedules.map((c) => c.schedule);

  it("reads the spans of the schedules an edit touches, across every used column", () => {
    expect(schedules.length).toBe(2);
    const [first, second] = schedules;
    const inSecond = regionToRead(sheet, schedules, [
      { top: second.lastRow, left: 4, bottom: second.lastRow, right: 4 },
    ])!;
    // The last schedule's span runs on down the sheet (its footer, rows added below it).
    expect(inSecond).toEqual({
      top: first.lastRow + 1,
      left: 1,
      bottom: sheet.rows.length,
      right: 5,
    });
    const inFirst = regionToRead(sheet, schedules, [{ top: 4, left: 4, bottom: 4, right: 4 }])!;
    expect(inFirst).toEqual({ top: 1, left: 1, bottom: first.lastRow, right: 5 });
    // A requirement added below the last schedule, in a column past the used ones.
    const below = regionToRead(sheet, schedules, [{ top: 40, left: 7, bottom: 40, right: 7 }])!;
    expect(below).toEqual({ top: first.lastRow + 1, left: 1, bottom: 40, right: 7 });
    expect(
      regionToRead(sheet, schedules, [{ top: 4, left: 1, bottom: 4, right: 1 }], true)
    ).toEqual({ top: 1, left: 1, bottom: sheet.rows.length, right: 5 });
  });

  it("puts the rows read in place, growing the sheet where they fall outside it", () => {
    const g: Grid = {
      name: "S",
      hidden: false,
      firstRow: 3,
      firstColumn: 2,
      rows: [["a", "b"], ["c"]],
      merges: [],
    };
    const patched = patchGrid(g, { top: 2, left: 1, bottom: 4, right: 2 }, [
      ["x"],
      [null, "B"],
      ["y", null],
    ]);
    expect(patched.firstRow).toBe(2);
    expect(patched.firstColumn).toBe(1);
    expect(patched.rows).toEqual([["x"], [null, "B", "b"], ["y"]]);
  });

  // A re-check of one sheet, merged into the workbook's result, is what a whole check finds.
  it("merges one sheet's new findings into the workbook's as a whole check would list them", () => {
    const book = gridsFromSpecs(RIVERBEND_SHEETS);
    const whole = validateGrids(book);
    const scheduled = whole.schedules.map((c) => c.schedule);
    const scoreCells = scheduled.flatMap((s) =>
      s.records.map((r) => ({ sheet: s.sheet, row: r.scoreRow, column: s.columns.score! }))
    );
    const values: CellValue[] = [null, 1, 2, 3, 5, 6, "TBC", 2.5, "3"];
    fc.assert(
      fc.property(fc.constantFrom(...scoreCells), fc.constantFrom(...values), (cell, value) => {
        const index = book.findIndex((g) => g.name === cell.sheet);
        const area = { top: cell.row, left: cell.column, bottom: cell.row, right: cell.column };
        const region = regionToRead(
          book[index],
          scheduled.filter((s) => s.sheet === cell.sheet),
          [area]
        )!;
        // What Excel would answer for the region after the edit.
        const edited = patchGrid(book[index], area, [[value]]);
        const rows: CellValue[][] = [];
        for (let r = region.top; r <= region.bottom; r++) {
          const row: CellValue[] = [];
          for (let c = region.left; c <= region.right; c++) {
            const v = edited.rows[r - edited.firstRow]?.[c - edited.firstColumn];
            row.push(v === undefined ? null : v);
          }
          rows.push(row);
        }
        const patched = patchGrid(book[index], region, rows);
        const after = book.map((g, i) => (i === index ? patched : g));
        // The region read again carries every change: checking it gives what a whole read would.
        const reread = book.map((g, i) => (i === index ? edited : g));
        const rechecked = validateGrids(after);
        expect(rechecked.findings).toEqual(validateGrids(reread).findings);
        expect(rechecked.schedules.map((c) => c.schedule.id)).toEqual(
          validateGrids(reread).schedules.map((c) => c.schedule.id)
        );
      }),
      { numRuns: 60 }
    );
  });
});

describe("edits held until typing stops", () => {
  afterEach(() => jest.useRealTimers());

  it("sends each sheet's edits once, a second after the last, and nothing after it is disposed", () => {
    jest.useFakeTimers();
    const sent: Map<string, PendingSheet>[] = [];
    const queue = new EditQueue((edits) => sent.push(edits));
    const at = (row: number) => ({ top: row, left: 4, bottom: row, right: 4 });
    queue.add({ sheet: "A", area: at(5), structural: false });
    jest.advanceTimersByTime(900);
    queue.add({ sheet: "B", area: at(6), structural: false });
    jest.advanceTimersByTime(900);
    queue.add({ sheet: "A", area: at(7), structural: true });
    jest.advanceTimersByTime(DEBOUNCE_MS - 1);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    expect([...sent[0]]).toEqual([
      ["A", { areas: [at(5), at(7)], structural: true }],
      ["B", { areas: [at(6)], structural: false }],
    ]);
    queue.add({ sheet: "A", area: at(8), structural: false });
    queue.dispose();
    jest.advanceTimersByTime(5000);
    expect(sent).toHaveLength(1);
  });
});
