/**
 * The committee pack as LibreOffice prints it: the example's pack and a 200-requirement return go
 * to PDF, and poppler (pdftotext -bbox, pdfinfo) reads back each word's size and page and the page
 * count. Sizes are measured against a 9 pt line printed the same way, so the test holds whatever
 * font stands in for Calibri.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RIVERBEND_SHEETS } from "../examples/riverbend";
import { RIVERBEND_LAST_YEAR_SHEETS } from "../examples/riverbend-last-year";
import { PAGE } from "../src/core/summary/print";
import {
  ACTION_PLAN_TITLE,
  SUMMARY_TITLE,
  type WorkbookPlan,
  planCommitteeSheets,
} from "../src/core/summary/plan";
import { committeeWorkbook } from "../src/file/committee-workbook";
import { nodeZipCodec } from "../src/cli/node-zip-codec";
import {
  type PrintedWord,
  pageTexts,
  readPdf,
  summaryOf,
  syntheticSchedule,
} from "./helpers/committee";
import { convertWithLibreOffice } from "./helpers/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "govcheck-print-"));

async function printed(name: string, plan: WorkbookPlan) {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, await committeeWorkbook(plan, "Committee summary", { codec: nodeZipCodec }));
  convertWithLibreOffice(file, "pdf", dir);
  return readPdf(join(dir, `${name}.pdf`));
}

/** The height pdftotext gives a word of 9 pt text, printed as the pack is. */
async function ninePointHeight(): Promise<number> {
  const base = planCommitteeSheets(summaryOf([{ source: "x.xlsx", sheets: RIVERBEND_SHEETS }]));
  const sheet = base.sheets[1];
  const plan: WorkbookPlan = {
    sheets: [
      {
        ...sheet,
        cells: [{ row: 1, col: 1, value: "Calibration Hg", size: 9 }],
        merges: [],
        tables: [],
        rowHeights: [0, 20],
        freezeRows: 0,
        page: {
          ...sheet.page,
          header: { left: [], center: [], right: [] },
          footer: { left: [], center: [], right: [] },
          printTitleRows: null,
        },
      },
    ],
  };
  const { words } = await printed("calibration", plan);
  return Math.max(...words.filter((w) => w.text === "Calibration").map((w) => w.height));
}

const pack = () =>
  summaryOf([
    {
      source: "riverbend-local-code.xlsx",
      sheets: RIVERBEND_SHEETS,
      lastYear: RIVERBEND_LAST_YEAR_SHEETS,
    },
  ]);

describe("the example's committee pack, printed by LibreOffice", () => {
  let plan: WorkbookPlan;
  let pdf: { pages: number; pageSize: string; words: PrintedWord[] };
  let texts: string[];
  let nine: number;

  beforeAll(async () => {
    nine = await ninePointHeight();
    plan = planCommitteeSheets(pack());
    pdf = await printed("riverbend-pack", plan);
    texts = pageTexts(pdf.words, pdf.pages);
  }, 180_000);

  it("prints on A4 landscape, on as many pages as the plan counted", () => {
    expect(pdf.pageSize).toMatch(/^841\.8\d* x 595\.\d+ pts \(A4\)$/);
    expect(pdf.pages).toBe(plan.sheets[0].page.pages + plan.sheets[1].page.pages);
    expect(pdf.pages).toBeLessThanOrEqual(8);
  });

  it("prints no text smaller than 9 pt, charts included: nothing is shrunk to fit", () => {
    expect(nine).toBeGreaterThan(9);
    const small = pdf.words.filter((w) => w.height < nine - 0.05);
    expect(small.map((w) => `${w.page}: ${w.text} (${w.height.toFixed(2)})`)).toEqual([]);
    // The body is printed at its planned 10 pt: a tenth taller than the 9 pt line.
    const body = pdf.words.find((w) => w.text === "Residents")!;
    expect(body.height / nine).toBeCloseTo(PAGE.bodySize / 9, 1);
  });

  it("heads every page with the title, source and date made, and numbers it Page N of M", () => {
    const summaryPages = plan.sheets[0].page.pages;
    texts.forEach((text, i) => {
      const title = i < summaryPages ? SUMMARY_TITLE : ACTION_PLAN_TITLE;
      expect(text.startsWith(title)).toBe(true);
      expect(text).toContain("Source: riverbend-local-code.xlsx");
      expect(text).toContain("Made 02/03/2026");
      expect(text).toContain(`Page ${i + 1} of ${pdf.pages}`);
    });
  });

  it("puts the tables first and the charts below them or on a page of their own", () => {
    expect(texts[0]).toContain("Scores by section");
    // The section's title in full, wrapped within its column.
    expect(texts[0]).toContain("Principle A: Behaving with integrity,");
    expect(texts[0]).toContain("respecting the rule of law");
    const heading = pdf.words.find((w) => w.text === "Charts,")!;
    // "Mean score by section, ..." is each mean chart's title, and nothing else's.
    const chartTitles = pdf.words.filter(
      (w, i) =>
        w.text === "by" && pdf.words[i + 1]?.text === "section," && pdf.words[i + 1].page === w.page
    );
    for (const t of chartTitles)
      expect(t.page > heading.page || (t.page === heading.page && t.y > heading.y)).toBe(true);
    // Everything before the charts' heading is a table or its text: no chart text above it.
    const before = pdf.words.filter(
      (w) => w.page < heading.page || (w.page === heading.page && w.y < heading.y)
    );
    expect(before.some((w) => w.text === "worst" && /How/.test(texts[w.page - 1]))).toBe(false);
  });

  it("repeats the Action Plan's header on each of its pages, sheet and cell at the right end", () => {
    const summaryPages = plan.sheets[0].page.pages;
    const actionPages = texts.slice(summaryPages);
    expect(actionPages.length).toBeGreaterThanOrEqual(2);
    for (const text of actionPages)
      expect(text).toMatch(/Lead officer .*Improvement action .*Status .*Sheet Cell/);
    // Direction in words with an arrow, status in words.
    expect(actionPages.join(" ")).toMatch(/↓ Down/);
    expect(actionPages.join(" ")).toMatch(/↑ Up/);
    expect(actionPages.join(" ")).toMatch(/★ New/);
    expect(actionPages.join(" ")).toContain("Carried forward");
  });

  it("aligns each header as its values: numbers right under right-aligned headers, text left", () => {
    const page = pdf.words.filter((w) => w.page === 1);
    for (const label of ["Exceptions", "Scored", "Mean"]) {
      const header = page.find((w) => w.text === label)!;
      const under = page.filter(
        (w) => /^[\d.]+$/.test(w.text) && w.y > header.y && Math.abs(w.right - header.right) < 1.5
      );
      expect({ label, rows: under.length }).toEqual({ label, rows: expect.any(Number) });
      expect(under.length).toBeGreaterThanOrEqual(7);
    }
    const section = page.find((w) => w.text === "Section")!;
    const titles = page.filter((w) => w.text === "Principle" && Math.abs(w.x - section.x) < 1.5);
    expect(titles.length).toBe(7);
  });
});

describe("a 200-requirement return, printed by LibreOffice", () => {
  it("stays a pack of at most 15 pages, as the plan counted", async () => {
    const s = summaryOf([
      {
        source: "two-hundred.xlsx",
        sheets: [syntheticSchedule("Local Code 2025-26", 200, 8)],
      },
    ]);
    const plan = planCommitteeSheets(s);
    const pdf = await printed("two-hundred", plan);
    expect(pdf.pages).toBe(plan.sheets[0].page.pages + plan.sheets[1].page.pages);
    expect(pdf.pages).toBeLessThanOrEqual(15);
  }, 180_000);
});
