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
  | "targetDate";

export const COLUMN_ROLES: readonly ColumnRole[] = [
  "ref",
  "requirement",
  "evidence",
  "score",
  "previousScore",
  "action",
  "previousAction",
  "progress",
  "lead",
  "targetDate",
];

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
    /\bbehaviou?rs?\b|\brequirements?\b|\bshould reflect\b|\bcode should\b|\bcriteri(a|on)\b|\b(sub-?|supporting |core )?principles?\b|\bexpectations?\b|\bwhat good looks like\b|\bquestions?\b|\bkey lines of enquiry\b|\bstandards? to\b/,
    "requirement",
  ],
  [/\bscores?\b|\bratings?\b|\bself[- ]?assess|\bassessment\b|\bgrade\b/, "score"],
  [/\bactions?\b|\bimprovements?\b|\bplanned\b|\bnext steps\b|\bto do\b/, "action"],
  [
    /\bevidence\b|\bsources?\b|\bdocuments?\b|\bdemonstrat|\bcomments?\b|\bassurance\b|\bhow (is|are|we)\b|\bcurrent (position|arrangements)\b|\bcompliance\b/,
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
