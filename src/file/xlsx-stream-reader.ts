import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import unzipper from "unzipper";
import { type CellValue, type Grid, type MergedArea, parseRange } from "../core/grid";
import { dateFromSerial, isDateFormatCode } from "../core/number-format";
import { trimRow } from "./cell-value";
import { WorkbookReadError } from "./read-error";
import { NOT_A_WORKBOOK_ZIP } from "./read-error-explain";
import { type ListRule, namesLookup, withValidationLists } from "../core/validation-lists";
import { DefinedNameCollector, ValidationListCollector } from "./validation-xml";
import { unescapeCellText } from "./xml-text";

/**
 * A streaming .xlsx reader for large files. It opens the package by its central directory, so
 * the workbook, styles and shared strings are read first whatever order the parts were written
 * in, then streams each worksheet's XML once, keeping only cell values and merged areas.
 *
 * Why not ExcelJS's WorkbookReader: it drops merged areas and formula error results, and fails
 * on packages whose workbook.xml comes after five or more worksheets (as ExcelJS itself writes).
 */

type ZipEntry = unzipper.File;

interface SheetRef {
  name: string;
  hidden: boolean;
  path: string;
}

/** Excel's built-in number formats that show dates or times. */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57,
]);

interface XmlHandlers {
  open?: (tag: SaxesTagPlain) => void;
  text?: (t: string) => void;
  close?: (name: string) => void;
  bytes?: (n: number) => void;
}

async function parseXml(stream: Readable, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.text) parser.on("text", handlers.text);
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(tag.name));
  }
  for await (const chunk of stream) {
    handlers.bytes?.((chunk as Buffer).length);
    parser.write((chunk as Buffer).toString("utf8"));
  }
  parser.close();
}

/** Strips a namespace prefix: "x:row" and "row" are the same element. */
function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  return typeof v === "string" ? v : undefined;
}

async function readSharedStrings(entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current = "";
  let inText = false;
  let inPhonetic = false;
  await parseXml(entry.stream(), {
    open: (tag) => {
      const n = local(tag.name);
      if (n === "si") current = "";
      else if (n === "rPh") inPhonetic = true;
      else if (n === "t" && !inPhonetic) inText = true;
    },
    text: (t) => {
      if (inText) current += t;
    },
    close: (name) => {
      const n = local(name);
      if (n === "t") inText = false;
      else if (n === "rPh") inPhonetic = false;
      else if (n === "si") strings.push(unescapeCellText(current));
    },
  });
  return strings;
}

/** For each cell style index, whether it shows a date. */
async function readDateStyles(entry: ZipEntry | undefined): Promise<boolean[]> {
  const styles: boolean[] = [];
  if (!entry) return styles;
  const customDates = new Set<number>();
  let inCellXfs = false;
  await parseXml(entry.stream(), {
    open: (tag) => {
      const n = local(tag.name);
      if (n === "numFmt") {
        const id = Number(attr(tag, "numFmtId"));
        if (isDateFormatCode(attr(tag, "formatCode") ?? "")) customDates.add(id);
      } else if (n === "cellXfs") inCellXfs = true;
      else if (n === "xf" && inCellXfs) {
        const id = Number(attr(tag, "numFmtId") ?? "0");
        styles.push(BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id));
      }
    },
    close: (name) => {
      if (local(name) === "cellXfs") inCellXfs = false;
    },
  });
  return styles;
}

async function readWorkbookParts(
  files: Map<string, ZipEntry>
): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const rels = new Map<string, string>();
  const relsEntry = files.get("xl/_rels/workbook.xml.rels");
  if (relsEntry) {
    await parseXml(relsEntry.stream(), {
      open: (tag) => {
        if (local(tag.name) !== "Relationship") return;
        const target = attr(tag, "Target") ?? "";
        const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
        rels.set(attr(tag, "Id") ?? "", path.replace(/\/\.\//g, "/"));
      },
    });
  }
  const workbook = files.get("xl/workbook.xml");
  if (!workbook) throw new WorkbookReadError(NOT_A_WORKBOOK_ZIP);
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await parseXml(workbook.stream(), {
    open: (tag) => {
      const n = local(tag.name);
      if (n === "workbookPr") date1904 = /^(1|true)$/.test(attr(tag, "date1904") ?? "");
      if (n !== "sheet") return;
      const rid =
        attr(tag, "r:id") ?? Object.entries(tag.attributes).find(([k]) => k.endsWith(":id"))?.[1];
      const path = typeof rid === "string" ? rels.get(rid) : undefined;
      if (!path) return;
      const state = attr(tag, "state") ?? "visible";
      sheets.push({ name: attr(tag, "name") ?? path, hidden: state !== "visible", path });
    },
  });
  return { sheets, date1904 };
}

/** The column number of a cell reference such as "AB12", without a regular expression: it runs for every cell. */
function columnOfRef(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return column;
}

interface SheetContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

async function readSheet(
  entry: ZipEntry,
  ref: SheetRef,
  ctx: SheetContext,
  bytes: (n: number) => void,
  listRules: Map<string, readonly ListRule[]>
): Promise<Grid> {
  const lists = new ValidationListCollector();
  const rows: CellValue[][] = [];
  const merges: MergedArea[] = [];
  let row: CellValue[] | undefined;
  let rowNumber = 0;
  let column = 0;
  let type = "";
  let style = 0;
  let hasFormula = false;
  let text = "";
  let inValue = false;
  let inInline = false;

  const finishCell = () => {
    if (!row) return;
    let value: CellValue = null;
    switch (type) {
      case "s":
        value = inValue || text !== "" ? (ctx.strings[Number(text)] ?? null) : null;
        break;
      case "str":
        value = text;
        break;
      case "inlineStr":
        value = unescapeCellText(text);
        break;
      case "b":
        value = text === "" ? null : text === "1" || text === "true";
        break;
      case "e":
        value = { error: text || "#VALUE!" };
        break;
      case "d":
        value = text === "" ? null : new Date(text);
        break;
      default:
        if (text !== "") {
          const n = Number(text);
          value = ctx.dateStyles[style] ? dateFromSerial(n, ctx.date1904) : n;
        } else if (hasFormula) value = null;
    }
    if (value !== null) {
      while (row.length < column - 1) row.push(null);
      row[column - 1] = value;
    }
  };

  await parseXml(entry.stream(), {
    bytes,
    open: (tag) => {
      lists.open(tag, local(tag.name));
      switch (local(tag.name)) {
        case "row": {
          const r = attr(tag, "r");
          rowNumber = r ? Number(r) : rowNumber + 1;
          row = [];
          column = 0;
          break;
        }
        case "c": {
          const r = attr(tag, "r");
          column = r ? columnOfRef(r) || column + 1 : column + 1;
          type = attr(tag, "t") ?? "n";
          style = Number(attr(tag, "s") ?? "0");
          hasFormula = false;
          text = "";
          break;
        }
        case "f":
          hasFormula = true;
          break;
        case "v":
          inValue = true;
          break;
        case "is":
          inInline = true;
          break;
        case "t":
          if (inInline) inValue = true;
          break;
        case "mergeCell": {
          const area = parseRange(attr(tag, "ref") ?? "");
          if (area) merges.push(area);
          break;
        }
        default:
          break;
      }
    },
    text: (t) => {
      if (inValue) text += t;
      lists.text(t);
    },
    close: (name) => {
      lists.close(local(name));
      switch (local(name)) {
        case "v":
        case "t":
          inValue = false;
          break;
        case "is":
          inInline = false;
          break;
        case "c":
          finishCell();
          break;
        case "row":
          if (row) {
            while (rows.length < rowNumber - 1) rows.push([]);
            rows[rowNumber - 1] = trimRow(row);
          }
          row = undefined;
          break;
        default:
          break;
      }
    },
  });
  if (lists.rules.length) listRules.set(ref.name, lists.rules);
  return { name: ref.name, hidden: ref.hidden, firstRow: 1, firstColumn: 1, rows, merges };
}

/** The workbook's defined names, for drop-down lists that name their source ("=RAGList"). */
async function readDefinedNames(entry: ZipEntry | undefined): Promise<Map<string, string>> {
  const names = new DefinedNameCollector();
  if (entry)
    await parseXml(entry.stream(), {
      open: (tag) => names.open(tag, local(tag.name)),
      text: (t) => names.text(t),
      close: (name) => names.close(local(name)),
    });
  return namesLookup(names.names);
}

/** Reads every worksheet of an .xlsx file, in workbook order, streaming each sheet's XML. */
export async function streamWorkbookFile(
  path: string,
  onProgress?: (done: number, total: number) => void
): Promise<Grid[]> {
  const directory = await unzipper.Open.file(path);
  const files = new Map(directory.files.map((f) => [f.path, f]));
  const { sheets, date1904 } = await readWorkbookParts(files);
  const [strings, dateStyles] = await Promise.all([
    readSharedStrings(files.get("xl/sharedStrings.xml")),
    readDateStyles(files.get("xl/styles.xml")),
  ]);
  const total = sheets.reduce((n, s) => n + (files.get(s.path)?.uncompressedSize ?? 0), 0);
  let done = 0;
  const bytes = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  const grids: Grid[] = [];
  const listRules = new Map<string, readonly ListRule[]>();
  for (const ref of sheets) {
    const entry = files.get(ref.path);
    if (entry)
      grids.push(await readSheet(entry, ref, { strings, dateStyles, date1904 }, bytes, listRules));
  }
  if (listRules.size === 0) return grids;
  return withValidationLists(
    grids,
    listRules,
    await readDefinedNames(files.get("xl/workbook.xml"))
  );
}
