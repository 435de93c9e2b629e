import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import type { Scale } from "../../core/recognise/scale";
import {
  type ScheduleOverride,
  type Settings,
  checkLevels,
  defaultSettings,
  wordScale,
} from "../../core/settings";
import type { ScheduleView } from "../engine/protocol";
import { RagRuleFields, ragDraft, ragProblem, ragRuleOf } from "./RagRuleFields";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  cannotSave: { color: tokens.colorStatusDangerForeground1 },
  schedule: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    // A fieldset keeps a browser margin and a minimum width that push it past the pane.
    margin: 0,
    minWidth: 0,
    boxSizing: "border-box",
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  },
  legend: { overflowWrap: "anywhere", padding: `0 ${tokens.spacingHorizontalXS}` },
  // A score has at most three digits: the box is as wide as that, not as the pane.
  number: { width: "7em", minWidth: 0 },
  select: { width: "auto", maxWidth: "100%", minWidth: 0 },
  words: { maxWidth: "32em" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Inputs and the select show where focus is, not only by a thin underline.
  focusable: {
    ":focus-within": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
});

export interface SettingsPanelProps {
  settings: Settings;
  schedules: readonly ScheduleView[];
  /** Schedules rated in words govcheck could not place: their words can be given here. */
  unread?: readonly ScheduleView[];
  /** Where settings are kept, in words that are true for the host ("saved in the workbook"). */
  storedIn: string;
  onSave: (settings: Settings) => void;
  onCancel: () => void;
}

interface Draft {
  weak: string;
  min: string;
  max: string;
  best: "highest" | "lowest";
  /** Rating words, one a line, worst first; empty for a scale of numbers. */
  words: string;
}

/** A scale rated in words only (not a numbered legend). */
const inWords = (scale: Scale) => scale.levels !== undefined && !scale.numbered;

function draftFor(c: ScheduleView): Draft {
  return {
    weak: String(c.weakThreshold),
    min: String(c.scale.min),
    max: String(c.scale.max),
    best: c.scale.direction === "ascending" ? "highest" : "lowest",
    words: inWords(c.scale) ? c.scale.levels!.join("\n") : "",
  };
}

/** An unread schedule starts from the words seen in it, for the officer to put in order. */
function draftForUnread(u: ScheduleView): Draft {
  const words = u.unplacedWords ?? [];
  return { weak: "1", min: "1", max: "3", best: "highest", words: words.slice(0, 12).join("\n") };
}

function whole(text: string): number | undefined {
  return /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : undefined;
}

/** The levels a draft's words give, or the problem with them. */
function levelsOf(d: Draft): { levels?: string[]; problem?: string } {
  if (d.words.trim() === "") return {};
  const problems: string[] = [];
  const levels = checkLevels(lines(d.words), "The rating words", problems);
  return levels ? { levels } : { problem: problems.join(" ") };
}

/** Problems with one schedule's draft, keyed by field. */
function problemsOf(d: Draft): Partial<Record<keyof Draft, string>> {
  const out: Partial<Record<keyof Draft, string>> = {};
  if (d.words.trim() !== "") {
    const { levels, problem } = levelsOf(d);
    if (problem) out.words = problem;
    const weak = whole(d.weak);
    if (levels && (weak === undefined || weak < 1 || weak > levels.length))
      out.weak = "Choose a level.";
    return out;
  }
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
  unread = [],
  storedIn,
  onSave,
  onCancel,
}: SettingsPanelProps) {
  const styles = useStyles();
  const form = useRef<HTMLFormElement>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => ({
    ...Object.fromEntries(unread.map((u) => [u.id, draftForUnread(u)])),
    ...Object.fromEntries(schedules.map((c) => [c.id, draftFor(c)])),
  }));
  // Opening the settings takes the keyboard to their first box.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);
  const [actionWords, setActionWords] = useState(settings.actionPlaceholders.join("\n"));
  const [leadWords, setLeadWords] = useState(settings.leadPlaceholders.join("\n"));
  const [rag, setRag] = useState(() => ragDraft(settings.rag));
  const problems = Object.fromEntries(Object.entries(drafts).map(([id, d]) => [id, problemsOf(d)]));
  const cannotSave = useId();
  const valid =
    Object.values(problems).every((p) => Object.keys(p).length === 0) && !ragProblem(rag);

  const update = (id: string, patch: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [id]: { ...all[id], ...patch } }));

  const save = () => {
    const overrides: Record<string, ScheduleOverride> = { ...settings.schedules };
    for (const c of schedules) {
      const d = drafts[c.id];
      const { levels } = levelsOf(d);
      if (levels) {
        const same = inWords(c.scale) && levels.join("\n") === c.scale.levels!.join("\n");
        overrides[c.id] = {
          weakThreshold: Number(d.weak),
          scale: same && c.scaleSource !== "setting" ? undefined : wordScale(levels),
        };
        continue;
      }
      const scale: Scale = {
        min: Number(d.min),
        max: Number(d.max),
        direction: d.best === "highest" ? "ascending" : "descending",
      };
      const changedScale =
        scale.min !== c.scale.min ||
        scale.max !== c.scale.max ||
        scale.direction !== c.scale.direction;
      overrides[c.id] = {
        weakThreshold: Number(d.weak),
        scale: changedScale || c.scaleSource === "setting" ? scale : undefined,
      };
    }
    for (const u of unread) {
      const { levels } = levelsOf(drafts[u.id]);
      if (levels)
        overrides[u.id] = {
          weakThreshold: Number(drafts[u.id].weak),
          scale: wordScale(levels),
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

  // Escape closes Settings wherever focus is in the pane (on the Settings button too), unless what
  // has focus used it first: an open finding's preview closes before Settings does.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      e.preventDefault();
      onCancel();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onCancel]);

  return (
    <form
      ref={form}
      className={styles.root}
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) save();
      }}
    >
      <Subtitle2 as="h2">Settings</Subtitle2>
      {[...schedules, ...unread].map((schedule) => {
        const d = drafts[schedule.id];
        const p = problems[schedule.id];
        const name = `${schedule.sheet}, row ${schedule.headerRow}`;
        const words = levelsOf(d).levels;
        // Keyed children, so the words field keeps its focus when the fields beside it change.
        const wordsField = (
          <Field
            key="words"

            label="Rating words, worst first"
            hint="One a line, for example Red, Amber, Green. Leave empty for scores in numbers."
            validationMessage={p.words}
          >
            <Textarea
              className={mergeClasses(styles.words, styles.focusable)}
              resize="vertical"
              rows={3}
              value={d.words}
              onChange={(_e, v) => update(schedule.id, { words: v.value })}
            />
          </Field>
        );
        const wordFields = [
          <Field
            key="weak-level"

            label="Weak at (or worse)"
            validationMessage={p.weak}
          >
            <Select
              className={mergeClasses(styles.select, styles.focusable)}
              value={d.weak}
              onChange={(_e, v) => update(schedule.id, { weak: v.value })}
            >
              {(words ?? []).map((w, i) => (
                <option key={w} value={String(i + 1)}>
                  {w}
                </option>
              ))}
            </Select>
          </Field>,
        ];
        const numberField = (field: "weak" | "min" | "max", label: string) => (
          <Field key={field} label={label} validationMessage={p[field]}>
            <Input
              className={mergeClasses(styles.number, styles.focusable)}
              inputMode="numeric"
              value={d[field]}
              onChange={(_e, v) => update(schedule.id, { [field]: v.value })}
            />
          </Field>
        );
        const numberFields = [
          numberField("weak", `Weak at (${d.best === "highest" ? "or lower" : "or higher"})`),
          numberField("min", "Lowest score"),
          numberField("max", "Highest score"),
          <Field key="best" label="The best score is">
            <Select
              className={mergeClasses(styles.select, styles.focusable)}
              value={d.best}
              onChange={(_e, v) => update(schedule.id, { best: v.value as Draft["best"] })}
            >
              <option value="highest">the highest number</option>
              <option value="lowest">the lowest number (1 = best)</option>
            </Select>
          </Field>,
        ];
        return (
          <fieldset key={schedule.id} className={styles.schedule}>
            <legend className={styles.legend}>{name}</legend>
            {[...(d.words.trim() !== "" ? wordFields : numberFields), wordsField]}
          </fieldset>
        );
      })}
      <Field
        label="Entries that mean there is no improvement action"
        hint="One a line, for example n/a or none identified."
      >
        <Textarea
          className={mergeClasses(styles.words, styles.focusable)}
          resize="vertical"
          rows={4}
          value={actionWords}
          onChange={(_e, v) => setActionWords(v.value)}
        />
      </Field>
      <Field label="Entries that mean there is no lead officer" hint="One a line, for example TBC.">
        <Textarea
          className={mergeClasses(styles.words, styles.focusable)}
          resize="vertical"
          rows={3}
          value={leadWords}
          onChange={(_e, v) => setLeadWords(v.value)}
        />
      </Field>
      <RagRuleFields draft={rag} onChange={setRag} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          disabled={!valid}
          aria-describedby={valid ? undefined : cannotSave}
        >
          Save settings
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
        <Button appearance="subtle" onClick={reset}>
          Default words
        </Button>
      </div>
      {!valid && (
        // The problem may be a long way up a long form: the reason sits by the button too.
        <Caption1 id={cannotSave} className={styles.cannotSave}>
          Settings cannot be saved until the boxes marked above are corrected.
        </Caption1>
      )}
      <Caption1>Settings are {storedIn}.</Caption1>
    </form>
  );
}
