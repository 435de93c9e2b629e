/**
 * The Excel host's features for officers typing, on the Excel double: watching edits and
 * selections, reading one schedule again, score drop-downs, problems as notes and the Findings
 * sheet, each as real Excel allows it (requirement sets, protection, the user's own rules, notes
 * and sheets, ids that change between sessions).
 */
import { findingsInContext } from "../../src/core/finding-context";
import type { Finding } from "../../src/core/findings";
import type { SheetEdit, SheetSelection } from "../../src/core/host";
import { planScoreDropDowns } from "../../src/core/score-dropdowns";
import { validateGrids } from "../../src/core/validate";
import { type ExcelHost, createExcelHost } from "../../src/excel/excel-host";
import { FINDINGS_TITLE } from "../../src/excel/findings-sheet";
import { MOST_NOTES, NOTE_MARK } from "../../src/excel/problem-notes";
import { DROPDOWN_MARK, DROPDOWNS_KEY } from "../../src/excel/score-dropdowns";
import { dimensionStyle } from "../fixtures/cases/dimension-style";
import { severalSchedules } from "../fixtures/cases/several-schedules";
import { type DoubleOptions, type SheetSeed } from "../helpers/excel-double";
import { officeSheet } from "../helpers/office-sheets";
import { excelWith } from "../helpers/installed-excel";

const HEADER = [
  "Ref",
  "Requirement",
  "Evidence",
  "Score (1-5)",
  "Improvement action",
  "Lead officer",
];

function schedule(name: string, rows = 6, seed: Partial<SheetSeed> = {}): SheetSeed {
  const values: (string | number)[][] = [HEADER];
  for (let i = 1; i <= rows; i++)
    values.push([`R${i}`, `Requirement ${i} is met openly.`, "Minutes", (i % 5) + 1, "", ""]);
  return { name, values, ...seed };
}

/** Reads the workbook and checks it, as the pane does before anything else. */
async function checked(host: ExcelHost) {
  const read = await host.readWorkbook();
  const result = validateGrids(read.grids, { ownSheets: read.ownSheets });
  return { read, result, plans: planScoreDropDowns(result.schedules, read.grids) };
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe("what this Excel can do", () => {
  it("offers each feature only with its requirement set, and says why not in one sentence", async () => {
    const { host } = excelWith({ sheets: [schedule("S")], api: "1.18" });
    expect(Object.values(host.features).every((f) => f.available)).toBe(true);
    const old = excelWith({ sheets: [schedule("S")], api: "1.13" }).host;
    expect(old.features.notes).toEqual({
      available: false,
      reason: expect.stringMatching(/ExcelApi 1\.18/),
    });
    expect(old.features.dropDowns.available).toBe(true);
    const oldest = excelWith({ sheets: [schedule("S")], api: "1.7" }).host;
    expect(oldest.features.dropDowns).toEqual({
      available: false,
      reason: expect.stringMatching(/ExcelApi 1\.8/),
    });
    const switched = excelWith({ sheets: [schedule("S")], api: "1.18" });
    switched.excel.withoutSet("1.8");
    expect(createExcelHost().features.dropDowns.available).toBe(false);
    await expect(createExcelHost().addScoreDropDowns([])).rejects.toThrow(/ExcelApi 1\.8/);
    for (const reason of Object.values(excelWith({ api: "1.6" }).host.features))
      expect(reason.available ? "" : reason.reason).toMatch(
        /^[A-Z][^.]*\b(ExcelApi 1\.\d+)[^]*\.$/
      );
  });
});

describe("watching edits and selections", () => {
  async function watching(options: DoubleOptions) {
    const { excel, host } = excelWith(options);
    await host.readWorkbook();
    const edits: SheetEdit[] = [];
    const selections: SheetSelection[] = [];
    const watch = await host.watch(["S"], {
      onEdit: (e) => edits.push(e),
      onSelect: (s) => selections.push(s),
    });
    return { excel, host, edits, selections, watch };
  }

  it("passes on an officer's edit and a pasted block once each, with where they were", async () => {
    const { excel, edits } = await watching({ sheets: [schedule("S"), schedule("Other")] });
    excel.userEdit("S", "D3", 1);
    excel.userEdit("Other", "D3", 1);
    excel.userEdit(
      "S",
      "A20:E119",
      Array.from({ length: 100 }, () => ["R", "text", "e", 2, "act"])
    );
    await settle();
    expect(edits).toEqual([
      { sheet: "S", area: { top: 3, left: 4, bottom: 3, right: 4 }, structural: false },
      { sheet: "S", area: { top: 20, left: 1, bottom: 119, right: 5 }, structural: false },
    ]);
    expect(excel.handlerErrors).toEqual([]);
  });

  it("is not told of the add-in's own writes (ExcelApi 1.14 says whose they are)", async () => {
    const { excel, host, edits } = await watching({ sheets: [schedule("S")], api: "1.18" });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("H2").values = [["written by code"]];
      await context.sync();
    });
    await host.highlight([
      {
        sheet: "S",
        cell: "D2",
        row: 2,
        column: 4,
        rule: "score-missing",
        severity: "error",
        message: "m",
      },
    ]);
    const { plans } = await checked(host);
    await host.addScoreDropDowns(plans);
    await host.showProblemNotes([
      {
        sheet: "S",
        cell: "D2",
        row: 2,
        column: 4,
        rule: "score-missing",
        severity: "error",
        message: "m",
      },
    ]);
    await settle();
    expect(edits).toEqual([]);
  });

  it("passes on the selection, and on the web the cell it left (a drop-down pick raises no change there)", async () => {
    const web = await watching({ sheets: [schedule("S")] });
    web.excel.userSelect("S", "D3");
    web.excel.userSelect("S", "D4:E5");
    await settle();
    expect(web.selections.map((s) => s.area)).toEqual([
      { top: 3, left: 4, bottom: 3, right: 4 },
      { top: 4, left: 4, bottom: 5, right: 5 },
    ]);
    expect(web.edits).toEqual([
      {
        sheet: "S",
        area: { top: 3, left: 4, bottom: 3, right: 4 },
        structural: false,
        possible: true,
      },
    ]);
    const desktop = await watching({ sheets: [schedule("S")], platform: "desktop" });
    desktop.excel.userSelect("S", "D3");
    desktop.excel.userSelect("S", "D4");
    await settle();
    expect(desktop.edits).toEqual([]);
  });

  it("removes its handlers in the context that added them when stopped", async () => {
    const { excel, watch, edits } = await watching({ sheets: [schedule("S")] });
    expect(excel.liveHandlers()).toBe(2);
    await watch.stop();
    expect(excel.liveHandlers()).toBe(0);
    excel.userEdit("S", "D3", 2);
    await settle();
    expect(edits).toEqual([]);
    await watch.stop();
  });

  it("names a watched sheet that has gone, and watches the rest", async () => {
    const { excel, host } = excelWith({ sheets: [schedule("S"), schedule("T")] });
    await host.readWorkbook();
    excel.sheet("T").deleted = true;
    const watch = await host.watch(["S", "T"], {
      onEdit: () => undefined,
      onSelect: () => undefined,
    });
    expect(watch.notes).toEqual([
      '"T" is no longer in the workbook, so edits there are not checked as you type. Check the schedules again.',
    ]);
    expect(excel.liveHandlers()).toBe(2);
  });
});

describe("reading one schedule again", () => {
  it("reads an area in one sync, dates typed as scores as dates, by id after a rename", async () => {
    const { excel, host } = excelWith({
      sheets: [
        {
          ...schedule("S"),
          numberFormats: { D3: "m/d/yyyy" },
        },
      ],
    });
    await host.readWorkbook();
    excel.renameSheet("S", "S renamed");
    const before = excel.syncs();
    const read = await host.readRegion("S", { top: 2, left: 1, bottom: 4, right: 6 });
    expect(excel.syncs() - before).toBe(1);
    expect(read.sheet).toBe("S renamed");
    expect(read.rows[0]).toEqual(["R1", "Requirement 1 is met openly.", "Minutes", 2]);
    expect(read.rows[1][3]).toBeInstanceOf(Date);
  });

  it("takes a second sync only for formats typed in by hand", async () => {
    const { excel, host } = excelWith({
      sheets: [{ ...schedule("S"), numberFormats: { D3: "dd/mm/yyyy" } }],
    });
    await host.readWorkbook();
    const before = excel.syncs();
    const read = await host.readRegion("S", { top: 2, left: 1, bottom: 7, right: 6 });
    expect(excel.syncs() - before).toBe(2);
    expect(read.rows[1][3]).toBeInstanceOf(Date);
  });
});

describe("score drop-downs", () => {
  const userList = { list: { inCellDropDown: true, source: "Yes,No" } };

  function dimensionWorkbook(extra: Partial<SheetSeed> = {}, options: Partial<DoubleOptions> = {}) {
    return excelWith({
      sheets: [
        { ...officeSheet(dimensionStyle.sheets[0]), ...extra },
        schedule("Protected", 3, { protected: true }),
      ],
      ...options,
    });
  }

  it("adds a list of the scale with a prompt in the schedule's words, only where no rule is, and counts the user's", async () => {
    // The schedule's score cells are D12, D13, D16, D17 and D18. D13 has the user's own rule,
    // D16 an input message of theirs with no rule (type None).
    const { excel, host } = dimensionWorkbook({
      validations: [
        { address: "D13", rule: userList, prompt: { showPrompt: true, title: "Mine" } },
        { address: "D16", rule: {}, prompt: { showPrompt: true, message: "Ask Finance first" } },
      ],
    });
    const { plans, result } = await checked(host);
    const rows = result.schedules[0].schedule.records.map((r) => r.scoreRow);
    const r = await host.addScoreDropDowns(plans);
    expect(r.keptUserRules).toBe(2);
    expect(r.count).toBe(rows.length - 2);
    expect(r.notes).toEqual([
      "2 score cells already had a validation rule of their own, so they were left as they were.",
      'Sheet "Protected" is protected, so their score cells were not given drop-downs. Unprotect it (Review > Unprotect Sheet) and try again.',
    ]);
    const ours = excel.validation("Dimension 3", "D12")!;
    expect(ours).toEqual({
      rule: { list: { inCellDropDown: true, source: "1,2,3" } },
      prompt: {
        showPrompt: true,
        title: DROPDOWN_MARK,
        message: "1 = need to improve, 2 = adequate and 3 = good.",
      },
      errorAlert: expect.objectContaining({ showAlert: true, style: "Warning" }),
      ignoreBlanks: true,
    });
    expect(excel.validation("Dimension 3", "D13")?.rule).toEqual(userList);
    expect(excel.validation("Dimension 3", "D16")?.prompt.message).toBe("Ask Finance first");
    expect(excel.validatedCells("Dimension 3")).toEqual(rows.map((row) => `D${row}`));
    expect(excel.validatedCells("Protected")).toEqual([]);
    // Nothing an officer typed has changed.
    expect(excel.cell("Dimension 3", "D13").value).toBe(1);
  });

  it("removes exactly what it added, in a later session with new sheet ids and a renamed sheet", async () => {
    const { excel, host } = dimensionWorkbook({
      validations: [
        { address: "D13", rule: userList },
        { address: "B20", rule: userList },
      ],
    });
    const { plans } = await checked(host);
    await host.addScoreDropDowns(plans);
    excel.reopen();
    excel.renameSheet("Dimension 3", "Dimension 3 (2025)");
    // The officer replaces one of the add-in's drop-downs with a rule of their own.
    excel.addUserValidation("Dimension 3 (2025)", { address: "D16", rule: userList });
    const fresh = createExcelHost();
    const r = await fresh.removeScoreDropDowns();
    expect(excel.validatedCells("Dimension 3 (2025)")).toEqual(["D13", "D16", "B20"]);
    expect(r.count).toBe(plans[0].rows.reduce((n, run) => n + run.bottom - run.top + 1, 0) - 2);
    expect(excel.sheet("Dimension 3 (2025)").customProperties.has(DROPDOWNS_KEY)).toBe(false);
    expect((await fresh.removeScoreDropDowns()).count).toBe(0);
  });

  it("keeps its record in the settings where worksheet custom properties are missing", async () => {
    const { excel, host } = dimensionWorkbook({}, { api: "1.11" });
    const { plans } = await checked(host);
    await host.addScoreDropDowns(plans);
    expect(excel.workbook.settings.get(DROPDOWNS_KEY)).toEqual([
      { id: excel.sheet("Dimension 3").id, name: "Dimension 3", areas: expect.any(Array) },
    ]);
    excel.reopen();
    await createExcelHost().removeScoreDropDowns();
    expect(excel.validatedCells("Dimension 3")).toEqual([]);
    expect(excel.workbook.settings.get(DROPDOWNS_KEY)).toEqual([]);
  });

  it("brings its own drop-downs up to date when the scale changes, leaving the user's", async () => {
    const { excel, host } = dimensionWorkbook({
      validations: [{ address: "D13", rule: userList }],
    });
    const { plans } = await checked(host);
    await host.addScoreDropDowns(plans);
    const wider = plans.map((p) => ({
      ...p,
      criterion: { kind: "list" as const, choices: ["1", "2", "3", "4"] },
    }));
    const again = await host.addScoreDropDowns(wider);
    expect(again.keptUserRules).toBe(1);
    expect(excel.validation("Dimension 3", "D12")?.rule).toEqual({
      list: { inCellDropDown: true, source: "1,2,3,4" },
    });
    expect(excel.validation("Dimension 3", "D13")?.rule).toEqual(userList);
  });

  it("puts drop-downs on 1 or 10 schedules in the same number of syncs", async () => {
    const counts: number[] = [];
    for (const n of [1, 10]) {
      const { excel, host } = excelWith({
        sheets: Array.from({ length: n }, (_, i) => schedule(`S${i}`, 200)),
      });
      const { plans } = await checked(host);
      const before = excel.syncs();
      await host.addScoreDropDowns(plans);
      counts.push(excel.syncs() - before);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });
});

describe("problems as notes", () => {
  const f = (cell: string, message: string, sheet = "S"): Finding => ({
    sheet,
    cell,
    row: Number(cell.slice(1)),
    column: cell.charCodeAt(0) - 64,
    rule: "score-missing",
    severity: "error",
    message,
  });

  it("notes each finding on its cell beside the user's own note and comment, and removes exactly its own", async () => {
    const { excel, host } = excelWith({
      api: "1.18",
      sheets: [
        schedule("S", 6, {
          notes: { D3: "Score agreed with the Monitoring Officer", A1: "Header note" },
          comments: { D4: "@Sam please confirm" },
        }),
      ],
    });
    await host.readWorkbook();
    const findings = [
      f("D2", "No score"),
      f("D2", "Weak score, no action"),
      f("D3", "Bad"),
      f("D4", "Bad"),
      f("E5", "No action"),
    ];
    const r = await host.showProblemNotes(findings);
    expect(r.count).toBe(2);
    expect(r.notes).toEqual([
      '2 cells have a note or comment of their own, so their problems were not added there: D3 on "S", D4 on "S".',
    ]);
    expect(excel.notes("S")).toEqual({
      A1: "Header note",
      D2: `${NOTE_MARK}No score\n${NOTE_MARK}Weak score, no action`,
      D3: "Score agreed with the Monitoring Officer",
      E5: `${NOTE_MARK}No action`,
    });
    // Checked again: the add-in's notes follow the findings.
    await host.showProblemNotes([f("E5", "No action")]);
    expect(Object.keys(excel.notes("S"))).toEqual(["A1", "D3", "E5"]);
    const cleared = await host.clearProblemNotes();
    expect(cleared.count).toBe(1);
    expect(excel.notes("S")).toEqual({
      A1: "Header note",
      D3: "Score agreed with the Monitoring Officer",
    });
    expect(excel.sheet("S").comments.size).toBe(1);
  });

  it("keeps a note of its own that an officer has written in since, and says so", async () => {
    const { excel, host } = excelWith({ sheets: [schedule("S")], api: "1.18" });
    await host.readWorkbook();
    await host.showProblemNotes([f("D2", "No score")]);
    excel.note("S", "D2")!.content += "\nAsked Finance for the figure - Jo";
    const r = await host.clearProblemNotes();
    expect(r.count).toBe(0);
    expect(r.notes[0]).toMatch(
      /^A note the add-in wrote has been written in since, so it was kept as it is: D2 on "S"\.$/
    );
    expect(excel.note("S", "D2")?.content).toMatch(/Asked Finance/);
  });

  it("refreshes one sheet's notes only, and skips a protected sheet with a note", async () => {
    const { excel, host } = excelWith({
      api: "1.18",
      sheets: [schedule("S"), schedule("T"), schedule("P", 3, { protected: true })],
    });
    await host.readWorkbook();
    const r = await host.showProblemNotes([f("D2", "a"), f("D2", "b", "T"), f("D2", "c", "P")]);
    expect(r.notes).toEqual([
      'Sheet "P" is protected, so their problems were not added as notes. Unprotect it (Review > Unprotect Sheet) and try again.',
    ]);
    expect(Object.keys(excel.notes("P"))).toEqual([]);
    await host.showProblemNotes([f("D3", "a2")], ["S"]);
    expect(Object.keys(excel.notes("S"))).toEqual(["D3"]);
    expect(Object.keys(excel.notes("T"))).toEqual(["D2"]);
  });

  it("notes the first 10,000 cells of a huge return, says where the rest are, and reads its notes back within 5 MB", async () => {
    const { excel, host } = excelWith({ api: "1.18", sheets: [schedule("S")] });
    await host.readWorkbook();
    const message = "Score 1 is weak but has no improvement action: add one, or explain why";
    const many = Array.from({ length: 12_000 }, (_, i) =>
      f(`E${i + 2}`, `${message} ${"é".repeat(i % 40)}`)
    );
    const r = await host.showProblemNotes(many);
    expect(r).toEqual({
      count: MOST_NOTES,
      notes: [
        "Notes were put on the first 10,000 cells with problems; the other 2,000 are in the list of findings (Export findings to a sheet lists every one).",
      ],
    });
    expect(Object.keys(excel.notes("S"))).toHaveLength(MOST_NOTES);
    expect(excel.notes("S").E10001).toMatch(/^\[govcheck\] Score 1 is weak/);
    expect(excel.notes("S").E10002).toBeUndefined();
    // Checking again reads the 10,000 notes back and replaces them; clearing removes them all.
    expect((await host.showProblemNotes(many.slice(0, 3))).count).toBe(3);
    expect(Object.keys(excel.notes("S"))).toEqual(["E2", "E3", "E4"]);
    expect(excel.maxRequestBytes()).toBeLessThan(5_000_000);
    expect(Math.max(...excel.log.map((l) => l.responseBytes))).toBeLessThan(5_000_000);
    expect((await host.clearProblemNotes()).count).toBe(3);
  }, 60_000);
});

describe("the Findings sheet", () => {
  const awkward = ["Officer's return", "Dimension 1 2025-26", "Plain"];

  it("lists every finding with a link to its cell, sheet names with spaces and apostrophes included", async () => {
    const { excel, host } = excelWith({ sheets: awkward.map((n) => schedule(n)) });
    const { result } = await checked(host);
    const findings = [
      ...findingsInContext(result),
      ...awkward.map((sheet) => ({
        finding: {
          sheet,
          cell: "D7",
          row: 7,
          column: 4,
          rule: "score-missing" as const,
          severity: "error" as const,
          message: "=SUM(x)",
        },
        section: "",
        ref: "-",
        requirement: "+Review the code",
      })),
    ];
    const written = await host.exportFindings(findings);
    expect(written).toEqual({ name: "Findings", replaced: false });
    expect(excel.cell("Findings", "A1").value).toBe(FINDINGS_TITLE);
    for (const [i, item] of findings.entries()) {
      const row = 5 + i;
      expect(excel.cell("Findings", `A${row}`).value).toBe(item.finding.sheet);
      expect(excel.followLink("Findings", `B${row}`)).toEqual({
        sheet: item.finding.sheet,
        address: item.finding.cell,
      });
    }
    // What the officer typed is shown as typed, never run as a formula.
    const last = 4 + findings.length;
    expect(excel.cell("Findings", `E${last}`).value).toBe("=SUM(x)");
    expect(excel.cell("Findings", `H${last}`).value).toBe("+Review the code");
    expect(excel.workbook.tables.map((t) => t.name)).toEqual(["GovcheckFindings"]);
  });

  it("replaces only its own Findings sheet, keeps a user's of that name, and is never checked as a schedule", async () => {
    const { excel, host } = excelWith({
      sheets: [schedule("S"), { name: "Findings", values: [["My own list"]] }],
    });
    const { result } = await checked(host);
    const first = await host.exportFindings(findingsInContext(result));
    expect(first.name).toBe("Findings (2)");
    excel.reopen();
    const again = await createExcelHost().exportFindings(findingsInContext(result));
    expect(again).toEqual({ name: "Findings (2)", replaced: true });
    expect(excel.sheetNames()).toEqual(["S", "Findings", "Findings (2)"]);
    expect(excel.cell("Findings", "A1").value).toBe("My own list");
    const read = await createExcelHost().readWorkbook();
    expect(read.ownSheets).toEqual(["Findings (2)"]);
    expect(excel.workbook.tables.filter((t) => !t.sheet.deleted).map((t) => t.name)).toEqual([
      "GovcheckFindings",
    ]);
  });

  it("is kept when the committee summary is built again", async () => {
    const { excel, host } = excelWith({ sheets: [schedule("S")], api: "1.11" });
    const { result } = await checked(host);
    await host.exportFindings(findingsInContext(result));
    const { buildSummary } = await import("../../src/core/summary/model");
    const { planCommitteeSheets } = await import("../../src/core/summary/plan");
    const { defaultSettings } = await import("../../src/core/settings");
    const plan = planCommitteeSheets(
      buildSummary([{ source: "", result, settings: defaultSettings() }], new Date())
    );
    await host.writeCommitteeSheets(plan);
    await host.writeCommitteeSheets(plan);
    expect(excel.sheetNames()).toContain("Findings");
    const read = await createExcelHost().readWorkbook();
    expect(read.ownSheets).toContain("Findings");
  });

  it("refuses on a protected workbook structure, writing nothing", async () => {
    const { excel, host } = excelWith({ sheets: [schedule("S")], structureProtected: true });
    const { result } = await checked(host);
    await expect(host.exportFindings(findingsInContext(result))).rejects.toThrow(
      /structure is protected/
    );
    expect(excel.sheetNames()).toEqual(["S"]);
  });
});

describe("several schedules on one sheet", () => {
  it("plans and adds drop-downs for each, with the legend's words", async () => {
    const { excel, host } = excelWith({
      sheets: severalSchedules.sheets.map((s) => officeSheet(s)),
    });
    const { plans } = await checked(host);
    expect(plans.length).toBeGreaterThan(1);
    await host.addScoreDropDowns(plans);
    for (const p of plans)
      for (const run of p.rows)
        expect(excel.validation(p.sheet, `D${run.top}`)?.prompt.message).toMatch(/need to improve/);
  });
});
