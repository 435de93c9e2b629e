import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowUpRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { type DragEvent, useEffect, useRef, useState } from "react";
import type { WorkbookHost } from "../core/host";
import { CheckerPane } from "./App";
import { BusyLine } from "./components/BusyLine";
import { ErrorBar } from "./components/ErrorBar";
import { PasswordBox } from "./components/PasswordBox";
import type { EngineStarter } from "./engine/engine-session";
import { useFocusTarget } from "./focus-target";
import { usePaneStyles } from "./pane-styles";
import { useChecker } from "./use-checker";

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
    minWidth: 0,
  },
  fileName: { overflowWrap: "anywhere", minWidth: 0 },
  hidden: { display: "none" },
});

/**
 * Opens a workbook file as a host (its name, and its settings kept in this browser). The engine
 * reads the file itself, with the password the user gives for a protected one.
 */
export type OpenWorkbook = (file: File) => Promise<WorkbookHost>;

const PRIVACY = "Your file stays on this computer: it is read inside this page and never uploaded.";

export interface FileModeProps {
  openWorkbook: OpenWorkbook;
  /** Where checks run: a Web Worker by default. */
  engine?: EngineStarter;
  /** Called once when file mode starts, to load ahead what opening a file needs. */
  prepare?: () => void;
}

/**
 * The task pane outside Excel: open a workbook file, then check it as in Excel. A file replaces
 * the one shown only once it has opened and been checked.
 */
export function FileMode({ openWorkbook, engine, prepare }: FileModeProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const checker = useChecker({ engine, readsFiles: true });
  const { state } = checker;
  const input = useRef<HTMLInputElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const passwordBox = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    prepare?.();
  }, [prepare]);
  /** The file last picked: asked for again with its password when it is protected. */
  const [picked, setPicked] = useState<File | null>(null);
  const busy = state.busy !== null;
  useFocusTarget(state.workbook ? null : state.focus, "error", errorBar);
  useFocusTarget(state.focus, "password", passwordBox);

  const open = (file: File | undefined, given?: string) => {
    if (input.current) input.current.value = "";
    if (!file || busy) return;
    setPicked(file);
    void checker.open(file.name, async () => ({
      host: await openWorkbook(file),
      file,
      ...(given !== undefined ? { password: given } : {}),
    }));
  };

  const asked = state.passwordRequest && picked ? state.passwordRequest : null;
  const passwordForm = asked && picked && (
    <PasswordBox
      ref={passwordBox}
      name={asked.name}
      wrong={asked.wrong}
      busy={busy}
      submitLabel="Open"
      dismissLabel="Do not open it"
      onSubmit={(given) => open(picked, given)}
      onDismiss={checker.dismissPasswordRequest}
    />
  );

  const dropTarget = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      // While a check runs a drop would be ignored: the pointer says so before the officer lets go.
      if (busy) {
        e.dataTransfer.dropEffect = "none";
        return;
      }
      e.dataTransfer.dropEffect = "copy";
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      open(e.dataTransfer.files[0]);
    },
  };

  const picker = (
    <>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
        aria-label="Workbook file"
        data-testid="file-input"
        onChange={(e) => open(e.target.files?.[0])}
      />
      <Button
        className={pane.tool}
        appearance={state.workbook ? "secondary" : "primary"}
        icon={<FolderOpenRegular />}
        onClick={() => input.current?.click()}
        disabledFocusable={busy}
      >
        {state.workbook ? "Open another workbook" : "Open a workbook"}
      </Button>
    </>
  );

  if (state.workbook) {
    return (
      <div className={pane.page} {...dropTarget}>
        <CheckerPane
          checker={checker}
          header={
            <div className={styles.fileBar}>
              <Text weight="semibold" className={styles.fileName}>
                {state.workbook.host.label}
              </Text>
              {picker}
              <Caption1>{PRIVACY}</Caption1>
              {passwordForm}
            </div>
          }
        />
      </div>
    );
  }

  return (
    <div className={pane.page} {...dropTarget}>
      <main className={pane.pane}>
        <Subtitle1 as="h1">Governance schedule checker</Subtitle1>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Working on a file</MessageBarTitle>
            Excel is not here, so this page checks a workbook file instead. {PRIVACY}
          </MessageBarBody>
        </MessageBar>
        {state.error && (
          <ErrorBar
            ref={errorBar}
            message={state.error.message}
            detail={state.error.detail}
            onDismiss={checker.dismissError}
          />
        )}
        <div className={mergeClasses(styles.drop, dragging && styles.dragging)}>
          <DocumentArrowUpRegular fontSize={40} aria-hidden />
          <Text>Drop an .xlsx workbook here, or</Text>
          {picker}
        </div>
        {passwordForm}
        {state.busy && <BusyLine busy={state.busy} onCancel={checker.cancel} />}
        <div aria-live="polite">{state.status && <Caption1>{state.status}</Caption1>}</div>
      </main>
    </div>
  );
}
