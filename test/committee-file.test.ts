import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { RIVERBEND_FILE, RIVERBEND_SHEETS } from "../examples/riverbend";
import { RIVERBEND_LAST_YEAR_FILE } from "../examples/riverbend-last-year";
import { planCommitteeSheets } from "../src/core/summary/plan";
import { readWorkbookFile } from "../src/file";
import { committeeWorkbook } from "../src/file/committee-workbook";
import { noRatingColumn } from "./fixtures/cases/no-rating-column";
import { ragLegend } from "./fixtures/cases/rag-legend";
import { sheetLeftUnread } from "./fixtures/cases/sheet-left-unread";
import { writeWorkbook } from "./helpers/check-fixture";
import { summaryOf } from "./helpers/committee";
import { convertWithLibreOffice } from "./helpers/libreoffice";
import { runCli } from "./helpers/run-cli";

const BIN = join(__dirname, "..", "bin", "govcheck.js");
const riverbend = () =>
  summaryOf([{ source: "riverbend-local-code.xlsx", sheets: RIVERBEND_SHEETS }]);

/** A sheet's rows as our own reader gives them, each row's cells joined. */
async function sheetRows(file: string, sheet: string): Promise<string[]> {
  const grids = await readWorkbookFile(file);
  return grids
    .find((g) => g.name === sheet)!
    .rows.map((r) => r.filter((v) => v !== null && v !== "").join(" | "));
}

describe("the committee workbook file", () => {
  const dir = mkdtempSync(join(tmpdir(), "govcheck-summary-"));

  it("opens in ExcelJS with both sheets, the action-plan table and a chart part per chart", async () => {
    const out = join(dir, "committee.xlsx");
    const plan = planCommitteeSheets(riverbend());
    writeFileSync(out, await committeeWorkbook(plan, "Committee summary"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Committee Summary", "Action Plan"]);
    const table = plan.sheets[1].tables[0];
    const actions = wb.getWorksheet("Action Plan")!;
    expect(actions.getRow(table.top).values).toEqual([undefined, ...table.header]);
    expect(actions.getCell(table.top + 1, 2).value).toBe("Principle B B2");
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d\.xml$/.test(p))).toHaveLength(
      4
    );
    expect(Object.keys(zip.files).some((p) => p.startsWith("xl/tables/"))).toBe(true);
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    const categories = plan.sheets[0].charts[0].categories;
    expect(chart).toContain(
      `<c:f>'Committee Summary'!$A$${categories.top}:$A$${categories.bottom}</c:f>`
    );
    expect(chart).toContain(`<c:max val="5"/><c:min val="1"/>`);
    expect(chart).toContain(`<c:majorUnit val="1"/>`);
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
    expect(content.match(/<draw:object\b/g)).toHaveLength(4);
    const objects = Object.keys(ods.files).filter((p) => /^Object \d+\/content\.xml$/.test(p));
    expect(objects).toHaveLength(4);
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
      /^govcheck: .+: No self-assessment schedule found: sheet 'FM Code' row 6 has .* but no column read as a rating\ngovcheck: no schedule was read from the return; no summary written\n$/
    );
    // A pack of nothing is not written; beside a return that was read, the pack names it.
    expect(existsSync(out)).toBe(false);
    const both = await runCli("summarise", RIVERBEND_FILE, file, "-o", out);
    expect(both.code).toBe(1);
    expect(existsSync(out)).toBe(true);
  });

  it("names on the terminal a sheet left out beside schedules that were read, as the paper does", async () => {
    const file = await writeWorkbook(sheetLeftUnread.sheets);
    const out = join(dir, "left-out.xlsx");
    const { code, err } = await runCli("summarise", file, "-o", out);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^govcheck: .+: Not checked, though it looks like a schedule: sheet 'FM Code' row 3 has .* but no column read as a rating\n$/
    );
    expect(existsSync(out)).toBe(true);
  });

  it("writes the committee workbook and refuses to write over an input", async () => {
    const out = join(dir, "committee.xlsx");
    const ok = await runCli("summarise", RIVERBEND_FILE, "-o", out, "--as-at", "02/03/2026");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(
      /wrote .*committee\.xlsx: Committee Summary and Action Plan, 4 charts; 8 sections, 13 items in the action plan, 9 exceptions/
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
    expect(await sheetRows(out, "Action Plan")).toContain("No weak scores");
    expect((await sheetRows(out, "Committee Summary")).join("\n")).toMatch(/^No exceptions: /m);
  });

  it("consolidates several returns: sections across returns, and a row for each return with its RAG", async () => {
    const other = await writeWorkbook(RIVERBEND_SHEETS.slice(3), "second-return");
    const out = join(dir, "both.xlsx");
    expect(
      (await runCli("summarise", RIVERBEND_FILE, other, "-o", out, "--as-at", "02/03/2026")).code
    ).toBe(0);
    const rows = await sheetRows(out, "Committee Summary");
    // Dimension 2 is in both returns: one row for it, drawing on two returns.
    expect(
      rows.filter((r) => r.startsWith("Dimension 2 : Service Delivery Arrangements | 2 |"))
    ).toHaveLength(1);
    expect(rows).toContain(`riverbend-local-code.xlsx | 2 | 18 of 21 | 10 | 9 | Red`);
    expect(rows).toContain(`${basename(other)} | 1 | 3 of 4 | 2 | 3 | Red`);
  });

  it("--previous: direction of travel and carried-forward actions against last year's workbook", async () => {
    const out = join(dir, "travel.xlsx");
    const run = await runCli(
      "summarise",
      RIVERBEND_FILE,
      "--previous",
      RIVERBEND_LAST_YEAR_FILE,
      "-o",
      out,
      "--as-at",
      "2026-03-02"
    );
    expect(run).toMatchObject({ code: 0, err: "" });
    const rows = (await sheetRows(out, "Committee Summary")).join("\n");
    expect(rows).toContain(
      "Direction of travel against last year's return (riverbend-local-code-2024-25.xlsx): 6 up, 2 down, 9 the same, 1 new."
    );
    expect(rows).toMatch(/Carried forward from last year: 3/);
    expect(rows).toMatch(/In last year's return but not in this one: 1/);
    const plan = (await sheetRows(out, "Action Plan")).join("\n");
    expect(plan).toMatch(
      /Principle D D1 \| Options appraisal is used for capital schemes \| 3 \| ↓ Down from 4/
    );
  });

  it("reads last year's workbook on a thread of its own in the built command, with the same result", () => {
    const outs = ["bin-1.xlsx", "bin-2.xlsx"].map((n) => join(dir, n));
    const bin = spawnSync(
      process.execPath,
      [
        BIN,
        "summarise",
        RIVERBEND_FILE,
        "--previous",
        RIVERBEND_LAST_YEAR_FILE,
        "-o",
        outs[0],
        "--as-at",
        "02/03/2026",
      ],
      { encoding: "utf8" }
    );
    expect(bin.status).toBe(0);
    expect(bin.stdout).toMatch(/8 sections, 13 items in the action plan, 9 exceptions/);
  });

  it("refuses a --previous it cannot pair or read, in one line, writing nothing", async () => {
    const out = join(dir, "never.xlsx");
    const other = await writeWorkbook(RIVERBEND_SHEETS.slice(3), "second-return");
    const pairs = await runCli(
      "summarise",
      RIVERBEND_FILE,
      other,
      "--previous",
      RIVERBEND_LAST_YEAR_FILE,
      "-o",
      out
    );
    expect(pairs.code).toBe(2);
    expect(pairs.err).toBe(
      "govcheck: give one --previous for each return (2 returns, 1 --previous), in the same order.\n"
    );
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, readFileSync(RIVERBEND_LAST_YEAR_FILE).subarray(0, 2000));
    const unreadable = await runCli("summarise", RIVERBEND_FILE, "--previous", broken, "-o", out);
    expect(unreadable.code).toBe(2);
    // One line: the file, why, and what was not done because of it.
    expect(unreadable.err.trim().split("\n")).toHaveLength(1);
    expect(unreadable.err).toMatch(/^govcheck: .*broken\.xlsx: .+; no summary written\n$/);
    const same = await runCli("summarise", RIVERBEND_FILE, "--previous", RIVERBEND_FILE, "-o", out);
    expect(same.err).toMatch(/is also one of this year's returns/);
    const badDate = await runCli("summarise", RIVERBEND_FILE, "--as-at", "soon", "-o", out);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toMatch(/give a date as dd\/mm\/yyyy or yyyy-mm-dd/);
    expect(() => readFileSync(out)).toThrow();
  });

  it("refuses a --previous in which no schedule can be read, as the pane does: never a silent comparison with nothing", async () => {
    const out = join(dir, "compared-with-nothing.xlsx");
    const cover = await writeWorkbook(
      [{ name: "Cover", rows: [["Annual governance review 2024/25"], ["Policy team"]] }],
      "last-year-cover"
    );
    const summarised = await runCli("summarise", RIVERBEND_FILE, "--previous", cover, "-o", out);
    expect(summarised.code).toBe(2);
    expect(summarised.err).toMatch(
      /^govcheck: .*last-year-cover-\d+\.xlsx: no self-assessment schedule was found in it, so there is nothing to compare with; no summary written\n$/
    );
    expect(() => readFileSync(out)).toThrow();
    const validated = await runCli("validate", RIVERBEND_FILE, "--previous", cover, "--json");
    expect(validated.code).toBe(2);
    expect(validated.out).toBe("");
    expect(validated.err).toMatch(
      /last-year-cover-\d+\.xlsx: no self-assessment schedule was found/
    );
  });

  it("notes a last year's workbook with nothing in common with the return: likely the wrong file", async () => {
    const unrelated = await writeWorkbook(ragLegend.sheets);
    const out = join(dir, "unrelated.xlsx");
    const run = await runCli("summarise", RIVERBEND_FILE, "--previous", unrelated, "-o", out);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(
      /^govcheck: .+: note: no requirement matched this year's by ref or by wording, so nothing was compared: is it last year's return\?\n$/
    );
    const checked = await runCli("validate", RIVERBEND_FILE, "--previous", unrelated);
    expect(checked.err).toMatch(/note: no requirement matched this year's/);
    const matched = await runCli(
      "validate",
      RIVERBEND_FILE,
      "--previous",
      RIVERBEND_LAST_YEAR_FILE
    );
    expect(matched.err).toBe("");
    // The same return given twice is paired with each --previous in turn.
    const twice = await runCli(
      "validate",
      RIVERBEND_FILE,
      RIVERBEND_FILE,
      "--previous",
      RIVERBEND_LAST_YEAR_FILE,
      "--previous",
      unrelated
    );
    expect(twice.err.trim().split("\n")).toEqual([
      expect.stringMatching(/\.xlsx: note: no requirement matched/),
    ]);
  });

  it("validate --previous and --as-at report carried-forward actions and passed dates", async () => {
    const run = await runCli(
      "validate",
      RIVERBEND_FILE,
      "--json",
      "--previous",
      RIVERBEND_LAST_YEAR_FILE,
      "--as-at",
      "02/03/2026"
    );
    const report = JSON.parse(run.out) as { issues: { cell: string; rule: string }[] };
    expect(
      report.issues
        .filter((f) => f.rule === "carried-forward" || f.rule === "target-date-passed")
        .map((f) => `${f.cell} ${f.rule}`)
    ).toEqual([
      "E12 carried-forward",
      "G16 target-date-passed",
      "E29 carried-forward",
      "E14 carried-forward",
    ]);
  });
});
