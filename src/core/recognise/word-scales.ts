/**
 * Rating words: the vocabularies councils rate in (RAG, compliance, assurance, Yes / Partly / No),
 * how an entry is compared with them, and how a stated list of words is put in order, worst first.
 */

/** Text with nothing to fold: words of letters and digits, one space apart. */
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** One level of a vocabulary: a rank (higher is better) and every way it is written. */
interface VocabularyLevel {
  readonly name: string;
  readonly rank: number;
  readonly aliases: readonly string[];
  /** Only a level where a key, legend or list states it (Blue, Amber/Green): never guessed from data. */
  readonly stated?: boolean;
}

export interface Vocabulary {
  readonly id: string;
  readonly levels: readonly VocabularyLevel[];
  /**
   * Read from data, the scale is the levels the column uses, not the whole vocabulary: quality
   * words come in many sets ("Poor / Adequate / Good", "Fair / Good / Excellent").
   */
  readonly observedOnly?: boolean;
}

const level = (name: string, rank: number, aliases: string[], stated = false): VocabularyLevel => ({
  name,
  rank,
  aliases: [name, ...aliases].map(normaliseWord),
  stated,
});

/** In the order they are tried when a column's words fit two equally well. */
export const VOCABULARIES: readonly Vocabulary[] = [
  {
    id: "rag",
    levels: [
      level("Red", 1, ["r"]),
      level(
        "Red/Amber",
        1.5,
        ["amber/red", "red-amber", "amber-red", "red amber", "amber red"],
        true
      ),
      level("Amber", 2, ["a"]),
      level("Amber/Green", 2.5, ["green/amber", "amber-green", "green-amber", "amber green"], true),
      level("Green", 3, ["g"]),
      level("Blue", 4, ["b"], true),
      level("Complete", 4, ["completed"], true),
    ],
  },
  {
    id: "compliance",
    levels: [
      level("Not compliant", 1, [
        "non-compliant",
        "non compliant",
        "noncompliant",
        "not-compliant",
        "no compliance",
        "not complying",
        "does not comply",
        "not",
      ]),
      level("Partially compliant", 2, [
        "partly compliant",
        "part compliant",
        "partially-compliant",
        "partial compliance",
        "partially",
        "partly",
        "partial",
        "partly complies",
        "partially complies",
      ]),
      level("Largely compliant", 2.5, ["mostly compliant", "substantially compliant"], true),
      level("Fully compliant", 3, [
        "compliant",
        "fully-compliant",
        "full compliance",
        "fully",
        "full",
        "complies",
        "fully complies",
      ]),
    ],
  },
  {
    id: "met",
    levels: [
      level("Not met", 1, ["unmet", "not yet met"]),
      level("Partly met", 2, ["partially met", "part met", "part-met", "partly-met"]),
      level("Largely met", 2.5, ["mostly met", "substantially met"], true),
      level("Met", 3, ["fully met"]),
    ],
  },
  {
    id: "assurance",
    levels: [
      level("No", 1, ["no assurance", "none", "nil assurance", "nil"]),
      level("Limited", 2, ["limited assurance"]),
      level("Moderate", 2.5, ["moderate assurance"], true),
      level("Reasonable", 3, ["reasonable assurance"]),
      level("Significant", 3.5, ["significant assurance"], true),
      level("Substantial", 4, ["substantial assurance"]),
      level("Full", 5, ["full assurance"], true),
    ],
  },
  {
    id: "yes-partly-no",
    levels: [
      level("No", 1, ["n"]),
      level("Partly", 2, ["partially", "partial", "p", "in part", "part", "some"]),
      level("Yes", 3, ["y"]),
    ],
  },
  {
    id: "inspection",
    levels: [
      level("Inadequate", 1, []),
      level("Requires improvement", 2, [
        "requires improvement to be good",
        "needs improvement",
        "requires improvement",
      ]),
      level("Good", 3, []),
      level("Outstanding", 4, []),
    ],
  },
  {
    id: "quality",
    observedOnly: true,
    levels: [
      level("Poor", 1, ["unsatisfactory", "very poor"]),
      level("Weak", 2, []),
      level("Adequate", 3, ["fair", "satisfactory", "acceptable"]),
      level("Good", 4, []),
      level("Very good", 5, ["strong"]),
      level("Excellent", 6, ["outstanding", "exemplary"]),
    ],
  },
];

/**
 * An entry as it is compared: lower case, spaces folded, quotes and end punctuation dropped,
 * spaces around "/" and "-" closed up ("Amber / Green" is "amber/green", "Non - compliant" is
 * "non-compliant").
 */
export function normaliseWord(text: string): string {
  // Most entries ("Amber", "Partly met") are plain once lower-cased: nothing more to fold.
  const lower = text.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return lower
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u3000]+/g, " ")
    .replace(/^[\s"'\u2018\u2019\u201c\u201d(*]+|[\s"'\u2018\u2019\u201c\u201d)*.!?:;,]+$/g, "")
    .replace(/\s*([/-])\s*/g, "$1")
    .trim();
}

/** "N/A", "n/a", "NA", "Not applicable", "N/A - not a statutory body": the requirement does not apply. */
export function isNotApplicable(text: string): boolean {
  const t = normaliseWord(text);
  return /^(n\/a|n\.a|na|not applicable|not relevant|does not apply)(\b|$)/.test(t);
}

/** Every spelling of every level, to the levels it spells by vocabulary id: looked up for many cells. */
const SPELLINGS = new Map<string, Map<string, VocabularyLevel>>();
for (const v of VOCABULARIES)
  for (const l of v.levels)
    for (const alias of l.aliases) {
      const byVocabulary = SPELLINGS.get(alias) ?? new Map<string, VocabularyLevel>();
      if (!byVocabulary.has(v.id)) byVocabulary.set(v.id, l);
      SPELLINGS.set(alias, byVocabulary);
    }

/** Every vocabulary level an entry could be, by vocabulary id. */
function levelsOf(word: string): ReadonlyMap<string, VocabularyLevel> {
  return SPELLINGS.get(word) ?? new Map();
}

/** The rank of a word in a vocabulary, or undefined when the vocabulary does not have it. */
function rankIn(vocabulary: Vocabulary, word: string, stated: boolean): number | undefined {
  const w = normaliseWord(word);
  const head = headWord(w);
  for (const w2 of head === w ? [w] : [w, head])
    for (const l of vocabulary.levels) {
      if (l.stated && !stated) continue;
      if (l.aliases.includes(w2)) return l.rank;
    }
  return undefined;
}

/** "green-fully in place", "amber (see note": the level word before its explanation. */
function headWord(normalised: string): string {
  return /^([^-(:;,]+?)\s*(?:[-(:;,]|$)/.exec(normalised)?.[1].trim() ?? normalised;
}

/** A word as a council might state it in a key: its text, and a number or a description beside it. */
export interface StatedItem {
  readonly text: string;
  readonly number?: number;
  readonly description?: string;
}

/** A word scale: its levels worst first, and whether the levels also answer to numbers. */
export interface WordScale {
  readonly levels: readonly string[];
  /** Set when every level came with a number ("2 - Developing"): the numbers stand. */
  readonly numbers?: { readonly min: number; readonly max: number; readonly ascending: boolean };
}

/**
 * Words that say how good a level is, for ordering a stated list no vocabulary knows (maturity
 * words, quality words). Tried longest first; a negated phrase is bad.
 */
const SENTIMENT: readonly (readonly [RegExp, number])[] = [
  [
    /\b(not|non|no|never)[- ](in place|met|compliant|effective|embedded|achieved|adequate|started|evident|demonstrated)\b/,
    -2,
  ],
  [/\b(requires|needs?) improvement\b|\bsignificant (gaps?|weakness(es)?)\b/, -1],
  [
    /\b(excellent|outstanding|exemplary|leading|optimi[sz]ed|advanced|substantial|fully|strong|mature|embedded|very good|best|exceed(s|ed|ing)?|achieved|excelling|transformational)\b/,
    2,
  ],
  [
    /\b(good|established|effective|reasonable|adequate|satisfactory|met|compliant|yes|sound|managed|defined|green|on track|in place|proficient|competent)\b/,
    1,
  ],
  [
    /\b(developing|fair|moderate|partial|partly|partially|some|emerging|improving|amber|progressing|in progress)\b/,
    0,
  ],
  [/\b(limited|weak|basic|initial|ad hoc|minimal|beginning|starting|aware(ness)?)\b/, -1],
  [
    /\b(poor|inadequate|unsatisfactory|not|no|none|red|ineffective|failing|absent|unacceptable|non-?compliant)\b/,
    -2,
  ],
];

/** How good a text says a level is, from -2 (poor) to 2 (excellent); undefined when it does not say. */
export function sentimentOf(text: string): number | undefined {
  const t = text.toLowerCase();
  for (const [pattern, value] of SENTIMENT) if (pattern.test(t)) return value;
  return undefined;
}

/** The vocabulary that places the most of these words (stated ones allowed), with how many it placed. */
function bestVocabulary(
  words: readonly string[],
  stated: boolean
): { vocabulary: Vocabulary; placed: number } | undefined {
  let best: { vocabulary: Vocabulary; placed: number } | undefined;
  for (const vocabulary of VOCABULARIES) {
    const placed = words.filter((w) => rankIn(vocabulary, w, stated) !== undefined).length;
    if (placed > 0 && (!best || placed > best.placed)) best = { vocabulary, placed };
  }
  return best;
}

function distinctByLevel(items: readonly StatedItem[], key: (i: StatedItem) => string) {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = key(i);
    if (k === "" || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Puts a stated list in order, worst first: by number where every item has one (the direction
 * from what the ends say), by a known vocabulary where one places every item, else in the order
 * written, turned round when the words say it was written best first. Undefined for fewer than
 * two levels, and for words that do not say which is better.
 */
export function orderStated(raw: readonly StatedItem[]): WordScale | undefined {
  const items = distinctByLevel(
    raw.filter((i) => normaliseWord(i.text) !== "" && !isNotApplicable(i.text)),
    (i) => normaliseWord(i.text)
  );
  if (items.length < 2) return undefined;
  const say = (i: StatedItem) => sentimentOf(`${i.text} ${i.description ?? ""}`);
  if (items.every((i) => i.number !== undefined)) {
    const byNumber = [...items].sort((a, b) => a.number! - b.number!);
    const numbers = byNumber.map((i) => i.number!);
    if (new Set(numbers).size !== numbers.length) return undefined;
    const min = numbers[0];
    const max = numbers[numbers.length - 1];
    if (max - min + 1 !== numbers.length) return undefined;
    const ascending = orientation(byNumber.map(say)) >= 0;
    const worstFirst = ascending ? byNumber : [...byNumber].reverse();
    return { levels: worstFirst.map((i) => i.text), numbers: { min, max, ascending } };
  }
  const texts = items.map((i) => i.text);
  const fit = bestVocabulary(texts, true);
  if (fit && fit.placed === items.length) {
    const ranked = items.map((i) => ({ i, rank: rankIn(fit.vocabulary, i.text, true)! }));
    // Two spellings of one level ("Red", "R") keep the first.
    const byRank = new Map<number, StatedItem>();
    for (const r of ranked) if (!byRank.has(r.rank)) byRank.set(r.rank, r.i);
    // A key of letters ("G", "A", "R") names its levels in full.
    const named = (rank: number, i: StatedItem) =>
      i.text.trim().length <= 2
        ? (fit.vocabulary.levels.find((l) => l.rank === rank)?.name ?? i.text)
        : i.text;
    const levels = [...byRank.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([rank, i]) => named(rank, i));
    return levels.length >= 2 ? { levels } : undefined;
  }
  // Words no vocabulary knows make a scale only where they say how good each end is: a list of
  // field names or medal colours is not a rating scale, whatever order it is in.
  const said = items.map(say);
  if (said.filter((x) => x !== undefined).length < 2 || orientation(said) === 0) return undefined;
  const written = orientation(said) < 0 ? [...items].reverse() : items;
  return { levels: written.map((i) => i.text) };
}

/** Positive when the list gets better as it goes on, negative when it gets worse, 0 when it does not say. */
function orientation(sentiments: readonly (number | undefined)[]): number {
  let score = 0;
  const known = sentiments
    .map((s, i) => ({ s, i }))
    .filter((x): x is { s: number; i: number } => x.s !== undefined);
  for (let a = 0; a < known.length; a++)
    for (let b = a + 1; b < known.length; b++) score += Math.sign(known[b].s - known[a].s);
  return score;
}

/**
 * The word scale a column's entries come from, when nothing in the workbook states one: the
 * vocabulary that places most of the entries (by count), if it places at least `share` of them.
 * Levels are named as the column spells them where it does, else as the vocabulary does.
 */
export function scaleFromVocabulary(
  entries: ReadonlyMap<string, { count: number; text: string }>,
  share = 0.6
): WordScale | undefined {
  let total = 0;
  for (const e of entries.values()) total += e.count;
  if (total === 0) return undefined;
  let best: { vocabulary: Vocabulary; placed: number } | undefined;
  for (const vocabulary of VOCABULARIES) {
    let placed = 0;
    for (const [word, e] of entries)
      if (rankIn(vocabulary, word, false) !== undefined) placed += e.count;
    if (placed > 0 && (!best || placed > best.placed)) best = { vocabulary, placed };
  }
  if (!best || best.placed < total * share) return undefined;
  const { vocabulary } = best;
  // A level is named as the column spells it where the column spells it properly ("Non-compliant"),
  // else as the vocabulary does: not "NO", "g" or "partly".
  const spelling = new Map<number, { text: string; count: number }>();
  for (const [word, e] of entries) {
    const rank = rankIn(vocabulary, word, false);
    // Only an entry that is the level word itself names it: not "Green - on track".
    const exact = vocabulary.levels.some((l) => l.aliases.includes(word));
    if (rank === undefined || !exact || !/^[A-Z][a-z]/.test(e.text.trim())) continue;
    const known = spelling.get(rank);
    if (!known || e.count > known.count)
      spelling.set(rank, { text: e.text.trim(), count: e.count });
  }
  const levels = vocabulary.levels
    .filter((l) => !l.stated && (!vocabulary.observedOnly || spellingSeen(l)))
    .map((l) => spelling.get(l.rank)?.text ?? l.name);
  return levels.length >= 2 ? { levels } : undefined;

  function spellingSeen(l: VocabularyLevel): boolean {
    for (const word of entries.keys())
      if (l.aliases.includes(word) || l.aliases.includes(headWord(word))) return true;
    return false;
  }
}

/**
 * Matches an entry to a word scale's levels: its own spelling, or any spelling the vocabulary
 * that knows the levels gives the same level ("R" for "Red", "Non-compliant" for "Not
 * compliant"). Returns the level's index, worst first, or -1.
 */
export function levelMatcher(levels: readonly string[]): (entry: string) => number {
  const index = new Map<string, number>();
  levels.forEach((l, i) => {
    const w = normaliseWord(l);
    if (!index.has(w)) index.set(w, i);
  });
  const fit = bestVocabulary(levels, true);
  if (fit) {
    levels.forEach((l, i) => {
      const rank = rankIn(fit.vocabulary, l, true);
      const entry = fit.vocabulary.levels.find(
        (v) => v.rank === rank && v.aliases.includes(normaliseWord(l))
      );
      for (const alias of entry?.aliases ?? []) if (!index.has(alias)) index.set(alias, i);
    });
  }
  return (entry) => {
    const w = normaliseWord(entry);
    const direct = index.get(w);
    if (direct !== undefined) return direct;
    // "Green - fully in place", "Red (not met)": the level word first, its meaning after.
    const head = headWord(w);
    if (head !== w) {
      const h = index.get(head);
      if (h !== undefined) return h;
    }
    return -1;
  };
}

/**
 * Is this text a word some vocabulary rates with? Levels that only a key may define (Blue,
 * "Complete", Amber/Green) count only when `stated`: "Complete" down a column is an action's
 * progress unless a key says otherwise.
 */
export function isRatingWord(text: string, stated = false): boolean {
  for (const l of levelsOf(normaliseWord(text)).values()) if (stated || !l.stated) return true;
  return false;
}

/** The vocabulary id a word belongs to, when it belongs to exactly one (for tick-column headers). */
export function vocabulariesOf(text: string): string[] {
  return [...levelsOf(normaliseWord(text)).keys()];
}

/**
 * The levels a legend or header states inline: "RAG: Red = not in place; Amber = partly;
 * Green = in place", "(Substantial / Reasonable / Limited / No)", "Yes/Partly/No". Only words
 * of one vocabulary, at least two of its levels, in a text that reads as a key.
 */
export function statedInline(text: string): StatedItem[] | undefined {
  if (text.length > 400) return undefined;
  const lower = text.toLowerCase();
  const keyLike =
    /[=:/]|\bkey\b|\brating\b|\brag\b|\bscale\b|\blevels?\b|\bassess|\bscore\b|\bstatus\b|\bassurance\b|\bcompliance\b/.test(
      lower
    );
  if (!keyLike) return undefined;
  // Split into the pieces a key is written in: "Red = ...; Amber = ...", "A / B / C", "A, B or C";
  // "Amber/Green" on its own stays one piece; "Green/Amber/Red" is three.
  const pieces = lower
    .replace(/(?<![/\w-]\s*)(red|amber|green)\s*\/\s*(red|amber|green)\b(?!\s*\/)/g, "$1\u2044$2")
    .split(/[;,/|\n()]|\s(?:or|and)\s/)
    .map((p) =>
      p
        .replace(/^.*?:\s*/, "")
        .replace(/\u2044/g, "/")
        .trim()
    )
    .filter((p) => p !== "");
  let best: { items: StatedItem[]; ranks: number } | undefined;
  for (const vocabulary of VOCABULARIES) {
    const items: StatedItem[] = [];
    for (const piece of pieces) {
      const head = normaliseWord(piece.split(/\s*(?:=|\s-\s|:)\s*/)[0]);
      const words = head.split(" ");
      // A piece names a level when it is the level's spelling, or starts with one ("Green = met").
      let hit: string | undefined;
      for (let n = Math.min(4, words.length); n >= 1 && !hit; n--) {
        const candidate = words.slice(0, n).join(" ");
        if (candidate.length < 2 && words.length > 1) continue;
        if (rankIn(vocabulary, candidate, true) !== undefined) hit = candidate;
      }
      if (hit) items.push({ text: titleCase(hit), description: piece.slice(hit.length) });
    }
    const ranks = new Set(items.map((i) => rankIn(vocabulary, i.text, true)));
    // The vocabulary that places the most pieces: "Compliant? (Yes / Partly / No)" is Yes/Partly/No.
    if (ranks.size >= 2 && (!best || ranks.size > best.ranks)) best = { items, ranks: ranks.size };
  }
  return best?.items;
}

/** "amber/green" -> "Amber/Green", "not compliant" -> "Not compliant". */
function titleCase(text: string): string {
  return text.replace(/(^|\/)(\S)/g, (_m, before: string, ch: string) => before + ch.toUpperCase());
}
