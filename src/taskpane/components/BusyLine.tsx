import { Button, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DismissCircleRegular } from "@fluentui/react-icons";
import type { Busy } from "../use-checker";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  line: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  text: { minWidth: 0, overflowWrap: "anywhere" },
  cancel: { flexShrink: 0 },
});

/** "Reading sheet 2 of 5 … 40%": the step in words and how far the whole has got. */
export function progressText(busy: Busy): string {
  if (!busy.progress) return `${busy.label}…`;
  const percent = Math.round(100 * Math.min(1, Math.max(0, busy.progress.fraction)));
  return `${busy.progress.message} … ${percent}%`;
}

export interface BusyLineProps {
  busy: Busy;
  onCancel: () => void;
}

/** What the pane is doing, how far it has got, and (for a check) a way to stop it. */
export function BusyLine({ busy, onCancel }: BusyLineProps) {
  const styles = useStyles();
  const text = progressText(busy);
  return (
    <div className={styles.root} data-testid="busy">
      <div className={styles.line}>
        <Text className={styles.text} aria-live="polite">
          {text}
        </Text>
        {busy.cancellable && (
          <Button
            className={styles.cancel}
            size="small"
            icon={<DismissCircleRegular />}
            onClick={onCancel}
          >
            Cancel
          </Button>
        )}
      </div>
      <ProgressBar
        aria-label={busy.label}
        aria-valuetext={text}
        value={busy.progress ? busy.progress.fraction : undefined}
        max={1}
        thickness="large"
      />
    </div>
  );
}
