import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as zlib from "node:zlib";
import { encryptedWorkbook, legacyXls, zipWithoutWorkbook } from "./bad-files";
import {
  MAIN_NS,
  type RawEntry,
  escapeText,
  rawZip,
  repeatedDeflate,
  sharedStringsXml,
  spreadsheetPackage,
  worksheetXml,
} from "./raw-package";

/**
 * Damaged, hostile and unusual workbooks, each built in code and small on disk however much it
 * inflates to. The hostile-files suite runs govcheck on each in a process of its own; the
 * benchmark times them per 10,000 occupied cells.
 */
export interface HostileCase {
  readonly name: string;
  /** Writes the file into `dir`; returns its path and how many cells it really holds. */
  make(dir: string): { path: string; cells: number } | Promise<{ path: string; cells: number }>;
  readonly exit: 0 | 1 | 2;
  /** What the one stderr line says (exit 2), or a note it prints. */
  readonly message?: RegExp;
  /** Extra arguments after the file (the command is `validate`). */
  readonly args?: readonly string[];
  readonly env?: Record<string, string>;
  /** What stdout must hold (and, for text, what it must not). */
  readonly stdout?: RegExp;
  readonly stdoutNot?: RegExp;
}

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

function write(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** A one-sheet package around the given sheet XML (and shared strings). */
function oneSheet(xml: string | RawEntry, sharedStrings?: string): Buffer {
  if (typeof xml === "string")
    return spreadsheetPackage({ sheets: [{ name: "Sheet1", xml }], sharedStrings });
  // A sheet part whose compressed bytes are given as they are.
  const pkg = spreadsheetPackage({ sheets: [{ name: "Sheet1", xml: "" }], sharedStrings });
  return replaceEntry(pkg, "xl/worksheets/sheet1.xml", xml);
}

/** Rebuilds a package with one entry's bytes swapped (the rest read back from the zip). */
function replaceEntry(pkg: Buffer, name: string, entry: RawEntry): Buffer {
  return rawZip(readEntries(pkg).map((e) => (e.name === name ? { ...entry, name } : e)));
}

/** The entries of a zip this file wrote, inflated. */
function readEntries(zip: Buffer): RawEntry[] {
  const out: RawEntry[] = [];
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  const count = zip.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const dataAt = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const body = zip.subarray(dataAt, dataAt + size);
    out.push({ name, data: method === 8 ? zlib.inflateRawSync(body) : body });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

/** A schedule header and rows, as sheet XML with inline strings. */
function scheduleRows(rows: readonly (readonly (string | number | null)[])[], from = 1): string {
  return rows
    .map((cells, i) => {
      const r = from + i;
      const cs = cells
        .map((v, c) => {
          if (v === null) return "";
          const ref = `${String.fromCharCode(65 + c)}${r}`;
          return typeof v === "number"
            ? `<c r="${ref}"><v>${v}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
        })
        .join("");
      return `<row r="${r}">${cs}</row>`;
    })
    .join("");
}

const HEADER = ["Ref", "Requirement", "Score (1-5)", "Improvement action", "Lead officer"];

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: "zip bomb: a sheet that inflates past 1 GB (declaring 1 KB)",
    exit: 2,
    message:
      /damaged or built to exhaust memory: xl\/worksheets\/sheet1\.xml inflates to more than 1\.0 GB/,
    make: (dir) => {
      const bomb = repeatedDeflate(
        `${HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>`,
        " ".repeat(1024),
        1_100_000,
        `</sheetData></worksheet>`
      );
      const pkg = oneSheet({ name: "", compressed: bomb.compressed, size: 1024, crc: bomb.crc });
      return { path: write(dir, "zip-bomb.xlsx", pkg), cells: 0 };
    },
  },
  {
    name: "a part whose zip entry says it inflates to 4 GB",
    exit: 2,
    message: /would inflate to 4\.0 GB \(the cap is 1\.0 GB\)/,
    make: (dir) => {
      const data = Buffer.from(worksheetXml(""));
      const pkg = oneSheet({
        name: "",
        compressed: zlib.deflateRawSync(data),
        size: 0xfffffff0,
        crc: zlib.crc32(data),
      });
      return { path: write(dir, "declared-bomb.xlsx", pkg), cells: 0 };
    },
  },
  {
    name: "a million empty, styled rows (inflates more than 250:1) around a schedule",
    exit: 1,
    make: (dir) => {
      const rows = scheduleRows([
        HEADER,
        ["A1", "Publish the code.", 2, null, "Monitoring Officer"],
      ]);
      const empty = repeatedDeflate(
        `${HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>${rows}`,
        `<row s="1" customFormat="1" ht="15"/>`,
        1_048_576 - 2,
        `</sheetData></worksheet>`
      );
      const pkg = oneSheet({
        name: "",
        compressed: empty.compressed,
        size: empty.size,
        crc: empty.crc,
      });
      if (empty.size / empty.compressed.length < 250) throw new Error("not a 250:1 file");
      return { path: write(dir, "million-styled-rows.xlsx", pkg), cells: 8 };
    },
  },
  {
    name: "sparse corners: XFD1 and A1048576",
    // Read in a moment; two numbers are no schedule, and the tool says so rather than pass.
    exit: 1,
    stdout: /no-schedule-found/,
    make: (dir) => ({
      path: write(
        dir,
        "sparse-corners.xlsx",
        oneSheet(
          worksheetXml(
            `<row r="1"><c r="XFD1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row>`
          )
        )
      ),
      cells: 2,
    }),
  },
  {
    name: "a row numbered 2,000,000,000 (2e9)",
    exit: 2,
    message: /row numbered 2000000000, past Excel's last row 1,048,576/,
    make: (dir) => ({
      path: write(
        dir,
        "row-2e9.xlsx",
        oneSheet(worksheetXml(`<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>`))
      ),
      cells: 1,
    }),
  },
  {
    name: "a row numbered 231,999,999,999,940 in a cell reference only",
    exit: 2,
    message: /row numbered 231999999999940, past Excel's last row/,
    make: (dir) => ({
      path: write(
        dir,
        "row-huge.xlsx",
        oneSheet(worksheetXml(`<row><c r="B231999999999940"><v>1</v></c></row>`))
      ),
      cells: 1,
    }),
  },
  {
    name: "a column past XFD (XFE1)",
    exit: 2,
    message: /column XFE, past Excel's last column XFD/,
    make: (dir) => ({
      path: write(
        dir,
        "column-xfe.xlsx",
        oneSheet(worksheetXml(`<row r="1"><c r="XFE1"><v>1</v></c></row>`))
      ),
      cells: 1,
    }),
  },
  {
    name: "a four-letter column (AAAA1)",
    exit: 2,
    message: /column AAAA, past Excel's last column XFD/,
    make: (dir) => ({
      path: write(
        dir,
        "column-aaaa.xlsx",
        oneSheet(worksheetXml(`<row r="1"><c r="AAAA1"><v>1</v></c></row>`))
      ),
      cells: 1,
    }),
  },
  {
    name: "a requirement continued over 200,000 rows",
    exit: 1,
    stdout: /1 schedule, 1 requirement/,
    make: (dir) => {
      const head = scheduleRows([
        HEADER,
        ["A1", "Members and officers follow the code", 2, null, "Monitoring Officer"],
      ]);
      const parts: string[] = [`${HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>${head}`];
      for (let r = 3; r < 200_003; r++)
        parts.push(
          `<row r="${r}"><c r="B${r}" t="inlineStr"><is><t>and goes on over row ${r}</t></is></c></row>`
        );
      parts.push(`</sheetData></worksheet>`);
      return {
        path: write(dir, "long-continuation.xlsx", oneSheet(parts.join(""))),
        cells: 200_000 + 9,
      };
    },
  },
  {
    name: "cells refer to shared strings but the package has none",
    exit: 2,
    message:
      /damaged: cells in xl\/worksheets\/sheet1\.xml refer to a shared-strings table the package does not have/,
    make: (dir) => ({
      path: write(
        dir,
        "no-shared-strings.xlsx",
        oneSheet(worksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`))
      ),
      cells: 1,
    }),
  },
  {
    name: "a shared-string index past the end of the table",
    exit: 2,
    message: /refers to shared string 7, but the table holds 2/,
    make: (dir) => ({
      path: write(
        dir,
        "string-index.xlsx",
        oneSheet(
          worksheetXml(`<row r="1"><c r="A1" t="s"><v>7</v></c></row>`),
          sharedStringsXml(["a", "b"])
        )
      ),
      cells: 1,
    }),
  },
  {
    name: "a sheet relationship that climbs out of the package (../../../etc/passwd)",
    exit: 2,
    message: /points its sheet "Sheet1" outside the package/,
    make: (dir) => ({
      path: write(
        dir,
        "outside.xlsx",
        spreadsheetPackage({
          sheets: [{ name: "Sheet1", xml: worksheetXml(""), target: "../../../etc/passwd" }],
        })
      ),
      cells: 0,
    }),
  },
  {
    name: "a sheet relationship to an external address",
    exit: 2,
    message: /points its sheet "Sheet1" at an external address/,
    make: (dir) => ({
      path: write(
        dir,
        "external.xlsx",
        spreadsheetPackage({
          sheets: [
            {
              name: "Sheet1",
              xml: "",
              target: "https://example.org/sheet.xml",
              targetMode: "External",
            },
          ],
        })
      ),
      cells: 0,
    }),
  },
  {
    name: "a sheet part missing",
    exit: 2,
    message: /the part of sheet "Second" \(xl\/worksheets\/sheet2\.xml\) is missing/,
    make: (dir) => {
      const pkg = spreadsheetPackage({
        sheets: [
          { name: "First", xml: worksheetXml("") },
          { name: "Second", xml: worksheetXml("") },
        ],
      });
      return {
        path: write(
          dir,
          "missing-sheet.xlsx",
          rawZip(readEntries(pkg).filter((e) => !e.name.endsWith("sheet2.xml")))
        ),
        cells: 0,
      };
    },
  },
  {
    name: "two parts with the same name",
    exit: 2,
    message: /holds two parts named xl\/worksheets\/sheet1\.xml/,
    make: (dir) => {
      const pkg = spreadsheetPackage({ sheets: [{ name: "Sheet1", xml: worksheetXml("") }] });
      const entries = readEntries(pkg);
      entries.push({
        name: "xl/worksheets/sheet1.xml",
        data: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`),
      });
      return { path: write(dir, "duplicate-parts.xlsx", rawZip(entries)), cells: 1 };
    },
  },
  {
    name: "an entity-expansion bomb (billion laughs) in the shared strings",
    exit: 2,
    message: /damaged or built to exhaust memory: xl\/sharedStrings\.xml declares XML entities/,
    make: (dir) => {
      const entities = ['<!ENTITY lol0 "lol">'];
      for (let i = 1; i < 10; i++)
        entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
      const sst = `${HEAD}<!DOCTYPE sst [${entities.join("")}]><sst xmlns="${MAIN_NS}"><si><t>&lol9;</t></si></sst>`;
      return {
        path: write(
          dir,
          "entity-bomb.xlsx",
          oneSheet(worksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), sst)
        ),
        cells: 1,
      };
    },
  },
  {
    name: "one 1 MB shared string used by 12,000 cells",
    exit: 1,
    stdout: /no-schedule-found/,
    message: /note: 1 cell text was longer than Excel allows \(32,767 characters\)/,
    make: (dir) => {
      const rows: string[] = [];
      for (let r = 1; r <= 4000; r++)
        rows.push(
          `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}" t="s"><v>0</v></c><c r="C${r}" t="s"><v>0</v></c></row>`
        );
      return {
        path: write(
          dir,
          "huge-shared-string.xlsx",
          oneSheet(worksheetXml(rows.join("")), sharedStringsXml(["Score ".repeat(180_000)]))
        ),
        cells: 12_000,
      };
    },
  },
  {
    name: "more shared strings than the cap (uniqueCount 99,999,999)",
    exit: 2,
    message: /shared-strings table holds 99,999,999 or more entries \(the cap is 5,000,000\)/,
    make: (dir) => ({
      path: write(
        dir,
        "string-count.xlsx",
        oneSheet(
          worksheetXml(""),
          `${HEAD}<sst xmlns="${MAIN_NS}" count="99999999" uniqueCount="99999999"><si><t>a</t></si></sst>`
        )
      ),
      cells: 0,
    }),
  },
  {
    name: "more cell formats than the cap (1,000,001 styles)",
    exit: 2,
    message: /styles part holds more than 1,000,000 cell formats/,
    make: (dir) => {
      const styles = repeatedDeflate(
        `${HEAD}<styleSheet xmlns="${MAIN_NS}"><cellXfs count="1000001">`,
        `<xf numFmtId="0"/>`,
        1_000_001,
        `</cellXfs></styleSheet>`
      );
      const pkg = spreadsheetPackage({
        sheets: [{ name: "Sheet1", xml: worksheetXml("") }],
        styles: "<styleSheet/>",
      });
      return {
        path: write(
          dir,
          "style-count.xlsx",
          replaceEntry(pkg, "xl/styles.xml", {
            name: "",
            compressed: styles.compressed,
            size: styles.size,
            crc: styles.crc,
          })
        ),
        cells: 0,
      };
    },
  },
  {
    name: "2,100,000 merged areas",
    exit: 2,
    message: /sheets hold more than 2,000,000 merged areas and other ranges \(the cap\)/,
    make: (dir) => {
      const merges = repeatedDeflate(
        `${HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData/><mergeCells>`,
        `<mergeCell ref="A1:B2"/>`,
        2_100_000,
        `</mergeCells></worksheet>`
      );
      return {
        path: write(
          dir,
          "merges.xlsx",
          oneSheet({ name: "", compressed: merges.compressed, size: merges.size, crc: merges.crc })
        ),
        cells: 0,
      };
    },
  },
  {
    name: "drop-down lists without end (2,200,000 ranges in repeated data validations)",
    exit: 2,
    message: /sheets hold more than 2,000,000 merged areas and other ranges \(the cap\)/,
    make: (dir) => {
      const rule = `<dataValidation type="list" sqref="${"D5:D9 ".repeat(200).trim()}"><formula1>"Red,Amber,Green"</formula1></dataValidation>`;
      const lists = repeatedDeflate(
        `${HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData/>`,
        `<dataValidations count="1000">${rule.repeat(1000)}</dataValidations>`,
        11,
        `</worksheet>`
      );
      return {
        path: write(
          dir,
          "lists.xlsx",
          oneSheet({ name: "", compressed: lists.compressed, size: lists.size, crc: lists.crc })
        ),
        cells: 0,
      };
    },
  },
  {
    name: "a thousand drop-down lists, each on its own 10,000 cells of a key sheet",
    // Resolving them is bounded across the workbook; the return holds no schedule.
    exit: 1,
    stdout: /no-schedule-found/,
    make: (dir) => {
      const rules: string[] = [];
      for (let i = 1; i <= 1000; i++)
        rules.push(
          `<dataValidation type="list" sqref="D${i}"><formula1>Key!$A$${i}:$A$${i + 9999}</formula1></dataValidation>`
        );
      const keyRows: string[] = [];
      for (let r = 1; r <= 20_000; r++)
        keyRows.push(
          `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Level ${r}</t></is></c></row>`
        );
      const pkg = spreadsheetPackage({
        sheets: [
          {
            name: "Return",
            xml: worksheetXml(
              `<row r="1"><c r="A1" t="inlineStr"><is><t>Notes</t></is></c></row>`,
              `<dataValidations count="1000">${rules.join("")}</dataValidations>`
            ),
          },
          { name: "Key", xml: worksheetXml(keyRows.join("")) },
        ],
      });
      return { path: write(dir, "many-lists.xlsx", pkg), cells: 20_001 };
    },
  },
  {
    name: "elements nested 5,000 deep",
    exit: 2,
    message: /nests elements more than 2000 deep/,
    make: (dir) => ({
      path: write(
        dir,
        "deep.xlsx",
        oneSheet(worksheetXml("", `${"<x>".repeat(5000)}${"</x>".repeat(5000)}`))
      ),
      cells: 0,
    }),
  },
  {
    name: "a tag longer than 32 million characters",
    exit: 2,
    message: /has a tag or text run longer than 33554432 characters/,
    make: (dir) => {
      // Past the size a part is inflated in one go (64 MB), so it streams, as a large file would.
      const tag = repeatedDeflate(
        `${HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1" x="`,
        "a",
        70_000_000,
        `"/></sheetData></worksheet>`
      );
      return {
        path: write(
          dir,
          "long-tag.xlsx",
          oneSheet({ name: "", compressed: tag.compressed, size: tag.size, crc: tag.crc })
        ),
        cells: 0,
      };
    },
  },
  {
    name: "UTF-16 sheet and shared strings",
    exit: 1,
    stdout: /Local Code!D2 +low-score-no-action/,
    make: (dir) => {
      const utf16 = (xml: string) =>
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(xml.replace("UTF-8", "UTF-16"), "utf16le"),
        ]);
      const sheet = worksheetXml(
        `<row r="1">${HEADER.map((_h, i) => `<c r="${"ABCDE"[i]}1" t="s"><v>${i}</v></c>`).join("")}</row>` +
          `<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2"><v>1</v></c><c r="E2" t="s"><v>7</v></c></row>`
      );
      const pkg = spreadsheetPackage({
        sheets: [{ name: "Local Code", xml: utf16(sheet) }],
        sharedStrings: utf16(
          sharedStringsXml([...HEADER, "A1", "Publish the code.", "Monitoring Officer"])
        ),
      });
      return { path: write(dir, "utf16.xlsx", pkg), cells: 8 };
    },
  },
  {
    name: "many-byte text across inflate chunk boundaries (a Russian return)",
    exit: 1,
    stdout: /Score \\"ОРАНЖЕВЫЙ ёёёё\\" is text/,
    args: ["--json"],
    make: (dir) => {
      const rows = [HEADER];
      const body: (string | number | null)[][] = [];
      // Every tenth score is text, so its message quotes it back.
      for (let i = 0; i < 12_000; i++)
        body.push([
          `R${i}`,
          `ЕЖЕНЕДЕЛЬНИК ОРАНЖЕВЫЙ кожзам горизонтальный ${i} ${"ж".repeat(i % 13)}`,
          i % 10 ? 1 : `ОРАНЖЕВЫЙ ${"ё".repeat(i % 7)}`,
          null,
          "Руководитель",
        ]);
      return {
        // Stored, not deflated: the part is read in 1 MB pieces that cut characters in half.
        path: write(
          dir,
          "russian.xlsx",
          spreadsheetPackage({
            sheets: [{ name: "Sheet1", xml: worksheetXml(scheduleRows([...rows, ...body])) }],
            method: "store",
          })
        ),
        cells: 5 + 12_000 * 4,
      };
    },
  },
  {
    name: "control characters in a sheet name, title and cell text (escape sequences, bell)",
    exit: 1,
    stdout: /\\x1B\[2J/,
    // The raw escape and bell characters are exactly what must not reach the terminal.
    // eslint-disable-next-line no-control-regex
    stdoutNot: /\u001b|\u0007/,
    make: (dir) => {
      const sheet = worksheetXml(
        scheduleRows([
          ["Self-assessment_x001B_[2J_x001B_[H No problems found"],
          HEADER,
          ["A1", "Publish_x0007_ the code.", "TBC_x001B_[31m", "Act", "Lead"],
        ])
      );
      const pkg = spreadsheetPackage({
        sheets: [{ name: "Local&#x1B;]0;owned&#x7;Code", xml: sheet }],
      });
      // The sheet name's character references must reach the XML as written.
      const fixed = rawZip(
        readEntries(pkg).map((e) =>
          e.name === "xl/workbook.xml"
            ? {
                ...e,
                data: Buffer.from(e.data as Uint8Array)
                  .toString("utf8")
                  .replace(/&amp;#x/g, "&#x"),
              }
            : e
        )
      );
      return { path: write(dir, "control-characters.xlsx", fixed), cells: 11 };
    },
  },
  {
    name: "an Excel 97-2003 workbook (.xls)",
    exit: 2,
    message:
      /old-format \.xls workbook \(Excel 97-2003\): open it in Excel and save it as an Excel Workbook/,
    make: (dir) => ({ path: write(dir, "old.xls", legacyXls()), cells: 0 }),
  },
  {
    name: "an OpenDocument spreadsheet (.ods)",
    exit: 2,
    message: /OpenDocument spreadsheet \(\.ods/,
    make: (dir) => ({
      path: write(
        dir,
        "return.ods",
        rawZip([
          {
            name: "mimetype",
            data: "application/vnd.oasis.opendocument.spreadsheet",
            method: "store",
          },
          { name: "content.xml", data: "<office:document-content/>" },
        ])
      ),
      cells: 0,
    }),
  },
  {
    name: "an Excel binary workbook (.xlsb)",
    exit: 2,
    message: /Excel binary workbook \(\.xlsb\): open it in Excel and save it as an Excel Workbook/,
    make: (dir) => ({
      path: write(
        dir,
        "return.xlsb",
        spreadsheetPackage({
          workbookPath: "xl/workbook.bin",
          mainContentType: "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
          sheets: [],
        })
      ),
      cells: 0,
    }),
  },
  {
    name: "a CSV file named .xlsx",
    exit: 2,
    message: /plain text \(a CSV file\?\)/,
    make: (dir) => ({
      path: write(dir, "renamed.xlsx", Buffer.from("Ref,Requirement,Score\n1,Publish,2\n")),
      cells: 0,
    }),
  },
  {
    name: "a Word document",
    exit: 2,
    message: /a Word document, not a workbook/,
    make: async (dir) => ({
      path: write(dir, "letter.docx", await zipWithoutWorkbook()),
      cells: 0,
    }),
  },
  {
    name: "a PowerPoint presentation",
    exit: 2,
    message: /a PowerPoint presentation, not a workbook/,
    make: (dir) => ({
      path: write(
        dir,
        "slides.pptx",
        spreadsheetPackage({
          workbookPath: "ppt/presentation.xml",
          mainContentType:
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
          sheets: [],
        })
      ),
      cells: 0,
    }),
  },
  {
    name: "a password-protected workbook with no password given",
    exit: 2,
    message: /password-protected: add --password to be asked for it \(or set GOVCHECK_PASSWORD\)/,
    make: (dir) => ({
      path: write(
        dir,
        "protected.xlsx",
        encryptedWorkbook(oneSheet(worksheetXml(scheduleRows([HEADER]))), "s3cret")
      ),
      cells: 5,
    }),
  },
  {
    name: "a password-protected workbook with a wrong password",
    exit: 2,
    env: { GOVCHECK_PASSWORD: "guess" },
    message: /the password given does not open this workbook/,
    make: (dir) => ({
      path: write(
        dir,
        "protected-wrong.xlsx",
        encryptedWorkbook(oneSheet(worksheetXml(scheduleRows([HEADER]))), "s3cret", "standard")
      ),
      cells: 5,
    }),
  },
  {
    name: "a file cut short (its zip directory gone)",
    exit: 2,
    message: /damaged or incomplete \(its zip directory is missing/,
    make: (dir) => {
      const whole = oneSheet(worksheetXml(scheduleRows([HEADER])));
      return {
        path: write(dir, "cut-short.xlsx", whole.subarray(0, Math.floor(whole.length * 0.6))),
        cells: 5,
      };
    },
  },
];
