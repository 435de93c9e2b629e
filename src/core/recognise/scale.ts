/**
 * The scoring scale of a schedule: its range and which end is good. A scale rated in words also
 * names its levels, worst first; the levels are numbered from the worst end, so a threshold, a
 * distribution and `--low N` work on words as on numbers. A word scale of its own (RAG, Yes /
 * Partly / No) runs 1 = worst to N = best; a legend that numbers its words ("1 = Initial ... 4 =
 * Embedded") keeps its numbers and its direction.
 */
export interface Scale {
  readonly min: number;
  readonly max: number;
  /** `ascending`: higher is better (3 = good). `descending`: lower is better (1 = excellent). */
  readonly direction: "ascending" | "descending";
  /** Words for the levels, worst first: `levels.length` is `max - min + 1`. */
  readonly levels?: readonly string[];
  /** The levels answer to their numbers too ("2", "2 - Developing"); otherwise a number is not a rating. */
  readonly numbered?: boolean;
}

/** What a piece of text says about the scale; every part is optional. */
export interface ScaleHint {
  min?: number;
  max?: number;
  direction?: Scale["direction"];
  /** The words a legend gives each number ("1 = need to improve"), in its own spelling. */
  names?: Map<number, string>;
}

/** The number of level `index` (0 = worst) on a scale. */
export function levelNumber(scale: Scale, index: number): number {
  return scale.direction === "ascending" ? scale.min + index : scale.max - index;
}

/** The word for a number on a word scale, or undefined on a scale of numbers. */
export function levelName(scale: Scale, n: number): string | undefined {
  if (!scale.levels) return undefined;
  const index = scale.direction === "ascending" ? n - scale.min : scale.max - n;
  return scale.levels[index];
}

/**
 * A level as the committee's paper names it: the word on a scale of words ("Amber"), the number
 * and its word where a legend numbers its words ("2 Developing"), the number on a numeric scale.
 */
export function levelLabel(scale: Scale, n: number): string {
  const word = levelName(scale, n);
  if (word === undefined) return String(n);
  return scale.numbered ? `${n} ${word}` : word;
}

const GOOD_WORDS =
  /\b(good|excellent|outstanding|strong|fully|full|best|high|highest|compliant|met|effective|exemplary|embedded|green|very good|robust|mature)\b/;
const POOR_WORDS =
  /\b(poor|need(s)? (to )?improve|needs improvement|improvement required|weak|not met|inadequate|limited|none|no evidence|worst|low|lowest|red|unsatisfactory|non-?compliant|not (fully |yet )?(compliant|met|in place|effective|embedded)|ineffective|not in place|significant gaps?)\b/;

function quality(words: string): "good" | "poor" | undefined {
  // Poor is tried first: "not fully met" and "needs improvement" carry good-sounding words.
  if (POOR_WORDS.test(words)) return "poor";
  if (GOOD_WORDS.test(words)) return "good";
  return undefined;
}

/**
 * Reads a legend or header such as "self assessment score (1 = need to improve, 2 = adequate
 * and 3 = good)", "Score (1-5)", "Score 1-", "scored 1 to 4 where 1 is excellent and 4 is poor".
 */
export function scaleHintFromText(raw: string): ScaleHint {
  const text = raw.toLowerCase().replace(/[\u2013\u2014]/g, "-");
  const hint: ScaleHint = {};

  // "1 = need to improve, 2 = adequate and 3 = good", "1 - excellent", "4: poor"
  const pairs: { n: number; q: "good" | "poor" | undefined; name: string }[] = [];
  // The officer's own spelling of a level's word, from the same place in the original text.
  const spelt = (m: RegExpMatchArray, group: number) => {
    const start = (m.index ?? 0) + m[0].indexOf(m[group]);
    return raw.slice(start, start + m[group].length).trim();
  };
  const pairPattern =
    /(?:^|[\s(,;])(\d{1,2})\s*(?:=|:|–|-\s(?=[a-z])|is\b|means\b)\s*([a-z][a-z ,'/]*?)(?=(?:,|;|\)|\band\b|\bor\b|\s\d{1,2}\s*(?:=|:|is\b))|$)/g;
  for (const m of text.matchAll(pairPattern))
    pairs.push({ n: Number(m[1]), q: quality(m[2]), name: spelt(m, 2) });
  // "1 (poor) to 4 (excellent)"
  for (const m of text.matchAll(/(?:^|[^\d.])(\d{1,2})\s*\(([a-z][a-z ,'/-]*)\)/g))
    pairs.push({ n: Number(m[1]), q: quality(m[2]), name: spelt(m, 2) });
  if (pairs.length < 2) {
    // "6 Excellent, 5 Very good, 4 Good, 3 Adequate, 2 Weak, 1 Unsatisfactory": number first, no sign.
    const plain: typeof pairs = [];
    for (const m of text.matchAll(
      /(?:^|[,;:\n])\s*(\d{1,2})\s+([a-z][a-z '/-]{1,40}?)\s*(?=[,;\n]|$)/g
    ))
      plain.push({ n: Number(m[1]), q: quality(m[2]), name: spelt(m, 2) });
    // A numbered list of headings ("1 Purpose", "2 Summary") is not a scale: its words must rate.
    if (plain.length >= 3 && plain.filter((p) => p.q !== undefined).length >= 2)
      pairs.push(...plain);
  }
  if (pairs.length >= 2) {
    const ns = pairs.map((p) => p.n);
    hint.min = Math.min(...ns);
    hint.max = Math.max(...ns);
    hint.names = new Map();
    for (const p of pairs) if (!hint.names.has(p.n) && p.name) hint.names.set(p.n, p.name);
  }
  const lowEnd = pairs.filter((p) => p.n === hint.min && p.q !== undefined)[0];
  const highEnd = pairs.filter((p) => p.n === hint.max && p.q !== undefined)[0];
  if (lowEnd?.q === "good" || highEnd?.q === "poor") hint.direction = "descending";
  else if (lowEnd?.q === "poor" || highEnd?.q === "good") hint.direction = "ascending";

  // "where 1 is the highest", "5 being the best"
  const where =
    /\b(\d{1,2})\s*(?:is|being|=)\s*(?:the\s+)?(best|highest|excellent|strongest|worst|lowest|poorest|weakest)\b/.exec(
      text
    );

  // "1-5", "(1 - 10)", "1 to 4", "scale of 1-"
  const range = /(?:^|[^\d.])(\d{1,2})\s*(?:-|to)\s*(\d{1,3})?(?![\d./])/.exec(text);
  if (range && /score|scale|rating|assess|scor|grade|point/.test(text)) {
    const lo = Number(range[1]);
    const hi = range[2] === undefined ? undefined : Number(range[2]);
    if (hint.min === undefined && (hi === undefined || hi > lo) && lo <= 1) {
      hint.min = lo;
      if (hi !== undefined) hint.max = hi;
    }
  }
  if (where && hint.min !== undefined && hint.direction === undefined) {
    const n = Number(where[1]);
    const best = /best|highest|excellent|strongest/.test(where[2]);
    const isLowEnd = n === hint.min;
    hint.direction = best === isLowEnd ? "descending" : "ascending";
  }
  return hint;
}

/** Does the text state a scale (a legend), rather than merely mention a score? */
export function isLegend(text: string): boolean {
  const hint = scaleHintFromText(text);
  return (
    hint.min !== undefined &&
    hint.max !== undefined &&
    (/=|:|\bis\b|\bscale\b|\bto\b|-/.test(text) || (hint.names?.size ?? 0) >= 3)
  );
}

const COMMON_MAXIMA = [3, 4, 5, 6, 10];

/**
 * Completes a scale from what the legend and header said and the whole numbers seen in the data.
 * A header cut short ("Score 1-") leaves the top open: the data decide it, rounded up to a usual
 * scale (3, 4, 5, 6 or 10), and a stray value past 10 is out of range rather than stretching it.
 * The bottom is 1 unless zeros are common: one 0 on a 1-6 sheet is out of range, not a 0-6 scale.
 */
export function completeScale(hints: readonly ScaleHint[], observed: readonly number[]): Scale {
  let min: number | undefined;
  let max: number | undefined;
  let direction: Scale["direction"] | undefined;
  for (const h of hints) {
    if (min === undefined && h.min !== undefined && h.max !== undefined) {
      min = h.min;
      max = h.max;
    }
    if (direction === undefined && h.direction !== undefined) direction = h.direction;
  }
  if (min === undefined) {
    const open = hints.find((h) => h.min !== undefined);
    min = open?.min;
  }
  if (max === undefined) {
    const inData = observed.filter((n) => Number.isInteger(n) && n >= 0 && n <= 100);
    // A loop, not Math.max(...): a schedule can hold hundreds of thousands of scores.
    let top = inData.length ? -Infinity : 3;
    let topToTen = -Infinity;
    let pastTen = 0;
    let zeros = 0;
    for (const n of inData) {
      if (n > top) top = n;
      if (n > 10) pastTen++;
      else if (n > topToTen) topToTen = n;
      if (n === 0) zeros++;
    }
    // A few strays past 10 on a sheet otherwise scored to 10 or less are mistakes, not the scale.
    if (pastTen > 0 && topToTen > 0 && pastTen <= Math.max(1, inData.length * 0.1)) top = topToTen;
    if (min === undefined) min = zeros >= 2 && zeros >= inData.length * 0.1 ? 0 : 1;
    max = COMMON_MAXIMA.find((m) => m >= top && m > min!) ?? top;
  }
  return { min: min!, max: max!, direction: direction ?? "ascending" };
}

/**
 * The default weak threshold: the bottom half of the scale, on the scale's own terms. On a scale
 * with an odd number of points the middle one counts in the bottom half: 2 of 1-3 is weak (the
 * schedules' own example: "Score 2 is weak but has no lead officer" on a 1-3 dimension), 3 of 1-5.
 */
export function defaultWeakThreshold(scale: Scale): number {
  const half = Math.max(1, Math.ceil((scale.max - scale.min + 1) / 2));
  return scale.direction === "ascending" ? scale.min + half - 1 : scale.max - half + 1;
}

/** Is a valid score weak, at the threshold or worse? */
export function isWeak(score: number, threshold: number, scale: Scale): boolean {
  return scale.direction === "ascending" ? score <= threshold : score >= threshold;
}

export function describeScale(scale: Scale): string {
  const order = scale.direction === "ascending" ? `${scale.max} best` : `${scale.min} best`;
  if (scale.levels && !scale.numbered) return `${scale.levels.join(", ")} (worst to best)`;
  const numbers = `${scale.min}-${scale.max} (${order})`;
  if (!scale.levels) return numbers;
  return `${numbers}, in words ${scale.levels[0]} to ${scale.levels[scale.levels.length - 1]}`;
}

/**
 * Where weakness starts, as an officer reads the scale: "3 or lower", "3 or higher" (1 best),
 * "Amber or worse" on a scale of words.
 */
export function weakAt(scale: Scale, weakThreshold: number): string {
  if (scale.levels && !scale.numbered) return `${levelLabel(scale, weakThreshold)} or worse`;
  const worse = scale.direction === "ascending" ? "or lower" : "or higher";
  return `${levelLabel(scale, weakThreshold)} ${worse}`;
}

/** The levels allowed, for a message: "Red, Amber or Green", "a whole number from 1 to 5". */
export function allowedOnScale(scale: Scale): string {
  if (scale.levels && !scale.numbered) {
    const l = scale.levels;
    return l.length === 1 ? l[0] : `${l.slice(0, -1).join(", ")} or ${l[l.length - 1]}`;
  }
  return `a whole number from ${scale.min} to ${scale.max}`;
}
