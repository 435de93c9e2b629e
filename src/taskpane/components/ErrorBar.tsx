import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Ref } from "react";

const useStyles = makeStyles({
  // Focus is moved here after a failure: it must show where it went.
  bar: {
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  detail: { display: "block", marginTop: tokens.spacingVerticalXXS },
});

export interface ErrorBarProps {
  /** What went wrong and what to do, as sentences. */
  message: string;
  /** What the pane is left showing ("bad.xlsx was not opened. The results below are ..."). */
  detail?: string;
  onDismiss: () => void;
  /** Focus moves to the message after an error, so a keyboard or screen reader user meets it. */
  ref?: Ref<HTMLDivElement>;
}

/** An error from Excel or the file, in words, with a way to put it away. */
export function ErrorBar({ message, detail, onDismiss, ref }: ErrorBarProps) {
  const styles = useStyles();
  return (
    <MessageBar
      ref={ref}
      intent="error"
      role="alert"
      tabIndex={-1}
      className={styles.bar}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>Something went wrong:</MessageBarTitle> {message}
        {detail && <span className={styles.detail}>{detail}</span>}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss the message"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
