import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { RIVERBEND_FILE, RIVERBEND_SHEETS } from "../examples/riverbend";
import { defaultSettings } from "../src/core/settings";
import { buildSummary, shareText } from "../src/core/summary/model";
import { planCommitteeSheets, sectionLabel } from "../src/core/summary/plan";
import { freeSheetName } from "../src/core/summary/sheet-names";
import { validateGrids } from "../src/core/validate";
import { readWorkbookFile } from "../src/file";
import { committeeWorkbook } from "../src/file/committee-workbook";
import { noRatingColumn } from "./fixtures/cases/no-rating-column";
import { notApplicable } from "./fixtures/cases/not-applicable";
import { ragLegend } from "./fixtures/cases/rag-legend";
import { gridsFromSpecs } from "./helpers/fake-host";
import { writeWorkbook } from "./helpers/check-fixture";
import { convertWithLibreOffice } from "./helpers/libreoffice";
import { runCli } from "./helpers/run-cli";

const ACTION_PLAN_HEADER = [
  "Lead officer",
  "Section",
  "Ref",
  "Requirement",
  "Score",
  "Improvement action",
  "Target date",
  "Status",
  "Sheet",
  "Cell",
];
const MADE = new Date(Date.UTC(2026, 10, 24));
const settings = defaultSettings();
const riverbend = () =>
  buildSummary(
    [{ source: "", result: validateGrids(gridsFromSpecs(RIVERBEND_SHEETS)), settings }],
    MADE
  );

describe("committee summary model (Riverbend figures checked by hand)", () => {
  it("summarises each section: counts, mean, lowest, weak scores and RAG", () => {
    const s = riverbend();
    const rows = s.sections.map((x) => [
      sectionLabel(x.section, x.schedule),
      x.requirements,
      x.scored,
      x.mean,
      x.lowest,
      x.weak,
      x.weakNoAction,
      x.weakNoLead,
      x.rag,
    ]);
    expect(rows).toEqual([
      ["Principle A", 3, 3, 3, 2, 2, 0, 0, "amber"],
      ["Principle B", 3, 2, 3, 2, 1, 1, 0, "red"],
      ["Principle C", 2, 2, 3, 2, 1, 0, 1, "red"],
      ["Principle D", 2, 2, 3.5, 3, 1, 0, 0, "amber"],
      ["Principle E", 2, 2, 2.5, 1, 1, 0, 0, "amber"],
      ["Principle F", 3, 2, 3.5, 3, 1, 0, 0, "amber"],
      ["Principle G", 2, 2, 3.5, 2, 1, 1, 1, "red"],
      ["Dimension 2", 4, 3, 2, 1, 2, 1, 2, "red"],
    ]);
    expect(s.sections[0].distribution).toEqual([0, 1, 1, 1, 0]);
    expect(s.sections[7].distribution).toEqual([1, 1, 1]);
    expect(shareText(s.aboveThreshold, s.requirements)).toBe("8 of 21 (38%)");
  });

  it("lists every weak score in the action plan, those lacking an action or lead first, then by lead and section", () => {
    const s = riverbend();
    expect(s.actions.map((a) => [a.ref, a.lead, a.status.join(", ")])).toEqual([
      ["B2", "Head of Communications", "No action, No date"],
      ["(b)", "", "No lead"],
      ["(c)", "", "No action, No lead"],
      ["C2", "", "No lead, Date passed"],
      ["G2", "", "No action, No lead, No date"],
      ["F1", "Head of Audit and Risk", ""],
      ["E1", "Head of Democratic Services", "No date"],
      ["A2", "Head of Procurement", "Date passed"],
      ["D1", "Head of Projects", ""],
      ["A3", "Monitoring Officer", ""],
    ]);
  });

  it("sorts leads and sections as a reader would: case ignored, numbers in order, none named last", () => {
    const rows = [
      ["Ref", "Requirement", "Evidence", "Score (1-5)", "Improvement action", "Lead officer"],
      ["Principle B: Openness"],
      ["R10", "Publish decisions.", "Website", 2, "Review", "head of policy"],
      ["R2", "Consult residents.", "Hub", 1, "Review", "Head of Policy"],
      ["R3", "Keep a register.", "Register", 2, "Review", "Chief Executive"],
      ["Principle A: Integrity"],
      ["R1", "Declare interests.", "Register", 2, "Review", "Head of Policy"],
      ["R4", "Train members.", "Records", 1, "Review", "TBC"],
    ];
    const s = buildSummary(
      [
        {
          source: "",
          result: validateGrids(gridsFromSpecs([{ name: "Code", rows }])),
          settings,
        },
      ],
      MADE
    );
    expect(s.actions.map((a) => a.ref)).toEqual(["R4", "R3", "R1", "R2", "R10"]);
  });

  it("reports as exceptions the invalid or missing scores and the weak scores left without action, lead or in date", () => {
    const s = riverbend();
    expect(s.exceptions.map((e) => `${e.sheet}!${e.cell} ${e.problem}`)).toEqual([
      "Local Code 2025-26!D8 Weak score 2: date passed",
      "Local Code 2025-26!D12 Weak score 2: no action, no date",
      "Local Code 2025-26!D13 Score is not a whole number",
      "Local Code 2025-26!D16 Weak score 2: no lead, date passed",
      "Local Code 2025-26!D25 Score outside the 1-5 scale",
      "Local Code 2025-26!D29 Weak score 2: no action, no lead, no date",
      "Service Delivery!D12 Weak score 1: no lead",
      "Service Delivery!D14 Weak score 2: no action, no lead",
      "Service Delivery!D15 No score",
    ]);
  });

  it("plans a chart of means and a stacked distribution chart over the tables' own cells", () => {
    const plan = planCommitteeSheets(riverbend());
    const [summary, actions] = plan.sheets;
    expect(summary.charts.map((c) => [c.kind, c.title, c.series.length])).toEqual([
      ["bar", "Mean score by section", 1],
      ["stackedBar", "Distribution of scores by section", 5],
    ]);
    const at = (r: number, c: number) =>
      summary.cells.find((x) => x.row === r && x.col === c)?.value;
    const mean = summary.charts[0];
    expect(at(mean.categories.top, mean.categories.left)).toBe("Principle A");
    expect(at(mean.series[0].nameCell.top, mean.series[0].nameCell.left)).toBe("Mean score");
    expect(at(mean.series[0].values.bottom, mean.series[0].values.left)).toBe(2);
    expect(actions.tables[0].header).toEqual(ACTION_PLAN_HEADER);
    expect(actions.freezeRows).toBe(1);
    expect(summary.cells.some((c) => c.value === "Made: 24/11/2026")).toBe(true);
  });

  it("counts N/A as not applicable, never as invalid, weak or in the share above the threshold", () => {
    const summary = buildSummary(
      [{ source: "", result: validateGrids(gridsFromSpecs(notApplicable.sheets)), settings }],
      MADE
    );
    const [section] = summary.sections;
    expect([section.requirements, section.scored, section.notApplicable]).toEqual([5, 2, 3]);
    expect(summary.notApplicable).toBe(3);
    // Two requirements apply: one scores 3 (above the weak 2), one scores 2.
    expect([summary.aboveThreshold, summary.requirements]).toEqual([1, 2]);
    expect(summary.exceptions.map((e) => e.problem)).toEqual(["Weak score 2: no lead"]);
    const plan = planCommitteeSheets(summary);
    const texts = plan.sheets[0].cells.map((c) => c.value);
    expect(texts).toContain(
      "Requirements scoring above the weak threshold: 1 of 2 (50%); 3 not applicable"
    );
  });

  it("summarises a word scale on its level numbers, and names the ratings in words", () => {
    const summary = buildSummary(
      [{ source: "", result: validateGrids(gridsFromSpecs(ragLegend.sheets)), settings }],
      MADE
    );
    const [section] = summary.sections;
    // Green 3, Amber 2, Red 1, Amber 2, Green 3 (g): Amber/Green invalid, N/A apart, one missing.
    expect(section.distribution).toEqual([1, 2, 2]);
    expect(section.mean).toBeCloseTo(11 / 5);
    expect([section.notApplicable, section.weak]).toEqual([1, 3]);
    // Those lacking an action or lead first (the named lead before none), then the rest.
    expect(summary.actions.map((a) => a.score)).toEqual(["Amber", "Red", "Amber"]);
    expect(summary.exceptions.map((e) => e.problem)).toEqual([
      'Weak rating "Red": no lead',
      'Weak rating "Amber": no action',
      "Rating not on the scale",
      "No score",
    ]);
    const plan = planCommitteeSheets(summary);
    expect(plan.sheets[0].cells.map((c) => c.value)).toContain(
      "Audit Committee self-assessment of good practice 2025/26 (Audit Committee): scale Red, Amber, Green (worst to best), weak at 2 or lower"
    );
  });

  it("names sheets by Excel's rules and never reuses a taken name", () => {
    expect(freeSheetName("Committee Summary", ["Sheet1"])).toBe("Committee Summary");
    expect(freeSheetName("Committee Summary", ["committee summary"])).toBe("Committee Summary (2)");
    expect(freeSheetName("Committee Summary", ["Committee Summary", "Committee Summary (2)"])).toBe(
      "Committee Summary (3)"
    );
    expect(freeSheetName("Audit: 2025/26 [draft] * summary?", [])).toBe(
      "Audit 2025 26 draft summary"
    );
    expect(
      freeSheetName("A very long name for a committee summary sheet", [
        "A very long name for a committee",
      ]).length
    ).toBeLessThanOrEqual(31);
  });
});

describe("the committee workbook file", () => {
  const dir = mkdtempSync(join(tmpdir(), "govcheck-summary-"));

  it("opens in ExcelJS with both sheets, the action-plan table and two chart parts", async () => {
    const out = join(dir, "committee.xlsx");
    writeFileSync(
      out,
      await committeeWorkbook(planCommitteeSheets(riverbend()), "Committee summary")
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Committee Summary", "Action Plan"]);
    const actions = wb.getWorksheet("Action Plan")!;
    expect(actions.getRow(1).values).toEqual([undefined, ...ACTION_PLAN_HEADER]);
    expect(actions.getCell("C2").value).toBe("B2");
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d\.xml$/.test(p))).toHaveLength(
      2
    );
    expect(Object.keys(zip.files).some((p) => p.startsWith("xl/tables/"))).toBe(true);
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain("<c:f>'Committee Summary'!$A$10:$A$17</c:f>");
  });

  it("LibreOffice reads it back with the charts still charts", async () => {
    const out = join(dir, "for-libreoffice.xlsx");
    writeFileSync(
      out,
      await committeeWorkbook(planCommitteeSheets(riverbend()), "Committee summary")
    );
    convertWithLibreOffice(out, "ods", dir);
    const ods = await JSZip.loadAsync(readFileSync(join(dir, "for-libreoffice.ods")));
    const content = await ods.file("content.xml")!.async("string");
    expect(content.match(/<draw:object\b/g)).toHaveLength(2);
    const objects = Object.keys(ods.files).filter((p) => /^Object \d+\/content\.xml$/.test(p));
    expect(objects).toHaveLength(2);
    for (const o of objects)
      expect(await ods.file(o)!.async("string")).toContain('chart:class="chart:bar"');
    expect(content).toContain("Committee Summary");
  }, 180_000);
});

describe("govcheck summarise", () => {
  const dir = mkdtempSync(join(tmpdir(), "govcheck-summarise-"));

  it("says so, and exits 1, when a return has no schedule to summarise", async () => {
    const file = await writeWorkbook(noRatingColumn.sheets);
    const out = join(dir, "nothing.xlsx");
    const { code, err } = await runCli("summarise", file, "-o", out);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^govcheck: .+: No self-assessment schedule found: sheet 'FM Code' row 6 has .* but no column read as a rating\n$/
    );
  });

  it("writes the committee workbook and refuses to write over an input", async () => {
    const out = join(dir, "committee.xlsx");
    const ok = await runCli("summarise", RIVERBEND_FILE, "-o", out);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(
      /wrote .*committee\.xlsx: Committee Summary and Action Plan, 2 charts; 8 sections, 10 actions, 9 exceptions/
    );
    const refused = await runCli("summarise", RIVERBEND_FILE, "-o", `./${RIVERBEND_FILE}`);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/is one of the input files/);
  });

  it("keeps text as text: formulas typed into a schedule never become formulas", async () => {
    const file = await writeWorkbook([
      {
        name: "Schedule",
        rows: [
          ["Ref", "Requirement", "Evidence", "Score (1-5)", "Improvement action", "Lead officer"],
          ["-1", '=HYPERLINK("http://example.org","click")', "Minutes", 1, "+Review", "@x"],
          ["2", "Publish the code.", "Website", 2, "=1+1", "-"],
        ],
      },
    ]);
    const out = join(dir, "safe.xlsx");
    expect((await runCli("summarise", file, "-o", out)).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const sheet of Object.keys(zip.files).filter((p) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(p)
    )) {
      expect(await zip.file(sheet)!.async("string")).not.toMatch(/<f>/);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const values = wb
      .getWorksheet("Action Plan")!
      .getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null);
    expect(values).toEqual(
      expect.arrayContaining([
        '=HYPERLINK("http://example.org","click")',
        "+Review",
        "@x",
        "-1",
        "=1+1",
      ])
    );
    expect(values.every((v) => typeof v !== "object")).toBe(true);
  });

  it("writes an action plan that says so when no score is weak", async () => {
    const file = await writeWorkbook([
      {
        name: "Clean",
        rows: [
          ["Ref", "Requirement", "Evidence", "Score (1-5)", "Improvement action", "Lead officer"],
          ["1", "The code is published.", "Website", 4, null, null],
          ["2", "The audit committee is independent.", "Terms of reference", 5, null, null],
        ],
      },
    ]);
    const out = join(dir, "clean.xlsx");
    expect((await runCli("summarise", file, "-o", out)).code).toBe(0);
    const grids = await readWorkbookFile(out);
    expect(grids.find((g) => g.name === "Action Plan")!.rows[1][0]).toBe("No weak scores");
  });

  it("consolidates several returns, one block of sections per file", async () => {
    const other = await writeWorkbook(RIVERBEND_SHEETS.slice(3), "second-return");
    const out = join(dir, "both.xlsx");
    expect((await runCli("summarise", RIVERBEND_FILE, other, "-o", out)).code).toBe(0);
    const grids = await readWorkbookFile(out);
    const summary = grids.find((g) => g.name === "Committee Summary")!;
    const second = basename(other);
    const blocks = summary.rows
      .filter((r) => r[0] === "riverbend-local-code.xlsx" || r[0] === second)
      .map((r) => r[0]);
    expect(blocks).toEqual([...Array(8).fill("riverbend-local-code.xlsx"), second]);
  });
});
