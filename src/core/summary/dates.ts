import { type CellValue, cellText } from "../grid";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The day a target date means, or undefined when it is not a date: a Date, "31/03/2026",
 * "2026-03-31", "March 2026" (the month's last day), "Q3 2026" (the quarter's last day).
 */
export function targetDay(value: CellValue): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  const text = cellText(value).toLowerCase();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(text);
  if (m) {
    const year = Number(m[3]) < 100 ? 2000 + Number(m[3]) : Number(m[3]);
    return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[1])));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  m = /^(?:end of |by )?([a-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(text);
  if (m && MONTHS.includes(m[1]))
    return new Date(Date.UTC(Number(m[2]), MONTHS.indexOf(m[1]) + 1, 0));
  m = /^q([1-4])\s+(\d{4})$/.exec(text);
  if (m) return new Date(Date.UTC(Number(m[2]), Number(m[1]) * 3, 0));
  return undefined;
}

/** dd/mm/yyyy, as British committee papers write dates. */
export function ukDate(date: Date): string {
  const d = String(date.getUTCDate()).padStart(2, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${d}/${m}/${date.getUTCFullYear()}`;
}

/** How a target date reads in the action plan: dates as dd/mm/yyyy, anything else as written. */
export function targetText(value: CellValue): string {
  return value instanceof Date ? ukDate(value) : cellText(value);
}
