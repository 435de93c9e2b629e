import { ukDate } from "../dates";
import type { ExceptionRule } from "../facts/exceptions";
import type { Travel } from "../facts/record-facts";
import { type Scale, describeScale, weakAt } from "../recognise/scale";
import type { RagRule } from "../settings";
import { levelLabel, worstLevel } from "./levels";
import type { ActionItem, Rag } from "./model";

/** How the paper says things: RAG, direction of travel, status, exceptions, the rule in force. */

export const RAG_LOOK: Readonly<Record<Rag, { fill: string; font: string; word: string }>> = {
  red: { fill: "#C50F1F", font: "#FFFFFF", word: "Red" },
  amber: { fill: "#F7C948", font: "#000000", word: "Amber" },
  green: { fill: "#107C10", font: "#FFFFFF", word: "Green" },
};

/** Direction of travel in words with an arrow: never colour alone. */
export const TRAVEL_WORDS: Readonly<Record<Travel, string>> = {
  up: "↑ Up",
  down: "↓ Down",
  same: "→ Same",
  new: "★ New",
};

/** "↑ Up from 2", "↑ Up from Red"; "★ New"; "" where nothing was compared. */
export function travelText(travel: Travel | null, lastYear: number | string | null): string {
  if (travel === null) return "";
  if (travel === "new" || lastYear === null) return TRAVEL_WORDS[travel];
  return `${TRAVEL_WORDS[travel]} from ${lastYear}`;
}

/**
 * "scored 1-5, 5 best; weak at 3 or lower"; on a scale of words "rated Red, Amber, Green (worst to
 * best); weak at Amber or worse".
 */
export function scaleWords(scale: Scale, weakThreshold: number | null): string {
  if (scale.levels && !scale.numbered) {
    const terms = `rated ${scale.levels.join(", ")} (worst to best)`;
    if (weakThreshold === null) return terms;
    return `${terms}; weak at ${weakAt(scale, weakThreshold)}`;
  }
  const best = scale.direction === "ascending" ? scale.max : scale.min;
  const terms = `scored ${scale.min}-${scale.max}, ${levelLabel(scale, best)} best`;
  if (weakThreshold === null) return terms;
  return `${terms}; weak at ${weakAt(scale, weakThreshold)}`;
}

/** The rule in force, as the key states it. */
export function ragKey(rule: RagRule, scales: readonly Scale[]): Record<Rag, string> {
  const reds: string[] = [];
  if (rule.redAtWorstLevel) {
    const seen = new Set<string>();
    const worst = scales
      .map((s) => `${levelLabel(s, worstLevel(s))} on ${describeScale(s)}`)
      .filter((w) => !seen.has(w) && seen.add(w));
    reds.push(
      `a score at the worst level of its scale${worst.length ? ` (${worst.join("; ")})` : ""}`
    );
  }
  if (rule.redWhenActionOrLeadMissing)
    reds.push("a weak score with no improvement action or no lead officer");
  if (rule.redWhenDatePassed) reds.push("a weak score whose target date has passed");
  if (rule.redWhenCarriedForward)
    reds.push("a weak score carried forward from last year with no new action or date");
  if (rule.redAtWeakShare !== null) reds.push(`${rule.redAtWeakShare}% or more of the scores weak`);
  const red = reds.length
    ? `at least one of: ${reds.join("; ")}.`
    : "never (no red condition is set in Settings).";
  return {
    red,
    amber: reds.length
      ? "there are weak scores, and none of the red conditions applies."
      : "there are weak scores.",
    green: "no weak scores.",
  };
}

const STATUS: Readonly<Record<ExceptionRule, string>> = {
  "score-missing": "No score",
  "score-invalid": "Score not valid",
  "score-out-of-range": "Score outside the scale",
  "low-score-no-action": "No action",
  "low-score-no-lead": "No lead officer",
  "low-score-no-date": "No target date",
  "target-date-passed": "Target date passed",
  "carried-forward": "Carried forward",
  "progress-missing": "No progress on last year's action",
};

/** The Action Plan's status in words: what needs doing, or "In hand". */
export function statusText(item: ActionItem): string {
  if (item.rules.length === 0) return "In hand";
  return item.rules.map((r) => STATUS[r]).join("; ");
}

/** An entry that is not a rating, in a member's words: a word off the scale, or two boxes ticked. */
function invalidText(entered: string, scale: Scale | undefined): string {
  const levels = scale?.levels;
  if (!levels || scale.numbered) return `Score "${entered}" is not a whole number on the scale`;
  const known = new Set(levels.map((l) => l.toLowerCase()));
  const marked = entered.split(" and ");
  if (marked.length > 1 && marked.every((m) => known.has(m.toLowerCase())))
    return `${marked.length} boxes are marked (${marked.join(", ")}): one is the rating`;
  return `Rating "${entered}" is not on the scale`;
}

/** What a member reads in the exceptions table: the problem in a sentence. */
export function problemText(item: ActionItem, scale?: Scale): string {
  const parts: string[] = [];
  const weakParts: string[] = [];
  for (const rule of item.rules) {
    switch (rule) {
      case "score-missing":
        parts.push("No score");
        break;
      case "score-invalid":
        parts.push(invalidText(item.entered, scale));
        break;
      case "score-out-of-range":
        parts.push(
          `Score ${item.entered} is outside the ${scale ? `${scale.min}-${scale.max} ` : ""}scale`
        );
        break;
      case "low-score-no-action":
        weakParts.push("no improvement action");
        break;
      case "low-score-no-lead":
        weakParts.push("no lead officer");
        break;
      case "low-score-no-date":
        weakParts.push("no target date");
        break;
      case "target-date-passed":
        weakParts.push(`target date ${item.targetDate} has passed`);
        break;
      case "carried-forward":
        weakParts.push(
          `weak last year${item.lastYear === null ? "" : ` (${item.lastYearLevel ?? item.lastYear})`} too, with no new action or date: carried forward`
        );
        break;
      case "progress-missing":
        parts.push("No progress reported on last year's action");
        break;
    }
  }
  if (weakParts.length) {
    const weak =
      item.level === null
        ? `Weak score ${item.score ?? item.entered}`
        : scale?.numbered
          ? `Weak score ${item.level}`
          : `Weak rating "${item.level}"`;
    parts.unshift(`${weak}: ${weakParts.join("; ")}`);
  }
  return parts.join(". ");
}

/** "Made 30/11/2026", with the day target dates were judged on where it differs. */
export function madeText(made: Date, asAt: Date): string {
  const m = ukDate(made);
  const a = ukDate(asAt);
  return m === a ? `Made ${m}` : `Made ${m}; target dates judged as at ${a}`;
}
