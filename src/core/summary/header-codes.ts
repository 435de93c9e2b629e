import type { HeaderFooterLine, HeaderFooterPart } from "./sheet-plan";

/**
 * Headers and footers in Excel's codes (&P the page, &N the page count; &L, &C and &R for the
 * three parts in a file), as both the .xlsx file and Office.js take them. Each part sets its size
 * and then the regular face of the default font, so text that begins with a digit is never read
 * as part of the size; an ampersand typed in a name is doubled, as Excel asks.
 */
export function headerFooterPartCode(parts: readonly HeaderFooterPart[], size: number): string {
  if (parts.length === 0) return "";
  const text = parts
    .map((p) => (typeof p === "string" ? p.replace(/&/g, "&&") : p.field === "page" ? "&P" : "&N"))
    .join("");
  return `&${size}&"-,Regular"${text}`;
}

/** A whole header or footer line, its three parts marked &L, &C and &R, as a file stores it. */
export function headerFooterCode(line: HeaderFooterLine, size: number): string {
  const out: string[] = [];
  if (line.left.length) out.push(`&L${headerFooterPartCode(line.left, size)}`);
  if (line.center.length) out.push(`&C${headerFooterPartCode(line.center, size)}`);
  if (line.right.length) out.push(`&R${headerFooterPartCode(line.right, size)}`);
  return out.join("");
}
