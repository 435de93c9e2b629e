import type { CellValue } from "../../src/core/grid";
import { escapeText } from "../helpers/raw-package";

/**
 * How a producer writes cells: where text goes (the shared-strings table, inline, or `t="str"`),
 * whether rows and cells carry their `r`, and how dates are stored. Each producer fixture writes
 * the same intended sheet in its producer's way, and must read back as that sheet.
 */
export interface Dialect {
  readonly text: "shared" | "inline" | "str";
  readonly refs: "all" | "none" | "cells";
  readonly dates: "serial" | "iso";
  /** Row attributes a producer adds (Excel's spans and x14ac:dyDescent). */
  readonly rowExtra?: string;
  /** Wrap inline strings' text in <r> runs (XlsxWriter does for rich strings). */
  readonly prefix?: string;
}

function letters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel's serial number for a date (1900 system), as the reader will turn it back. */
export function serial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** `<sheetData>` content for `rows` in a dialect; text for the shared table goes into `strings`. */
export function sheetDataXml(
  rows: readonly (readonly CellValue[])[],
  dialect: Dialect,
  strings: string[]
): string {
  const p = dialect.prefix ?? "";
  const index = new Map<string, number>();
  const out: string[] = [];
  rows.forEach((cells, r) => {
    const rowNumber = r + 1;
    const filled = cells.some((c) => c !== null);
    if (!filled && dialect.refs === "none") {
      // With no references, an empty row must still be written to keep the numbering.
      out.push(`<${p}row/>`);
      return;
    }
    if (!filled) return;
    const rowRef = dialect.refs === "all" ? ` r="${rowNumber}"` : "";
    const parts: string[] = [];
    cells.forEach((value, c) => {
      const ref = dialect.refs === "none" ? "" : ` r="${letters(c + 1)}${rowNumber}"`;
      if (value === null) {
        if (dialect.refs === "none") parts.push(`<${p}c/>`);
        return;
      }
      if (typeof value === "string") {
        if (dialect.text === "shared") {
          let i = index.get(value);
          if (i === undefined) {
            i = strings.length;
            strings.push(value);
            index.set(value, i);
          }
          parts.push(`<${p}c${ref} t="s"><${p}v>${i}</${p}v></${p}c>`);
        } else if (dialect.text === "inline")
          parts.push(
            `<${p}c${ref} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(value)}</${p}t></${p}is></${p}c>`
          );
        else parts.push(`<${p}c${ref} t="str"><${p}v>${escapeText(value)}</${p}v></${p}c>`);
      } else if (typeof value === "number")
        parts.push(`<${p}c${ref}><${p}v>${value}</${p}v></${p}c>`);
      else if (typeof value === "boolean")
        parts.push(`<${p}c${ref} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`);
      else if (value instanceof Date) {
        if (dialect.dates === "iso")
          parts.push(
            `<${p}c${ref} t="d"><${p}v>${value.toISOString().replace(/\.000Z$/, "")}</${p}v></${p}c>`
          );
        else parts.push(`<${p}c${ref} s="1"><${p}v>${serial(value)}</${p}v></${p}c>`);
      } else parts.push(`<${p}c${ref} t="e"><${p}v>${escapeText(value.error)}</${p}v></${p}c>`);
    });
    out.push(`<${p}row${rowRef}${dialect.rowExtra ?? ""}>${parts.join("")}</${p}row>`);
  });
  return out.join("");
}

/** The schedule every producer fixture carries, as the sheet a person sees. */
export const SCHEDULE_ROWS: readonly (readonly CellValue[])[] = [
  ["Local Code of Corporate Governance: self-assessment 2025/26"],
  [],
  [
    "Ref",
    "Requirement",
    "Evidence",
    "Score (1-5)",
    "Improvement action",
    "Lead officer",
    "Target date",
  ],
  [
    "A1",
    "Members follow the code of conduct.",
    "Register of interests",
    2,
    null,
    "Monitoring Officer",
    new Date(Date.UTC(2026, 2, 31)),
  ],
  [
    "A2",
    "Decisions are published with reasons.",
    "Forward plan",
    "TBC",
    "Publish within five days",
    "Head of Democratic Services",
    null,
  ],
  [
    "A3",
    "Risks are reviewed every quarter.",
    "Risk register",
    4,
    "Keep the cycle",
    "Head of Audit",
    new Date(Date.UTC(2026, 5, 30)),
  ],
  ["A4", "Audit recommendations are followed up.", null, 1, "Set up a tracker", null, null],
  [
    "A5",
    "Complaints are answered on time.",
    "Complaints log",
    6,
    null,
    "Customer Services Manager",
    null,
  ],
];

/** A cover sheet: no schedule, only text. */
export const COVER_ROWS: readonly (readonly CellValue[])[] = [
  ["Riverbend Borough Council"],
  ["Annual governance return 2025/26"],
  ["Prepared by", "Policy Team"],
];
