/**
 * The Excel host against the Excel double (test/helpers/excel-double), which keeps Excel's limits
 * and failures: 5 MB answers, 512 merged areas, protected sheets, shifting conditional-format ids,
 * sheet ids that change between sessions, cell edit mode.
 */
import type { Finding } from "../../src/core/findings";
import { defaultSettings } from "../../src/core/settings";
import { validateGrids } from "../../src/core/validate";
import { createExcelHost } from "../../src/excel/excel-host";
import { HIGHLIGHT_FILL, highlightFormula } from "../../src/excel/highlights";
import { explainOfficeError } from "../../src/excel/office-errors";
import { SHEET_MARK_KEY } from "../../src/excel/own-sheets";
import { parseAreasAddress } from "../../src/excel/read-workbook";
import { SETTINGS_KEY } from "../../src/excel/workbook-settings";
import { FIXTURE_AS_AT } from "../fixtures/case";
import { CASES } from "../fixtures/cases";
import { type SheetSeed, WEB_PAYLOAD_LIMIT } from "../helpers/excel-double";
import { scheduleSummary } from "../helpers/check-fixture";
import { officeNames, officeSheet } from "../helpers/office-sheets";
import { excelWith } from "../helpers/installed-excel";

const HEADER = [
  "Ref",
  "Requirement",
  "Evidence",
  "Score (1-5)",
  "Improvement action",
  "Lead officer",
];

const smallSchedule = (name: string): SheetSeed => ({
  name,
  values: [
    HEADER,
    ["1", "The code is published.", "Website", 2, "", ""],
    ["2", "The audit committee is independent.", "Terms of reference", "TBC", "", ""],
  ],
});

const finding = (
  sheet: string,
  cell: string,
  severity: Finding["severity"],
  rule: Finding["rule"] = "score-missing"
): Finding => ({
  sheet,
  cell,
  severity,
  rule,
  row: Number(cell.replace(/\D/g, "")),
  column: cell.charCodeAt(0) - 64,
  message: "m",
});

describe("reading the workbook through Office.js", () => {
  it("reads values, error values, an offset used range and merged areas; skips hidden sheets and the add-in's own", async () => {
    const { host } = excelWith({
      sheets: [
        {
          name: "Schedule",
          rowIndex: 2,
          columnIndex: 1,
          values: [
            ["Principle A", "", ""],
            [{ error: "#N/A" }, 3, true],
            ["", 2.5, "text"],
          ],
          merged: ["B3:D3"],
        },
        { name: "Lists", visibility: "Hidden", values: [["x"]] },
        {
          name: "Committee Summary",
          values: [["Committee summary: governance self-assessment"]],
          customProperties: {
            [SHEET_MARK_KEY]: JSON.stringify({
              kind: "summary",
              title: "Committee summary: governance self-assessment",
            }),
          },
        },
        { name: "Empty", values: [] },
      ],
    });
    const read = await host.readWorkbook();
    expect(read.grids.map((g) => g.name)).toEqual(["Schedule", "Empty"]);
    expect(read.ownSheets).toEqual(["Committee Summary"]);
    expect(read.notes).toEqual(["1 hidden sheet was not checked."]);
    const [grid] = read.grids;
    expect(grid.firstRow).toBe(3);
    expect(grid.firstColumn).toBe(2);
    expect(grid.rows).toEqual([["Principle A"], [{ error: "#N/A" }, 3, true], [null, 2.5, "text"]]);
    expect(grid.merges).toEqual([{ top: 3, left: 2, bottom: 3, right: 4 }]);
  });

  it("parses range-areas addresses, quoted sheet names included", () => {
    expect(parseAreasAddress("'Dimension 2'!A1:C1,'Dimension 2'!$A$5:$G$5,Sheet1!B2")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 5, left: 1, bottom: 5, right: 7 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    "finds what the file host finds: %s",
    async (_name, c) => {
      const { host } = excelWith({
        sheets: c.sheets.map((s) => officeSheet(s)),
        names: officeNames(c.sheets),
      });
      const read = await host.readWorkbook();
      const result = validateGrids(read.grids, {
        settings: { ...defaultSettings(), ...c.settings },
        asAt: FIXTURE_AS_AT,
      });
      expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(
        c.expect.findings
      );
      const got = scheduleSummary(result);
      c.expect.schedules.forEach((want, i) => expect(got[i]).toMatchObject(want));
    }
  );

  it("uses the same number of syncs for 1, 10 and 50 sheets", async () => {
    const counts: number[] = [];
    for (const n of [1, 10, 50]) {
      const { excel, host } = excelWith({
        sheets: Array.from({ length: n }, (_, i) => smallSchedule(`Sheet ${i + 1}`)),
      });
      await host.readWorkbook();
      counts.push(excel.syncs());
    }
    // Sheet list, used ranges, cells, merged areas, then the drop-down lists under each header
    // (ExcelApi 1.8).
    expect(counts).toEqual([5, 5, 5]);
  });

  const ragSchedule = (name: string, source = "=Lists!$A$1:$A$4"): SheetSeed => ({
    name,
    values: [
      ["Ref", "Requirement", "Evidence", "Status", "Improvement action", "Lead officer"],
      ["1", "The code is published.", "Website", "Green", "", ""],
      ["2", "The audit committee is independent.", "Terms of reference", "Amber", "", ""],
      ["3", "Risks are reviewed.", "Register", "Blue", "", ""],
    ],
    validations: [{ address: "D2:D40", rule: { list: { inCellDropDown: true, source } } }],
  });
  const lists: SheetSeed = {
    name: "Lists",
    visibility: "Hidden",
    values: [["Blue"], ["Green"], ["Amber"], ["Red"]],
  };

  it("reads drop-down lists whose source is on a hidden sheet, in syncs that do not grow with sheets", async () => {
    const counts: number[] = [];
    for (const n of [1, 10, 50]) {
      const { excel, host } = excelWith({
        sheets: [...Array.from({ length: n }, (_, i) => ragSchedule(`Sheet ${i + 1}`)), lists],
      });
      const read = await host.readWorkbook();
      counts.push(excel.syncs());
      expect(read.grids[n - 1].validationLists).toEqual([
        {
          ranges: [{ top: 2, bottom: 4, left: 4, right: 4 }],
          values: ["Blue", "Green", "Amber", "Red"],
        },
      ]);
    }
    // One more sync for the list's source on the hidden sheet.
    expect(counts).toEqual([6, 6, 6]);
    const { host } = excelWith({ sheets: [ragSchedule("Returns"), lists] });
    const read = await host.readWorkbook();
    const result = validateGrids(read.grids);
    expect(result.schedules[0].scale.levels).toEqual(["Red", "Amber", "Green", "Blue"]);
    expect(result.schedules[0].schedule.scaleSource).toBe("list");
  });

  it("resolves lists given as entries and through a defined name", async () => {
    const { host } = excelWith({
      sheets: [ragSchedule("A", "Red,Amber,Green,Blue"), ragSchedule("B", "=RagLevels"), lists],
      names: [{ name: "RagLevels", value: "Lists!$A$1:$A$4" }],
    });
    const read = await host.readWorkbook();
    expect(read.grids.map((g) => g.validationLists?.[0].values)).toEqual([
      ["Red", "Amber", "Green", "Blue"],
      ["Blue", "Green", "Amber", "Red"],
    ]);
  });

  it("without ExcelApi 1.8 reads no drop-down lists, with no error and no extra sync", async () => {
    const { excel, host } = excelWith({ sheets: [ragSchedule("Returns"), lists], api: "1.7" });
    const read = await host.readWorkbook();
    expect(read.grids[0].validationLists).toBeUndefined();
    expect(excel.syncs()).toBe(3);
    // The words still read as RAG from the vocabulary, Blue aside.
    const result = validateGrids(read.grids);
    expect(result.schedules[0].scale.levels).toEqual(["Red", "Amber", "Green"]);
  });

  it("reads a 200,000-row sheet in row blocks, no answer over 5 MB", async () => {
    const rows: (string | number)[][] = [HEADER];
    for (let i = 1; i <= 200_000; i++)
      rows.push([
        `R${i}`,
        "Members and officers follow the codes of conduct",
        "Register of interests",
        (i % 5) + 1,
        i % 3 ? "Refresh training" : "",
        "Monitoring Officer",
      ]);
    const { excel, host } = excelWith({ sheets: [{ name: "Big", values: rows }] });
    const read = await host.readWorkbook();
    expect(read.grids[0].rows).toHaveLength(200_001);
    expect(read.grids[0].rows[200_000]).toEqual([
      "R200000",
      "Members and officers follow the codes of conduct",
      "Register of interests",
      1,
      "Refresh training",
      "Monitoring Officer",
    ]);
    expect(excel.log.every((l) => !l.error)).toBe(true);
    expect(excel.maxResponseBytes()).toBeLessThan(WEB_PAYLOAD_LIMIT);
    const total = excel.log.reduce((n, l) => n + l.responseBytes, 0);
    // Sheet list, used ranges, merged areas, then one sync per 2 MB of cells or so, never one per block.
    expect(excel.syncs()).toBeLessThanOrEqual(3 + Math.ceil(total / 1_500_000) + 1);
  }, 60_000);

  it("measures answers in UTF-8 bytes: a sheet of long non-ASCII text is read without an answer over 5 MB", async () => {
    const text = "\u20ac".repeat(600);
    const rows = [
      HEADER,
      ...Array.from({ length: 5000 }, (_, i) => [
        `R${i}`,
        text,
        "Minutes",
        3,
        "Review",
        "Chief Executive",
      ]),
    ];
    const { excel, host } = excelWith({ sheets: [{ name: "Long", values: rows }] });
    const read = await host.readWorkbook();
    expect(read.grids[0].rows[5000][1]).toBe(text);
    expect(excel.log.filter((l) => l.error)).toEqual([]);
    expect(excel.maxResponseBytes()).toBeLessThan(WEB_PAYLOAD_LIMIT);
  }, 30_000);

  it("asks again in halves when text further down makes an answer too large", async () => {
    const long = "\u00e9".repeat(4000);
    const rows = [
      HEADER,
      ...Array.from({ length: 6000 }, (_, i) => [
        `R${i}`,
        i < 4000 ? "Short" : long,
        "Minutes",
        3,
        "Review",
        "Chief Executive",
      ]),
    ];
    const { excel, host } = excelWith({ sheets: [{ name: "Grows", values: rows }] });
    const read = await host.readWorkbook();
    expect(read.grids[0].rows[6000][1]).toBe(long);
    expect(read.grids[0].rows).toHaveLength(6001);
    expect(excel.log.some((l) => l.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(excel.maxResponseBytes()).toBeGreaterThan(0);
  }, 30_000);

  it("reads a sheet with more than 512 merged areas in blocks, in syncs of their own", async () => {
    const rows: (string | number)[][] = [HEADER];
    const merged: string[] = [];
    for (let i = 2; i <= 1500; i++) {
      rows.push([`R${i}`, "A requirement", "", 4, "", "Lead"]);
      merged.push(`B${i}:C${i}`);
    }
    const { excel, host } = excelWith({
      sheets: [{ name: "Merged", values: rows, merged }, smallSchedule("Plain")],
    });
    const read = await host.readWorkbook();
    expect(read.grids[0].merges).toHaveLength(1499);
    expect(read.grids[0].merges[0]).toEqual({ top: 2, left: 2, bottom: 2, right: 3 });
    expect(read.grids[1].rows).toHaveLength(3);
    expect(read.notes).toEqual([]);
    expect(excel.log.some((l) => l.error === "GeneralException")).toBe(true);
  });

  it("falls back to merged areas around header rows on a very heavily merged sheet, and says so", async () => {
    const rows: (string | number)[][] = [
      ["Self-assessment return"],
      ["", "", "", "Self-assessment", "", ""],
      HEADER,
    ];
    const merged = ["D2:E2"];
    for (let i = 4; i <= 30_000; i++) {
      rows.push([`R${i}`, "A requirement", "", i === 4 ? 2 : 4, "", ""]);
      merged.push(`B${i}:C${i}`);
    }
    const { host } = excelWith({ sheets: [{ name: "Dense", values: rows, merged }] });
    const read = await host.readWorkbook();
    expect(read.notes).toEqual([
      '"Dense" has more merged cells than Excel will list at once, so merged cells were read only around its header rows.',
    ]);
    expect(read.grids[0].merges).toContainEqual({ top: 2, left: 4, bottom: 2, right: 5 });
    const findings = validateGrids(read.grids).findings.map((f) => `${f.cell} ${f.rule}`);
    expect(findings).toContain("E4 low-score-no-action");
  }, 60_000);

  it("without ExcelApi 1.13 reads no merged areas and says so", async () => {
    const { host } = excelWith({
      sheets: [{ ...smallSchedule("S"), merged: ["A1:B1"] }],
      api: "1.12",
    });
    const read = await host.readWorkbook();
    expect(read.grids[0].merges).toEqual([]);
    expect(read.notes.join(" ")).toMatch(/ExcelApi 1\.13/);
  });

  describe("a date typed as a score is an invalid score, as in files", () => {
    const dated = (format: string): SheetSeed => ({
      ...smallSchedule("Dates"),
      values: [
        ...smallSchedule("Dates").values!,
        ["3", "Members are trained.", "Log", 45_660, "", ""],
      ],
      numberFormats: { D4: format },
    });

    it.each([
      ["an Excel date format, read by category (ExcelApi 1.12)", "m/d/yyyy", "1.13"],
      ["a typed-in date format, whose category is Custom", "dd/mm/yyyy", "1.13"],
      [
        "a date format read from the number format itself (before ExcelApi 1.12)",
        "d mmm yyyy",
        "1.11",
      ],
    ])("%s", async (_name, format, api) => {
      const { host } = excelWith({ sheets: [dated(format)], api });
      const read = await host.readWorkbook();
      expect(read.grids[0].rows[3][3]).toEqual(new Date(Date.UTC(2025, 0, 3)));
      const result = validateGrids(read.grids);
      const d4 = result.findings.find((f) => f.cell === "D4");
      expect(d4?.rule).toBe("score-invalid");
      expect(d4?.message).toMatch(/date/);
    });

    it("keeps a number under a number format a number", async () => {
      const { host } = excelWith({ sheets: [dated("0.00")] });
      const read = await host.readWorkbook();
      expect(read.grids[0].rows[3][3]).toBe(45_660);
    });
  });
});

describe("highlights", () => {
  it("adds conditional formats by severity over range areas, each marked in its formula", async () => {
    const { excel, host } = excelWith({ sheets: [smallSchedule("A"), smallSchedule("B")] });
    await host.readWorkbook();
    const result = await host.highlight([
      finding("A", "D2", "warning"),
      finding("A", "D3", "error"),
      finding("A", "E2", "warning"),
      finding("B", "D3", "error"),
    ]);
    expect(result).toEqual({ count: 4, notes: [] });
    const rules = (s: string) =>
      excel.rules(s).map((r) => ({ areas: r.areas.length, formula: r.formula, fill: r.fill }));
    // The error rule was added last, so it has the top priority.
    expect(rules("A")).toEqual([
      { areas: 1, formula: highlightFormula("error"), fill: HIGHLIGHT_FILL.error },
      { areas: 2, formula: highlightFormula("warning"), fill: HIGHLIGHT_FILL.warning },
    ]);
    expect(rules("B")).toEqual([
      { areas: 1, formula: highlightFormula("error"), fill: HIGHLIGHT_FILL.error },
    ]);
  });

  it("clears exactly its own rules after the user added and deleted rules of their own (ids shifted)", async () => {
    const { excel, host } = excelWith({
      sheets: [
        {
          ...smallSchedule("A"),
          conditionalFormats: [{ address: "A1:F9", formula: "=$D1<2", fill: "#FF0000" }],
        },
      ],
    });
    await host.readWorkbook();
    await host.highlight([finding("A", "D3", "error"), finding("A", "D2", "warning")]);
    excel.addUserRule("A", { address: "B2:B9", formula: "=LEN(B2)>100", fill: "#FFFF00" });
    excel.addUserRule("A", { address: "C2:C9", formula: '=C2=""', fill: "#CCCCCC" });
    excel.deleteRuleAt("A", 1);
    expect(await host.clearHighlights()).toEqual({ count: 2, notes: [] });
    expect(excel.rules("A").map((r) => r.formula)).toEqual(['=C2=""', "=$D1<2"]);
  });

  it("finds and clears its rules in a later session, when every sheet id has changed", async () => {
    const { excel, host } = excelWith({ sheets: [smallSchedule("A"), smallSchedule("B")] });
    await host.readWorkbook();
    await host.highlight([finding("A", "D3", "error"), finding("B", "D2", "warning")]);
    excel.reopen();
    // The pane opened again: a new host, which has read nothing yet.
    expect((await createExcelHost().clearHighlights()).count).toBe(2);
    expect([...excel.rules("A"), ...excel.rules("B")]).toEqual([]);
  });

  it("checking again replaces the previous highlights", async () => {
    const { excel, host } = excelWith({ sheets: [smallSchedule("A")] });
    await host.readWorkbook();
    await host.highlight([finding("A", "D2", "error"), finding("A", "D3", "error")]);
    await host.highlight([finding("A", "D3", "error")]);
    expect(excel.rules("A").map((r) => r.formula)).toEqual([highlightFormula("error")]);
    expect(excel.rules("A")[0].areas).toHaveLength(1);
  });

  it("is not put off by the user's rules of other kinds, or by a rule Excel cannot describe", async () => {
    const { excel, host } = excelWith({
      sheets: [
        {
          ...smallSchedule("A"),
          conditionalFormats: [
            { address: "D2:D9", type: "ColorScale" },
            { address: "B2:B9", formula: '=B2<>""', fill: "#00FF00", unreadable: true },
          ],
        },
        smallSchedule("B"),
      ],
    });
    await host.readWorkbook();
    await host.highlight([finding("A", "D3", "error"), finding("B", "D3", "error")]);
    expect(await host.clearHighlights()).toEqual({ count: 2, notes: [] });
    expect(excel.rules("A").map((r) => r.type)).toEqual(["ColorScale", "Custom"]);
  });

  it("does not take a passing failure while reading rules for a rule it cannot read: it reports it", async () => {
    const { excel, host } = excelWith({ sheets: [smallSchedule("A")] });
    await host.readWorkbook();
    await host.highlight([finding("A", "D3", "error")]);
    excel.failNext("ConditionalFormatRule.load", "Conflict");
    await expect(host.clearHighlights()).rejects.toMatchObject({ code: "Conflict" });
    expect(excel.rules("A")).toHaveLength(1);
  });

  it("skips a protected sheet with a note naming it, and highlights the others", async () => {
    const { excel, host } = excelWith({
      sheets: [smallSchedule("Open"), { ...smallSchedule("Council template"), protected: true }],
    });
    await host.readWorkbook();
    const result = await host.highlight([
      finding("Open", "D3", "error"),
      finding("Council template", "D3", "error"),
    ]);
    expect(result.count).toBe(1);
    expect(result.notes).toEqual([
      'Sheet "Council template" is protected, so their cells were not highlighted. Unprotect it (Review > Unprotect Sheet) and try again.',
    ]);
    expect(excel.rules("Open")).toHaveLength(1);
    expect(excel.rules("Council template")).toHaveLength(0);
  });

  it("names a protected sheet whose old highlights cannot be removed", async () => {
    const { excel, host } = excelWith({ sheets: [smallSchedule("A")] });
    await host.readWorkbook();
    await host.highlight([finding("A", "D3", "error")]);
    excel.protectSheet("A");
    const cleared = await host.clearHighlights();
    expect(cleared.count).toBe(0);
    expect(cleared.notes[0]).toMatch(
      /^Sheet "A" is protected, so the highlights on them could not be removed/
    );
    expect(excel.rules("A")).toHaveLength(1);
  });

  it("finds a sheet renamed since it was read by its id, before clearing anything", async () => {
    const { excel, host } = excelWith({
      sheets: [smallSchedule("Schedule"), smallSchedule("Other")],
    });
    await host.readWorkbook();
    await host.highlight([finding("Other", "D2", "warning")]);
    excel.renameSheet("Schedule", "Schedule 2025");
    const result = await host.highlight([
      finding("Schedule", "D3", "error"),
      finding("Other", "D3", "error"),
    ]);
    expect(result).toEqual({ count: 2, notes: [] });
    expect(excel.rules("Schedule 2025").map((r) => r.formula)).toEqual([highlightFormula("error")]);
    expect(excel.rules("Other").map((r) => r.formula)).toEqual([highlightFormula("error")]);
  });

  it("says so when a sheet with findings has been deleted since the check", async () => {
    const { excel, host } = excelWith({
      sheets: [smallSchedule("Schedule"), smallSchedule("Other")],
    });
    await host.readWorkbook();
    excel.sheet("Schedule").deleted = true;
    const result = await host.highlight([
      finding("Schedule", "D3", "error"),
      finding("Other", "D3", "error"),
    ]);
    expect(result.count).toBe(1);
    expect(result.notes).toEqual([
      '"Schedule" is no longer in the workbook, so its findings were not highlighted. Check the schedules again.',
    ]);
  });

  it("uses a number of syncs that does not grow with findings or sheets", async () => {
    const counts: number[] = [];
    for (const n of [1, 50]) {
      const { excel, host } = excelWith({
        sheets: Array.from({ length: n }, (_, i) => smallSchedule(`S${i}`)),
      });
      await host.readWorkbook();
      const many = Array.from({ length: n }, (_, i) =>
        Array.from({ length: 400 }, (__, r) => finding(`S${i}`, `D${r + 2}`, "error"))
      ).flat();
      await host.highlight(many);
      const before = excel.syncs();
      await host.highlight(many);
      counts.push(excel.syncs() - before);
    }
    expect(counts).toEqual([4, 4]);
  });

  it("marks a huge return's 700,000 findings in requests Excel on the web accepts (each under 5 MB)", async () => {
    const { excel, host } = excelWith({ sheets: [smallSchedule("A")] });
    await host.readWorkbook();
    const many = Array.from({ length: 700_000 }, (_, r) => finding("A", `D${r + 2}`, "warning"));
    const before = excel.syncs();
    expect(await host.highlight(many)).toEqual({ count: 700_000, notes: [] });
    expect(excel.rules("A").reduce((n, r) => n + r.areas.length, 0)).toBe(700_000);
    expect(excel.maxRequestBytes()).toBeLessThan(5_000_000);
    expect(excel.syncs() - before).toBeGreaterThan(4);
    // Checking again removes the 4,667 rules and adds them anew, also within the cap.
    await host.highlight(many.slice(0, 10));
    expect(excel.rules("A").reduce((n, r) => n + r.areas.length, 0)).toBe(10);
  }, 120_000);
});

describe("selecting, settings, errors and cell edit mode", () => {
  it("activates the finding's sheet and selects its cell, by id after a rename", async () => {
    const { excel, host } = excelWith({ sheets: [smallSchedule("A"), smallSchedule("B")] });
    await host.readWorkbook();
    excel.renameSheet("B", "B renamed");
    await host.showFinding(finding("B", "D3", "error"));
    expect(excel.workbook.activeSheet?.name).toBe("B renamed");
    expect(excel.workbook.selection).toEqual({ sheet: "B renamed", address: "'B renamed'!D3" });
  });

  it("keeps settings in the workbook, and reports damaged ones", async () => {
    const { excel, host } = excelWith({ sheets: [smallSchedule("A")] });
    const settings = {
      ...defaultSettings(),
      weakThreshold: 3,
      schedules: { "A!1": { weakThreshold: 2 } },
    };
    await host.saveSettings(settings);
    expect(excel.workbook.settings.get(SETTINGS_KEY)).toEqual(settings);
    expect((await host.loadSettings()).settings).toEqual(settings);

    const { host: damaged } = excelWith({
      sheets: [smallSchedule("A")],
      settings: { [SETTINGS_KEY]: { version: 2, weakThreshold: "low" } },
    });
    const loaded = await damaged.loadSettings();
    expect(loaded.problems[0]).toMatch(/weakThreshold/);
    expect(loaded.settings.weakThreshold).toBeUndefined();
  });

  it("waits for the user to finish editing a cell instead of failing (delayForCellEdit)", async () => {
    const { excel, host } = excelWith({ sheets: [smallSchedule("A")] });
    excel.startCellEdit();
    let done = false;
    const reading = host.readWorkbook().then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    excel.finishCellEdit();
    expect((await reading).grids[0].name).toBe("A");
    expect(excel.runs.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  const err = (code: string | undefined, message = "Le message est traduit") =>
    Object.assign(new Error(message), code ? { code } : {});

  it.each([
    ["AccessDenied", /protected/],
    ["InvalidOperationInCellEditMode", /Press Enter or Esc/],
    ["ItemAlreadyExists", /already exists/],
    ["InvalidArgument", /refused part of the request/],
    ["InactiveWorkbook", /Click in this workbook/],
    ["ResponsePayloadSizeLimitExceeded", /too large/],
    ["RequestPayloadSizeLimitExceeded", /too large/],
    ["ItemNotFound", /renamed or deleted/],
    ["ApiNotFound", /Update Office/],
    ["MergedRangeConflict", /Unmerge/],
    ["GeneralException", /internal problem/],
  ])("explains %s by its code, whatever language the message is in", (code, sentence) => {
    const explained = explainOfficeError(err(code));
    expect(explained.message).toMatch(sentence);
    expect(explained.message).toContain(`(Excel code: ${code})`);
    expect(explained.code).toBe(code);
  });

  it("shows an unknown code with the code, and never reads a meaning into English text", () => {
    expect(
      explainOfficeError(err("PowerQueryRefreshResourceChallenge", "Something odd\nmore")).message
    ).toBe("Excel reported a problem (code PowerQueryRefreshResourceChallenge): Something odd");
    expect(
      explainOfficeError(new Error("The cell you're trying to change is protected")).message
    ).not.toMatch(/Unprotect/);
    expect(explainOfficeError(err("EditModeChanged")).message).toMatch(/code EditModeChanged/);
  });
});
