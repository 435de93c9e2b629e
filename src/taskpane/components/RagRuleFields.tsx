import { Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { RagRule } from "../../core/settings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    minWidth: 0,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  input: { minWidth: 0, width: "100%" },
});

/** The RAG rule as the form holds it: the share is text until it is saved. */
export interface RagDraft {
  readonly redAtWorstLevel: boolean;
  readonly redWhenActionOrLeadMissing: boolean;
  readonly redWhenDatePassed: boolean;
  readonly redWhenCarriedForward: boolean;
  readonly redAtWeakShare: string;
}

export function ragDraft(rule: RagRule): RagDraft {
  return {
    ...rule,
    redAtWeakShare: rule.redAtWeakShare === null ? "" : String(rule.redAtWeakShare),
  };
}

/** What is wrong with the share, or undefined. */
export function ragProblem(draft: RagDraft): string | undefined {
  const t = draft.redAtWeakShare.trim();
  if (t === "") return undefined;
  if (!/^\d{1,3}$/.test(t) || Number(t) < 1 || Number(t) > 100)
    return "Enter a whole percentage from 1 to 100, or leave it empty.";
  return undefined;
}

export function ragRuleOf(draft: RagDraft): RagRule {
  const t = draft.redAtWeakShare.trim();
  return { ...draft, redAtWeakShare: t === "" ? null : Number(t) };
}

const SWITCHES: readonly [keyof Omit<RagDraft, "redAtWeakShare">, string][] = [
  ["redAtWorstLevel", "Any score at the worst level of its scale"],
  ["redWhenActionOrLeadMissing", "Any weak score without an improvement action or a lead officer"],
  ["redWhenDatePassed", "Any weak score whose target date has passed"],
  ["redWhenCarriedForward", "Any weak score carried forward from last year"],
];

export interface RagRuleFieldsProps {
  draft: RagDraft;
  onChange: (draft: RagDraft) => void;
}

/**
 * When the committee summary calls a section Red. Amber is "weak scores, none of these"; Green is
 * "no weak scores". The summary's key states whatever is chosen here.
 */
export function RagRuleFields({ draft, onChange }: RagRuleFieldsProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.root}>
      <legend>Red on the committee summary when a section has</legend>
      {SWITCHES.map(([key, label]) => (
        <Checkbox
          key={key}
          label={label}
          checked={draft[key]}
          onChange={(_e, d) => onChange({ ...draft, [key]: d.checked === true })}
        />
      ))}
      <Field
        label="Or at least this percentage of its scores weak"
        hint="Leave empty to ignore the share of weak scores."
        validationMessage={ragProblem(draft)}
      >
        <Input
          className={styles.input}
          inputMode="numeric"
          contentAfter="%"
          value={draft.redAtWeakShare}
          onChange={(_e, v) => onChange({ ...draft, redAtWeakShare: v.value })}
        />
      </Field>
    </fieldset>
  );
}
