import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { validateXML } from "xmllint-wasm";
import { nodeZipCodec } from "../src/cli/node-zip-codec";
import type { PageSetup, PlanValue, WorkbookPlan } from "../src/core/summary/plan";
import { readWorkbookFile } from "../src/file";
import { committeeWorkbook } from "../src/file/committee-workbook";
import { AsciiWriter, cellTextXml, unescapeCellText } from "../src/file/xml-text";
import { type ZipCodec, ZipWriter, crc32, defaultCodec } from "../src/file/zip-package";

const dir = mkdtempSync(join(tmpdir(), "govcheck-package-"));
const text = (s: string) => new TextEncoder().encode(s);

async function partText(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  return zip.file(path)!.async("string");
}

describe("the zip writer", () => {
  const codecs: [string, ZipCodec][] = [
    ["Node's zlib", nodeZipCodec],
    ["CompressionStream", defaultCodec()],
    ["no compression", { deflateRaw: () => null, crc32 }],
  ];

  it.each(codecs)("writes a package that reads back byte for byte (%s)", async (_name, codec) => {
    const zip = new ZipWriter(codec);
    const big = "<row>repeated markup compresses well</row>".repeat(50_000);
    zip.add("xl/worksheets/sheet1.xml", text(big));
    zip.add("docProps/app.xml", text("<Properties/>"));
    zip.add("[Content_Types].xml", text("<Types/>"));
    const bytes = await zip.finish(new Date(2026, 10, 24, 9, 30));
    const read = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual([
      "[Content_Types].xml",
      "xl/worksheets/sheet1.xml",
      "docProps/app.xml",
    ]);
    expect(await read.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(big);
    expect(read.file("docProps/app.xml")!.date.getFullYear()).toBe(2026);
  });

  it("stores a part whose deflated form would be larger", async () => {
    const zip = new ZipWriter(nodeZipCodec);
    zip.add("tiny.xml", text("<a/>"));
    const bytes = await zip.finish();
    // Local header: method field at offset 8; 0 is stored.
    expect(new DataView(bytes.buffer).getUint16(8, true)).toBe(0);
    expect(await partText(bytes, "tiny.xml")).toBe("<a/>");
  });

  it("reports a compression failure when the package is finished", async () => {
    const failing: ZipCodec = { deflateRaw: () => Promise.reject(new Error("no memory")), crc32 };
    const zip = new ZipWriter(failing);
    zip.add("a.xml", text("<a/>"));
    await expect(zip.finish()).rejects.toThrow("no memory");
  });

  it("computes zip's CRC-32 exactly as zlib does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlib.crc32(bytes));
      })
    );
  });
});

describe("markup as bytes", () => {
  it("writes whole numbers digit by digit and grows past its first megabyte", () => {
    const out = new AsciiWriter();
    for (const n of [0, 7, 10, 99, 100, 123_456, 2 ** 40]) {
      out.int(n);
      out.ascii(",");
    }
    const filler = "x".repeat(1 << 20);
    out.ascii(filler);
    const written = new TextDecoder().decode(out.bytes());
    expect(written.startsWith("0,7,10,99,100,123456,1099511627776,")).toBe(true);
    expect(written.length).toBe(35 + filler.length);
  });

  it("refuses text that is not ASCII, rather than writing it wrongly", () => {
    expect(() => new AsciiWriter().ascii("Café")).toThrow(/not ASCII/);
  });

  it("escapes markup, control characters and literal _xHHHH_ so each reads back as typed", () => {
    expect(cellTextXml(`<b>&"`)).toBe("&lt;b&gt;&amp;&quot;");
    expect(cellTextXml("bell\u0007")).toBe("bell_x0007_");
    expect(cellTextXml("code _x0041_")).toBe("code _x005F_x0041_");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const bare = s.replace(/[\uD800-\uDFFF]/g, "");
        const escaped = cellTextXml(bare.slice(0, 32_000));
        const xmlDecoded = escaped
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&");
        expect(unescapeCellText(xmlDecoded)).toBe(bare.slice(0, 32_000));
      })
    );
  });

  it("cuts a text longer than Excel allows in a cell", () => {
    const escaped = cellTextXml("a".repeat(40_000));
    expect(escaped.length).toBe(32_767);
    expect(escaped.endsWith("…")).toBe(true);
  });
});

const page = (printTitles: PageSetup["printTitleRows"]): PageSetup => ({
  paper: "A4",
  orientation: "landscape",
  scale: 100,
  margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  header: {
    left: ["Committee summary"],
    center: ["Source: R&D return.xlsx"],
    right: ["Made 02/03/2026"],
  },
  footer: { left: [], center: [], right: ["Page ", { field: "page" }, " of ", { field: "pages" }] },
  textSize: 10,
  printTitleRows: printTitles,
  rowBreaks: printTitles ? [] : [4],
  pages: 1,
});

/** A plan with what the committee sheets use: styles, a wrapped column, a table, a frozen header. */
function planWith(actions: PlanValue[][]): WorkbookPlan {
  return {
    sheets: [
      {
        key: "summary",
        name: "Committee Summary",
        columnWidths: [30, 12],
        cells: [
          { row: 1, col: 1, value: "Committee summary", bold: true, size: 14 },
          { row: 3, col: 1, value: "Section", bold: true, fill: "#DEECF9" },
          { row: 3, col: 2, value: "Mean score", bold: true, fill: "#DEECF9" },
          { row: 4, col: 1, value: "Principle A" },
          { row: 4, col: 2, value: 2.25, numberFormat: "0.00" },
          { row: 4, col: 3, value: "Red", bold: true, fill: "#C50F1F", fontColor: "#FFFFFF" },
          { row: 6, col: 1, value: "A long exception that wraps over several lines", wrap: true },
          { row: 7, col: 1, value: 12, align: "right" },
        ],
        merges: [{ top: 6, left: 1, bottom: 6, right: 2 }],
        tables: [],
        charts: [],
        rowHeights: [0, 22, 16, 16, 16, 16, 29],
        defaultRowHeight: 16,
        freezeRows: 0,
        page: page(null),
      },
      {
        key: "actions",
        name: "Action Plan",
        columnWidths: [20, 40, 8],
        cells: [],
        merges: [],
        tables: [
          {
            name: "GovcheckActionPlan",
            top: 1,
            left: 1,
            header: ["Lead officer", "Improvement action", "Score"],
            rows: actions,
            wrapColumns: [1],
            align: ["left", "left", "right"],
            indent: [undefined, undefined, undefined],
            textSize: 9,
          },
        ],
        charts: [],
        rowHeights: [],
        defaultRowHeight: 16,
        freezeRows: 1,
        page: page({ top: 1, bottom: 1 }),
      },
    ],
  };
}

describe("the committee workbook's SpreadsheetML", () => {
  it("carries fills, fonts, number formats, wrapping, the frozen header and print settings", async () => {
    const out = join(dir, "styles.xlsx");
    const actions: PlanValue[][] = [
      ["Head of Policy", "Review the register", 2],
      ["Monitoring Officer", null, 1],
    ];
    writeFileSync(
      out,
      await committeeWorkbook(planWith(actions), "Committee summary", { codec: nodeZipCodec })
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const summary = wb.getWorksheet("Committee Summary")!;
    expect(summary.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(summary.getCell("C4").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFC50F1F" },
    });
    expect(summary.getCell("C4").font.color).toEqual({ argb: "FFFFFFFF" });
    expect(summary.getCell("B4").numFmt).toBe("0.00");
    expect(summary.getCell("B4").value).toBe(2.25);
    expect(summary.getCell("A6").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    // Plain cells too (style 0, which a cell without a style attribute has), so a row's short
    // entries line up with the first line of its wrapped text.
    const styles = await partText(readFileSync(out), "xl/styles.xml");
    expect(/<cellXfs count="\d+"><xf [^>]*><alignment vertical="top"\/><\/xf>/.test(styles)).toBe(
      true
    );
    // LibreOffice takes an unstyled cell's look from the Normal style rather than from xf 0.
    expect(styles).toMatch(/<cellStyleXfs count="1"><xf [^>]*><alignment vertical="top"\/>/);
    expect(summary.getRow(6).height).toBe(29);
    expect(summary.getColumn(1).width).toBe(30);
    expect(summary.getCell("A7").alignment).toMatchObject({ horizontal: "right", vertical: "top" });
    expect(summary.getCell("A6").isMerged && summary.getCell("B6").isMerged).toBe(true);
    // Printed at 100%, never fitted to a page, with the plan's own break after row 4.
    expect(summary.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      scale: 100,
      margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    });
    expect(summary.pageSetup.fitToPage).toBeFalsy();
    expect(summary.headerFooter.oddHeader).toBe(
      '&L&10&"-,Regular"Committee summary&C&10&"-,Regular"Source: R&&D return.xlsx&R&10&"-,Regular"Made 02/03/2026'
    );
    expect(summary.headerFooter.oddFooter).toBe('&R&10&"-,Regular"Page &P of &N');
    const sheet1 = await partText(readFileSync(out), "xl/worksheets/sheet1.xml");
    expect(sheet1).toContain(
      `<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks>`
    );
    const plan = wb.getWorksheet("Action Plan")!;
    expect(plan.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(plan.getCell("B2").alignment).toMatchObject({ wrapText: true });
    expect(plan.getCell("B3").value).toBeNull();
    // The header row repeats on every printed page.
    expect(plan.pageSetup.printTitlesRow).toBe("1:1");
  });

  it("sizes the action-plan table to its rows, with a filter on every column", async () => {
    const rows: PlanValue[][] = Array.from({ length: 2500 }, (_v, i) => [
      `Officer ${i % 7}`,
      `Action ${i}`,
      (i % 3) + 1,
    ]);
    const bytes = await committeeWorkbook(planWith(rows), "t", { codec: nodeZipCodec });
    const table = await partText(bytes, "xl/tables/table1.xml");
    expect(table).toContain(`ref="A1:C2501"`);
    expect(table).toContain(`<autoFilter ref="A1:C2501"/>`);
    expect(table).toContain(`<tableColumn id="2" name="Improvement action"/>`);
    const out = join(dir, "big.xlsx");
    writeFileSync(out, bytes);
    // Our own reader and ExcelJS agree with the plan, row for row.
    const grids = await readWorkbookFile(out);
    const sheet = grids.find((g) => g.name === "Action Plan")!;
    expect(sheet.rows.slice(1)).toEqual(rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Action Plan")!.getCell("B2501").value).toBe("Action 2499");
  });

  it("keeps any text an officer typed exactly as typed, and never as a formula", async () => {
    // Any string: full Unicode, control characters and lone halves of surrogate pairs included.
    const typed = fc.string({ minLength: 1, maxLength: 60, unit: "binary" });
    await fc.assert(
      fc.asyncProperty(fc.array(typed, { minLength: 1, maxLength: 8 }), async (texts) => {
        const rows: PlanValue[][] = texts.map((t, i) => [t, `=${t}`, i]);
        const bytes = await committeeWorkbook(planWith(rows), "t", { codec: nodeZipCodec });
        const out = join(dir, "typed.xlsx");
        writeFileSync(out, bytes);
        const sheet = (await readWorkbookFile(out)).find((g) => g.name === "Action Plan")!;
        // The reader folds nothing in the values it returns for text cells.
        expect(sheet.rows.slice(1).map((r) => r[0])).toEqual(texts);
        expect(sheet.rows.slice(1).map((r) => r[1])).toEqual(texts.map((t) => `=${t}`));
        expect(await partText(bytes, "xl/worksheets/sheet2.xml")).not.toContain("<f>");
      }),
      { numRuns: 25 }
    );
  });

  it("writes every part as well-formed XML whatever text goes into cells, chart titles and captions", async () => {
    const any = fc.string({ maxLength: 40, unit: "binary" });
    await fc.assert(
      fc.asyncProperty(
        fc.array(any, { minLength: 4, maxLength: 4 }),
        async ([title, section, series, cell]) => {
          const plan = planWith([[cell, section, 1]]);
          const summary = plan.sheets[0];
          const withChart: WorkbookPlan = {
            sheets: [
              {
                ...summary,
                cells: [
                  ...summary.cells,
                  { row: 10, col: 1, value: section },
                  { row: 10, col: 2, value: 2 },
                  { row: 9, col: 2, value: series },
                ],
                charts: [
                  {
                    kind: "bar",
                    title,
                    categories: { top: 10, left: 1, bottom: 10, right: 1 },
                    series: [
                      {
                        name: series,
                        nameCell: { top: 9, left: 2, bottom: 9, right: 2 },
                        values: { top: 10, left: 2, bottom: 10, right: 2 },
                        colour: "0F6CBD",
                      },
                    ],
                    anchor: { top: 12, left: 1, bottom: 20, right: 6 },
                    valueAxis: { title },
                    legend: true,
                    valueLabels: true,
                    textSize: 10,
                  },
                ],
              },
              plan.sheets[1],
            ],
          };
          const bytes = await committeeWorkbook(withChart, `Committee summary: ${title}`, {
            codec: nodeZipCodec,
          });
          const zip = await JSZip.loadAsync(bytes);
          const parts = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
          const xml = await Promise.all(
            parts.map(async (p) => ({
              fileName: p.replace(/[^\w.]/g, "_"),
              contents: await zip.file(p)!.async("string"),
            }))
          );
          // libxml2, as strict an XML parser as there is: it rejects what XML 1.0 cannot carry.
          const checked = await validateXML({ xml, normalization: "format" });
          expect(checked.errors).toEqual([]);
          const out = join(dir, "chart.xlsx");
          writeFileSync(out, bytes);
          const row = (await readWorkbookFile(out)).find((g) => g.name === "Action Plan")!.rows[1];
          expect(row).toEqual([cell === "" ? null : cell, section === "" ? null : section, 1]);
        }
      ),
      { numRuns: 30 }
    );
  }, 120_000);
});
