import type { Scale } from "./recognise/scale";
import { isNotApplicable, normaliseWord } from "./recognise/word-scales";

/** Per-schedule choices, keyed by schedule id (`Sheet!headerRow`) or by sheet name. */
export interface ScheduleOverride {
  /** Scores at this value or worse are weak. */
  weakThreshold?: number;
  scale?: Scale;
}

/**
 * When a section (or a return) is Red on the committee's paper. Amber is always "there are weak
 * scores and none of these applies"; Green "no weak scores". The key on the paper states the rule.
 */
export interface RagRule {
  /** Red where any score is at the worst level of its scale ("1 = not in place"). */
  redAtWorstLevel: boolean;
  /** Red where any weak score has no improvement action or no lead officer. */
  redWhenActionOrLeadMissing: boolean;
  /** Red where any weak score's target date has passed. */
  redWhenDatePassed: boolean;
  /** Red where any of last year's weak requirements is carried forward. */
  redWhenCarriedForward: boolean;
  /** Red where at least this percentage of the scored requirements is weak; null: not used. */
  redAtWeakShare: number | null;
}

export function defaultRagRule(): RagRule {
  return {
    redAtWorstLevel: true,
    redWhenActionOrLeadMissing: true,
    redWhenDatePassed: false,
    redWhenCarriedForward: false,
    redAtWeakShare: null,
  };
}

export interface Settings {
  readonly version: typeof SETTINGS_VERSION;
  /** Applies to every schedule unless a schedule override says otherwise (the CLI's --low). */
  weakThreshold?: number;
  /** Applies to every schedule unless a schedule override says otherwise (the CLI's --scale). */
  scale?: Scale;
  /** Entries that mean "no improvement action", compared without case or end punctuation. */
  actionPlaceholders: string[];
  /** Entries that mean "no lead officer". */
  leadPlaceholders: string[];
  schedules: Record<string, ScheduleOverride>;
  /** In Excel: an edit in a schedule checks it again about a second after typing stops. */
  checkAsYouType: boolean;
  /** In Excel: each finding's message is kept in a note on its cell. */
  problemNotes: boolean;
  /** When the committee summary calls a section Red. */
  rag: RagRule;
}

/**
 * 3: a scale may be a word scale (`levels`, worst first), the committee summary's RAG rule
 * (`rag`) is kept, and two choices for Excel (checkAsYouType, problemNotes). Version 2 settings
 * read unchanged, with the defaults for the rest; a govcheck that knows only version 2 refuses
 * version 3 rather than drop the words.
 */
export const SETTINGS_VERSION = 3;

// Words first, marks last: Settings shows the lists as they are, and a box that opens on "-",
// "--", "." reads as junk.
export const DEFAULT_ACTION_PLACEHOLDERS = [
  "n/a",
  "na",
  "n.a.",
  "none",
  "none identified",
  "nil",
  "no action",
  "no actions",
  "no action required",
  "no specific actions",
  "no specific actions identified",
  "not applicable",
  "tbc",
  "tba",
  "to be confirmed",
  "to follow",
  "-",
  "--",
  ".",
  "?",
];

export const DEFAULT_LEAD_PLACEHOLDERS = [
  "n/a",
  "na",
  "none",
  "nil",
  "tbc",
  "tba",
  "to be confirmed",
  "to be agreed",
  "unknown",
  "vacant",
  "-",
  "--",
  ".",
  "?",
];

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    actionPlaceholders: [...DEFAULT_ACTION_PLACEHOLDERS],
    leadPlaceholders: [...DEFAULT_LEAD_PLACEHOLDERS],
    schedules: {},
    checkAsYouType: true,
    problemNotes: false,
    rag: defaultRagRule(),
  };
}

export class SettingsError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readWhole(v: unknown, what: string, problems: string[]): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 100) return v;
  problems.push(`${what} must be a whole number from 0 to 100 (got ${JSON.stringify(v)}).`);
  return undefined;
}

/** The most levels a word scale may have, and the longest a level's name may be. */
export const MAX_LEVELS = 12;
const MAX_LEVEL_LENGTH = 60;

/**
 * A word scale's levels, worst first: at least two, at most twelve, each named once (case and
 * spacing aside), none longer than 60 characters, none "N/A" (which means not applicable).
 */
export function checkLevels(v: unknown, what: string, problems: string[]): string[] | undefined {
  if (!Array.isArray(v) || !v.every((w) => typeof w === "string")) {
    problems.push(`${what} must be a list of words, worst first.`);
    return undefined;
  }
  const levels = (v as string[]).map((w) => w.replace(/\s+/g, " ").trim()).filter((w) => w !== "");
  if (levels.length < 2 || levels.length > MAX_LEVELS) {
    problems.push(`${what} needs from 2 to ${MAX_LEVELS} levels (got ${levels.length}).`);
    return undefined;
  }
  const seen = new Set<string>();
  for (const l of levels) {
    const key = normaliseWord(l);
    if (l.length > MAX_LEVEL_LENGTH) {
      problems.push(
        `${what}: "${l.slice(0, 20)}..." is longer than ${MAX_LEVEL_LENGTH} characters.`
      );
      return undefined;
    }
    if (isNotApplicable(l)) {
      problems.push(`${what}: "${l}" means not applicable, so it cannot be a level.`);
      return undefined;
    }
    if (seen.has(key)) {
      problems.push(`${what}: "${l}" is given twice.`);
      return undefined;
    }
    seen.add(key);
  }
  return levels;
}

/** A word scale from its levels, worst first: level 1 is the worst. */
export function wordScale(levels: readonly string[]): Scale {
  return { min: 1, max: levels.length, direction: "ascending", levels: [...levels] };
}

export function checkScale(v: unknown, what: string, problems: string[]): Scale | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) {
    problems.push(`${what} must be an object with min, max and direction, or levels.`);
    return undefined;
  }
  if (v.levels !== undefined) {
    const levels = checkLevels(v.levels, `${what}.levels`, problems);
    return levels ? wordScale(levels) : undefined;
  }
  const min = readWhole(v.min, `${what}.min`, problems);
  const max = readWhole(v.max, `${what}.max`, problems);
  const direction = v.direction === undefined ? "ascending" : v.direction;
  if (direction !== "ascending" && direction !== "descending") {
    problems.push(`${what}.direction must be "ascending" or "descending".`);
    return undefined;
  }
  if (min === undefined || max === undefined) return undefined;
  if (min >= max) {
    problems.push(`${what}: the lowest score (${min}) must be below the highest (${max}).`);
    return undefined;
  }
  return { min, max, direction };
}

function readSwitch(v: unknown, what: string, fallback: boolean, problems: string[]): boolean {
  if (v === undefined || v === null) return fallback;
  if (typeof v === "boolean") return v;
  problems.push(`${what} must be true or false (got ${JSON.stringify(v)}).`);
  return fallback;
}

const RAG_SWITCHES = [
  "redAtWorstLevel",
  "redWhenActionOrLeadMissing",
  "redWhenDatePassed",
  "redWhenCarriedForward",
] as const;

/** The RAG rule as saved; each wrong part is reported and its default kept. */
export function readRagRule(v: unknown, problems: string[]): RagRule {
  const rule = defaultRagRule();
  if (v === undefined || v === null) return rule;
  if (!isRecord(v)) {
    problems.push("rag must be an object.");
    return rule;
  }
  for (const key of RAG_SWITCHES) {
    const value = v[key];
    if (value === undefined) continue;
    if (typeof value === "boolean") rule[key] = value;
    else problems.push(`rag.${key} must be true or false (got ${JSON.stringify(value)}).`);
  }
  if (v.redAtWeakShare !== undefined && v.redAtWeakShare !== null) {
    const share = v.redAtWeakShare;
    if (typeof share === "number" && Number.isInteger(share) && share >= 1 && share <= 100)
      rule.redAtWeakShare = share;
    else
      problems.push(
        `rag.redAtWeakShare must be a whole percentage from 1 to 100, or empty (got ${JSON.stringify(share)}).`
      );
  }
  return rule;
}

function readWords(v: unknown, what: string, fallback: string[], problems: string[]): string[] {
  if (v === undefined) return [...fallback];
  if (Array.isArray(v) && v.every((w) => typeof w === "string")) {
    return v.map((w: string) => w.trim()).filter((w) => w !== "");
  }
  problems.push(`${what} must be a list of words.`);
  return [...fallback];
}

type Saved = Record<string, unknown>;

/**
 * Version 1 settings in version 3's shape. Version 1 kept one `lowThreshold` for the whole workbook
 * and one `placeholders` list for both actions and leads, added to the defaults. Version 2 is
 * version 3 without word scales or a RAG rule, so it needs no change: where a field is absent, its
 * reader keeps the default.
 */
function fromVersion1(raw: Saved, problems: string[]): Saved {
  const words = readWords(raw.placeholders, "placeholders", [], problems);
  return {
    weakThreshold: readWhole(raw.lowThreshold, "lowThreshold", problems),
    actionPlaceholders: [...DEFAULT_ACTION_PLACEHOLDERS, ...words],
    leadPlaceholders: [...DEFAULT_LEAD_PLACEHOLDERS, ...words],
  };
}

function readOverrides(v: unknown, problems: string[]): Record<string, ScheduleOverride> {
  const out: Record<string, ScheduleOverride> = {};
  if (v === undefined) return out;
  if (!isRecord(v)) {
    problems.push("schedules must be an object keyed by schedule.");
    return out;
  }
  for (const [key, value] of Object.entries(v)) {
    if (!isRecord(value)) {
      problems.push(`schedules["${key}"] must be an object.`);
      continue;
    }
    out[key] = {
      weakThreshold: readWhole(value.weakThreshold, `schedules["${key}"].weakThreshold`, problems),
      scale: checkScale(value.scale, `schedules["${key}"].scale`, problems),
    };
  }
  return out;
}

/**
 * One reader per field of version 3: it checks the saved value, reports what is wrong and leaves the
 * default in place for an absent or wrong value. A new field is one more line here.
 */
const FIELD_READERS: readonly ((raw: Saved, settings: Settings, problems: string[]) => void)[] = [
  (raw, s, p) => {
    s.weakThreshold = readWhole(raw.weakThreshold, "weakThreshold", p);
  },
  (raw, s, p) => {
    s.scale = checkScale(raw.scale, "scale", p);
  },
  (raw, s, p) => {
    s.actionPlaceholders = readWords(
      raw.actionPlaceholders,
      "actionPlaceholders",
      DEFAULT_ACTION_PLACEHOLDERS,
      p
    );
  },
  (raw, s, p) => {
    s.leadPlaceholders = readWords(
      raw.leadPlaceholders,
      "leadPlaceholders",
      DEFAULT_LEAD_PLACEHOLDERS,
      p
    );
  },
  (raw, s, p) => {
    s.schedules = readOverrides(raw.schedules, p);
  },
  (raw, s, p) => {
    s.rag = readRagRule(raw.rag, p);
  },
  (raw, s, p) => {
    s.checkAsYouType = readSwitch(raw.checkAsYouType, "checkAsYouType", s.checkAsYouType, p);
  },
  (raw, s, p) => {
    s.problemNotes = readSwitch(raw.problemNotes, "problemNotes", s.problemNotes, p);
  },
];

/**
 * Reads settings saved by any version of govcheck: earlier versions are brought to version 3's
 * shape, then one set of readers checks every field. Unknown keys are ignored; wrong values are
 * reported and replaced by defaults, so a workbook with damaged settings still opens.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings = defaultSettings();
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw))
    return { settings, problems: ["Saved settings were not an object; defaults are used."] };
  const version = raw.version ?? 1;
  if (typeof version !== "number" || version > SETTINGS_VERSION) {
    problems.push(
      `Settings were saved by a newer govcheck (version ${String(version)}); defaults are used.`
    );
    return { settings, problems };
  }
  const saved = version === 1 ? fromVersion1(raw, problems) : raw;
  for (const read of FIELD_READERS) read(saved, settings, problems);
  return { settings, problems };
}

/**
 * Parses "1-5" (the CLI's --scale); "5-1" means 1 is best. Words separated by commas or "/"
 * ("Red,Amber,Green") are a word scale, worst first.
 */
export function parseScaleOption(text: string): Scale {
  const usage = `--scale takes MIN-MAX, such as 1-5, or words worst first, such as Red,Amber,Green (got "${text}").`;
  if (/[A-Za-z]/.test(text)) {
    const words = text.split(/[,/]/).filter((w) => w.trim() !== "");
    if (words.length < 2) throw new SettingsError(usage);
    const problems: string[] = [];
    const levels = checkLevels(words, "--scale", problems);
    if (!levels) throw new SettingsError(problems.join(" "));
    return wordScale(levels);
  }
  const m = /^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$/.exec(text);
  if (!m) throw new SettingsError(usage);
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a === b) throw new SettingsError(`--scale needs two different ends (got "${text}").`);
  return a < b
    ? { min: a, max: b, direction: "ascending" }
    : { min: b, max: a, direction: "descending" };
}

/** Compares an entry with the placeholder words, ignoring case, spaces and end punctuation. */
export function isPlaceholder(text: string, words: readonly string[]): boolean {
  const t = text.toLowerCase().replace(/\s+/g, " ").trim();
  if (t === "") return true;
  const bare = t.replace(/^[\s.,;:!*"'()]+|[\s.,;:!*"'()]+$/g, "");
  if (bare === "") return true;
  for (const w of words) {
    const word = w.toLowerCase().trim();
    if (t === word || bare === word) return true;
  }
  // "No specific actions but current standards to be maintained" states that nothing will be done.
  return /^(no (specific |further |new )?actions?\b|none (identified|required|planned)\b|nothing (identified|planned|further)\b)/.test(
    bare
  );
}

/**
 * isPlaceholder for one list of words, remembering its answers: a return repeats the same few
 * entries ("Head of Policy", "TBC") down thousands of rows.
 */
export function placeholderTest(words: readonly string[]): (text: string) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    let answer = known.get(text);
    if (answer === undefined) {
      answer = isPlaceholder(text, words);
      if (known.size < 10_000) known.set(text, answer);
    }
    return answer;
  };
}

/** What a schedule uses: the override for the schedule, then its sheet, then the workbook's. */
export function overrideFor(
  settings: Settings,
  scheduleId: string,
  sheet: string
): ScheduleOverride {
  const byId = settings.schedules[scheduleId] ?? {};
  const bySheet = settings.schedules[sheet] ?? {};
  return {
    weakThreshold: byId.weakThreshold ?? bySheet.weakThreshold ?? settings.weakThreshold,
    scale: byId.scale ?? bySheet.scale ?? settings.scale,
  };
}
