import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { readWorkbookFile } from "../src/file";
import { writeWorkbook } from "./helpers/check-fixture";
import { gridsViaExcelJs } from "./helpers/exceljs-grids";

const when = new Date(Date.UTC(2026, 2, 31));

async function mixedWorkbook(): Promise<string> {
  return writeWorkbook([
    {
      name: "Values",
      rows: [
        ["text", 3, 2.5, true, when],
        [
          { formula: "NA()", result: { error: "#N/A" } },
          { formula: '"a"&"b"', result: "ab" },
          { formula: "1+1", result: 2 },
          { richText: [{ text: "Lead: " }, { text: "Monitoring Officer", bold: true }] },
          { text: "policy", hyperlink: "https://example.org/policy" },
        ],
        [null, null, null, null, null, "far right"],
        ["Principle A: merged across", null, null, null, null],
      ],
      merges: ["A4:E4"],
    },
    { name: "Hidden list", hidden: true, rows: [["Monitoring Officer"], ["Head of Finance"]] },
    { name: "Third", rows: [["last sheet"]] },
  ]);
}

describe("file host", () => {
  it("reads formula results, errors, rich text, hyperlinks, dates, merges and hidden sheets", async () => {
    const [values, hidden, third] = await readWorkbookFile(await mixedWorkbook());
    expect(values.name).toBe("Values");
    expect(values.rows[0]).toEqual(["text", 3, 2.5, true, when]);
    expect(values.rows[1]).toEqual([
      { error: "#N/A" },
      "ab",
      2,
      "Lead: Monitoring Officer",
      "policy",
    ]);
    expect(values.rows[2]).toEqual([null, null, null, null, null, "far right"]);
    expect(values.rows[3]).toEqual(["Principle A: merged across"]);
    expect(values.merges).toEqual([{ top: 4, left: 1, bottom: 4, right: 5 }]);
    expect(values.hidden).toBe(false);
    expect(hidden).toMatchObject({ name: "Hidden list", hidden: true });
    expect(third.name).toBe("Third");
  });

  it("the streaming reader and ExcelJS's whole-file load give the same grids", async () => {
    const file = await mixedWorkbook();
    expect(await readWorkbookFile(file)).toEqual(await gridsViaExcelJs(readFileSync(file)));
  });

  it("streams a workbook whose workbook part comes after many sheets, in workbook order", async () => {
    // ExcelJS writes xl/workbook.xml last; its own streaming reader fails on that with 5+ sheets.
    const names = Array.from({ length: 8 }, (_, i) => `Sheet ${8 - i}`);
    const file = await writeWorkbook(names.map((name) => ({ name, rows: [[name]] })));
    const grids = await readWorkbookFile(file);
    expect(grids.map((g) => g.name)).toEqual(names);
    expect(grids.map((g) => g.rows[0][0])).toEqual(names);
  });

  it("reads inline strings and cells without references, as other writers produce", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Plain").getCell("B2").value = "placeholder";
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(buffer);
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetData><row><c t="inlineStr"><is><r><t>Score </t></r><r><t>(1-5)</t></r></is></c><c t="b"><v>1</v></c></row>' +
      '<row r="3"><c r="C3" t="e"><v>#DIV/0!</v></c></row></sheetData></worksheet>';
    zip.file("xl/worksheets/sheet1.xml", sheet);
    const path = `${await writeWorkbook([{ name: "x", rows: [] }])}.inline.xlsx`;
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
    const [grid] = await readWorkbookFile(path);
    expect(grid.rows).toEqual([["Score (1-5)", true], [], [null, null, { error: "#DIV/0!" }]]);
  });
});
