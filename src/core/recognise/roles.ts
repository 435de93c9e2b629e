import { isRatingWord, statedInline } from "./word-scales";

/** What a column of a schedule holds, told from what its header says. */
export type ColumnRole =
  | "ref"
  | "requirement"
  | "evidence"
  | "score"
  | "previousScore"
  | "action"
  | "previousAction"
  | "progress"
  | "lead"
  | "targetDate"
  /** A column rated in words under a name other than "score": "RAG", "Compliant?", "Assurance level". */
  | "rating";

/** The columns that say what is assessed: a schedule has at least one of them beside its rating. */
export const ASSESSED_ROLES: readonly ColumnRole[] = ["requirement", "evidence", "action"];

/**
 * Names of a column rated in words that do not say "score": "RAG", "RAG status", "Compliant?",
 * "Level of assurance", "Maturity level", "Met / Partly met / Not met".
 */
const RATING_HEADER =
  /^(rag|r\/a\/g|brag)\b|\brag\b|^(current |overall )?(compliance|assurance|maturity|confidence) (level|rating|status|judge?ment|opinion)\s*\??$|^(level|degree) of (compliance|assurance|maturity|confidence)\b|^(compliant|complies|met|achieved|in place|embedded)\s*\?$|^(is|are|does|do|has|have)\b.{0,60}\b(met|compliant|comply|in place|achieved|embedded)\s*\??$|^(fully |partly |partially |not )?(met|compliant)\s*\/|\b(met|compliant|comply|in place|achieved|embedded)\s*\?$/;

/**
 * Names that are a rating only when the entries under them are rating words: a plain "Status"
 * or "Compliance" column is as often an action's progress or a note.
 */
const MAYBE_RATING_HEADER =
  /^(current |overall )?(status|position|judge?ment|conclusion|compliance|assurance|maturity|compliant|complies|achieved|in place|embedded)\s*\??$/;

/** Does a header name a column rated in words: surely (`"rating"`), or if its entries say so (`"maybe"`)? */
export function ratingHeader(text: string): "rating" | "maybe" | undefined {
  const t = text.toLowerCase().trim();
  if (t === "" || t.length > 100) return undefined;
  // "Met" or "Compliant" in a cell is an answer, not a header: a header asks ("Met?").
  if (!t.endsWith("?") && isRatingWord(t)) return undefined;
  if (RATING_HEADER.test(t)) return "rating";
  // "Compliance (Green/Amber/Red)", "Response (Yes / Partly / No)": the header states the levels.
  if (/[(:]/.test(t) && statedInline(t)) return "rating";
  if (MAYBE_RATING_HEADER.test(t)) return "maybe";
  return undefined;
}

/**
 * Tried in order: the first pattern that matches names the role. Order matters because headers
 * mix words: "Lead Officer for Improvement Actions" is a lead column, "Improvement Plans reported
 * for 2009/10 assessment" is last year's plan, "Behaviours and actions that demonstrate good
 * governance" is the requirement.
 */
const HEADER_PATTERNS: readonly (readonly [RegExp, ColumnRole])[] = [
  [
    /\b(last|previous|prior|old)\b.{0,20}\b(score|rating|assessment)s?\b|\b(score|rating)s?\b.{0,20}\b(last|previous|prior) (year|assessment)/,
    "previousScore",
  ],
  [/\bprogress\b|\bupdate on\b|\bposition at\b/, "progress"],
  [
    /\b(reported|previous|prior|last year'?s?|agreed last)\b.{0,40}\b(plans?|actions?|improvements?)\b|\b(plans?|actions?)\b.{0,40}\b(reported|last year|previous|prior)\b|\bfor \d{4}\/\d{2,4} assessment\b/,
    "previousAction",
  ],
  [/\blead\b|\bresponsib|\bowner|\baccountable\b|\bby whom\b|\bofficer\b|^who\b/, "lead"],
  [
    /\bby when\b|\bdeadline\b|\bdue\b|\btarget date\b|\btimescales?\b|\bdate\b|\bcompletion\b|\bwhen\b/,
    "targetDate",
  ],
  [
    /\bbehaviou?rs?\b|\brequirements?\b|\bshould reflect\b|\bcode should\b|\bcriteri(a|on)\b|\b(sub-?|supporting |core )?principles?\b|\bexpectations?\b|\bwhat good looks like\b|\bquestions?\b|\bkey lines of enquiry\b|\bstandards? to\b|^standards?$/,
    "requirement",
  ],
  [/\bscores?\b|\bratings?\b|\bself[- ]?assess|\bassessment\b|\bgrade\b/, "score"],
  [/\bactions?\b|\bimprovements?\b|\bplanned\b|\bnext steps\b|\bto do\b/, "action"],
  [
    /\bevidence\b|\bsources?\b|\bdocuments?\b|\bdemonstrat|\bcomment(s|ary)?\b|\bassurance\b|\bhow (is|are|we)\b|\bcurrent (position|arrangements)\b|\bcompliance\b/,
    "evidence",
  ],
  [/^(ref|ref\.|refs|reference|ref no\.?|no\.?|number|item|para|paragraph|#|id)$/, "ref"],
];

/** The role a header cell names, or `undefined` when it names none (or is too long to be a header). */
export function roleOfHeader(text: string): ColumnRole | undefined {
  const t = text.toLowerCase().trim();
  if (t === "" || t.length > 160) return undefined;
  for (const [pattern, role] of HEADER_PATTERNS) if (pattern.test(t)) return role;
  return undefined;
}
