import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import type { Grid } from "../src/core/grid";
import { listSource, parseSqref, withValidationLists } from "../src/core/validation-lists";
import { readWorkbookFile } from "../src/file";
import { DefinedNameCollector, ValidationListCollector } from "../src/file/validation-xml";
import { type XmlHandler, XmlTokenizer } from "../src/file/xml-tokenizer";
import { writeWorkbook } from "./helpers/check-fixture";
import { gridsViaExcelJs } from "./helpers/exceljs-grids";
import { listRulesFromExcelJs } from "./helpers/validation-exceljs";

const grid = (name: string, rows: Grid["rows"], hidden = false): Grid => ({
  name,
  hidden,
  firstRow: 1,
  firstColumn: 1,
  rows,
  merges: [],
});

/** Feeds an XML text through a collector with the reader's own tokenizer. */
function collect<T extends XmlHandler>(xml: string, collector: T): T {
  const tokenizer = new XmlTokenizer(collector, "test.xml");
  tokenizer.write(xml);
  tokenizer.end();
  return collector;
}

describe("drop-down lists: sources and the cells they cover", () => {
  it("parses sqref lists, whole columns included", () => {
    expect(parseSqref("D5:D40 F5 $G$1:$G$9")).toEqual([
      { top: 5, left: 4, bottom: 40, right: 4 },
      { top: 5, left: 6, bottom: 5, right: 6 },
      { top: 1, left: 7, bottom: 9, right: 7 },
    ]);
    expect(parseSqref("D:D")).toEqual([{ top: 1, left: 4, bottom: 1048576, right: 4 }]);
    expect(parseSqref("nonsense ZZZZ1")).toEqual([]);
  });

  it("says where a list's entries come from: entries, a range, a defined name, or unknown", () => {
    const names = new Map([
      ["raglist", "Key!$A$2:$A$4"],
      ["chain", "RagList"],
    ]);
    expect(listSource('"Red,Amber, Green"', "S", names)).toEqual({
      kind: "entries",
      values: ["Red", "Amber", "Green"],
    });
    expect(listSource("Red,Amber,Green", "S", names)).toEqual({
      kind: "entries",
      values: ["Red", "Amber", "Green"],
    });
    expect(listSource("=$K$2:$K$4", "S", names)).toMatchObject({ kind: "range", sheet: "S" });
    expect(listSource("'Rating key'!$A$2:$A$5", "S", names)).toEqual({
      kind: "range",
      sheet: "Rating key",
      area: { top: 2, left: 1, bottom: 5, right: 1 },
    });
    expect(listSource("=Chain", "S", names)).toMatchObject({ kind: "range", sheet: "Key" });
    expect(listSource("INDIRECT($A$1)", "S", names)).toEqual({ kind: "unknown" });
    expect(listSource("OFFSET(Key!$A$1,0,0,3)", "S", names)).toEqual({ kind: "unknown" });
  });

  it("resolves lists against the workbook's sheets, hidden ones included, and drops the unresolvable", () => {
    const key = grid(
      "Lists",
      [["Level"], ["Substantial"], ["Reasonable"], [null], ["Limited"]],
      true
    );
    const schedule = grid("Controls", [
      ["Ref", "Assurance"],
      ["1", "Limited"],
    ]);
    const [out] = withValidationLists(
      [schedule, key],
      new Map([
        [
          "Controls",
          [
            { sqref: "B2:B20", formula: "Lists!$A$2:$A$5" },
            { sqref: "C2", formula: "Missing!$A$1:$A$3" },
            { sqref: "D2", formula: "INDIRECT(A1)" },
          ],
        ],
      ]),
      new Map()
    );
    expect(out.validationLists).toEqual([
      {
        ranges: [{ top: 2, left: 2, bottom: 20, right: 2 }],
        values: ["Substantial", "Reasonable", "Limited"],
      },
    ]);
  });

  it("the reader's collector reads the classic and the Excel 2010 (x14) forms, and counts each range kept", () => {
    const xml = `<worksheet xmlns:x14="x" xmlns:xm="m"><sheetData><row r="1"><c r="A1"><f>SUM(B1)</f><v>1</v></c></row></sheetData>
      <dataValidations count="2">
        <dataValidation type="list" allowBlank="1" sqref="D5:D40 F5"><formula1>"Red,Amber,Green"</formula1></dataValidation>
        <dataValidation type="whole" sqref="E5"><formula1>1</formula1><formula2>5</formula2></dataValidation>
      </dataValidations>
      <extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1">
        <x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>'Rating key'!$A$2:$A$5</xm:f></x14:formula1><xm:sqref>G5:G40</xm:sqref></x14:dataValidation>
      </x14:dataValidations></ext></extLst></worksheet>`;
    let kept = 0;
    const rules = collect(xml, new ValidationListCollector((n) => (kept += n))).rules;
    expect(rules).toEqual([
      { sqref: "D5:D40 F5", formula: '"Red,Amber,Green"' },
      { sqref: "G5:G40", formula: "'Rating key'!$A$2:$A$5" },
    ]);
    expect(kept).toBe(3);
    const names = collect(
      `<workbook><definedNames><definedName name="RAGList">Key!$A$2:$A$4</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">S!$A$1:$F$9</definedName></definedNames></workbook>`,
      new DefinedNameCollector()
    ).names;
    expect(names).toEqual([
      { name: "RAGList", refersTo: "Key!$A$2:$A$4" },
      { name: "_xlnm.Print_Area", refersTo: "S!$A$1:$F$9" },
    ]);
  });

  it("the ExcelJS path gathers ExcelJS's cell-by-cell model back into ranges", () => {
    const rag = { type: "list", formulae: ['"Red,Amber,Green"'] };
    const other = { type: "list", formulae: ["Key!$A$1:$A$3"] };
    const whole = { type: "whole", formulae: [1, 5] };
    const rules = listRulesFromExcelJs({
      D5: rag,
      D6: rag,
      D7: rag,
      D9: rag,
      F5: rag,
      G2: other,
      H2: whole,
    });
    expect(rules).toEqual([
      { sqref: "D5:D7 D9 F5", formula: '"Red,Amber,Green"' },
      { sqref: "G2", formula: "Key!$A$1:$A$3" },
    ]);
  });

  it("govcheck's reader and ExcelJS carry a list on another sheet through a defined name; only govcheck's reads the x14 form", async () => {
    const path = await writeWorkbook([
      {
        name: "Return",
        rows: [
          ["Ref", "Status"],
          ["1", "Green"],
        ],
        validations: [{ range: "B2:B9", list: "RagLevels" }],
        names: [{ name: "RagLevels", refersTo: "Key!$A$1:$A$3" }],
      },
      { name: "Key", hidden: true, rows: [["Green"], ["Amber"], ["Red"]] },
    ]);
    for (const [sheet] of [await readWorkbookFile(path), await gridsViaExcelJs(readFileSync(path))])
      expect(sheet.validationLists).toEqual([
        { ranges: [{ top: 2, left: 2, bottom: 9, right: 2 }], values: ["Green", "Amber", "Red"] },
      ]);
    // Excel writes a list on another sheet in the 2010 form, inside extLst: add one by hand.
    const zip = await JSZip.loadAsync(readFileSync(path));
    const sheetPath = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(sheetPath)!.async("string"))
      .replace(/<dataValidations[\s\S]*?<\/dataValidations>/, "")
      .replace(
        "</worksheet>",
        `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" count="1"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Key!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B2:B9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`
      );
    zip.file(sheetPath, xml);
    const x14 = `${path.replace(/\.xlsx$/, "")}-x14.xlsx`;
    writeFileSync(x14, await zip.generateAsync({ type: "nodebuffer" }));
    const [streamed] = await readWorkbookFile(x14);
    expect(streamed.validationLists?.[0].values).toEqual(["Green", "Amber", "Red"]);
    const [loaded] = await gridsViaExcelJs(readFileSync(x14));
    expect(loaded.validationLists).toBeUndefined();
  });
});
