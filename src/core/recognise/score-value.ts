import { type CellValue, foldSpace, isCellError } from "../grid";
import { type Scale, levelNumber } from "./scale";
import { isNotApplicable, levelMatcher } from "./word-scales";

/** What a score cell holds, before the scale is applied. */
export type ScoreValue =
  | { kind: "missing" }
  /** A whole number; on a word scale, the level's number and, when the cell held a word, the word. */
  | { kind: "number"; value: number; word?: string; numbered?: boolean }
  | { kind: "decimal"; value: number }
  | { kind: "text"; text: string }
  | { kind: "error"; code: string }
  | { kind: "date" }
  | { kind: "boolean"; value: boolean }
  /** "N/A", "Not applicable": the requirement does not apply; no finding. */
  | { kind: "notApplicable" }
  /** Tick columns with more than one box marked. */
  | { kind: "marks"; marked: readonly string[] };

/**
 * A whole number, or a whole number typed as text ("3", " 3 ", "4.0", "3 - Good" from a drop-down
 * list), is a number; "N/A" is not applicable. Everything else keeps its kind so the message can
 * say what is wrong.
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
  const whole = /^[+]?(\d{1,6})(?:\.0+)?(?:\s*(?:[-\u2013\u2014:=(.]\s*[A-Za-z].*|\)))?$/.exec(
    text
  );
  if (whole) return { kind: "number", value: Number(whole[1]) };
  if (/^-\d{1,6}$/.test(text)) return { kind: "number", value: Number(text) };
  if (/^[+-]?\d*\.\d+$/.test(text)) return { kind: "decimal", value: Number(text) };
  if (isNotApplicable(text)) return { kind: "notApplicable" };
  return { kind: "text", text };
}

/** A scale's matcher, made once: a return repeats the same few words down thousands of rows. */
const matchers = new WeakMap<Scale, (entry: string) => number>();

function matcherFor(scale: Scale): (entry: string) => number {
  let m = matchers.get(scale);
  if (!m) matchers.set(scale, (m = levelMatcher(scale.levels ?? [])));
  return m;
}

/**
 * A score cell read on its scale's terms. On a word scale a word is its level's number ("Amber"
 * is 2 of Red, Amber, Green); "2 - Developing" answers to its number where the scale's levels are
 * numbered, else to its word; a bare number on a scale of words only is not a rating.
 */
export function readScore(value: CellValue, scale: Scale): ScoreValue {
  const parsed = parseScore(value);
  if (!scale.levels) return parsed;
  if (parsed.kind === "number") {
    if (scale.numbered) {
      if (typeof value !== "string") return parsed;
      const word = /^[+]?\d{1,6}\s*[-\u2013\u2014:=(.]?\s*(.*?)\)?$/.exec(foldSpace(value))?.[1];
      const index = word ? matcherFor(scale)(word) : -1;
      return index >= 0 ? { ...parsed, word: scale.levels[index], numbered: true } : parsed;
    }
    if (typeof value === "string") {
      // "1 - Red" on a scale of words: the word decides.
      const word = /^[+]?\d{1,6}\s*[-\u2013\u2014:=(.]\s*(.+?)\)?$/.exec(foldSpace(value))?.[1];
      const index = word ? matcherFor(scale)(word) : -1;
      if (index >= 0)
        return { kind: "number", value: levelNumber(scale, index), word: scale.levels[index] };
    }
    return { kind: "text", text: typeof value === "string" ? foldSpace(value) : String(value) };
  }
  if (parsed.kind !== "text") return parsed;
  const index = matcherFor(scale)(parsed.text);
  if (index < 0) return parsed;
  return {
    kind: "number",
    value: levelNumber(scale, index),
    word: scale.levels[index],
    ...(scale.numbered ? { numbered: true } : {}),
  };
}
