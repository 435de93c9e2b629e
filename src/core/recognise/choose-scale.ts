import type { CellValue } from "../grid";
import { foldSpace } from "../grid";
import type { TickColumn } from "./header";
import { type Scale, type ScaleHint, completeScale } from "./scale";
import type { ScaleSource } from "./schedule";
import { parseScore } from "./score-value";
import {
  type StatedItem,
  type WordScale,
  isNotApplicable,
  levelMatcher,
  normaliseWord,
  orderStated,
  scaleFromVocabulary,
} from "./word-scales";

/** Everything a schedule says about its scale, gathered while its rows were read. */
export interface ScaleEvidence {
  /** Numbers stated in a legend or the score header ("1 = poor ... 4 = excellent", "Score (1-5)"). */
  readonly hints: readonly { hint: ScaleHint; source: ScaleSource }[];
  /** Words stated in a legend or key above the schedule, or in the score header. */
  readonly statedWords: readonly { items: readonly StatedItem[]; source: ScaleSource }[];
  /** The drop-down list on the score cells, as the list offers it. */
  readonly list?: readonly string[];
  readonly ticks?: readonly TickColumn[];
  /** Levels the header's name implies ("RAG"), when nothing else states them: tried last. */
  readonly headerWords?: readonly StatedItem[];
  /** Every requirement's score cell. */
  readonly scores: readonly CellValue[];
  /** A key elsewhere in the workbook that places these words (normalised), if there is one. */
  readonly keyFor?: (words: readonly string[]) => WordScale | undefined;
}

export interface ScaleChoice {
  readonly scale: Scale;
  readonly source: ScaleSource;
  /** Rated in words that nothing places in order: the schedule cannot be checked as it stands. */
  readonly unplaced?: readonly string[];
  /** Whole numbers seen, when the scale was completed from the data (for sibling sheets). */
  readonly observed?: readonly number[];
  /** True when the top or bottom came from the data, not from a legend, header or list. */
  readonly open: boolean;
}

/** "2 - Developing" -> { number: 2, text: "Developing" }; "Green" -> { text: "Green" }. */
export function statedItem(value: string): StatedItem {
  const text = foldSpace(value);
  const m = /^(\d{1,2})\s*(?:[-\u2013\u2014:=.)]\s*|\s+)(\S.*)$/.exec(text);
  return m ? { text: m[2], number: Number(m[1]) } : { text };
}

/** A word scale as a Scale: 1 = worst to N = best, unless its own numbers say otherwise. */
export function toScale(words: WordScale): Scale {
  if (words.numbers)
    return {
      min: words.numbers.min,
      max: words.numbers.max,
      direction: words.numbers.ascending ? "ascending" : "descending",
      levels: words.levels,
      numbered: true,
    };
  return { min: 1, max: words.levels.length, direction: "ascending", levels: words.levels };
}

interface Tally {
  numbers: number[];
  /** Words typed with their number ("2 - Developing"), by number. */
  numberedWords: Map<number, string>;
  /** Text entries (not N/A), by normalised word. */
  words: Map<string, { count: number; text: string }>;
  wordCount: number;
  /** Entries that say the score is still to come: "TBC", "Pending", "-". */
  pending: number;
}

const PENDING =
  /^(tbc|tba|tbd|to be (confirmed|agreed|assessed|decided|completed)|pending|awaiting\b.*|not (yet )?(assessed|scored|rated|known|started)|unknown|n\/k|\?+|-+|x)$/;

function tally(scores: readonly CellValue[]): Tally {
  const t: Tally = {
    numbers: [],
    numberedWords: new Map(),
    words: new Map(),
    wordCount: 0,
    pending: 0,
  };
  for (const value of scores) {
    const s = parseScore(value);
    if (s.kind === "number") {
      t.numbers.push(s.value);
      if (typeof value === "string") {
        const item = statedItem(value);
        if (item.number !== undefined && !t.numberedWords.has(item.number))
          t.numberedWords.set(item.number, item.text);
      }
    } else if (s.kind === "text" && !isNotApplicable(s.text)) {
      const key = normaliseWord(s.text);
      const known = t.words.get(key);
      if (known) known.count++;
      else t.words.set(key, { count: 1, text: s.text });
      t.wordCount++;
      if (PENDING.test(key)) t.pending++;
    }
  }
  return t;
}

/** The share of the word entries a word scale places. */
function placedShare(words: WordScale, t: Tally): number {
  if (t.wordCount === 0) return 1;
  const match = levelMatcher(words.levels);
  let placed = 0;
  for (const [, e] of t.words) if (match(e.text) >= 0) placed += e.count;
  return placed / t.wordCount;
}

/** Names for every number of a numeric scale, worst first, when something gives them all. */
function namesFor(scale: Scale, names: ReadonlyMap<number, string>): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i <= scale.max - scale.min; i++) {
    const n = scale.direction === "ascending" ? scale.min + i : scale.max - i;
    const name = names.get(n);
    if (!name) return undefined;
    out.push(name);
  }
  return out;
}

/**
 * The scale a schedule is rated on. Tick columns make a word scale of their headers. A column of
 * words takes the first of: a legend or header that states the words, the drop-down list on its
 * cells, a key elsewhere in the workbook, a vocabulary that knows the words; the first that
 * places at least half the entries wins, so a word it does not place is invalid by its terms. A
 * column of numbers is scaled as before, from legend, header, list and data; where its legend or
 * list names the numbers ("2 - Developing"), the names come along and answer to their numbers.
 */
export function chooseScale(e: ScaleEvidence): ScaleChoice {
  if (e.ticks) {
    const words = orderStated(
      e.ticks.filter((t) => !isNotApplicable(t.level)).map((t) => ({ text: t.level }))
    );
    if (words) return { scale: toScale(words), source: "ticks", open: false };
  }
  const t = tally(e.scores);
  const listItems = (e.list ?? []).map(statedItem);
  const numericList =
    (e.list ?? []).length >= 2 && (e.list ?? []).every((v) => /^\s*\d{1,3}\s*$/.test(v));
  const listWords = numericList ? undefined : e.list ? orderStated(listItems) : undefined;
  const hints = [...e.hints];
  if (numericList) {
    const ns = e.list!.map(Number);
    hints.unshift({ hint: { min: Math.min(...ns), max: Math.max(...ns) }, source: "list" });
  }
  if (listWords?.numbers) {
    // A numbered list ("1 - Not in place" ... "4 - Embedded") states the whole scale.
    const { min, max, ascending } = listWords.numbers;
    hints.unshift({
      hint: { min, max, direction: ascending ? "ascending" : "descending" },
      source: "list",
    });
  }
  const numericHint = hints.some((h) => h.hint.min !== undefined);

  const candidates: { words: WordScale; source: ScaleSource }[] = [];
  for (const s of e.statedWords) {
    const words = orderStated(s.items);
    if (words) candidates.push({ words, source: s.source });
  }
  if (listWords && !listWords.numbers) candidates.push({ words: listWords, source: "list" });
  if (t.wordCount > 0 && e.keyFor) {
    const key = e.keyFor([...t.words.keys()]);
    if (key && !key.numbers) candidates.push({ words: key, source: "key" });
  }
  // Where a legend, header or list states a scale of numbers ("Score (1-5)"), words typed in
  // its cells ("Good") are invalid scores, not a vocabulary to guess a scale from.
  const numbersStated = hints.some((h) => h.hint.min !== undefined && h.hint.max !== undefined);
  const vocabulary = numbersStated ? undefined : scaleFromVocabulary(t.words);
  if (vocabulary) candidates.push({ words: vocabulary, source: "vocabulary" });
  const implied = e.headerWords && !numbersStated ? orderStated(e.headerWords) : undefined;
  if (implied) candidates.push({ words: implied, source: "header" });

  // "TBC" down a column not yet scored does not make it a column of words.
  const ratedWords = t.wordCount - t.pending;
  const wordRated =
    ratedWords > t.numbers.length ||
    (t.wordCount === 0 && t.numbers.length === 0 && candidates.length > 0 && !numericHint);
  if (wordRated) {
    for (const c of candidates)
      if (placedShare(c.words, t) >= 0.5)
        return { scale: toScale(c.words), source: c.source, open: false };
    // Words nothing places, and no number anywhere: a listing ("ESRB Rating": E, T, M) or a word
    // scale the workbook never states. Read as numbers, every entry would be a false "invalid".
    if (!numericHint && t.numbers.length === 0) {
      const unplaced = [...t.words.values()].sort((a, b) => b.count - a.count).map((w) => w.text);
      return {
        scale: { min: 1, max: 3, direction: "ascending" },
        source: "data",
        unplaced,
        open: false,
      };
    }
  }

  const closed = hints.find((h) => h.hint.min !== undefined && h.hint.max !== undefined);
  const opened = hints.some((h) => h.hint.min !== undefined);
  const scale = completeScale(
    hints.map((h) => h.hint),
    t.numbers
  );
  const source: ScaleSource = closed ? closed.source : opened ? "header" : "data";
  const open = !closed;
  // Names for the numbers, from a legend, a numbered list or the entries themselves.
  const wordEntries = t.wordCount > 0 || t.numberedWords.size > 0;
  if (wordEntries) {
    const sources: ReadonlyMap<number, string>[] = [];
    for (const h of hints) if (h.hint.names) sources.push(h.hint.names);
    if (listWords?.numbers) {
      const m = new Map<number, string>();
      for (const i of listItems) if (i.number !== undefined) m.set(i.number, i.text);
      sources.push(m);
    }
    sources.push(t.numberedWords);
    for (const names of sources) {
      const levels = namesFor(scale, names);
      if (!levels) continue;
      const match = levelMatcher(levels);
      const used =
        t.numberedWords.size > 0 || [...t.words.values()].some((w) => match(w.text) >= 0);
      if (used)
        return {
          scale: { ...scale, levels, numbered: true },
          source,
          observed: t.numbers,
          open,
        };
    }
  }
  return { scale, source, observed: t.numbers, open };
}
