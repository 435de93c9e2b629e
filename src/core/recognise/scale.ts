/** The scoring scale of a schedule: its range and which end is good. */
export interface Scale {
  readonly min: number;
  readonly max: number;
  /** `ascending`: higher is better (3 = good). `descending`: lower is better (1 = excellent). */
  readonly direction: "ascending" | "descending";
}

/** What a piece of text says about the scale; every part is optional. */
export interface ScaleHint {
  min?: number;
  max?: number;
  direction?: Scale["direction"];
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
  const pairs: { n: number; q: "good" | "poor" | undefined }[] = [];
  const pairPattern =
    /(?:^|[\s(,;])(\d{1,2})\s*(?:=|:|–|-\s(?=[a-z])|is\b|means\b)\s*([a-z][a-z ,'/]*?)(?=(?:,|;|\)|\band\b|\bor\b|\s\d{1,2}\s*(?:=|:|is\b))|$)/g;
  for (const m of text.matchAll(pairPattern)) pairs.push({ n: Number(m[1]), q: quality(m[2]) });
  // "1 (poor) to 4 (excellent)"
  for (const m of text.matchAll(/(?:^|[^\d.])(\d{1,2})\s*\(([a-z][a-z ,'/-]*)\)/g))
    pairs.push({ n: Number(m[1]), q: quality(m[2]) });
  if (pairs.length >= 2) {
    const ns = pairs.map((p) => p.n);
    hint.min = Math.min(...ns);
    hint.max = Math.max(...ns);
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
    hint.min !== undefined && hint.max !== undefined && /=|:|\bis\b|\bscale\b|\bto\b|-/.test(text)
  );
}

const COMMON_MAXIMA = [3, 4, 5, 10];

/**
 * Completes a scale from what the legend and header said and the whole numbers seen in the data.
 * A header cut short ("Score 1-") leaves the top open: the data decide it, rounded up to a usual
 * scale so that one stray value does not stretch it.
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
    let bottom = inData.length ? Infinity : 1;
    for (const n of inData) {
      if (n > top) top = n;
      if (n < bottom) bottom = n;
    }
    if (min === undefined) min = bottom <= 0 ? 0 : 1;
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
  return `${scale.min}-${scale.max} (${order})`;
}
