import type { ByteSource } from "./byte-source";
import { DEFAULT_LIMITS } from "./limits";
import { WorkbookReadError } from "./read-error";
import { type PartContext, newBudget, readXmlPart } from "./xml-part";
import { attribute } from "./xml-tokenizer";
import { ZipArchive, type ZipPlatform } from "./zip-reader";

/**
 * How govcheck marks a workbook it wrote, so that it replaces an existing output only when that
 * file is its own: a custom document property, and "govcheck" as the application that saved it. A
 * file opened and saved again in Excel or LibreOffice names that program instead, so an officer's
 * edited copy is never taken for govcheck's.
 */
export const MARK_PROPERTY = "GovcheckOutput";
export const MARK_VALUE = "committee-summary";
export const MARK_APPLICATION = "govcheck";

export const CUSTOM_PROPERTIES_TYPE =
  "application/vnd.openxmlformats-officedocument.custom-properties+xml";
export const CUSTOM_PROPERTIES_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";

/** docProps/custom.xml with the mark. */
export function customPropertiesXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${MARK_PROPERTY}">` +
    `<vt:lpwstr>${MARK_VALUE}</vt:lpwstr></property></Properties>`
  );
}

async function textOf(
  ctx: PartContext,
  path: string,
  element: (local: string, attrs: string) => boolean
): Promise<string | undefined> {
  const entry = ctx.archive.find(path);
  if (!entry || entry.size > 1 << 20) return undefined;
  let inside = false;
  let depth = 0;
  let text: string | undefined;
  await readXmlPart(ctx, entry, {
    get wantText() {
      return inside;
    },
    open(local, attrs) {
      if (inside) depth++;
      else if (element(local, attrs)) {
        inside = true;
        depth = 0;
        text = "";
      }
    },
    close() {
      if (inside && depth-- === 0) inside = false;
    },
    text(t) {
      if (inside) text = (text ?? "") + t;
    },
  });
  return text;
}

/** Whether the package in `source` is a committee workbook govcheck wrote and nobody has re-saved. */
export async function isGovcheckPackage(
  source: ByteSource,
  platform: ZipPlatform
): Promise<boolean> {
  try {
    const archive = await ZipArchive.open(source, DEFAULT_LIMITS);
    const ctx: PartContext = { archive, platform, limits: DEFAULT_LIMITS, budget: newBudget() };
    const application = await textOf(ctx, "docProps/app.xml", (local) => local === "Application");
    if (application?.trim() !== MARK_APPLICATION) return false;
    let inMark = false;
    const value = await textOf(ctx, "docProps/custom.xml", (local, attrs) => {
      if (local === "property") inMark = attribute(attrs, "name") === MARK_PROPERTY;
      return inMark && local === "lpwstr";
    });
    return value === MARK_VALUE;
  } catch (err) {
    if (err instanceof WorkbookReadError) return false;
    throw err;
  }
}
