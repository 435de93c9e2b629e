import { targetText } from "../dates";
import { EXCEPTION_ORDER, type ExceptionRule, exceptionRules } from "../facts/exceptions";
import { type LastYearRecord, normaliseText } from "../facts/last-year";
import type { RecordFacts, Travel } from "../facts/record-facts";
import { a1, cellText } from "../grid";
import { type Scale, levelLabel } from "../recognise/scale";
import type { ScoredRecord } from "../rules/context";
import { type RagRule, type Settings, defaultRagRule } from "../settings";
import type { ScoredWorkbook } from "../validate";
import { sectionHead, sectionLabel } from "./labels";
import { scaleKey, scaleLevels, worstLevel } from "./levels";

export type Rag = "red" | "amber" | "green";

/** Where a requirement is: its return, sheet, score cell, section, ref and text. */
export interface RequirementPlace {
  readonly source: string;
  readonly sheet: string;
  readonly cell: string;
  readonly section: string;
  readonly ref: string;
  readonly requirement: string;
}

/** One row of the Action Plan: a weak score, or any requirement with an exception. */
export interface ActionItem extends RequirementPlace {
  /** This year's score where it is valid (on a word scale, its level's number), else null. */
  readonly score: number | null;
  /** On a word scale, the score's level as the paper names it ("Amber"); null on a numeric scale. */
  readonly level: string | null;
  /** What the score cell holds, as text ("TBC", "6", "" when empty). */
  readonly entered: string;
  readonly weak: boolean;
  /** Last year's score (on last year's scale), where there was one. */
  readonly lastYear: number | null;
  /** Last year's level name on a word scale ("Red"), where there was one. */
  readonly lastYearLevel: string | null;
  readonly travel: Travel | null;
  /** "" where there is none (empty, or a placeholder such as "n/a"). */
  readonly action: string;
  /** "" where nobody is named. */
  readonly lead: string;
  readonly targetDate: string;
  /** The rules this requirement breaks; each is a finding the pane lists too. */
  readonly rules: readonly ExceptionRule[];
}

/** Counts for a section, a group of sections, or a whole return. */
export interface Tally {
  /** Every requirement, those marked "N/A" included. */
  requirements: number;
  /** Requirements marked "N/A": counted here, never as invalid, weak or in an exception. */
  notApplicable: number;
  scored: number;
  /** Sum of the valid scores (on a word scale, of its level numbers). */
  total: number;
  /** Count of valid scores at each level of the scale, worst first. */
  levels: number[];
  /** The worst valid score, following the scale's direction; null when none is valid. */
  worst: number | null;
  atWorstLevel: number;
  weak: number;
  weakNoAction: number;
  weakNoLead: number;
  datePassed: number;
  carriedForward: number;
  /** Requirements with at least one exception (a finding on the paper). */
  exceptions: number;
  /** Sum and count of where last year's scores sat on their scales (0 worst, 1 best). */
  lastYearPositions: number;
  lastYearScored: number;
  /** Sum of where this year's valid scores sit on the scale. */
  positions: number;
  /** Whether there is anything to compare with (last year's workbook or column). */
  compared: boolean;
}

export interface SectionSummary extends Readonly<Omit<Tally, "levels">> {
  /** The section's full title; for a row of aggregated sections, their shared heading. */
  readonly section: string;
  /** A short label for charts ("Principle A"). */
  readonly label: string;
  /** Sections this row stands for (1 unless sections were aggregated). */
  readonly sections: number;
  /** Returns this row draws on (1 for a single return). */
  readonly returns: number;
  readonly levels: readonly number[];
  readonly mean: number | null;
  /** Last year's mean for these requirements, on this year's scale; null without one. */
  readonly lastYearMean: number | null;
  readonly travel: Travel | null;
  readonly rag: Rag;
}

/** The sections of one schedule (one return), or of schedules on one scale across returns. */
export interface SectionGroup {
  /** The schedule's title in full (for a consolidated group, the title most returns use). */
  readonly title: string;
  /** Where it is: "Local Code 2025-26" (a sheet), or "12 returns". */
  readonly where: string;
  readonly scale: Scale;
  /** The weak threshold, where every schedule in the group shares it. */
  readonly weakThreshold: number | null;
  readonly sections: readonly SectionSummary[];
  /** The group as a whole. */
  readonly total: SectionSummary;
  /** Sections were grouped by their heading ("Principle A") to keep the paper short. */
  readonly aggregated: boolean;
}

/** One return of a consolidated summary. */
export interface ReturnSummary {
  readonly source: string;
  readonly schedules: number;
  readonly tally: Readonly<Tally>;
  readonly travel: Travel | null;
  readonly rag: Rag;
}

export interface ScheduleSummary {
  readonly source: string;
  readonly sheet: string;
  readonly title: string;
  readonly scale: Scale;
  readonly weakThreshold: number;
}

export interface TravelCounts {
  up: number;
  down: number;
  same: number;
  new: number;
}

export interface CommitteeSummary {
  readonly sources: readonly string[];
  readonly made: Date;
  /** The day target dates were judged against. */
  readonly asAt: Date;
  readonly rule: RagRule;
  readonly schedules: readonly ScheduleSummary[];
  readonly groups: readonly SectionGroup[];
  /** One per return, for a consolidated summary (empty for one return). */
  readonly returns: readonly ReturnSummary[];
  /** Every weak score and every requirement with an exception, in the Action Plan's order. */
  readonly actions: readonly ActionItem[];
  /** The actions that have exceptions, the most serious first. */
  readonly exceptions: readonly ActionItem[];
  /** Exceptions that follow up last year: carried forward, or last year's action without progress. */
  readonly carriedForward: readonly ActionItem[];
  /** Requirements that apply: every requirement but those marked "N/A". */
  readonly requirements: number;
  /** Requirements marked "N/A". */
  readonly notApplicable: number;
  /** Requirements whose score is valid and not weak: "on track". */
  readonly aboveThreshold: number;
  /** Requirements by direction of travel; null where nothing was compared. */
  readonly travel: TravelCounts | null;
  /**
   * What was given but not read, so not in these figures: a return in which no schedule was read
   * ("cover.xlsx"), or a sheet that looks like a schedule but could not be read ("sheet 'Key'",
   * "sheet 'Key' of b.xlsx" across several returns). Never a silent pass on the paper either.
   */
  readonly notRead: readonly string[];
  /** Last year's workbooks, where given: the file names (one per return) and what was not found. */
  readonly lastYear: {
    readonly sources: readonly string[];
    readonly matched: number;
    readonly removed: readonly (LastYearRecord & { readonly source: string })[];
  } | null;
}

export interface SummaryInput {
  /** The file the return came from (a name to show); "" for the open workbook. */
  readonly source: string;
  /** Its schedules as scored (a full validation result will do). */
  readonly result: ScoredWorkbook;
  readonly settings: Settings;
}

export interface SummaryOptions {
  /** Rows a section table may take before its sections are aggregated. */
  readonly maxSectionRows?: number;
}

const MAX_SECTION_ROWS = 20;

function emptyTally(levels: number): Tally {
  return {
    requirements: 0,
    notApplicable: 0,
    scored: 0,
    total: 0,
    levels: new Array<number>(levels).fill(0),
    worst: null,
    atWorstLevel: 0,
    weak: 0,
    weakNoAction: 0,
    weakNoLead: 0,
    datePassed: 0,
    carriedForward: 0,
    exceptions: 0,
    lastYearPositions: 0,
    lastYearScored: 0,
    positions: 0,
    compared: false,
  };
}

/** Adds the counts that mean the same on any scale (not the scores themselves). */
function addCounts(into: Tally, from: Readonly<Tally>): void {
  into.requirements += from.requirements;
  into.notApplicable += from.notApplicable;
  into.scored += from.scored;
  into.atWorstLevel += from.atWorstLevel;
  into.weak += from.weak;
  into.weakNoAction += from.weakNoAction;
  into.weakNoLead += from.weakNoLead;
  into.datePassed += from.datePassed;
  into.carriedForward += from.carriedForward;
  into.exceptions += from.exceptions;
  into.lastYearPositions += from.lastYearPositions;
  into.lastYearScored += from.lastYearScored;
  into.positions += from.positions;
  into.compared ||= from.compared;
}

/** Adds a tally on the same scale: the counts, and the scores' total, levels and worst. */
function addTally(into: Tally, from: Readonly<Tally>, scale: Scale): void {
  addCounts(into, from);
  into.total += from.total;
  from.levels.forEach((n, i) => (into.levels[i] = (into.levels[i] ?? 0) + n));
  if (from.worst !== null)
    into.worst = into.worst === null ? from.worst : worse(scale, into.worst, from.worst);
}

function worse(scale: Scale, a: number, b: number): number {
  return scale.direction === "ascending" ? Math.min(a, b) : Math.max(a, b);
}

/** RAG by the rule in force (see RagRule); the key on the paper states the same rule. */
export function ragOf(t: Readonly<Tally>, rule: RagRule): Rag {
  if (t.weak === 0) return "green";
  const red =
    (rule.redAtWorstLevel && t.atWorstLevel > 0) ||
    (rule.redWhenActionOrLeadMissing && t.weakNoAction + t.weakNoLead > 0) ||
    (rule.redWhenDatePassed && t.datePassed > 0) ||
    (rule.redWhenCarriedForward && t.carriedForward > 0) ||
    (rule.redAtWeakShare !== null &&
      t.scored > 0 &&
      (100 * t.weak) / t.scored >= rule.redAtWeakShare);
  return red ? "red" : "amber";
}

/** A mean on the scale's own numbers, from the mean position (0 worst, 1 best). */
function fromPosition(position: number, scale: Scale): number {
  const span = scale.max - scale.min;
  return scale.direction === "ascending"
    ? scale.min + position * span
    : scale.max - position * span;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Up or down as the means read on the paper (to two places), following the scale's direction. */
function meanTravel(t: Readonly<Tally>, scale: Scale): Travel | null {
  if (!t.compared || t.scored === 0) return null;
  if (t.lastYearScored === 0) return "new";
  const now = round2(fromPosition(t.positions / t.scored, scale));
  const before = round2(fromPosition(t.lastYearPositions / t.lastYearScored, scale));
  if (now === before) return "same";
  return now > before === (scale.direction === "ascending") ? "up" : "down";
}

function sectionOf(
  t: Readonly<Tally>,
  scale: Scale,
  rule: RagRule,
  section: string,
  label: string,
  sections: number,
  returns: number
): SectionSummary {
  return {
    ...t,
    levels: [...t.levels],
    section,
    label,
    sections,
    returns,
    mean: t.scored ? t.total / t.scored : null,
    lastYearMean: t.lastYearScored
      ? fromPosition(t.lastYearPositions / t.lastYearScored, scale)
      : null,
    travel: meanTravel(t, scale),
    rag: ragOf(t, rule),
  };
}

interface SectionAcc {
  readonly section: string;
  readonly label: string;
  readonly tally: Tally;
  readonly returns: Set<number>;
  sections: number;
}

interface GroupAcc {
  readonly key: string;
  readonly scale: Scale;
  readonly titles: Map<string, number>;
  readonly wheres: Set<string>;
  readonly thresholds: Set<number>;
  readonly sections: Map<string, SectionAcc>;
  readonly returns: Set<number>;
}

/** Counts one scored requirement into a tally. */
function count(
  t: Tally,
  s: ScoredRecord,
  f: RecordFacts,
  scale: Scale,
  worstScore: number,
  levelIndex: (v: number) => number,
  exceptions: number
): void {
  t.requirements++;
  if (exceptions) t.exceptions++;
  if (f.travel !== null) t.compared = true;
  // Last year's mean takes every requirement that had a score then, as this year's takes every
  // requirement scored now: the two means the paper prints are the two that are compared.
  if (f.lastYear?.position !== null && f.lastYear?.position !== undefined) {
    t.lastYearPositions += f.lastYear.position;
    t.lastYearScored++;
  }
  if (s.score.kind === "notApplicable") t.notApplicable++;
  if (!s.valid || s.score.kind !== "number") return;
  const v = s.score.value;
  t.scored++;
  t.total += v;
  t.positions += scale.max === scale.min ? 1 : positionOf(v, scale);
  t.levels[levelIndex(v)]++;
  t.worst = t.worst === null ? v : worse(scale, t.worst, v);
  if (v === worstScore) t.atWorstLevel++;
  if (!s.weak) return;
  t.weak++;
  if (f.noAction) t.weakNoAction++;
  if (f.noLead) t.weakNoLead++;
  if (f.datePassed) t.datePassed++;
  if (f.carriedForward) t.carriedForward++;
}

function positionOf(v: number, scale: Scale): number {
  const up = (v - scale.min) / (scale.max - scale.min);
  return scale.direction === "ascending" ? up : 1 - up;
}

/** The committee's view of one or more checked returns: sections, RAG, action plan, exceptions. */
export function buildSummary(
  inputs: readonly SummaryInput[],
  made: Date,
  options: SummaryOptions = {}
): CommitteeSummary {
  const rule = inputs[0]?.settings.rag ?? defaultRagRule();
  const several = inputs.length > 1;
  const maxRows = options.maxSectionRows ?? MAX_SECTION_ROWS;
  const schedules: ScheduleSummary[] = [];
  const groups = new Map<string, GroupAcc>();
  const returnTallies: { tally: Tally; scale: Scale | null; schedules: number }[] = [];
  const actions: ActionItem[] = [];
  const travel: TravelCounts = { up: 0, down: 0, same: 0, new: 0 };
  let compared = false;
  let requirements = 0;
  let notApplicable = 0;
  let aboveThreshold = 0;

  inputs.forEach(({ source, result }, inputIndex) => {
    // A return's tally keeps positions on the scale (0 worst, 1 best) and no score totals or
    // levels: its schedules may use different scales.
    const own = { tally: emptyTally(0), scale: null as Scale | null, schedules: 0 };
    returnTallies.push(own);
    for (const checked of result.schedules) {
      const { schedule, scale, weakThreshold, scored, facts } = checked;
      schedules.push({
        source,
        sheet: schedule.sheet,
        title: schedule.title,
        scale,
        weakThreshold,
      });
      own.schedules++;
      own.scale = own.scale === null ? scale : own.scale;
      const levels = scaleLevels(scale);
      const indexOf = new Map(levels.map((l, i) => [l.value, i]));
      const levelIndex = (v: number) => indexOf.get(v)!;
      const worstScore = worstLevel(scale);
      const groupKey = several ? scaleKey(scale) : `${inputIndex}|${schedule.id}`;
      let group = groups.get(groupKey);
      if (!group) {
        group = {
          key: groupKey,
          scale,
          titles: new Map(),
          wheres: new Set(),
          thresholds: new Set(),
          sections: new Map(),
          returns: new Set(),
        };
        groups.set(groupKey, group);
      }
      group.titles.set(schedule.title, (group.titles.get(schedule.title) ?? 0) + 1);
      group.wheres.add(schedule.sheet);
      group.thresholds.add(weakThreshold);
      group.returns.add(inputIndex);
      const scheduleTally = emptyTally(levels.length);

      const hasLead = schedule.columns.lead !== undefined;
      const scoreColumn = schedule.columns.score!;
      // One lookup per section, not per requirement: a schedule can hold thousands of sections.
      let lastSection: string | undefined;
      let acc: SectionAcc | undefined;
      for (let i = 0; i < scored.length; i++) {
        const s = scored[i];
        const f = facts[i];
        const r = s.record;
        if (r.section !== lastSection || !acc) {
          lastSection = r.section;
          const name = r.section || schedule.title;
          const key = several ? normaliseText(name) : r.section;
          acc = group.sections.get(key);
          if (!acc) {
            acc = {
              section: name,
              label: sectionLabel(r.section, schedule.title),
              tally: emptyTally(levels.length),
              returns: new Set(),
              sections: 1,
            };
            group.sections.set(key, acc);
          }
          acc.returns.add(inputIndex);
        }
        const rules = exceptionRules(s, f);
        count(acc.tally, s, f, scale, worstScore, levelIndex, rules.length);
        count(scheduleTally, s, f, scale, worstScore, levelIndex, rules.length);
        if (s.score.kind === "notApplicable") {
          notApplicable++;
          continue;
        }
        requirements++;
        if (f.travel !== null) {
          compared = true;
          travel[f.travel]++;
        }
        if (s.valid && !s.weak) {
          aboveThreshold++;
          if (rules.length === 0) continue;
        }
        const valid = s.valid && s.score.kind === "number";
        // Objects written out in full, each of one shape: a hundred thousand of them are sorted
        // and read again by each renderer.
        actions.push({
          source,
          sheet: schedule.sheet,
          cell: a1(r.scoreRow, scoreColumn),
          section: r.section,
          ref: r.ref,
          requirement: r.requirement,
          score: valid && s.score.kind === "number" ? s.score.value : null,
          level:
            valid && s.score.kind === "number" && scale.levels
              ? levelLabel(scale, s.score.value)
              : null,
          entered: cellText(r.score),
          weak: s.weak,
          lastYear: f.lastYear?.score ?? null,
          lastYearLevel: f.lastYear?.level ?? null,
          travel: f.travel,
          action: !s.weak || !f.noAction ? r.action : "",
          lead: hasLead && !(s.weak && f.noLead) ? r.lead : "",
          targetDate: targetText(r.targetDate),
          rules,
        });
      }
      // The return's tally in positions: its schedules may use different scales.
      addCounts(own.tally, scheduleTally);
    }
  });

  const sectionGroups = [...groups.values()].map((g) =>
    finishGroup(g, rule, several, inputs.length, maxRows)
  );
  const returns: ReturnSummary[] = several
    ? inputs.map((input, i) => {
        const { tally, schedules: n } = returnTallies[i];
        const unit: Scale = { min: 0, max: 1, direction: "ascending" };
        return {
          source: input.source,
          schedules: n,
          tally,
          travel: meanTravel(tally, unit),
          rag: ragOf(tally, rule),
        };
      })
    : [];

  sortActionPlan(actions);
  const exceptions = actions.filter((a) => a.rules.length > 0);
  sortExceptions(exceptions, schedules);
  const carriedForward = exceptions.filter(
    (a) => a.rules.includes("carried-forward") || a.rules.includes("progress-missing")
  );
  const given = inputs.filter((i) => i.result.lastYear);
  const first = inputs[0]?.result;
  return {
    sources: inputs.map((i) => i.source),
    made,
    asAt: first?.asAt ?? made,
    rule,
    schedules,
    groups: sectionGroups,
    returns,
    actions,
    exceptions,
    carriedForward,
    requirements,
    notApplicable,
    aboveThreshold,
    travel: compared ? travel : null,
    notRead: notReadIn(inputs),
    lastYear: given.length
      ? {
          sources: given.map((i) => i.result.lastYear!.source),
          matched: given.reduce((n, i) => n + i.result.lastYear!.matched, 0),
          removed: given.flatMap((i) =>
            i.result.lastYear!.removed.map((r) => ({ ...r, source: i.source }))
          ),
        }
      : null,
  };
}

function notReadIn(inputs: readonly SummaryInput[]): string[] {
  const several = inputs.length > 1;
  return inputs.flatMap(({ source, result }) => {
    const name = source || "this workbook";
    if (result.schedules.length === 0) return [name];
    const sheets = [
      ...new Set([
        ...result.unread.map((u) => u.schedule.sheet),
        ...result.unreadSheets.map((m) => m.sheet),
      ]),
    ];
    return sheets.map((sheet) => `sheet '${sheet}'${several ? ` of ${name}` : ""}`);
  });
}

function finishGroup(
  g: GroupAcc,
  rule: RagRule,
  several: boolean,
  returns: number,
  maxRows: number
): SectionGroup {
  const levels = scaleLevels(g.scale).length;
  let rows = [...g.sections.values()];
  let aggregated = false;
  if (rows.length > maxRows) {
    // Many sections: one row per heading ("Principle A" over its numbered sections).
    aggregated = true;
    const byHead = new Map<string, SectionAcc>();
    for (const r of rows) {
      const head = sectionHead(r.section) ?? r.label;
      let into = byHead.get(head);
      if (!into) {
        into = {
          section: head,
          label: head,
          tally: emptyTally(levels),
          returns: new Set(),
          sections: 0,
        };
        byHead.set(head, into);
      }
      addTally(into.tally, r.tally, g.scale);
      for (const x of r.returns) into.returns.add(x);
      into.sections += r.sections;
    }
    rows = [...byHead.values()];
    if (rows.length > maxRows) {
      // Still too many: the ones most in need of attention, and the rest as one row.
      const attention = (a: SectionAcc) => {
        const rag = ragOf(a.tally, rule);
        const mean = a.tally.scored ? a.tally.positions / a.tally.scored : 1;
        return (rag === "red" ? 0 : rag === "amber" ? 1 : 2) + mean / 2;
      };
      const ranked = [...rows].sort((a, b) => attention(a) - attention(b));
      const kept = new Set(ranked.slice(0, maxRows - 1));
      const rest: SectionAcc = {
        section: "",
        label: "",
        tally: emptyTally(levels),
        returns: new Set(),
        sections: 0,
      };
      for (const r of rows) {
        if (kept.has(r)) continue;
        addTally(rest.tally, r.tally, g.scale);
        for (const x of r.returns) rest.returns.add(x);
        rest.sections += r.sections;
      }
      const label = `Other sections (${rest.sections.toLocaleString("en-GB")})`;
      rows = [
        ...rows.filter((r) => kept.has(r)),
        { ...rest, section: `${label}: all sections not listed above`, label },
      ];
    }
  }
  const total = emptyTally(levels);
  const all = new Set<number>();
  for (const r of g.sections.values()) {
    addTally(total, r.tally, g.scale);
    for (const x of r.returns) all.add(x);
  }
  const titles = [...g.titles.entries()].sort((a, b) => b[1] - a[1]);
  const thresholds = [...g.thresholds];
  const where = several ? `${g.returns.size} of ${returns} returns` : [...g.wheres].join(", ");
  return {
    title: titles[0]?.[0] ?? "",
    where,
    scale: g.scale,
    weakThreshold: thresholds.length === 1 ? thresholds[0] : null,
    sections: rows.map((r) =>
      sectionOf(
        r.tally,
        g.scale,
        rule,
        r.section,
        aggregated && r.sections > 1 && !r.label.startsWith("Other")
          ? `${r.label} (${r.sections.toLocaleString("en-GB")})`
          : r.label,
        r.sections,
        r.returns.size
      )
    ),
    total: sectionOf(
      total,
      g.scale,
      rule,
      "All sections",
      "All sections",
      g.sections.size,
      all.size
    ),
    aggregated,
  };
}

const RULE_RANK = new Map(EXCEPTION_ORDER.map((r, i) => [r, i]));

/** The most serious exception first; then in the order of the returns and their sheets. */
function sortExceptions(items: ActionItem[], schedules: readonly ScheduleSummary[]): void {
  const sheetRank = new Map<string, number>();
  schedules.forEach((s, i) => {
    const k = `${s.source}\u0000${s.sheet}`;
    if (!sheetRank.has(k)) sheetRank.set(k, i);
  });
  const keyed = items.map((a) => {
    let rank = EXCEPTION_ORDER.length;
    for (const r of a.rules) rank = Math.min(rank, RULE_RANK.get(r)!);
    const m = /(\d+)$/.exec(a.cell);
    return {
      a,
      rank,
      sheet: sheetRank.get(`${a.source}\u0000${a.sheet}`) ?? 0,
      row: m ? Number(m[1]) : 0,
    };
  });
  keyed.sort((x, y) => x.rank - y.rank || x.sheet - y.sheet || x.row - y.row);
  for (let i = 0; i < keyed.length; i++) items[i] = keyed[i].a;
}

/**
 * Those lacking an action or a lead first, then by lead officer (none named last), section and ref,
 * in the order a reader expects ("R2" before "R10"). Each distinct lead and section is ranked once,
 * so an action plan of a hundred thousand rows sorts on numbers; refs are compared only within a
 * lead's section, where they are few.
 */
function sortActionPlan(actions: ActionItem[]): void {
  const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
  const rank = (values: Iterable<string>) => {
    const sorted = [...new Set(values)].sort(collator.compare);
    const ranks = new Map<string, number>();
    // Texts the collator calls equal ("HEAD of policy", "Head of Policy") share a rank.
    sorted.forEach((v, i) =>
      ranks.set(
        v,
        i > 0 && collator.compare(sorted[i - 1], v) === 0 ? ranks.get(sorted[i - 1])! : i
      )
    );
    return ranks;
  };
  const leads = rank(actions.map((a) => a.lead).filter((l) => l !== ""));
  const sections = rank(actions.map((a) => a.section));
  const keyed = actions.map((a) => ({
    a,
    missing:
      a.rules.includes("low-score-no-action") || a.rules.includes("low-score-no-lead") ? 0 : 1,
    lead: a.lead === "" ? leads.size : leads.get(a.lead)!,
    section: sections.get(a.section)!,
  }));
  keyed.sort(
    (x, y) =>
      x.missing - y.missing ||
      x.lead - y.lead ||
      x.section - y.section ||
      collator.compare(x.a.ref, y.a.ref)
  );
  for (let i = 0; i < keyed.length; i++) actions[i] = keyed[i].a;
}

/** "38 of 46 (83%)" */
export function shareText(above: number, of: number): string {
  return `${above} of ${of} (${of ? Math.round((100 * above) / of) : 0}%)`;
}
