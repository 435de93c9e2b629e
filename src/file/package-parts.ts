import { WorkbookReadError, damaged } from "./read-error";
import { type PartContext, readXmlPart } from "./xml-part";
import { attribute } from "./xml-tokenizer";
import type { ZipEntry } from "./zip-reader";

/**
 * The Open Packaging layer of a workbook: which part is the workbook (wherever `_rels/.rels`
 * points), the relationships between parts, and what a zip that is not a workbook is instead.
 */

export interface Relationship {
  readonly id: string;
  /** The last segment of the type URI: "worksheet", "sharedStrings"... (Transitional or Strict). */
  readonly type: string;
  /** The part it points at, as a package path without a leading slash; undefined if external. */
  readonly target: string | undefined;
  readonly rawTarget: string;
  readonly external: boolean;
  /** The target climbs out of the package with "..". */
  readonly outside: boolean;
}

/** The relationships part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Resolves a relationship target against its source part. Targets may be relative to the source's
 * folder or absolute within the package ("/xl/worksheets/sheet1.xml", as .NET writers put it).
 */
export function resolveTarget(
  source: string,
  target: string
): { path: string | undefined; outside: boolean } {
  const bare = target.replace(/\\/g, "/").split(/[?#]/)[0];
  // A URI with a scheme (https:, file:) is no part of the package.
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare)) return { path: undefined, outside: false };
  const base = bare.startsWith("/") ? [] : source.split("/").slice(0, -1);
  const segments = [...base];
  for (const s of bare.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") {
      if (segments.length === 0) return { path: undefined, outside: true };
      segments.pop();
    } else segments.push(s);
  }
  return { path: segments.join("/"), outside: false };
}

/** Reads a relationships part; an absent part has no relationships. */
export async function readRelationships(ctx: PartContext, source: string): Promise<Relationship[]> {
  const entry = ctx.archive.find(relsPathOf(source));
  if (!entry) return [];
  const rels: Relationship[] = [];
  await readXmlPart(ctx, entry, {
    wantText: false,
    open(local, attrs) {
      if (local !== "Relationship") return;
      const rawTarget = attribute(attrs, "Target") ?? "";
      const type = (attribute(attrs, "Type") ?? "").split("/").pop() ?? "";
      const external = /^external$/i.test(attribute(attrs, "TargetMode") ?? "");
      const resolved = external
        ? { path: undefined, outside: false }
        : resolveTarget(source, rawTarget);
      rels.push({
        id: attribute(attrs, "Id") ?? "",
        type,
        rawTarget,
        target: resolved.path,
        external: external || (resolved.path === undefined && !resolved.outside),
        outside: resolved.outside,
      });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** The part a relationship points at, refusing targets outside the package or external ones. */
export function expectedPart(
  ctx: PartContext,
  rel: Relationship,
  from: string,
  what: string
): ZipEntry | undefined {
  if (rel.outside)
    throw damaged(
      `${from} points its ${what} outside the package (${rel.rawTarget}), which no workbook does`
    );
  if (rel.external || rel.target === undefined)
    throw damaged(`${from} points its ${what} at an external address (${rel.rawTarget})`);
  return ctx.archive.find(rel.target);
}

/** What the file is when its main part is not a workbook, named so the user knows what to do. */
function notAWorkbook(contentType: string, mainPart: string): WorkbookReadError | undefined {
  const type = contentType.toLowerCase();
  const part = mainPart.toLowerCase();
  if (type.includes("sheet.binary") || part.endsWith(".bin"))
    return new WorkbookReadError(
      "this is an Excel binary workbook (.xlsb): open it in Excel and save it as an Excel Workbook (.xlsx), then check that",
      "format"
    );
  if (type.includes("wordprocessingml") || part.startsWith("word/"))
    return new WorkbookReadError(
      "this is a Word document, not a workbook: check you picked the right file",
      "format"
    );
  if (type.includes("presentationml") || part.startsWith("ppt/"))
    return new WorkbookReadError(
      "this is a PowerPoint presentation, not a workbook: check you picked the right file",
      "format"
    );
  return undefined;
}

export const NOT_A_WORKBOOK_ZIP =
  "the file is a zip archive but not an Excel workbook (.xlsx): check you picked the right file";

async function smallText(ctx: PartContext, entry: ZipEntry): Promise<string> {
  const bytes = await ctx.archive.bytes(entry, ctx.platform, 1 << 16);
  return new TextDecoder().decode(bytes.subarray(0, 200));
}

interface ContentTypes {
  /** A part's content type, by its Override or its extension's Default. */
  of(part: string): string;
  /** The parts whose Override names this content type (a fragment of it). */
  partsOfType(fragment: string): string[];
}

/** Content types by part (Override) and by extension (Default). */
async function readContentTypes(ctx: PartContext): Promise<ContentTypes> {
  const entry = ctx.archive.find("[Content_Types].xml");
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  if (entry) {
    await readXmlPart(ctx, entry, {
      wantText: false,
      open(local, attrs) {
        const type = attribute(attrs, "ContentType") ?? "";
        if (local === "Override")
          overrides.set(
            (attribute(attrs, "PartName") ?? "").replace(/^\//, "").toLowerCase(),
            type
          );
        else if (local === "Default")
          defaults.set((attribute(attrs, "Extension") ?? "").toLowerCase(), type);
      },
      close() {},
      text() {},
    });
  }
  return {
    of: (part) =>
      overrides.get(part.toLowerCase()) ??
      defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase()) ??
      "",
    partsOfType: (fragment) =>
      [...overrides].filter(([, type]) => type.toLowerCase().includes(fragment)).map(([p]) => p),
  };
}

/**
 * The workbook part: wherever the package's root relationships point its office document, or
 * xl/workbook.xml when a producer left those out. Anything else gets a sentence naming it.
 */
export async function findWorkbookPart(ctx: PartContext): Promise<string> {
  const { archive } = ctx;
  const mimetype = archive.find("mimetype");
  if (mimetype) {
    const type = await smallText(ctx, mimetype);
    if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet"))
      throw new WorkbookReadError(
        "this is an OpenDocument spreadsheet (.ods, as LibreOffice saves by default): open it in LibreOffice or Excel and save it as an Excel Workbook (.xlsx), then check that",
        "format"
      );
    if (type.startsWith("application/vnd.oasis.opendocument"))
      throw new WorkbookReadError(
        "this is an OpenDocument file but not a spreadsheet: check you picked the right file",
        "format"
      );
  }
  let contentTypes: ContentTypes | undefined;
  try {
    contentTypes = await readContentTypes(ctx);
  } catch (err) {
    // A damaged content-types part: the relationships alone still say where the workbook is.
    if (!(err instanceof WorkbookReadError)) throw err;
  }
  const typeOf = (part: string) => contentTypes?.of(part) ?? "";
  let root: Relationship[] = [];
  try {
    root = await readRelationships(ctx, "");
  } catch (err) {
    // Damaged root relationships: the content types, or the usual place, still find the workbook.
    if (!(err instanceof WorkbookReadError)) throw err;
  }
  const main = root.find((r) => r.type === "officeDocument");
  if (main) {
    if (main.outside || main.external || main.target === undefined)
      throw damaged(
        `its root relationships point the workbook outside the package (${main.rawTarget})`
      );
    const path = main.target;
    const named = notAWorkbook(typeOf(path), path);
    if (named) throw named;
    if (!archive.has(path))
      throw damaged(`the workbook part ${path} that the package names is missing`);
    return archive.find(path)!.name;
  }
  const declared = contentTypes?.partsOfType("spreadsheetml.sheet.main") ?? [];
  const macro = contentTypes?.partsOfType("sheet.macroenabled.main") ?? [];
  const template = contentTypes?.partsOfType("spreadsheetml.template.main") ?? [];
  for (const guess of [
    ...declared,
    ...macro,
    ...template,
    "xl/workbook.xml",
    "workbook.xml",
    "xl/workbook.bin",
    "word/document.xml",
    "ppt/presentation.xml",
  ]) {
    if (!archive.has(guess)) continue;
    const named = notAWorkbook(typeOf(guess), guess);
    if (named) throw named;
    return archive.find(guess)!.name;
  }
  throw new WorkbookReadError(NOT_A_WORKBOOK_ZIP, "format");
}
