import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { type Ref, useState } from "react";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface PasswordBoxProps {
  /** The protected file's name: the box is labelled "Password for NAME". */
  name: string;
  /** A password was given and it did not open the file. */
  wrong: boolean;
  /** Something is running: the password cannot be sent yet. */
  busy: boolean;
  /** What sending the password does ("Open", "Compare"). */
  submitLabel: string;
  /** What giving up says ("Do not open it"). */
  dismissLabel: string;
  onSubmit: (password: string) => void;
  onDismiss: () => void;
  /** The password input: focus moves here when the pane asks for a password. */
  ref?: Ref<HTMLInputElement>;
}

/**
 * Asks for the password of a protected workbook, this year's or last year's. The password is
 * used only to read the file in this page; the box starts empty each time it is shown.
 */
export function PasswordBox({
  name,
  wrong,
  busy,
  submitLabel,
  dismissLabel,
  onSubmit,
  onDismiss,
  ref,
}: PasswordBoxProps) {
  const styles = useStyles();
  const [password, setPassword] = useState("");
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (password === "" || busy) return;
        setPassword("");
        onSubmit(password);
      }}
    >
      <Field
        label={`Password for ${name}`}
        validationState={wrong ? "error" : "none"}
        validationMessage={
          wrong
            ? "That password does not open this workbook. Passwords are case-sensitive."
            : "This workbook is protected with a password. It is used here only to read the file."
        }
      >
        <Input
          ref={ref}
          type="password"
          value={password}
          onChange={(_e, d) => setPassword(d.value)}
        />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy || password === ""}>
          {submitLabel}
        </Button>
        <Button onClick={onDismiss}>{dismissLabel}</Button>
      </div>
    </form>
  );
}
