import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import { usePaneStyles } from "../pane-styles";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
  // A long file name breaks rather than push the pane wider.
  comparing: { minWidth: 0, overflowWrap: "anywhere" },
});

export interface LastYearPickerProps {
  /** The file compared with now, or null. */
  comparingWith: string | null;
  disabled: boolean;
  onPick: (file: File) => void;
  onStop: () => void;
}

/**
 * "Compare with last year's workbook…": a file picker for last year's return, which gives the
 * committee summary its direction of travel and the findings their carried-forward actions.
 */
export function LastYearPicker({ comparingWith, disabled, onPick, onStop }: LastYearPickerProps) {
  const styles = useStyles();
  const { tool } = usePaneStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Last year's workbook"
        data-testid="last-year-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onPick(file);
        }}
      />
      {/* No icon: the label alone fits a 350 px pane on one line. */}
      <Button className={tool} onClick={() => input.current?.click()} disabled={disabled}>
        {"Compare with last year's workbook…"}
      </Button>
      {comparingWith && (
        <>
          <Caption1 className={styles.comparing}>Comparing with {comparingWith}</Caption1>
          <Button
            className={tool}
            appearance="subtle"
            size="small"
            icon={<DismissRegular />}
            onClick={onStop}
            disabled={disabled}
          >
            Stop comparing
          </Button>
        </>
      )}
    </div>
  );
}
