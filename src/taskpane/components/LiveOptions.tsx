import {
  Button,
  Caption1,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  DeleteRegular,
  InfoRegular,
  TableSimpleRegular,
  TextBulletListSquareRegular,
} from "@fluentui/react-icons";
import { useId } from "react";
import type { LiveFeatures } from "../../core/host";
import { usePaneStyles } from "../pane-styles";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  heading: { margin: 0 },
  option: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface LiveOptionsProps {
  /** What this Excel can do, and why not where it cannot. */
  features: LiveFeatures;
  checkAsYouType: boolean;
  problemNotes: boolean;
  /** An action is running: the controls wait. */
  busy: boolean;
  /** A check has found schedules (drop-downs need them). */
  hasSchedules: boolean;
  /** A check has run (the Findings sheet lists its findings). */
  hasResults: boolean;
  onCheckAsYouType: (on: boolean) => void;
  onProblemNotes: (on: boolean) => void;
  onAddDropDowns: () => void;
  onRemoveDropDowns: () => void;
  onExportFindings: () => void;
}

/**
 * The choices and tools for a workbook open in Excel: checking as officers type, problems as
 * notes, score drop-downs and the Findings sheet. Each appears only where this Excel has what it
 * needs; where it has not, one sentence says why.
 */
export function LiveOptions({
  features,
  checkAsYouType,
  problemNotes,
  busy,
  hasSchedules,
  hasResults,
  onCheckAsYouType,
  onProblemNotes,
  onAddDropDowns,
  onRemoveDropDowns,
  onExportFindings,
}: LiveOptionsProps) {
  const styles = useStyles();
  const { tool } = usePaneStyles();
  const id = useId();
  const missing = Object.values(features).flatMap((f) => (f.available ? [] : [f.reason]));
  return (
    <section className={styles.root} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`} className={styles.heading}>
        While officers fill in the workbook
      </Subtitle2>
      {features.checkAsYouType.available && (
        <div className={styles.option}>
          <Switch
            label="Check as I type"
            checked={checkAsYouType}
            disabled={busy}
            aria-describedby={`${id}-type`}
            onChange={(_e, data) => onCheckAsYouType(data.checked)}
          />
          <Caption1 id={`${id}-type`} className={styles.hint}>
            An edit in a schedule is checked about a second after typing stops; selecting a cell
            with a problem shows it in the list. Saved in the workbook.
          </Caption1>
        </div>
      )}
      {features.notes.available && (
        <div className={styles.option}>
          <Switch
            label="Show problems as notes"
            checked={problemNotes}
            disabled={busy}
            aria-describedby={`${id}-notes`}
            onChange={(_e, data) => onProblemNotes(data.checked)}
          />
          <Caption1 id={`${id}-notes`} className={styles.hint}>
            Each problem goes in a note on its cell, and turning this off removes those notes again.
            Cells with a note or comment of their own are left alone.
          </Caption1>
        </div>
      )}
      <div className={styles.buttons}>
        {features.dropDowns.available && (
          <>
            <Button
              className={tool}
              icon={<TextBulletListSquareRegular />}
              disabledFocusable={busy || !hasSchedules}
              onClick={onAddDropDowns}
            >
              Add score drop-downs
            </Button>
            <Button
              className={tool}
              icon={<DeleteRegular />}
              disabledFocusable={busy}
              onClick={onRemoveDropDowns}
            >
              Remove score drop-downs
            </Button>
          </>
        )}
        {features.findingsSheet.available && (
          <Button
            className={tool}
            icon={<TableSimpleRegular />}
            disabledFocusable={busy || !hasResults}
            onClick={onExportFindings}
          >
            Export findings to a sheet
          </Button>
        )}
      </div>
      {missing.map((reason) => (
        <Caption1 key={reason} className={styles.hint}>
          <InfoRegular aria-hidden="true" /> {reason}
        </Caption1>
      ))}
    </section>
  );
}
