import {
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Subtitle2,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  DocumentTableRegular,
  EraserRegular,
  HighlightRegular,
  SettingsRegular,
} from "@fluentui/react-icons";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { WorkbookHost } from "../core/host";
import { BusyLine } from "./components/BusyLine";
import { ErrorBar } from "./components/ErrorBar";
import { FindingsList } from "./components/FindingsList";
import { LiveOptions } from "./components/LiveOptions";
import { LastYearPicker } from "./components/LastYearPicker";
import { PasswordBox } from "./components/PasswordBox";
import { RowPreview } from "./components/RowPreview";
import { ScheduleList } from "./components/ScheduleList";
import { SettingsPanel } from "./components/SettingsPanel";
import type { EngineStarter } from "./engine/engine-session";
import { useFocusTarget } from "./focus-target";
import { usePaneStyles } from "./pane-styles";
import { type Checker, useChecker } from "./use-checker";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  region: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: {
    margin: 0,
    overflowWrap: "anywhere",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  results: typographyStyles.subtitle1,
  status: { minHeight: tokens.lineHeightBase200 },
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

export interface CheckerPaneProps {
  checker: Checker;
  /** Shown under the title in file mode: the file's name and a way to open another. */
  header?: ReactNode;
}

/** The checker for one workbook: check, results, highlights, settings, committee summary. */
export function CheckerPane({ checker, header }: CheckerPaneProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { state } = checker;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const errorBar = useRef<HTMLDivElement>(null);
  const lastYearPassword = useRef<HTMLInputElement>(null);
  const previewId = useId();
  useFocusTarget(state.focus, "results", resultsHeading);
  useFocusTarget(state.focus, "settings-button", settingsButton);
  useFocusTarget(state.focus, "error", errorBar);
  useFocusTarget(state.focus, "last-year-password", lastYearPassword);

  const host = state.workbook?.host;
  const inExcel = host?.kind === "excel";
  const view = state.view;
  const busy = state.busy !== null;
  const lastYearAsked = state.lastYearPasswordRequest;

  const closeSettings = () => {
    setSettingsOpen(false);
    checker.focusOn("settings-button");
  };

  return (
    <main className={pane.pane}>
      <header className={styles.region}>
        <Subtitle1 as="h1" className={styles.heading}>
          Governance schedule checker
        </Subtitle1>
        {header}
      </header>
      {state.error && (
        <ErrorBar
          ref={errorBar}
          message={state.error.message}
          detail={state.error.detail}
          onDismiss={checker.dismissError}
        />
      )}
      <div className={styles.toolbar} role="toolbar" aria-label="Actions">
        <Button
          className={pane.tool}
          appearance="primary"
          icon={<CheckmarkCircleRegular />}
          onClick={() => void checker.check()}
          // Focusable while unavailable: focus stays put while the check it started runs.
          disabledFocusable={busy || !host}
        >
          Check schedules
        </Button>
        {inExcel && (
          <>
            <Button
              className={pane.tool}
              icon={<HighlightRegular />}
              onClick={() => void checker.highlight()}
              disabledFocusable={busy || !view || view.findings.length === 0}
            >
              Highlight in workbook
            </Button>
            <Button
              className={pane.tool}
              icon={<EraserRegular />}
              onClick={() => void checker.clearHighlights()}
              disabledFocusable={busy}
            >
              Clear highlights
            </Button>
          </>
        )}
        <Button
          className={pane.tool}
          icon={<DocumentTableRegular />}
          onClick={() => void checker.buildCommitteeSummary(download)}
          disabledFocusable={busy || !view || view.schedules.length === 0}
        >
          Build committee summary
        </Button>
        <Tooltip
          relationship="description"
          content={
            view
              ? "Weak thresholds and scales for each schedule, and the words that mean none."
              : "Check the schedules first: settings are set for each schedule found."
          }
        >
          <Button
            ref={settingsButton}
            className={pane.tool}
            icon={<SettingsRegular />}
            onClick={() => (settingsOpen ? closeSettings() : setSettingsOpen(true))}
            aria-expanded={settingsOpen}
            // Focusable while unavailable, so its reason (the tooltip) reaches the keyboard.
            disabledFocusable={busy || !view}
          >
            Settings
          </Button>
        </Tooltip>
      </div>
      {inExcel && host.features && (
        <LiveOptions
          features={host.features}
          checkAsYouType={state.settings.checkAsYouType}
          problemNotes={state.settings.problemNotes}
          busy={busy || !state.settingsLoaded}
          hasSchedules={Boolean(view && view.schedules.length > 0)}
          hasResults={Boolean(view)}
          onCheckAsYouType={(on) => void checker.setCheckAsYouType(on)}
          onProblemNotes={(on) => void checker.setProblemNotes(on)}
          onAddDropDowns={() => void checker.addDropDowns()}
          onRemoveDropDowns={() => void checker.removeDropDowns()}
          onExportFindings={() => void checker.exportFindings()}
        />
      )}
      <LastYearPicker
        comparingWith={state.lastYear?.name ?? null}
        disabled={busy || !view}
        onPick={(file) => void checker.compareWith(file)}
        onStop={() => void checker.stopComparing()}
      />
      {lastYearAsked && (
        <PasswordBox
          ref={lastYearPassword}
          name={lastYearAsked.name}
          wrong={lastYearAsked.wrong}
          busy={busy}
          submitLabel="Compare"
          dismissLabel="Do not compare"
          onSubmit={(password) => void checker.compareWith(lastYearAsked.file, password)}
          onDismiss={checker.dismissLastYearPasswordRequest}
        />
      )}
      {state.busy && <BusyLine busy={state.busy} onCancel={checker.cancel} />}
      <div aria-live="polite" className={styles.status}>
        {state.rechecking ? (
          <Caption1>Checking your edit…</Caption1>
        ) : (
          state.status && <Caption1>{state.status}</Caption1>
        )}
      </div>
      {state.settingsProblems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Settings</MessageBarTitle>
            Saved settings had problems, so defaults are used for:{" "}
            {state.settingsProblems.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {[...new Set([...(view?.notes ?? []), ...state.markNotes, ...state.liveNotes])].map(
        (note) => (
          <MessageBar key={note} intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Note</MessageBarTitle>
              {note}
            </MessageBarBody>
          </MessageBar>
        )
      )}
      {settingsOpen && view && (
        <SettingsPanel
          settings={state.settings}
          schedules={view.schedules}
          unread={view.unread}
          storedIn={
            inExcel
              ? "saved in the workbook, so the next person who opens it sees the same thresholds"
              : "kept in this browser for this file: open the same file here again and they apply"
          }
          onCancel={closeSettings}
          onSave={(s) => {
            setSettingsOpen(false);
            void checker.saveSettings(s);
          }}
        />
      )}
      {view && (
        <section className={styles.region} aria-labelledby={`${previewId}-results`}>
          <h2
            id={`${previewId}-results`}
            ref={resultsHeading}
            tabIndex={-1}
            className={mergeClasses(styles.results, styles.heading)}
          >
            {host?.kind === "file" ? `Results for ${host.label}` : "Results"}
          </h2>
          <section className={styles.region} aria-label="Schedules">
            <Subtitle2 as="h3" className={styles.heading}>
              Schedules
            </Subtitle2>
            <ScheduleList schedules={view.schedules} />
          </section>
          <Divider />
          <section className={mergeClasses(styles.region)} aria-label="Findings">
            <Subtitle2 as="h3" className={styles.heading}>
              Findings
            </Subtitle2>
            <FindingsList
              findings={view.findings}
              chosen={state.chosen}
              onChoose={(f) => void checker.choose(f)}
              selectVerb={inExcel ? "Go to" : "Show"}
              focusChosen={state.focus?.target === "finding" ? state.focus.seq : undefined}
              revealChosen={state.reveal}
              preview={
                inExcel
                  ? undefined
                  : state.preview
                    ? {
                        id: previewId,
                        onClose: checker.closePreview,
                        node: (
                          <RowPreview
                            id={previewId}
                            finding={state.preview.finding}
                            row={state.preview.row}
                            onClose={checker.closePreview}
                          />
                        ),
                      }
                    : null
              }
            />
          </section>
        </section>
      )}
    </main>
  );
}

export interface CheckerViewProps {
  host: WorkbookHost;
  /** Where checks run: a Web Worker by default. */
  engine?: EngineStarter;
}

/** The checker for the workbook open in Excel: its saved settings are read first. */
export function CheckerView({ host, engine }: CheckerViewProps) {
  const checker = useChecker({ engine });
  const { attach } = checker;
  useEffect(() => {
    void attach(host);
  }, [host, attach]);
  const pane = usePaneStyles();
  return (
    <div className={pane.page}>
      <CheckerPane checker={checker} />
    </div>
  );
}
