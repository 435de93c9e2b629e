import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Scale } from "../../core/recognise/scale";
import { type ScheduleOverride, type Settings, defaultSettings } from "../../core/settings";
import type { CheckedSchedule } from "../../core/validate";
import { RagRuleFields, ragDraft, ragProblem, ragRuleOf } from "./RagRuleFields";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  schedule: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    // A fieldset keeps a browser margin and a minimum width that push it past the pane.
    margin: 0,
    minWidth: 0,
    boxSizing: "border-box",
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  },
  wide: { gridColumn: "1 / -1" },
  // Fluent inputs keep a minimum width; in a narrow pane they must shrink with their column.
  input: { minWidth: 0, width: "100%" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface SettingsPanelProps {
  settings: Settings;
  schedules: readonly CheckedSchedule[];
  /** Where settings are kept, for the hint under the Save button. */
  storedIn: string;
  onSave: (settings: Settings) => void;
  onCancel: () => void;
}

interface Draft {
  weak: string;
  min: string;
  max: string;
  best: "highest" | "lowest";
}

function draftFor(c: CheckedSchedule): Draft {
  return {
    weak: String(c.weakThreshold),
    min: String(c.scale.min),
    max: String(c.scale.max),
    best: c.scale.direction === "ascending" ? "highest" : "lowest",
  };
}

function whole(text: string): number | undefined {
  return /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : undefined;
}

/** Problems with one schedule's draft, keyed by field. */
function problemsOf(d: Draft): Partial<Record<keyof Draft, string>> {
  const out: Partial<Record<keyof Draft, string>> = {};
  const min = whole(d.min);
  const max = whole(d.max);
  const weak = whole(d.weak);
  if (min === undefined) out.min = "Enter a whole number.";
  if (max === undefined) out.max = "Enter a whole number.";
  if (min !== undefined && max !== undefined && min >= max)
    out.max = "The top of the scale must be above the bottom.";
  if (weak === undefined) out.weak = "Enter a whole number.";
  else if (min !== undefined && max !== undefined && (weak < min || weak > max))
    out.weak = `Enter a score from ${min} to ${max}.`;
  return out;
}

function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((w) => w.trim())
    .filter((w) => w !== "");
}

/** Weak threshold and scale per schedule, and the placeholder words; saved where the host keeps settings. */
export function SettingsPanel({
  settings,
  schedules,
  storedIn,
  onSave,
  onCancel,
}: SettingsPanelProps) {
  const styles = useStyles();
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(schedules.map((c) => [c.schedule.id, draftFor(c)]))
  );
  const [actionWords, setActionWords] = useState(settings.actionPlaceholders.join("\n"));
  const [leadWords, setLeadWords] = useState(settings.leadPlaceholders.join("\n"));
  const [rag, setRag] = useState(() => ragDraft(settings.rag));
  const problems = Object.fromEntries(Object.entries(drafts).map(([id, d]) => [id, problemsOf(d)]));
  const valid =
    Object.values(problems).every((p) => Object.keys(p).length === 0) && !ragProblem(rag);

  const update = (id: string, patch: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [id]: { ...all[id], ...patch } }));

  const save = () => {
    const overrides: Record<string, ScheduleOverride> = { ...settings.schedules };
    for (const c of schedules) {
      const d = drafts[c.schedule.id];
      const scale: Scale = {
        min: Number(d.min),
        max: Number(d.max),
        direction: d.best === "highest" ? "ascending" : "descending",
      };
      const changedScale =
        scale.min !== c.scale.min ||
        scale.max !== c.scale.max ||
        scale.direction !== c.scale.direction;
      overrides[c.schedule.id] = {
        weakThreshold: Number(d.weak),
        scale: changedScale || c.schedule.scaleSource === "setting" ? scale : undefined,
      };
    }
    onSave({
      ...settings,
      schedules: overrides,
      actionPlaceholders: lines(actionWords),
      leadPlaceholders: lines(leadWords),
      rag: ragRuleOf(rag),
    });
  };

  const reset = () => {
    const d = defaultSettings();
    setActionWords(d.actionPlaceholders.join("\n"));
    setLeadWords(d.leadPlaceholders.join("\n"));
  };

  return (
    <form
      className={styles.root}
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) save();
      }}
    >
      <Subtitle2 as="h2">Settings</Subtitle2>
      {schedules.map((c) => {
        const d = drafts[c.schedule.id];
        const p = problems[c.schedule.id];
        const name = `${c.schedule.sheet}, row ${c.schedule.headerRow}`;
        return (
          <fieldset key={c.schedule.id} className={styles.schedule}>
            <legend>{name}</legend>
            <Field
              className={styles.wide}
              label={`Weak at (${d.best === "highest" ? "or lower" : "or higher"})`}
              validationMessage={p.weak}
            >
              <Input
                className={styles.input}
                inputMode="numeric"
                value={d.weak}
                onChange={(_e, v) => update(c.schedule.id, { weak: v.value })}
              />
            </Field>
            <Field label="Lowest score" validationMessage={p.min}>
              <Input
                className={styles.input}
                inputMode="numeric"
                value={d.min}
                onChange={(_e, v) => update(c.schedule.id, { min: v.value })}
              />
            </Field>
            <Field label="Highest score" validationMessage={p.max}>
              <Input
                className={styles.input}
                inputMode="numeric"
                value={d.max}
                onChange={(_e, v) => update(c.schedule.id, { max: v.value })}
              />
            </Field>
            <Field className={styles.wide} label="The best score is">
              <Select
                className={styles.input}
                value={d.best}
                onChange={(_e, v) => update(c.schedule.id, { best: v.value as Draft["best"] })}
              >
                <option value="highest">the highest number</option>
                <option value="lowest">the lowest number (1 = best)</option>
              </Select>
            </Field>
          </fieldset>
        );
      })}
      <Field
        label="Entries that mean there is no improvement action"
        hint="One a line, for example n/a or none identified."
      >
        <Textarea
          resize="vertical"
          rows={4}
          value={actionWords}
          onChange={(_e, v) => setActionWords(v.value)}
        />
      </Field>
      <Field label="Entries that mean there is no lead officer" hint="One a line, for example TBC.">
        <Textarea
          resize="vertical"
          rows={3}
          value={leadWords}
          onChange={(_e, v) => setLeadWords(v.value)}
        />
      </Field>
      <RagRuleFields draft={rag} onChange={setRag} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!valid}>
          Save settings
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
        <Button appearance="subtle" onClick={reset}>
          Default words
        </Button>
      </div>
      <Caption1>
        Settings are kept {storedIn}, so the next person sees the same thresholds.
      </Caption1>
    </form>
  );
}
