import type { Rule } from "./context";
import { describeRequirement, findingAt } from "./context";

/** A RAG column left empty is often coloured in instead: say that colours are not read. */
function colourHint(label: string | undefined): string {
  return /\b(rag|r\/a\/g)\b/i.test(label ?? "")
    ? " (type the rating: a cell's colour alone is not read)"
    : "";
}

export const scoreMissing: Rule = ({ schedule, scored, scale }) =>
  scored
    .filter((s) => s.score.kind === "missing")
    .map((s) =>
      findingAt(
        schedule,
        s.record,
        schedule.columns.score,
        "score-missing",
        "error",
        schedule.ticks
          ? `No box is marked for ${describeRequirement(s.record)}`
          : `No ${scale.levels && !scale.numbered ? "rating" : "score"} for ${describeRequirement(s.record)}${colourHint(schedule.labels.score)}`
      )
    );
