import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowUpRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useCallback, useRef, useState } from "react";
import type { WorkbookHost } from "../core/host";
import { CheckerView } from "./App";
import { ErrorBar } from "./components/ErrorBar";
import { usePaneStyles } from "./pane-styles";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  dragging: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  fileBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  hidden: { display: "none" },
});

/**
 * Opens a workbook file as a host (with its password when it has one); the file host and its
 * reader load only when a file is opened.
 */
export type OpenWorkbook = (file: File, password?: string) => Promise<WorkbookHost>;

/** The reader's error kinds that mean "ask for the password" (src/file's WorkbookReadError). */
function needsPassword(err: unknown): "required" | "wrong" | undefined {
  const kind = (err as { kind?: string }).kind;
  return kind === "password-required"
    ? "required"
    : kind === "password-wrong"
      ? "wrong"
      : undefined;
}

const PRIVACY = "Your file stays on this computer: it is read inside this page and never uploaded.";

export interface FileModeProps {
  openWorkbook: OpenWorkbook;
}

/** The task pane outside Excel: open a workbook file, then check it as in Excel. */
export function FileMode({ openWorkbook }: FileModeProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const input = useRef<HTMLInputElement>(null);
  const [host, setHost] = useState<WorkbookHost | null>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [locked, setLocked] = useState<{ file: File; wrong: boolean } | null>(null);
  const [password, setPassword] = useState("");

  const open = useCallback(
    async (file: File | undefined, given?: string) => {
      if (!file) return;
      setOpening(true);
      setError(null);
      try {
        setHost(await openWorkbook(file, given));
        setLocked(null);
      } catch (err) {
        const asked = needsPassword(err);
        if (asked) setLocked({ file, wrong: asked === "wrong" });
        else {
          setLocked(null);
          setError(err instanceof Error ? err.message : String(err));
        }
      } finally {
        setPassword("");
        setOpening(false);
        if (input.current) input.current.value = "";
      }
    },
    [openWorkbook]
  );

  const picker = (
    <>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
        aria-label="Workbook file"
        data-testid="file-input"
        onChange={(e) => void open(e.target.files?.[0])}
      />
      <Button
        appearance={host ? "secondary" : "primary"}
        icon={<FolderOpenRegular />}
        onClick={() => input.current?.click()}
        disabled={opening}
      >
        {host ? "Open another workbook" : "Open a workbook"}
      </Button>
    </>
  );

  const passwordForm = locked && (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void open(locked.file, password);
      }}
    >
      <Field
        label={`Password for ${locked.file.name}`}
        validationState={locked.wrong ? "error" : "none"}
        validationMessage={
          locked.wrong
            ? "That password does not open this workbook. Passwords are case-sensitive."
            : "This workbook is protected with a password. It is used here only to read the file."
        }
      >
        <Input
          type="password"
          value={password}
          onChange={(_e, d) => setPassword(d.value)}
          autoFocus
        />
      </Field>
      <Button type="submit" appearance="primary" disabled={opening || password === ""}>
        Open
      </Button>
    </form>
  );

  if (host) {
    return (
      <CheckerView
        key={host.label}
        host={host}
        autoCheck
        header={
          <div className={styles.fileBar}>
            <Text weight="semibold">{host.label}</Text>
            {picker}
            <Caption1>{PRIVACY}</Caption1>
            {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
            {passwordForm}
          </div>
        }
      />
    );
  }

  return (
    <main
      className={pane.pane}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void open(e.dataTransfer.files[0]);
      }}
    >
      <Subtitle1 as="h1">Governance schedule checker</Subtitle1>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>Working on a file</MessageBarTitle>
          Excel is not here, so this page checks a workbook file instead. {PRIVACY}
        </MessageBarBody>
      </MessageBar>
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      <div className={mergeClasses(styles.drop, dragging && styles.dragging)}>
        <DocumentArrowUpRegular fontSize={40} aria-hidden />
        <Text>Drop an .xlsx workbook here, or</Text>
        {picker}
        {opening && <Spinner size="small" label="Opening the workbook…" />}
      </div>
      {passwordForm}
    </main>
  );
}
