import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CellValue, MergedArea, ValidationList } from "../../src/core/grid";
import { convertWithLibreOffice } from "../helpers/libreoffice";
import {
  MAIN_NS,
  type PackageSheet,
  type PackageSpec,
  REL_NS,
  escapeText,
  sharedStringsXml,
  spreadsheetPackage,
  stylesXml,
  worksheetXml,
} from "../helpers/raw-package";
import { buildWorkbook } from "../helpers/workbook-builder";
import { COVER_ROWS, type Dialect, SCHEDULE_ROWS, serial, sheetDataXml } from "./dialects";

/** A sheet as the reader must give it back. */
export interface ExpectedSheet {
  readonly name: string;
  readonly hidden?: boolean;
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges?: readonly MergedArea[];
  /** Drop-down lists on its cells, resolved to their entries. */
  readonly validationLists?: readonly ValidationList[];
}

/** One producer or quirk: how its package is made, and the sheets it must read as. */
export interface ProducerCase {
  readonly name: string;
  /** The file name's extension, as the producer saves it. */
  readonly extension: ".xlsx" | ".xlsm";
  build(): Promise<Buffer> | Buffer;
  readonly sheets: readonly ExpectedSheet[];
  /** Why ExcelJS cannot read this quirk right (so it is not compared with ExcelJS). */
  readonly excelJsFails?: string;
}

const EXCEL: Dialect = {
  text: "shared",
  refs: "all",
  dates: "serial",
  rowExtra: ` spans="1:7" x14ac:dyDescent="0.25"`,
};

/** A sheet's part in a dialect, with its shared strings gathered. */
function sheetPart(
  rows: readonly (readonly CellValue[])[],
  dialect: Dialect,
  strings: string[],
  strict = false,
  after = ""
) {
  return worksheetXml(sheetDataXml(rows, dialect, strings), after, strict);
}

function schedulePackage(
  dialect: Dialect,
  extra: Partial<PackageSpec> = {},
  strict = false
): Buffer {
  const strings: string[] = [];
  const sheets: PackageSheet[] = [
    { name: "Cover", xml: sheetPart(COVER_ROWS, dialect, strings, strict) },
    { name: "Local Code", xml: sheetPart(SCHEDULE_ROWS, dialect, strings, strict) },
  ];
  return spreadsheetPackage({
    sheets,
    sharedStrings: dialect.text === "shared" ? sharedStringsXml(strings, strict) : undefined,
    styles: stylesXml(strict),
    strict,
    ...extra,
  });
}

/** A schedule rated Red / Amber / Green from a drop-down whose entries are on a hidden key sheet. */
const ASSURANCE_ROWS: readonly (readonly CellValue[])[] = [
  ["Annual governance review: assurance"],
  [],
  ["Ref", "Requirement", "Status", "Improvement action", "Lead officer"],
  ["G1", "The constitution is reviewed every year.", "Green", null, "Monitoring Officer"],
  ["G2", "Risks are reported to committee each quarter.", "Red", null, null],
  ["G3", "Counter-fraud policy is up to date.", "Amber", "Refresh the policy", null],
  ["G4", "Internal audit plan is approved.", "Green", null, "Head of Audit & Risk"],
];

const ASSURANCE_LISTS: readonly ValidationList[] = [
  {
    ranges: [{ top: 4, left: 5, bottom: 7, right: 5 }],
    values: ["Monitoring Officer", "Head of Audit & Risk"],
  },
  { ranges: [{ top: 4, left: 3, bottom: 7, right: 3 }], values: ["Red", "Amber", "Green"] },
];

const BOTH: readonly ExpectedSheet[] = [
  { name: "Cover", rows: COVER_ROWS },
  { name: "Local Code", rows: SCHEDULE_ROWS },
];

/** A workbook Excel-style with the schedule at the given rows, Excel's namespaces and markup. */
function excelWorksheet(sheetData: string, after = ""): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" ` +
    `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" ` +
    `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ` +
    `xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
    `<dimension ref="A1:G8"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>${sheetData}</sheetData>${after}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

const libreOfficeDir = mkdtempSync(join(tmpdir(), "govcheck-producers-lo-"));

/** The schedule as ExcelJS writes it, opened and saved again by LibreOffice Calc (headless). */
async function libreOfficeCalc(): Promise<Buffer> {
  const toRow = (r: readonly CellValue[]) =>
    r.map((v) => (v === null ? null : (v as string | number | Date)));
  const source = join(libreOfficeDir, "source.xlsx");
  writeFileSync(
    source,
    await buildWorkbook([
      { name: "Cover", rows: COVER_ROWS.map(toRow) },
      { name: "Local Code", rows: SCHEDULE_ROWS.map(toRow) },
    ])
  );
  const out = join(libreOfficeDir, "calc");
  convertWithLibreOffice(source, "xlsx:Calc MS Excel 2007 XML", out);
  return readFileSync(join(out, "source.xlsx"));
}

const RICH_SST =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="6" uniqueCount="6">` +
  `<si><t>Ref</t></si><si><t>Requirement</t></si><si><t>Score</t></si><si><t>Lead officer</t></si>` +
  // Rich text in runs, with a phonetic guide (rPh) Excel does not show in the cell.
  `<si><r><t xml:space="preserve">Publish the </t></r><r><rPr><b/><sz val="11"/></rPr><t>code.</t></r>` +
  `<rPh sb="0" eb="7"><t>コード</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>` +
  // Text inside an element of another namespace is not the cell's text.
  `<si xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="urn:w14" mc:Ignorable="w14">` +
  `<w14:placeholder><t>ddd</t></w14:placeholder><t>Monitoring Officer</t></si>` +
  `</sst>`;

const CDATA_SST =
  `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN_NS}" count="2" uniqueCount="2">` +
  `<si><t><![CDATA[Publish the <code> & the statement]]></t></si><si><t><![CDATA[Monitoring]]> Officer</t></si></sst>`;

const MERGED_ROWS: readonly (readonly CellValue[])[] = [
  ["Ref", "Requirement", "Score (1-5)", "Improvement action", "Lead officer"],
  ["PRINCIPLE A: INTEGRITY AND VALUES"],
  ["A1", "Members follow the code of conduct.", 2, null, "Monitoring Officer"],
];

/** Every producer and quirk the reader must keep reading, each with the sheets it must give. */
export const PRODUCER_CASES: readonly ProducerCase[] = [
  {
    name: "Excel (Transitional): shared strings, styles, spans, x14ac markup, a choice in mc:AlternateContent",
    extension: ".xlsx",
    sheets: BOTH,
    build: () => {
      const strings: string[] = [];
      return spreadsheetPackage({
        sheets: [
          { name: "Cover", xml: excelWorksheet(sheetDataXml(COVER_ROWS, EXCEL, strings)) },
          { name: "Local Code", xml: excelWorksheet(sheetDataXml(SCHEDULE_ROWS, EXCEL, strings)) },
        ],
        sharedStrings: sharedStringsXml(strings),
        styles: stylesXml(),
        workbookPr:
          `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/>` +
          `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
          `<mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\officer\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice>` +
          `</mc:AlternateContent>`,
      });
    },
  },
  {
    name: "Excel (Strict Open XML): purl.oclc.org namespaces",
    extension: ".xlsx",
    sheets: BOTH,
    build: () => schedulePackage({ ...EXCEL, rowExtra: "" }, {}, true),
  },
  {
    name: "LibreOffice Calc (saved by soffice --headless)",
    extension: ".xlsx",
    sheets: BOTH,
    build: libreOfficeCalc,
  },
  {
    name: 'openpyxl: shared strings, numbers with t="n" left out, docProps',
    extension: ".xlsx",
    sheets: BOTH,
    build: () => schedulePackage({ text: "shared", refs: "all", dates: "serial" }),
  },
  {
    name: "XlsxWriter (constant memory): inline strings",
    extension: ".xlsx",
    sheets: BOTH,
    build: () => schedulePackage({ text: "inline", refs: "all", dates: "serial" }),
  },
  {
    name: 'SheetJS: t="str" cells with no formula, stored (uncompressed) zip entries',
    extension: ".xlsx",
    sheets: BOTH,
    build: () =>
      schedulePackage({ text: "str", refs: "all", dates: "serial" }, { method: "store" }),
  },
  {
    name: ".NET packaging: absolute relationship targets (/xl/worksheets/sheet1.xml)",
    extension: ".xlsx",
    sheets: BOTH,
    build: () => {
      const strings: string[] = [];
      return spreadsheetPackage({
        sheets: [
          {
            name: "Cover",
            xml: sheetPart(COVER_ROWS, EXCEL, strings),
            target: "/xl/worksheets/sheet1.xml",
          },
          {
            name: "Local Code",
            xml: sheetPart(SCHEDULE_ROWS, EXCEL, strings),
            target: "/xl/worksheets/sheet2.xml",
          },
        ],
        sharedStrings: sharedStringsXml(strings),
        styles: stylesXml(),
      });
    },
  },
  {
    name: "macro-enabled workbook (.xlsm) with a VBA project part",
    extension: ".xlsm",
    sheets: BOTH,
    build: () =>
      schedulePackage(EXCEL, {
        mainContentType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        extraEntries: [
          { name: "xl/vbaProject.bin", data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) },
        ],
      }),
  },
  {
    name: "rows and cells without r, and an understated <dimension>",
    extension: ".xlsx",
    excelJsFails: 'it fails on rows without a number ("Invalid row number in model")',
    sheets: BOTH,
    build: () => {
      const strings: string[] = [];
      const dialect: Dialect = { text: "shared", refs: "none", dates: "serial" };
      return spreadsheetPackage({
        sheets: [
          { name: "Cover", xml: sheetPart(COVER_ROWS, dialect, strings) },
          {
            name: "Local Code",
            xml: worksheetXml(
              sheetDataXml(SCHEDULE_ROWS, dialect, strings),
              "",
              false,
              `<dimension ref="A1"/>`
            ),
          },
        ],
        sharedStrings: sharedStringsXml(strings),
        styles: stylesXml(),
      });
    },
  },
  {
    name: "tab order unlike part order (the second part is the first tab), workbook part written last",
    extension: ".xlsx",
    sheets: BOTH,
    build: () => {
      const strings: string[] = [];
      return spreadsheetPackage({
        sheets: [
          {
            name: "Cover",
            xml: sheetPart(COVER_ROWS, EXCEL, strings),
            path: "xl/worksheets/sheet2.xml",
          },
          {
            name: "Local Code",
            xml: sheetPart(SCHEDULE_ROWS, EXCEL, strings),
            path: "xl/worksheets/sheet1.xml",
          },
        ],
        sharedStrings: sharedStringsXml(strings),
        styles: stylesXml(),
        sheetsFirst: true,
      });
    },
  },
  {
    name: "a chart sheet first",
    extension: ".xlsx",
    sheets: BOTH,
    build: () => {
      const strings: string[] = [];
      return spreadsheetPackage({
        sheets: [
          {
            name: "Chart1",
            type: "chartsheet",
            xml: `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
          },
          { name: "Cover", xml: sheetPart(COVER_ROWS, EXCEL, strings) },
          { name: "Local Code", xml: sheetPart(SCHEDULE_ROWS, EXCEL, strings) },
        ],
        sharedStrings: sharedStringsXml(strings),
        styles: stylesXml(),
      });
    },
  },
  {
    name: 't="d" ISO 8601 dates',
    extension: ".xlsx",
    sheets: BOTH,
    excelJsFails: 'it reads t="d" values as text',
    build: () => schedulePackage({ text: "shared", refs: "all", dates: "iso" }),
  },
  {
    name: "Excel's drop-down lists: a literal list, and the 2010 form (x14, in extLst) naming a hidden key sheet's range",
    extension: ".xlsx",
    sheets: [
      { name: "Assurance", rows: ASSURANCE_ROWS, validationLists: ASSURANCE_LISTS },
      { name: "Key", hidden: true, rows: [["Red"], ["Amber"], ["Green"]] },
    ],
    build: () =>
      spreadsheetPackage({
        sheets: [
          {
            name: "Assurance",
            xml: worksheetXml(
              sheetDataXml(ASSURANCE_ROWS, { text: "inline", refs: "all", dates: "serial" }, []),
              `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" sqref="E4:E7"><formula1>"Monitoring Officer,Head of Audit &amp; Risk"</formula1></dataValidation></dataValidations>` +
                `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
                `<x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" count="1">` +
                `<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>RagLevels</xm:f></x14:formula1><xm:sqref>C4:C7</xm:sqref></x14:dataValidation>` +
                `</x14:dataValidations></ext></extLst>`
            ),
          },
          {
            name: "Key",
            state: "hidden",
            xml: worksheetXml(
              sheetDataXml(
                [["Red"], ["Amber"], ["Green"]],
                { text: "inline", refs: "all", dates: "serial" },
                []
              )
            ),
          },
        ],
        afterSheets: `<definedNames><definedName name="RagLevels">Key!$A$1:$A$3</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Assurance!$A$1:$E$7</definedName></definedNames>`,
      }),
  },
  {
    name: "the 1904 date system",
    extension: ".xlsx",
    sheets: [
      {
        name: "Dates",
        rows: [
          ["Made", new Date(Date.UTC(2026, 2, 31))],
          ["Epoch", new Date(Date.UTC(1904, 0, 1))],
        ],
      },
    ],
    build: () =>
      spreadsheetPackage({
        workbookPr: `<workbookPr date1904="1"/>`,
        styles: stylesXml(),
        sheets: [
          {
            name: "Dates",
            xml: worksheetXml(
              `<row r="1"><c r="A1" t="inlineStr"><is><t>Made</t></is></c><c r="B1" s="1"><v>${serial(new Date(Date.UTC(2026, 2, 31))) - 1462}</v></c></row>` +
                `<row r="2"><c r="A2" t="inlineStr"><is><t>Epoch</t></is></c><c r="B2" s="1"><v>0</v></c></row>`
            ),
          },
        ],
      }),
  },
  {
    name: "a styles part that redefines format 0 (General) as a date, as one .NET writer does",
    extension: ".xlsx",
    sheets: [
      {
        name: "Numbers",
        rows: [
          ["Score", 3],
          ["Made", new Date(Date.UTC(2013, 9, 2))],
        ],
      },
    ],
    build: () =>
      spreadsheetPackage({
        styles:
          `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">` +
          `<numFmts count="2"><numFmt numFmtId="0" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
          `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
        sheets: [
          {
            name: "Numbers",
            xml: worksheetXml(
              `<row r="1"><c r="A1" t="inlineStr"><is><t>Score</t></is></c><c r="B1" s="0"><v>3</v></c></row>` +
                `<row r="2"><c r="A2" t="inlineStr"><is><t>Made</t></is></c><c r="B2" s="1"><v>41549</v></c></row>`
            ),
          },
        ],
      }),
  },
  {
    name: "rich text runs with a phonetic guide, and text in another namespace's element",
    extension: ".xlsx",
    sheets: [
      {
        name: "Rich",
        rows: [
          ["Ref", "Requirement", "Score", "Lead officer"],
          ["A1", "Publish the code.", 2, "Monitoring Officer"],
        ],
      },
    ],
    build: () =>
      spreadsheetPackage({
        sharedStrings: RICH_SST,
        sheets: [
          {
            name: "Rich",
            xml: worksheetXml(
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
                `<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>2</v></c><c r="D2" t="s"><v>5</v></c></row>`
            ),
          },
        ],
      }),
  },
  {
    name: "shared formulas with cached values",
    extension: ".xlsx",
    sheets: [
      {
        name: "Formulas",
        rows: [
          ["Base", "Score"],
          [1, 2],
          [2, 3],
          [3, 4],
        ],
      },
    ],
    build: () =>
      spreadsheetPackage({
        sheets: [
          {
            name: "Formulas",
            xml: worksheetXml(
              `<row r="1"><c r="A1" t="inlineStr"><is><t>Base</t></is></c><c r="B1" t="inlineStr"><is><t>Score</t></is></c></row>` +
                `<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2+1</f><v>2</v></c></row>` +
                `<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>3</v></c></row>` +
                `<row r="4"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" si="0"/><v>4</v></c></row>`
            ),
          },
        ],
      }),
  },
  {
    name: "part names in another case (xl/SharedStrings.xml, XL/Worksheets/Sheet1.xml)",
    extension: ".xlsx",
    sheets: BOTH,
    excelJsFails: "it looks parts up by their exact name",
    build: () =>
      schedulePackage(EXCEL, {
        entryName: (n) =>
          n === "xl/sharedStrings.xml"
            ? "xl/SharedStrings.xml"
            : n.replace("xl/worksheets/sheet", "XL/Worksheets/Sheet"),
      }),
  },
  {
    name: "zip entry names with backslashes (xl\\workbook.xml)",
    extension: ".xlsx",
    sheets: BOTH,
    excelJsFails: "it looks parts up by their exact name",
    build: () => schedulePackage(EXCEL, { entryName: (n) => n.replace(/\//g, "\\") }),
  },
  {
    name: "the workbook part where _rels/.rels points (not under xl/)",
    extension: ".xlsx",
    sheets: BOTH,
    excelJsFails: "it expects the workbook at xl/workbook.xml",
    build: () => schedulePackage(EXCEL, { workbookPath: "spreadsheet/book.xml" }),
  },
  {
    name: "CDATA sections in shared strings and inline strings",
    extension: ".xlsx",
    excelJsFails: "it drops CDATA text",
    sheets: [
      {
        name: "Text",
        rows: [["Publish the <code> & the statement", "Monitoring Officer"], ["Inline <b> text"]],
      },
    ],
    build: () =>
      spreadsheetPackage({
        sharedStrings: CDATA_SST,
        sheets: [
          {
            name: "Text",
            xml: worksheetXml(
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
                `<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[Inline <b> text]]></t></is></c></row>`
            ),
          },
        ],
      }),
  },
  {
    name: "an inline string's <is> text taken over a stray <v>",
    extension: ".xlsx",
    excelJsFails: "it joins the stray <v> to the text",
    sheets: [
      {
        name: "Inline",
        rows: [
          ["Score", "Requirement"],
          [3, "Published"],
        ],
      },
    ],
    build: () =>
      spreadsheetPackage({
        sheets: [
          {
            name: "Inline",
            xml: worksheetXml(
              `<row r="1"><c r="A1" t="inlineStr"><v>1.</v><is><t>Score</t></is></c><c r="B1" t="inlineStr"><is><t>Requirement</t></is><v>x</v></c></row>` +
                `<row r="2"><c r="A2"><v>3</v></c><c r="B2" t="inlineStr"><is><r><t>Pub</t></r><r><t>lished</t></r></is></c></row>`
            ),
          },
        ],
      }),
  },
  {
    name: "values under merged cells other than the top-left ignored, as Excel shows them",
    extension: ".xlsx",
    sheets: [
      {
        name: "Merged",
        rows: MERGED_ROWS,
        merges: [{ top: 2, left: 1, bottom: 2, right: 5 }],
      },
    ],
    build: () => {
      // A producer that repeats a merged area's value in every cell of it.
      const rows = MERGED_ROWS.map((r, i) => (i === 1 ? Array(5).fill(r[0]) : r));
      const strings: string[] = [];
      return spreadsheetPackage({
        sharedStrings: undefined,
        sheets: [
          {
            name: "Merged",
            xml: sheetPart(
              rows,
              { text: "inline", refs: "all", dates: "serial" },
              strings,
              false,
              `<mergeCells count="1"><mergeCell ref="A2:E2"/></mergeCells>`
            ),
          },
        ],
      });
    },
  },
  {
    name: 'whole numbers typed as text with a decimal point or a no-break space ("4.0", "3\\u00a0")',
    extension: ".xlsx",
    sheets: [
      {
        name: "Typed",
        rows: [
          ["Ref", "Requirement", "Score (1-5)", "Improvement action", "Lead officer"],
          ["1", "Members follow the code.", "4.0", null, null],
          ["2", "Decisions are published.", "3\u00a0", "Publish", "Head of Democratic Services"],
          ["3", "Risks are reviewed.", "2.00", null, "Head of Audit"],
        ],
      },
    ],
    build: () =>
      spreadsheetPackage({
        sheets: [
          {
            name: "Typed",
            xml: worksheetXml(
              sheetDataXml(
                [
                  ["Ref", "Requirement", "Score (1-5)", "Improvement action", "Lead officer"],
                  ["1", "Members follow the code.", "4.0", null, null],
                  [
                    "2",
                    "Decisions are published.",
                    "3\u00a0",
                    "Publish",
                    "Head of Democratic Services",
                  ],
                  ["3", "Risks are reviewed.", "2.00", null, "Head of Audit"],
                ],
                { text: "inline", refs: "all", dates: "serial" },
                []
              )
            ),
          },
        ],
      }),
  },
  {
    name: "UTF-16 parts (with a byte-order mark) and a hidden sheet",
    extension: ".xlsx",
    excelJsFails: "its XML parser reads UTF-8 only",
    sheets: [
      { name: "Cover", rows: COVER_ROWS, hidden: true },
      { name: "Local Code", rows: SCHEDULE_ROWS },
    ],
    build: () => {
      const strings: string[] = [];
      const utf16 = (xml: string) =>
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le"),
        ]);
      const cover = sheetPart(COVER_ROWS, EXCEL, strings);
      const schedule = sheetPart(SCHEDULE_ROWS, EXCEL, strings);
      return spreadsheetPackage({
        sheets: [
          { name: "Cover", xml: utf16(cover), state: "hidden" },
          { name: "Local Code", xml: utf16(schedule) },
        ],
        sharedStrings: utf16(sharedStringsXml(strings)),
        styles: stylesXml(),
      });
    },
  },
  {
    name: "Excel's _xHHHH_ escapes, a literal _x0041_, and a leading tab and carriage return kept",
    extension: ".xlsx",
    sheets: [
      {
        name: "Escapes",
        rows: [
          [
            "Line one\r\nline two",
            "_x0041_ stays as typed",
            "\tIndented",
            "\rStarts with CR",
            "Bell\u0007 and escape\u001b",
          ],
        ],
      },
    ],
    build: () =>
      spreadsheetPackage({
        sharedStrings:
          `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="5" uniqueCount="5">` +
          `<si><t>Line one_x000D_\nline two</t></si><si><t>_x005F_x0041_ stays as typed</t></si>` +
          `<si><t xml:space="preserve">\tIndented</t></si><si><t xml:space="preserve">_x000D_Starts with CR</t></si>` +
          `<si><t>Bell_x0007_ and escape_x001B_</t></si></sst>`,
        sheets: [
          {
            name: "Escapes",
            xml: worksheetXml(
              `<row r="1">${[0, 1, 2, 3, 4].map((i) => `<c r="${"ABCDE"[i]}1" t="s"><v>${i}</v></c>`).join("")}</row>`
            ),
          },
        ],
      }),
  },
  {
    name: "many-byte text across chunk boundaries (Cyrillic, CJK, emoji; a 2 MB stored part)",
    extension: ".xlsx",
    sheets: [{ name: "Текст", rows: LONG_TEXT_ROWS() }],
    build: () =>
      spreadsheetPackage({
        method: "store",
        sheets: [
          {
            name: "Текст",
            xml: worksheetXml(
              LONG_TEXT_ROWS()
                .map(
                  (r, i) =>
                    `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${escapeText(r[0] as string)}</t></is></c></row>`
                )
                .join("")
            ),
          },
        ],
      }),
  },
];

/** Rows of text in many scripts, long enough that the part spans several inflated chunks. */
function LONG_TEXT_ROWS(): CellValue[][] {
  const words = [
    "ЕЖЕНЕДЕЛЬНИК ОРАНЖЕВЫЙ кожзам",
    "治理自我评估",
    "Gwerthusiad 👍🏽 llywodraethu",
    "Ελληνικά κείμενα",
  ];
  return Array.from({ length: 40_000 }, (_v, i) => [
    `${i} ${words[i % words.length]} ${"é".repeat(i % 7)}`,
  ]);
}
