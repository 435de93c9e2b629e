import { type CellValue, foldSpace, isCellError } from "../grid";

/** What a score cell holds, before the scale is applied. */
export type ScoreValue =
  | { kind: "missing" }
  | { kind: "number"; value: number }
  | { kind: "decimal"; value: number }
  | { kind: "text"; text: string }
  | { kind: "error"; code: string }
  | { kind: "date" }
  | { kind: "boolean"; value: boolean };

/**
 * A whole number, or a whole number typed as text ("3", " 3 ", "4.0", "3 - Good" from a drop-down
 * list), is a number. Everything else keeps its kind so the message can say what is wrong.
 */
export function parseScore(value: CellValue): ScoreValue {
  if (value === null) return { kind: "missing" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "error", code: "#NUM!" };
    return Number.isInteger(value) ? { kind: "number", value } : { kind: "decimal", value };
  }
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) return { kind: "date" };
  if (isCellError(value)) return { kind: "error", code: value.error };
  const text = foldSpace(value);
  if (text === "") return { kind: "missing" };
  // "4.0" and "3" with a no-break space (folded away above) are whole numbers typed as text.
  const whole = /^[+]?(\d{1,6})(?:\.0+)?(?:\s*(?:[-\u2013\u2014:=(]\s*[A-Za-z].*|\)))?$/.exec(text);
  if (whole) return { kind: "number", value: Number(whole[1]) };
  if (/^-\d{1,6}$/.test(text)) return { kind: "number", value: Number(text) };
  if (/^[+-]?\d*\.\d+$/.test(text)) return { kind: "decimal", value: Number(text) };
  return { kind: "text", text };
}
