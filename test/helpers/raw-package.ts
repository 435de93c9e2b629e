import * as zlib from "node:zlib";

/**
 * Packages built byte by byte, as other producers write them: any entry name (backslashes, any
 * case), stored or deflated entries, compressed data supplied as is (a zip bomb), sizes and
 * checksums as given. The tests' own writer, independent of the product's zip code.
 */

export interface RawEntry {
  readonly name: string;
  readonly data?: string | Uint8Array;
  /** "store" writes the bytes as they are (SheetJS does); "deflate" is the default. */
  readonly method?: "store" | "deflate";
  /** Compressed bytes to write instead of compressing `data` (with `size` and `crc`). */
  readonly compressed?: Uint8Array;
  readonly size?: number;
  readonly crc?: number;
}

function bytesOf(data: string | Uint8Array | undefined): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  return typeof data === "string" ? Buffer.from(data, "utf8") : data;
}

function crcOf(data: Uint8Array): number {
  return zlib.crc32(data);
}

/** A zip archive of the entries, in the order given. */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = bytesOf(e.data);
    const method = e.compressed ? 8 : e.method === "store" ? 0 : 8;
    const body = e.compressed ?? (method === 8 ? zlib.deflateRawSync(data) : data);
    const size = e.size ?? data.length;
    const crc = e.crc ?? crcOf(data);
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(body));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Raw DEFLATE data that inflates to `head`, then `unit` repeated `times`, then `tail`, built
 * without ever holding the inflated whole: the unit is compressed once as a self-contained block
 * (a full flush) and the block repeated. Also returns the inflated size and CRC-32.
 */
export function repeatedDeflate(
  head: string,
  unit: string,
  times: number,
  tail: string
): { compressed: Uint8Array; size: number; crc: number } {
  const flush = (text: string) =>
    zlib.deflateRawSync(Buffer.from(text), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const headBlock = flush(head);
  // Enough copies in one block that it compresses well, then that block repeated.
  const perBlock = Math.max(1, Math.floor((1 << 20) / unit.length));
  const block = flush(unit.repeat(perBlock));
  const blocks = Math.floor(times / perBlock);
  const rest = flush(unit.repeat(times - blocks * perBlock));
  const tailBlock = zlib.deflateRawSync(Buffer.from(tail));
  const parts: Uint8Array[] = [headBlock];
  for (let i = 0; i < blocks; i++) parts.push(block);
  parts.push(rest, tailBlock);
  let crc = crcOf(Buffer.from(head));
  const blockText = Buffer.from(unit.repeat(perBlock));
  for (let i = 0; i < blocks; i++) crc = zlib.crc32(blockText, crc);
  crc = zlib.crc32(Buffer.from(unit.repeat(times - blocks * perBlock)), crc);
  crc = zlib.crc32(Buffer.from(tail), crc);
  const size = Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail);
  return { compressed: Buffer.concat(parts), size, crc };
}

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export interface PackageSheet {
  readonly name: string;
  /** The worksheet part's whole XML. */
  readonly xml: string | Uint8Array;
  readonly state?: "hidden" | "veryHidden";
  /** Where the part goes (default xl/worksheets/sheetN.xml). */
  readonly path?: string;
  /** The relationship target as written (default: relative to the workbook part). */
  readonly target?: string;
  readonly targetMode?: "External";
  readonly type?: "worksheet" | "chartsheet";
}

export interface PackageSpec {
  readonly sheets: readonly PackageSheet[];
  /** The shared strings part's XML, if any. */
  readonly sharedStrings?: string | Uint8Array;
  readonly sharedStringsPath?: string;
  readonly styles?: string;
  readonly workbookPath?: string;
  /** Extra XML inside <workbook> before <sheets> (workbookPr...). */
  readonly workbookPr?: string;
  /** Extra XML inside <workbook> after <sheets> (definedNames...). */
  readonly afterSheets?: string;
  readonly strict?: boolean;
  /** How entries are written: names rewritten (backslashes, case), stored... */
  readonly entryName?: (name: string) => string;
  readonly method?: "store" | "deflate";
  readonly mainContentType?: string;
  readonly extraEntries?: readonly RawEntry[];
  /** Writes sheet parts before the workbook part, as some writers do. */
  readonly sheetsFirst?: boolean;
}

/** A SpreadsheetML package from its parts, in the dialect the spec asks for. */
export function spreadsheetPackage(spec: PackageSpec): Buffer {
  const mainNs = spec.strict ? STRICT_MAIN_NS : MAIN_NS;
  const relNs = spec.strict ? STRICT_REL_NS : REL_NS;
  const workbookPath = spec.workbookPath ?? "xl/workbook.xml";
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const relsPath = `${folder}_rels/${workbookPath.slice(folder.length)}.rels`;
  const rels: string[] = [];
  const sheetEntries: RawEntry[] = [];
  const overrides: string[] = [];
  const sheetTags = spec.sheets.map((s, i) => {
    const id = `rId${i + 1}`;
    const kind = s.type ?? "worksheet";
    const path =
      s.path ?? `${folder}${kind === "worksheet" ? "worksheets" : "chartsheets"}/sheet${i + 1}.xml`;
    const target = s.target ?? path.slice(folder.length);
    rels.push(
      `<Relationship Id="${id}" Type="${relNs}/${kind}" Target="${escapeText(target)}"${s.targetMode ? ` TargetMode="${s.targetMode}"` : ""}/>`
    );
    if (!s.targetMode) {
      sheetEntries.push({ name: path, data: s.xml });
      overrides.push(
        `<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml"/>`
      );
    }
    return `<sheet name="${escapeText(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="${id}"/>`;
  });
  const entries: RawEntry[] = [];
  if (spec.sharedStrings !== undefined) {
    const path = spec.sharedStringsPath ?? `${folder}sharedStrings.xml`;
    rels.push(
      `<Relationship Id="rIdS" Type="${relNs}/sharedStrings" Target="${path.slice(folder.length)}"/>`
    );
    entries.push({ name: path, data: spec.sharedStrings });
  }
  if (spec.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${relNs}/styles" Target="styles.xml"/>`);
    entries.push({ name: `${folder}styles.xml`, data: spec.styles });
  }
  const workbook =
    `${XML_HEAD}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"${spec.strict ? ` conformance="strict"` : ""}>` +
    `${spec.workbookPr ?? ""}<sheets>${sheetTags.join("")}</sheets>${spec.afterSheets ?? ""}</workbook>`;
  const mainType =
    spec.mainContentType ??
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/${workbookPath}" ContentType="${mainType}"/>${overrides.join("")}</Types>`;
  const rootRels =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" ` +
    `Type="${relNs}/officeDocument" Target="${workbookPath}"/></Relationships>`;
  const workbookRels = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels.join("")}</Relationships>`;
  const head: RawEntry[] = [
    { name: "[Content_Types].xml", data: contentTypes },
    { name: "_rels/.rels", data: rootRels },
  ];
  const book: RawEntry[] = [
    { name: workbookPath, data: workbook },
    { name: relsPath, data: workbookRels },
  ];
  const all = spec.sheetsFirst
    ? [...head, ...sheetEntries, ...entries, ...book]
    : [...head, ...book, ...entries, ...sheetEntries];
  const named = [...all, ...(spec.extraEntries ?? [])].map((e) => ({
    ...e,
    name: spec.entryName ? spec.entryName(e.name) : e.name,
    method: e.method ?? spec.method,
  }));
  return rawZip(named);
}

/** A worksheet part around the given `<sheetData>` content (and anything after it). */
export function worksheetXml(sheetData: string, after = "", strict = false, before = ""): string {
  return (
    `${XML_HEAD}<worksheet xmlns="${strict ? STRICT_MAIN_NS : MAIN_NS}" xmlns:r="${strict ? STRICT_REL_NS : REL_NS}">` +
    `${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`
  );
}

/** A shared-strings part of plain entries. */
export function sharedStringsXml(strings: readonly string[], strict = false): string {
  return (
    `${XML_HEAD}<sst xmlns="${strict ? STRICT_MAIN_NS : MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s) => `<si><t xml:space="preserve">${escapeText(s)}</t></si>`).join("") +
    `</sst>`
  );
}

/** A styles part whose cell format 1 shows dates (built-in format 14). */
export function stylesXml(strict = false): string {
  return (
    `${XML_HEAD}<styleSheet xmlns="${strict ? STRICT_MAIN_NS : MAIN_NS}">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border/></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
    `</styleSheet>`
  );
}
