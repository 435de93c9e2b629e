import { a1 } from "../grid";
import { placeholderTest } from "../settings";
import type { Settings } from "../settings";
import type { Scale } from "../recognise/scale";
import type { ScoredRecord } from "../rules/context";
import type { CheckedSchedule, ScoredWorkbook } from "../validate";
import { targetDay, targetText } from "./dates";

export type Rag = "red" | "amber" | "green";

/** The stated rule, printed in the key on the sheet. */
export const RAG_RULE: Readonly<Record<Rag, string>> = {
  red: "at least one weak score has no improvement action or no lead officer",
  amber: "there are weak scores, and every one has an action and a lead officer",
  green: "no weak scores",
};

export interface SectionSummary {
  /** The return (file) this section came from; "" for a single workbook. */
  readonly source: string;
  readonly schedule: string;
  readonly section: string;
  readonly requirements: number;
  readonly scored: number;
  /** Requirements marked "N/A": counted here, never as invalid or weak. */
  readonly notApplicable: number;
  /** Mean of the valid scores (on a word scale, of its level numbers), or null when none is valid. */
  readonly mean: number | null;
  /** The worst valid score, following the scale's direction. */
  readonly lowest: number | null;
  /** Count of each score on the scale, from the scale's minimum to its maximum. */
  readonly distribution: readonly number[];
  readonly weak: number;
  readonly weakNoAction: number;
  readonly weakNoLead: number;
  readonly rag: Rag;
}

export type ActionStatus = "No action" | "No lead" | "Date passed" | "No date";

/** Where a requirement is: its return, sheet, score cell, section, ref and text. */
export interface RequirementPlace {
  readonly source: string;
  readonly sheet: string;
  readonly cell: string;
  readonly section: string;
  readonly ref: string;
  readonly requirement: string;
}

export interface ActionItem extends RequirementPlace {
  /** The score, or on a word scale the rating's word ("Amber"). */
  readonly score: number | string;
  readonly action: string;
  readonly lead: string;
  readonly targetDate: string;
  readonly status: readonly ActionStatus[];
}

export interface Exception extends RequirementPlace {
  readonly problem: string;
}

export interface ScheduleSummary {
  readonly source: string;
  readonly sheet: string;
  readonly title: string;
  readonly scale: Scale;
  readonly weakThreshold: number;
}

export interface CommitteeSummary {
  readonly sources: readonly string[];
  readonly made: Date;
  readonly schedules: readonly ScheduleSummary[];
  readonly sections: readonly SectionSummary[];
  /** The scale the distribution columns run over: the widest among the schedules. */
  readonly distributionScale: { min: number; max: number };
  readonly actions: readonly ActionItem[];
  readonly exceptions: readonly Exception[];
  /** Requirements that apply: every requirement but those marked "N/A". */
  readonly requirements: number;
  /** Requirements marked "N/A". */
  readonly notApplicable: number;
  /** Requirements whose score is valid and not weak: "on track". */
  readonly aboveThreshold: number;
}

export interface SummaryInput {
  /** The file the return came from (a name to show); "" for the open workbook. */
  readonly source: string;
  /** Its schedules as scored (a full validation result will do). */
  readonly result: ScoredWorkbook;
  readonly settings: Settings;
}

function worse(scale: Scale, a: number, b: number): number {
  return scale.direction === "ascending" ? Math.min(a, b) : Math.max(a, b);
}

interface Placeholders {
  readonly action: (text: string) => boolean;
  readonly lead: (text: string) => boolean;
}

function summariseSection(
  source: string,
  checked: CheckedSchedule,
  section: string,
  rows: readonly ScoredRecord[],
  placeholder: Placeholders
): SectionSummary {
  const { scale } = checked;
  const distribution = new Array<number>(scale.max - scale.min + 1).fill(0);
  let total = 0;
  let scored = 0;
  let lowest: number | null = null;
  let weak = 0;
  let weakNoAction = 0;
  let weakNoLead = 0;
  let notApplicable = 0;
  const hasLeadColumn = checked.schedule.columns.lead !== undefined;
  for (const s of rows) {
    if (s.score.kind === "notApplicable") notApplicable++;
    if (!s.valid || s.score.kind !== "number") continue;
    const v = s.score.value;
    scored++;
    total += v;
    distribution[v - scale.min]++;
    lowest = lowest === null ? v : worse(scale, lowest, v);
    if (!s.weak) continue;
    weak++;
    if (placeholder.action(s.record.action)) weakNoAction++;
    if (!hasLeadColumn || placeholder.lead(s.record.lead)) weakNoLead++;
  }
  const rag: Rag = weakNoAction + weakNoLead > 0 ? "red" : weak > 0 ? "amber" : "green";
  return {
    source,
    schedule: checked.schedule.title,
    section,
    requirements: rows.length,
    scored,
    notApplicable,
    mean: scored ? total / scored : null,
    lowest,
    distribution,
    weak,
    weakNoAction,
    weakNoLead,
    rag,
  };
}

function problemOf(kind: string, scale: Scale): string {
  if (kind === "missing") return "No score";
  if (kind === "number") return `Score outside the ${scale.min}-${scale.max} scale`;
  if (kind === "marks") return "More than one box marked";
  if (scale.levels && !scale.numbered) return "Rating not on the scale";
  return "Score is not a whole number";
}

/** The committee's view of one or more checked returns: sections, RAG, action plan, exceptions. */
export function buildSummary(inputs: readonly SummaryInput[], made: Date): CommitteeSummary {
  const schedules: ScheduleSummary[] = [];
  const sections: SectionSummary[] = [];
  const actions: ActionItem[] = [];
  const exceptions: Exception[] = [];
  let requirements = 0;
  let notApplicable = 0;
  let aboveThreshold = 0;
  let min = Infinity;
  let max = -Infinity;
  const today = Date.UTC(made.getUTCFullYear(), made.getUTCMonth(), made.getUTCDate());
  for (const { source, result, settings } of inputs) {
    const placeholder: Placeholders = {
      action: placeholderTest(settings.actionPlaceholders),
      lead: placeholderTest(settings.leadPlaceholders),
    };
    for (const checked of result.schedules) {
      const { schedule, scale, weakThreshold } = checked;
      schedules.push({
        source,
        sheet: schedule.sheet,
        title: schedule.title,
        scale,
        weakThreshold,
      });
      min = Math.min(min, scale.min);
      max = Math.max(max, scale.max);
      // One pass to group by section: a schedule can hold thousands of sections.
      const bySection = new Map<string, ScoredRecord[]>();
      for (const s of checked.scored) {
        const list = bySection.get(s.record.section);
        if (list) list.push(s);
        else bySection.set(s.record.section, [s]);
      }
      for (const [name, rows] of bySection)
        sections.push(summariseSection(source, checked, name, rows, placeholder));
      const hasLead = schedule.columns.lead !== undefined;
      const hasDate = schedule.columns.targetDate !== undefined;
      const scoreColumn = schedule.columns.score!;
      for (const s of checked.scored) {
        if (s.score.kind === "notApplicable") {
          notApplicable++;
          continue;
        }
        requirements++;
        if (s.valid && !s.weak) {
          aboveThreshold++;
          continue;
        }
        const r = s.record;
        const cell = a1(r.scoreRow, scoreColumn);
        // Objects written out in full, not spread from a shared part: spreading makes V8 store
        // each of a hundred thousand items as a dictionary, which made this loop and the sort
        // after it three times slower.
        const exception = (problem: string): Exception => ({
          source,
          sheet: schedule.sheet,
          cell,
          section: r.section,
          ref: r.ref,
          requirement: r.requirement,
          problem,
        });
        if (!s.valid) {
          exceptions.push(exception(problemOf(s.score.kind, scale)));
          continue;
        }
        if (s.score.kind !== "number") continue;
        const status: ActionStatus[] = [];
        const noAction = placeholder.action(r.action);
        const noLead = !hasLead || placeholder.lead(r.lead);
        if (noAction) status.push("No action");
        if (noLead) status.push("No lead");
        const day = targetDay(r.targetDate);
        if (day && day.getTime() < today) status.push("Date passed");
        else if (hasDate && !day && targetText(r.targetDate).trim() === "") status.push("No date");
        actions.push({
          source,
          sheet: schedule.sheet,
          cell,
          section: r.section,
          ref: r.ref,
          requirement: r.requirement,
          score: s.score.word ?? s.score.value,
          action: noAction ? "" : r.action,
          lead: noLead ? "" : r.lead,
          targetDate: targetText(r.targetDate),
          status,
        });
        if (noAction || noLead || status.includes("Date passed")) {
          exceptions.push(
            exception(
              `${s.score.word !== undefined ? `Weak rating "${s.score.word}"` : `Weak score ${s.score.value}`}: ${status.join(", ").toLowerCase()}`
            )
          );
        }
      }
    }
  }
  sortActionPlan(actions);
  return {
    sources: inputs.map((i) => i.source),
    made,
    schedules,
    sections,
    distributionScale: Number.isFinite(min) ? { min, max } : { min: 1, max: 5 },
    actions,
    exceptions,
    requirements,
    notApplicable,
    aboveThreshold,
  };
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
    missing: a.status.includes("No action") || a.status.includes("No lead") ? 0 : 1,
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
