import { type CellValue, cellText } from "./grid";
import { dateFromSerial } from "./number-format";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The day a target date means, or undefined when it is not a date: a Date, "31/03/2026",
 * "2026-03-31", "March 2026" (the month's last day), "Q3 2026" (the quarter's last day), or the
 * serial number Office.js hands back for a date cell.
 */
export function targetDay(value: CellValue): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === "number") return serialDay(value);
  return typeof value === "string" ? dayOfText(value) : undefined;
}

// A return repeats the same few entries ("March 2027", "TBC") down thousands of rows: each text
// is read once.
const daysByText = new Map<string, Date | undefined>();

function dayOfText(value: string): Date | undefined {
  if (daysByText.has(value)) return daysByText.get(value);
  const day = parseDayText(value);
  if (daysByText.size < 10_000) daysByText.set(value, day);
  return day;
}

function parseDayText(value: string): Date | undefined {
  const text = cellText(value).toLowerCase();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(text);
  if (m) {
    const year = Number(m[3]) < 100 ? 2000 + Number(m[3]) : Number(m[3]);
    return existingDay(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return existingDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(?:end of |by )?([a-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text);
  if (m && MONTHS.includes(m[1]))
    return new Date(Date.UTC(Number(m[2]), MONTHS.indexOf(m[1]) + 1, 0));
  m = /^q([1-4])\s+(\d{4})$/.exec(text);
  if (m) return new Date(Date.UTC(Number(m[2]), Number(m[1]) * 3, 0));
  return undefined;
}

/** The day, or undefined where there is no such day ("31/02/2026" is text to Excel, not March). */
function existingDay(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/**
 * A whole number read from a target-date column as Excel's date serial, where it falls between
 * 2000 and 2100 (36526 to 73050): Office.js returns a date cell's value as its serial number.
 */
function serialDay(n: number): Date | undefined {
  if (!Number.isInteger(n) || n < 36_526 || n > 73_050) return undefined;
  return dateFromSerial(n);
}

/** dd/mm/yyyy, as British committee papers write dates. */
export function ukDate(date: Date): string {
  const d = String(date.getUTCDate()).padStart(2, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${d}/${m}/${date.getUTCFullYear()}`;
}

/** How a target date reads in the action plan: dates as dd/mm/yyyy, anything else as written. */
export function targetText(value: CellValue): string {
  const day = typeof value === "number" ? serialDay(value) : undefined;
  if (day) return ukDate(day);
  return value instanceof Date ? ukDate(value) : cellText(value);
}

/** The UTC day a date falls on, as a number of days: dates compare by day, not by time. */
export function dayOf(date: Date): number {
  return Math.floor(date.getTime() / 86_400_000);
}
