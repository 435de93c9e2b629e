import type { Grid } from "../core/grid";
import { isDateFormatCode } from "../core/number-format";
import { type ListRule, namesLookup, withValidationLists } from "../core/validation-lists";
import type { ByteSource } from "./byte-source";
import { bytesSource } from "./byte-source";
import { type DecryptCrypto, decryptPackage } from "./encryption/office-decrypt";
import { readCompoundFile } from "./encryption/compound-file";
import { DEFAULT_LIMITS, type ReaderLimits, count } from "./limits";
import {
  type Relationship,
  expectedPart,
  findWorkbookPart,
  readRelationships,
} from "./package-parts";
import { WorkbookReadError, aborted, damaged, exhausting } from "./read-error";
import { identifyFormat } from "./read-error-explain";
import { type WorkbookTables, isBuiltInDateFormat, keptText, readSheet } from "./sheet-reader";
import { DefinedNameCollector } from "./validation-xml";
import { type PartContext, newBudget, readXmlPart } from "./xml-part";
import { attribute, prefixedAttribute } from "./xml-tokenizer";
import { ZipArchive, type ZipEntry, type ZipPlatform } from "./zip-reader";

/** What the reader needs from its platform: decompression and, for encrypted files, crypto. */
export interface ReaderPlatform extends ZipPlatform {
  readonly crypto: DecryptCrypto;
}

export interface ReadWorkbookOptions {
  /** The password of an encrypted workbook (Excel's default one is always tried first). */
  readonly password?: string;
  /** Called as the sheets' bytes are read. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops the read with a WorkbookReadError of kind "aborted". */
  readonly signal?: { readonly aborted: boolean };
  readonly limits?: Partial<ReaderLimits>;
}

/** A workbook's sheets as grids, in tab order, and what the reader had to say about them. */
export interface WorkbookContents {
  readonly grids: Grid[];
  /** Plain sentences for the user, such as text cut at Excel's cell limit. */
  readonly notes: string[];
}

interface SheetRef {
  readonly name: string;
  readonly hidden: boolean;
  readonly id: string;
}

async function readWorkbookXml(
  ctx: PartContext,
  entry: ZipEntry
): Promise<{ sheets: SheetRef[]; date1904: boolean; names: Map<string, string> }> {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  const { budget, limits } = ctx;
  // Defined names: a drop-down list may name its source ("=RAGList").
  const names = new DefinedNameCollector((n) => {
    budget.textChars += n;
    if (budget.textChars > limits.maxTextChars)
      throw exhausting(
        `its defined names hold more than ${count(limits.maxTextChars)} characters (the cap)`
      );
  });
  const handler = {
    wantText: false,
    open(local: string, attrs: string) {
      if (local === "definedName") {
        names.open(local, attrs);
        handler.wantText = names.wantText;
      } else if (local === "workbookPr")
        date1904 = /^\s*(1|true|on)\s*$/i.test(attribute(attrs, "date1904") ?? "");
      else if (local === "sheet") {
        if (sheets.length >= ctx.limits.maxSheets)
          throw exhausting(`the workbook lists more than ${count(ctx.limits.maxSheets)} sheets`);
        const state = attribute(attrs, "state") ?? "visible";
        sheets.push({
          name: attribute(attrs, "name") ?? `Sheet${sheets.length + 1}`,
          hidden: state !== "visible",
          id: prefixedAttribute(attrs, "id") ?? attribute(attrs, "id") ?? "",
        });
      }
    },
    close(local: string) {
      if (local !== "definedName") return;
      names.close(local);
      handler.wantText = false;
    },
    text(t: string) {
      names.text(t);
    },
  };
  await readXmlPart(ctx, entry, handler);
  return { sheets, date1904, names: namesLookup(names.names) };
}

/** The shared-strings table, each entry's text as Excel shows it (phonetic guides left out). */
async function readSharedStrings(ctx: PartContext, entry: ZipEntry): Promise<string[]> {
  const { limits, budget } = ctx;
  const strings: string[] = [];
  let level = 0;
  let inRun = false;
  let current = "";
  const handler = {
    wantText: false,
    open(local: string, attrs: string) {
      if (level > 0) {
        level++;
        if (local === "r" && level === 2) inRun = true;
        else if (local === "t" && (level === 2 || (inRun && level === 3))) handler.wantText = true;
        return;
      }
      if (local === "si") {
        level = 1;
        current = "";
      } else if (local === "sst") {
        const declared = Number(attribute(attrs, "uniqueCount") ?? "0");
        if (declared > limits.maxSharedStrings) throw tooManyStrings(declared);
      }
    },
    close(local: string) {
      if (level === 0) return;
      if (local === "t") handler.wantText = false;
      level--;
      if (level === 1 && local === "r") inRun = false;
      if (level === 0) {
        if (strings.length >= limits.maxSharedStrings) throw tooManyStrings(strings.length + 1);
        strings.push(keptText(current, budget, limits.maxCellText, limits.maxTextChars));
      }
    },
    text(t: string) {
      // Keep enough to cut at Excel's limit after _xHHHH_ escapes are decoded.
      if (current.length < limits.maxCellText * 8) current += t;
    },
  };
  const tooManyStrings = (n: number) =>
    exhausting(
      `its shared-strings table holds ${count(n)} or more entries (the cap is ${count(limits.maxSharedStrings)})`
    );
  await readXmlPart(ctx, entry, handler);
  return strings;
}

/** For each cell format (xf), whether it shows a date. */
async function readDateStyles(ctx: PartContext, entry: ZipEntry): Promise<boolean[]> {
  const styles: boolean[] = [];
  const customDates = new Set<number>();
  let depth = 0;
  let cellXfsDepth = 0;
  await readXmlPart(ctx, entry, {
    wantText: false,
    open(local, attrs) {
      depth++;
      if (local === "numFmt") {
        const id = Number(attribute(attrs, "numFmtId"));
        // Format 0 is General whatever a producer writes for it: read otherwise, every plain
        // number in the workbook would turn into a date.
        if (id !== 0 && isDateFormatCode(attribute(attrs, "formatCode") ?? "")) customDates.add(id);
      } else if (local === "cellXfs") cellXfsDepth = depth;
      else if (local === "xf" && cellXfsDepth && depth === cellXfsDepth + 1) {
        if (styles.length >= ctx.limits.maxStyles)
          throw exhausting(
            `its styles part holds more than ${count(ctx.limits.maxStyles)} cell formats (the cap)`
          );
        const id = Number(attribute(attrs, "numFmtId") ?? "0");
        styles.push(isBuiltInDateFormat(id) || customDates.has(id));
      }
    },
    close(local) {
      if (local === "cellXfs" && depth === cellXfsDepth) cellXfsDepth = 0;
      depth--;
    },
    text() {},
  });
  return styles;
}

/** The part a workbook relationship of this type names, or the usual place when none does. */
function tablePart(
  ctx: PartContext,
  rels: readonly Relationship[],
  type: string,
  workbookPart: string,
  usual: string
): ZipEntry | undefined {
  const rel = rels.find((r) => r.type === type);
  if (rel) return expectedPart(ctx, rel, workbookPart, `${type} part`);
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  return ctx.archive.find(`${folder}${usual}`);
}

const EXCEL_DEFAULT_PASSWORD = "VelvetSweatshop";

async function readPackage(
  source: ByteSource,
  platform: ReaderPlatform,
  options: ReadWorkbookOptions,
  limits: ReaderLimits,
  depth: number
): Promise<WorkbookContents> {
  if (source.size === 0)
    throw new WorkbookReadError(
      "the file is empty (0 bytes): save the workbook again from Excel and retry",
      "format"
    );
  const head = await source.read(0, Math.min(source.size, 64 * 1024));
  const format = identifyFormat(head);
  if (format === "ole") {
    if (depth > 0) throw damaged("the decrypted package is not a workbook");
    if (source.size > limits.maxEncryptedBytes)
      throw exhausting(
        `the encrypted file is larger than ${count(limits.maxEncryptedBytes)} bytes (the cap)`
      );
    const whole = await source.read(0, source.size);
    const ole = readCompoundFile(whole);
    // Excel's default password opens files protected only against changes; a password the user
    // gave is tried first, since each try spins a hash 100,000 times.
    const decrypted = await decryptPackage(ole, {
      passwords:
        options.password !== undefined
          ? [options.password, EXCEL_DEFAULT_PASSWORD]
          : [EXCEL_DEFAULT_PASSWORD],
      crypto: platform.crypto,
      passwordGiven: options.password !== undefined,
      signal: options.signal,
    });
    return readPackage(bytesSource(decrypted), platform, options, limits, depth + 1);
  }

  const budget = newBudget();
  const archive = await ZipArchive.open(source, limits);
  let total = 0;
  let done = 0;
  const base: PartContext = { archive, platform, limits, budget, signal: options.signal };
  const workbookPart = await findWorkbookPart(base);
  const rels = await readRelationships(base, workbookPart);
  const { sheets, date1904, names } = await readWorkbookXml(base, archive.find(workbookPart)!);

  const stringsEntry = tablePart(base, rels, "sharedStrings", workbookPart, "sharedStrings.xml");
  const stylesEntry = tablePart(base, rels, "styles", workbookPart, "styles.xml");
  const strings = stringsEntry ? await readSharedStrings(base, stringsEntry) : undefined;
  const dateStyles = stylesEntry ? await readDateStyles(base, stylesEntry) : [];
  const tables: WorkbookTables = { strings, dateStyles, date1904 };

  const parts: { ref: SheetRef; entry: ZipEntry }[] = [];
  for (const ref of sheets) {
    // Excel keeps old macro and module sheets with an empty id: there are no cells behind them.
    if (ref.id === "") continue;
    const rel = rels.find((r) => r.id === ref.id);
    if (!rel) throw damaged(`sheet "${ref.name}" has no part in the package`);
    // Chart sheets, dialog sheets and macro sheets hold no cells to check.
    if (rel.type !== "worksheet") continue;
    const entry = expectedPart(base, rel, workbookPart, `sheet "${ref.name}"`);
    if (!entry) throw damaged(`the part of sheet "${ref.name}" (${rel.target}) is missing`);
    parts.push({ ref, entry });
    total += entry.size;
  }
  const progress: PartContext = {
    ...base,
    onBytes: (n) => {
      done += n;
      options.onProgress?.(done, Math.max(total, done));
    },
  };
  let grids: Grid[] = [];
  const listRules = new Map<string, readonly ListRule[]>();
  for (const { ref, entry } of parts) {
    if (options.signal?.aborted) throw aborted();
    const read = await readSheet(progress, entry, ref.name, ref.hidden, tables);
    grids.push(read.grid);
    if (read.listRules.length) listRules.set(ref.name, read.listRules);
  }
  // Drop-down lists resolved against the whole workbook: their entries are often on a key sheet.
  if (listRules.size) grids = withValidationLists(grids, listRules, names);
  const notes: string[] = [];
  if (budget.longTexts)
    notes.push(
      `${count(budget.longTexts)} cell text${budget.longTexts === 1 ? " was" : "s were"} longer than Excel allows (${count(limits.maxCellText)} characters) and only the first ${count(limits.maxCellText)} characters were read.`
    );
  if (budget.rowZeroCells)
    notes.push(
      `${count(budget.rowZeroCells)} cell${budget.rowZeroCells === 1 ? " is" : "s are"} in a row numbered 0, which no spreadsheet can show, and ${budget.rowZeroCells === 1 ? "was" : "were"} not read.`
    );
  return { grids, notes };
}

/**
 * Reads an .xlsx or .xlsm workbook from any byte source: every worksheet in tab order as a grid of
 * values (formulas as their cached results, dates as dates, errors as error values), merged areas
 * and hidden flags. Parts are streamed one at a time, so memory follows the cells, not the file.
 * Throws a WorkbookReadError whose message is one sentence for the user.
 */
export async function readWorkbook(
  source: ByteSource,
  platform: ReaderPlatform,
  options: ReadWorkbookOptions = {}
): Promise<WorkbookContents> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return readPackage(source, platform, options, limits, 0);
}
