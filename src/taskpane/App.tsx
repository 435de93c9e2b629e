import {
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  DocumentTableRegular,
  EraserRegular,
  HighlightRegular,
  SettingsRegular,
} from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../core/host";
import { ErrorBar } from "./components/ErrorBar";
import { usePaneStyles } from "./pane-styles";
import { FindingsList } from "./components/FindingsList";
import { LastYearPicker } from "./components/LastYearPicker";
import { RowPreview } from "./components/RowPreview";
import { ScheduleList } from "./components/ScheduleList";
import { SettingsPanel } from "./components/SettingsPanel";
import { readPickedWorkbook as readWithFileHost } from "./read-picked-workbook";
import { type ReadPickedWorkbook, useChecker } from "./use-checker";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  region: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Hands a workbook the page made to the browser as a download; nothing leaves the computer. */
function download(fileName: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface CheckerViewProps {
  host: WorkbookHost;
  /** Shown above the buttons in file mode: the file's name and a way to open another. */
  header?: React.ReactNode;
  /** Check as soon as the workbook is there (file mode: the user has just opened it). */
  autoCheck?: boolean;
  /** Reads last year's workbook when the user picks one (the file host's reader by default). */
  readPickedWorkbook?: ReadPickedWorkbook;
}

/** The checker for one workbook: check, results, highlights, settings. */
export function CheckerView({
  host,
  header,
  autoCheck = false,
  readPickedWorkbook = readWithFileHost,
}: CheckerViewProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const {
    state,
    check,
    highlight,
    clearHighlights,
    showFinding,
    saveSettings,
    buildCommitteeSummary,
    compareWith,
    stopComparing,
    dismissError,
  } = useChecker(host);
  const [settingsOpen, setSettingsOpen] = useState(false);
  useEffect(() => {
    if (autoCheck) void check();
    // Only when a new workbook arrives (check itself changes with settings), not on every render.
  }, [host]);
  const inExcel = host.kind === "excel";
  const previewGrid = state.preview
    ? state.grids.find((g) => g.name === state.preview?.sheet)
    : undefined;
  const previewHeader =
    state.result?.schedules
      .filter(
        (c) =>
          c.schedule.sheet === state.preview?.sheet &&
          c.schedule.headerRow <= (state.preview?.row ?? 0)
      )
      .map((c) => c.schedule.headerRow)
      .pop() ?? 1;
  const busy = state.busy !== null;
  const progressText =
    state.progress?.total && state.progress.done !== undefined
      ? `${state.progress.message}: ${Math.round((100 * state.progress.done) / Math.max(1, state.progress.total))}%`
      : (state.progress?.message ?? "");

  return (
    <main className={pane.pane}>
      <header className={styles.region}>
        <Subtitle1 as="h1">Governance schedule checker</Subtitle1>
        {header}
      </header>
      {state.error && <ErrorBar message={state.error} onDismiss={dismissError} />}
      <div className={styles.toolbar} role="toolbar" aria-label="Actions">
        <Button
          appearance="primary"
          icon={<CheckmarkCircleRegular />}
          onClick={check}
          disabled={busy}
        >
          Check schedules
        </Button>
        {inExcel && (
          <>
            <Button
              icon={<HighlightRegular />}
              onClick={() => highlight(state.findings.map((f) => f.finding))}
              disabled={busy || state.findings.length === 0}
            >
              Highlight in workbook
            </Button>
            <Button icon={<EraserRegular />} onClick={clearHighlights} disabled={busy}>
              Clear highlights
            </Button>
          </>
        )}
        <Button
          icon={<DocumentTableRegular />}
          onClick={() => buildCommitteeSummary(download)}
          disabled={busy || !state.result || state.result.schedules.length === 0}
        >
          Build committee summary
        </Button>
        <Button
          icon={<SettingsRegular />}
          onClick={() => setSettingsOpen((o) => !o)}
          aria-expanded={settingsOpen}
          disabled={busy || !state.result}
          title={state.result ? undefined : "Check the schedules first"}
        >
          Settings
        </Button>
      </div>
      <LastYearPicker
        comparingWith={state.lastYear?.source ?? null}
        disabled={busy || !state.result}
        onPick={(file) => void compareWith(file, readPickedWorkbook)}
        onStop={() => void stopComparing()}
      />
      {busy && (
        <Spinner
          size="small"
          label={progressText ? `${state.busy}. ${progressText}` : `${state.busy}…`}
          labelPosition="after"
        />
      )}
      <div aria-live="polite">{state.status && <Caption1>{state.status}</Caption1>}</div>
      {state.settingsProblems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Settings</MessageBarTitle>
            Saved settings had problems, so defaults are used for:{" "}
            {state.settingsProblems.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notes.map((note) => (
        <MessageBar key={note} intent="info">
          <MessageBarBody>
            <MessageBarTitle>Note</MessageBarTitle>
            {note}
          </MessageBarBody>
        </MessageBar>
      ))}
      {settingsOpen && state.result && (
        <SettingsPanel
          settings={state.settings}
          schedules={state.result.schedules}
          storedIn={inExcel ? "in the workbook" : "in this browser for this file"}
          onCancel={() => setSettingsOpen(false)}
          onSave={(s) => {
            setSettingsOpen(false);
            void saveSettings(s);
          }}
        />
      )}
      {state.preview && previewGrid && (
        <RowPreview grid={previewGrid} finding={state.preview} headerRow={previewHeader} />
      )}
      {state.result && (
        <>
          <section className={styles.region} aria-label="Schedules">
            <Subtitle2 as="h2">Schedules</Subtitle2>
            <ScheduleList schedules={state.result.schedules} />
          </section>
          <Divider />
          <section className={styles.region} aria-label="Findings">
            <Subtitle2 as="h2">Findings</Subtitle2>
            <FindingsList
              findings={state.findings}
              onSelect={showFinding}
              selectVerb={inExcel ? "Go to" : "Show"}
            />
          </section>
        </>
      )}
    </main>
  );
}
