import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { Finding } from "../core/findings";
import type { HostProgress, SheetEdit, SheetSelection, WorkbookHost } from "../core/host";
import { type Settings, defaultSettings } from "../core/settings";
import { EditQueue, type PendingSheet } from "./edit-queue";
import {
  CancelledError,
  EngineError,
  type EngineSession,
  EngineStarter,
} from "./engine/engine-session";
import type { CheckProgress, CheckView, LastYearSource, RowView } from "./engine/protocol";
import { asSentences } from "./error-text";
import { plural } from "../core/words";

/** The workbook the pane works on: Excel's, or a file the user opened (which the engine reads). */
export interface PaneWorkbook {
  readonly host: WorkbookHost;
  readonly file?: File;
  /**
   * The password that opened a protected file. Kept while the file is open: the engine reads
   * the file again for each check.
   */
  readonly password?: string;
}

/**
 * The same file picked twice: a browser gives no path, so its name, size and time of last change.
 * Last year's return is often named as this year's, in another folder: the name alone is not it.
 */
function sameFile(a: File, b: File): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

/** A file that opened no further than its password: the pane asks for it. */
export interface PasswordRequest {
  /** The file's name. */
  readonly name: string;
  /** A password was given and it does not open the file. */
  readonly wrong: boolean;
}

/** Last year's workbook, picked to compare with, opened no further than its password. */
export interface LastYearPasswordRequest extends PasswordRequest {
  /** The file picked: compared with once its password is given. */
  readonly file: File;
}

export interface Busy {
  /** What is running, in words ("Checking schedules"). */
  readonly label: string;
  readonly progress: CheckProgress | null;
  /** A check can be stopped; a write to the workbook cannot. */
  readonly cancellable: boolean;
}

export interface PaneError {
  /** What went wrong and what to do, as sentences. */
  readonly message: string;
  /** What state the pane is left in ("bad.xlsx was not opened. The results below are still ..."). */
  readonly detail?: string;
}

export type FocusTarget =
  "results" | "settings-button" | "error" | "finding" | "password" | "last-year-password";

export interface CheckerState {
  /** null in file mode until a file has been opened and checked. */
  workbook: PaneWorkbook | null;
  busy: Busy | null;
  view: CheckView | null;
  checkedAt: Date | null;
  settings: Settings;
  /** The saved settings have been read: no check runs before they have. */
  settingsLoaded: boolean;
  settingsProblems: string[];
  error: PaneError | null;
  /** File mode: the file just picked is protected, and its password is missing or wrong. */
  passwordRequest: PasswordRequest | null;
  /** Last year's workbook just picked is protected, and its password is missing or wrong. */
  lastYearPasswordRequest: LastYearPasswordRequest | null;
  /** A short confirmation after an action ("Highlights cleared."). */
  status: string | null;
  /** Cells highlighted in the workbook by the last "Highlight", or null when none are. */
  highlighted: number | null;
  /** What marking or unmarking cells could not do, in plain words (a protected sheet, say). */
  markNotes: readonly string[];
  /** The finding the user chose last: marked in the list (and, in Excel, selected). */
  chosen: Finding | null;
  /** File mode: the chosen finding's row, shown under it; `row` is null while it is fetched. */
  preview: { finding: Finding; row: RowView | null } | null;
  /** Where keyboard focus should go after the last action; `seq` makes each request new. */
  focus: { target: FocusTarget; seq: number } | null;
  /** Changes when the list should scroll to the chosen finding without taking focus (a cell selected in Excel). */
  reveal: number;
  /** What watching the workbook could not do (a sheet that has gone), in plain words. */
  liveNotes: readonly string[];
  /** An edit is being checked: said quietly, without the busy line. */
  rechecking: boolean;
  /**
   * Last year's workbook the user chose to compare with, or null. The pane keeps only the file's
   * handle, and the password that opened a protected one: the engine reads it again with each
   * check and keeps what it compares.
   */
  lastYear: (LastYearSource & { readonly name: string }) | null;
}

const initial: CheckerState = {
  workbook: null,
  busy: null,
  view: null,
  checkedAt: null,
  settings: defaultSettings(),
  settingsLoaded: false,
  settingsProblems: [],
  error: null,
  passwordRequest: null,
  lastYearPasswordRequest: null,
  status: null,
  highlighted: null,
  markNotes: [],
  chosen: null,
  preview: null,
  focus: null,
  reveal: 0,
  liveNotes: [],
  rechecking: false,
  lastYear: null,
};

/**
 * The reader's answer for a protected workbook whose password is missing or wrong, if it is one:
 * this year's workbook, or last year's (which the engine names LastYearError).
 */
function passwordAsked(
  err: unknown,
  whose: "this year" | "last year"
): "required" | "wrong" | undefined {
  if (!(err instanceof EngineError)) return undefined;
  if ((err.name === "LastYearError") !== (whose === "last year")) return undefined;
  if (err.kind === "password-required") return "required";
  if (err.kind === "password-wrong") return "wrong";
  return undefined;
}

/** How much of a check in Excel is the read through Office.js; the engine does the rest. */
const EXCEL_READ_SHARE = 0.6;

function hostFraction(p: HostProgress): number {
  return p.total && p.done !== undefined ? Math.min(1, p.done / p.total) : 0;
}

/** "10:42". (Not toLocaleTimeString: its first call loads locale data, tens of ms on the main thread.) */
function clock(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

function findingKey(f: Finding): string {
  return `${f.sheet}\u0000${f.cell}\u0000${f.rule}\u0000${f.message}`;
}

/** The same finding in new results (after a check of an edit), or null where it has gone. */
function sameFinding(view: CheckView, chosen: Finding | null): Finding | null {
  if (!chosen) return null;
  const key = findingKey(chosen);
  return view.findings.find((f) => findingKey(f.finding) === key)?.finding ?? null;
}

function within(f: Finding, s: SheetSelection): boolean {
  return (
    f.sheet === s.sheet &&
    f.row >= s.area.top &&
    f.row <= s.area.bottom &&
    f.column >= s.area.left &&
    f.column <= s.area.right
  );
}

/** "no change", or what changed between two checks of the same workbook. */
function changeSince(before: CheckView, after: CheckView): string {
  const old = new Set(before.findings.map((f) => findingKey(f.finding)));
  const now = new Set(after.findings.map((f) => findingKey(f.finding)));
  let added = 0;
  let gone = 0;
  for (const k of now) if (!old.has(k)) added++;
  for (const k of old) if (!now.has(k)) gone++;
  const sameSchedules =
    JSON.stringify(before.schedules) === JSON.stringify(after.schedules) &&
    JSON.stringify(before.notes) === JSON.stringify(after.notes);
  if (added === 0 && gone === 0 && sameSchedules) return "no change";
  const parts: string[] = [];
  if (added) parts.push(plural(added, "new finding"));
  if (gone) parts.push(`${plural(gone, "finding")} gone`);
  if (!sameSchedules) parts.push("the schedules read differently");
  return parts.join(", ");
}

interface Run {
  cancelled: boolean;
  session: EngineSession | null;
  /** Settles when the action is over, so a check of an edit can wait for it. */
  done: Promise<unknown>;
}

/**
 * The task pane's behaviour over any host: open, check (in the engine), highlight, choose a
 * finding, settings, the committee summary. Office stays behind the host; the engine behind its
 * session; the pane's components get this state and these callbacks.
 */
export function useChecker(options: { engine?: EngineStarter; readsFiles?: boolean } = {}) {
  const [state, setState] = useState<CheckerState>(initial);
  // The newest state, for actions that run across awaits. Every change goes through `patch`.
  const latest = useRef(initial);
  const [engine] = useState(() => options.engine ?? new EngineStarter(options.readsFiles));
  /** The session behind the results on screen (it holds the sheets for previews and summaries). */
  const shown = useRef<EngineSession | null>(null);
  /** The action running now, so Cancel can stop it and nothing else starts meanwhile. */
  const running = useRef<Run | null>(null);
  /** A check of edits running now: an action waits for it (it takes a moment). */
  const live = useRef<Promise<void> | null>(null);
  const focusSeq = useRef(0);
  const revealSeq = useRef(0);

  const patch = useCallback((p: Partial<CheckerState>) => {
    latest.current = { ...latest.current, ...p };
    setState(latest.current);
  }, []);

  const focusOn = useCallback(
    (target: FocusTarget) => patch({ focus: { target, seq: ++focusSeq.current } }),
    [patch]
  );

  useEffect(() => {
    // The first check's worker starts now, while the officer finds the file.
    engine.warm();
    return () => {
      running.current?.session?.dispose();
      shown.current?.dispose();
      engine.dispose();
    };
  }, [engine]);

  /**
   * Runs one action at a time with the busy line; an error goes to the message bar (and focus to
   * it), and a cancelled run changes nothing. Resolves true when the action finished.
   */
  const act = useCallback(
    async (
      label: string,
      work: (run: Run) => Promise<Partial<CheckerState>>,
      options: {
        cancellable?: boolean;
        failure?: (message: string) => PaneError;
        /** A failure that is a question rather than an error: the state that asks it. */
        asks?: (err: unknown) => Partial<CheckerState> | undefined;
      } = {}
    ): Promise<boolean> => {
      // A check of an edit finishes first: it is quick, and the officer asked for this.
      while (live.current) await live.current;
      if (running.current) return false;
      let finished = () => undefined as void;
      const run: Run = {
        cancelled: false,
        session: null,
        done: new Promise<void>((resolve) => (finished = resolve)),
      };
      running.current = run;
      patch({
        busy: { label, progress: null, cancellable: Boolean(options.cancellable) },
        error: null,
        passwordRequest: null,
        lastYearPasswordRequest: null,
        status: null,
      });
      try {
        const result = await work(run);
        if (run.cancelled) return false;
        // Results for thousands of findings are a big render: as a transition React renders them
        // in slices, so the pane never stops answering for long.
        startTransition(() => patch({ ...result, busy: null }));
        return true;
      } catch (err) {
        if (run.cancelled || err instanceof CancelledError) return false;
        const question = options.asks?.(err);
        if (question) {
          patch({ ...question, busy: null });
          return false;
        }
        const message = asSentences(err instanceof Error ? err.message : String(err));
        patch({ busy: null, error: options.failure ? options.failure(message) : { message } });
        focusOn("error");
        return false;
      } finally {
        if (running.current === run) running.current = null;
        finished();
      }
    },
    [patch, focusOn]
  );

  const progress = useCallback(
    (run: Run, p: CheckProgress) => {
      const busy = latest.current.busy;
      if (!run.cancelled && busy) patch({ busy: { ...busy, progress: p } });
    },
    [patch]
  );

  /**
   * Reads and checks a workbook in a new engine session, compared with last year's workbook where
   * one is given; the caller decides what to keep.
   */
  const checkIn = useCallback(
    async (
      run: Run,
      workbook: PaneWorkbook,
      settings: Settings,
      lastYear: LastYearSource | null
    ): Promise<CheckView> => {
      const session = engine.session();
      run.session = session;
      try {
        let view: CheckView;
        if (workbook.file) {
          view = await session.check(
            { kind: "file", file: workbook.file, password: workbook.password },
            settings,
            (p) => progress(run, p),
            lastYear ?? undefined
          );
        } else {
          // Office.js lives in this thread: the host reads, the engine checks what it read.
          const read = await workbook.host.readWorkbook((p) =>
            progress(run, { message: p.message, fraction: EXCEL_READ_SHARE * hostFraction(p) })
          );
          if (run.cancelled) throw new CancelledError();
          view = await session.check(
            { kind: "read", read },
            settings,
            (p) =>
              progress(run, {
                message: p.message,
                fraction: EXCEL_READ_SHARE + (1 - EXCEL_READ_SHARE) * p.fraction,
              }),
            lastYear ?? undefined
          );
        }
        if (run.cancelled) throw new CancelledError();
        // The new session now backs the results; the old one and its sheets can go.
        shown.current?.dispose();
        shown.current = session;
        engine.warm();
        return view;
      } catch (err) {
        session.dispose();
        throw err;
      }
    },
    [engine, progress]
  );

  const loadSettings = useCallback(async (host: WorkbookHost) => {
    const { settings, problems } = await host.loadSettings();
    return { settings, settingsProblems: problems, settingsLoaded: true };
  }, []);

  /** Excel: the workbook is there from the start; its settings are read before anything else. */
  const attach = useCallback(
    (host: WorkbookHost) => {
      patch({ workbook: { host } });
      return act("Loading settings", () => loadSettings(host));
    },
    [act, patch, loadSettings]
  );

  /**
   * File mode: opens a file and checks it with its own saved settings. Only a file that opened
   * and checked replaces what is shown; if it fails, the previous file's results stay and the
   * message says whose they are. A protected file whose password is missing or wrong sets
   * `passwordRequest` (and focus goes to the password box) instead of an error.
   */
  const open = useCallback(
    async (name: string, make: () => Promise<PaneWorkbook>): Promise<boolean> => {
      const before = latest.current.workbook;
      const ok = await act(
        `Opening ${name}`,
        async (run) => {
          const workbook = await make();
          const loaded = await loadSettings(workbook.host);
          // Another return: last year's workbook picked for the one before is not its own.
          const view = await checkIn(run, workbook, loaded.settings, null);
          const checkedAt = new Date();
          return {
            ...loaded,
            workbook,
            view,
            lastYear: null,
            checkedAt,
            status: `Checked at ${clock(checkedAt)}.`,
            chosen: null,
            preview: null,
            passwordRequest: null,
            focus: { target: "results", seq: ++focusSeq.current },
          };
        },
        {
          cancellable: true,
          asks: (err) => {
            const asked = passwordAsked(err, "this year");
            if (!asked) return undefined;
            return {
              passwordRequest: { name, wrong: asked === "wrong" },
              focus: { target: "password", seq: ++focusSeq.current },
            };
          },
          failure: (message) => ({
            message,
            detail: before
              ? `${name} was not opened. The results below are still those of ${before.host.label}.`
              : `${name} was not opened.`,
          }),
        }
      );
      return ok;
    },
    [act, checkIn, loadSettings]
  );

  /** After a check, where problems are shown as notes, the notes follow the findings. */
  const notesFollow = useCallback(
    async (
      host: WorkbookHost,
      settings: Settings,
      view: CheckView,
      sheets?: readonly string[]
    ): Promise<Partial<CheckerState>> => {
      if (!settings.problemNotes || !host.showProblemNotes || !host.features?.notes.available)
        return {};
      try {
        const { notes } = await host.showProblemNotes(
          view.findings.map((f) => f.finding),
          sheets
        );
        return { markNotes: notes };
      } catch (err) {
        // The check itself worked: its results stay, and the note says what did not.
        const why = asSentences(err instanceof Error ? err.message : String(err));
        return { markNotes: [`The notes on the cells were not brought up to date. ${why}`] };
      }
    },
    []
  );

  const check = useCallback(
    () =>
      act(
        "Checking schedules",
        async (run) => {
          const workbook = latest.current.workbook;
          if (!workbook) return {};
          let loaded = {};
          let settings = latest.current.settings;
          if (!latest.current.settingsLoaded) {
            const l = await loadSettings(workbook.host);
            settings = l.settings;
            loaded = l;
          }
          const before = latest.current.view;
          const view = await checkIn(run, workbook, settings, latest.current.lastYear);
          const checkedAt = new Date();
          const noted = await notesFollow(workbook.host, settings, view);
          return {
            ...loaded,
            ...noted,
            view,
            checkedAt,
            status: before
              ? `Checked again at ${clock(checkedAt)}: ${changeSince(before, view)}.`
              : `Checked at ${clock(checkedAt)}.`,
            chosen: null,
            preview: null,
          };
        },
        { cancellable: true }
      ),
    [act, checkIn, loadSettings, notesFollow]
  );

  /** Stops the running check; the results on screen, if any, stay. */
  const cancel = useCallback(() => {
    const run = running.current;
    if (!run || !latest.current.busy?.cancellable) return;
    run.cancelled = true;
    run.session?.dispose();
    running.current = null;
    patch({
      busy: null,
      status: latest.current.view
        ? "Check cancelled: the results shown are from the last check."
        : "Check cancelled.",
    });
  }, [patch]);

  const highlight = useCallback(
    () =>
      act("Highlighting cells", async () => {
        const findings = latest.current.view?.findings.map((f) => f.finding) ?? [];
        const workbook = latest.current.workbook;
        if (!workbook) return {};
        const { count: cells, notes } = await workbook.host.highlight(findings);
        return {
          highlighted: cells,
          status: `Highlighted ${plural(cells, "cell")}.`,
          markNotes: notes,
        };
      }),
    [act]
  );

  const clearHighlights = useCallback(
    () =>
      act("Clearing highlights", async () => {
        const workbook = latest.current.workbook;
        if (!workbook) return {};
        const { count: removed, notes } = await workbook.host.clearHighlights();
        return {
          highlighted: null,
          status: removed ? "Highlights cleared." : "There were no highlights to clear.",
          markNotes: notes,
        };
      }),
    [act]
  );

  /** Marks a finding as chosen: Excel selects its cell; in file mode its row opens under it. */
  const choose = useCallback(
    async (finding: Finding) => {
      const workbook = latest.current.workbook;
      if (!workbook) return;
      if (workbook.host.kind === "excel") {
        patch({ chosen: finding });
        try {
          await workbook.host.showFinding(finding);
        } catch (err) {
          patch({
            error: { message: asSentences(err instanceof Error ? err.message : String(err)) },
          });
          focusOn("error");
        }
        return;
      }
      patch({ chosen: finding, preview: { finding, row: null } });
      const session = shown.current;
      if (!session) return;
      try {
        const row = await session.row(finding.sheet, finding.row, finding.column);
        // Only if this is still the finding shown: a quick second choice must not get this row.
        if (latest.current.preview?.finding === finding) patch({ preview: { finding, row } });
      } catch (err) {
        if (err instanceof CancelledError) return;
        patch({
          error: { message: asSentences(err instanceof Error ? err.message : String(err)) },
        });
        focusOn("error");
      }
    },
    [patch, focusOn]
  );

  const closePreview = useCallback(() => {
    if (!latest.current.preview) return;
    patch({ preview: null });
    focusOn("finding");
  }, [patch, focusOn]);

  const saveSettings = useCallback(
    async (settings: Settings) => {
      const ok = await act(
        "Saving settings",
        async (run) => {
          const workbook = latest.current.workbook;
          if (!workbook) return {};
          await workbook.host.saveSettings(settings);
          // Saved: from here the pane uses them, even if the check that follows is cancelled.
          patch({ settings, settingsLoaded: true, settingsProblems: [] });
          const view = latest.current.view
            ? await checkIn(run, workbook, settings, latest.current.lastYear)
            : null;
          const checkedAt = new Date();
          const noted = view ? await notesFollow(workbook.host, settings, view) : {};
          const where =
            workbook.host.kind === "excel"
              ? "Settings saved in the workbook"
              : "Settings kept in this browser for this file";
          return {
            ...noted,
            settings,
            settingsLoaded: true,
            settingsProblems: [],
            ...(view ? { view, checkedAt, chosen: null, preview: null } : {}),
            status: view ? `${where}; checked again at ${clock(checkedAt)}.` : `${where}.`,
            focus: { target: "settings-button", seq: ++focusSeq.current },
          };
        },
        { cancellable: true }
      );
      return ok;
    },
    [act, checkIn, patch, notesFollow]
  );

  /** Builds the committee tabs from the last check: sheets in Excel, a download from a file. */
  const buildCommitteeSummary = useCallback(
    (deliver: (fileName: string, bytes: Uint8Array) => void) =>
      act("Building the committee summary", async () => {
        const workbook = latest.current.workbook;
        const session = shown.current;
        if (!workbook || !session) return {};
        const product = await session.committee(
          workbook.host.kind === "file" ? workbook.host.label : "",
          new Date()
        );
        if (product.kind === "file") {
          deliver(product.fileName, product.bytes);
          return {
            status: `Downloaded ${product.fileName}: the committee summary and action plan, with charts.`,
          };
        }
        const output = await workbook.host.writeCommitteeSheets(product.plan);
        if (output.kind === "file") {
          deliver(output.fileName, output.bytes);
          return { status: `Downloaded ${output.fileName}.` };
        }
        const replaced = output.replaced
          ? ` (replacing the ${output.replaced} sheets it made before)`
          : "";
        return { status: `Wrote ${output.names.join(" and ")}${replaced}.` };
      }),
    [act]
  );

  /**
   * Checks the sheets officers edited, a sheet at a time: the engine says which rows to read (the
   * schedules the edits touch), the host reads them in an Excel.run of its own, the engine checks
   * the sheet again and the pane shows the whole workbook's results; highlights and notes on that
   * sheet follow. Waits for an action that is running. A sheet renamed or gone since the check
   * takes a whole check instead. Errors go to the message bar without moving focus: the officer is
   * typing in Excel.
   */
  const recheckEdits = useCallback(
    async (edits: Map<string, PendingSheet>): Promise<void> => {
      while (live.current) await live.current;
      while (running.current) await running.current.done;
      const job = (async () => {
        const workbook = latest.current.workbook;
        const session = shown.current;
        const host = workbook?.host;
        if (!host?.readRegion || !session || !latest.current.view) return;
        patch({ rechecking: true });
        try {
          for (const [sheet, pending] of edits) {
            const area = await session.region(sheet, pending.areas, pending.structural);
            if (!area) continue;
            const read = await host.readRegion(sheet, area);
            if (read.sheet !== sheet) {
              patch({
                status: `"${sheet}" is now called "${read.sheet}": check the schedules again to follow it.`,
              });
              continue;
            }
            const before = latest.current.view;
            const view = await session.recheck(sheet, read.area, read.rows);
            if (shown.current !== session) return;
            const checkedAt = new Date();
            const change = before ? changeSince(before, view) : "";
            const marks: Partial<CheckerState> = {};
            if (latest.current.highlighted !== null) {
              const sheetFindings = view.findings.filter((f) => f.finding.sheet === sheet);
              const done = await host.highlight(
                sheetFindings.map((f) => f.finding),
                [sheet]
              );
              marks.markNotes = done.notes;
            }
            const noted = await notesFollow(host, latest.current.settings, view, [sheet]);
            startTransition(() =>
              patch({
                ...marks,
                ...noted,
                view,
                checkedAt,
                chosen: sameFinding(view, latest.current.chosen),
                status:
                  change === "no change"
                    ? latest.current.status
                    : `Checked your edit on "${sheet}" at ${clock(checkedAt)}: ${change}.`,
              })
            );
          }
        } catch (err) {
          if (err instanceof CancelledError) return;
          patch({
            error: {
              message: asSentences(err instanceof Error ? err.message : String(err)),
              detail: "Your edit was not checked. Check the schedules again.",
            },
          });
        } finally {
          patch({ rechecking: false });
        }
      })();
      live.current = job;
      try {
        await job;
      } finally {
        if (live.current === job) live.current = null;
      }
    },
    [patch, notesFollow]
  );

  /** A cell selected in Excel: its finding, if it has one, is marked and scrolled to in the list. */
  const selectCell = useCallback(
    (selection: SheetSelection) => {
      // The chosen finding's cell selected (Excel reports the add-in's own select too): it stays
      // chosen, even where its cell holds another finding before it.
      const chosen = latest.current.chosen;
      if (chosen && within(chosen, selection)) return;
      const found = latest.current.view?.findings.find((f) => within(f.finding, selection));
      if (!found) return;
      patch({ chosen: found.finding, reveal: ++revealSeq.current });
    },
    [patch]
  );

  /** Whether an edit needs a check: a cell the selection left counts only where it is a score cell. */
  const wanted = useCallback((edit: SheetEdit): boolean => {
    if (!edit.possible) return true;
    return (latest.current.view?.schedules ?? []).some(
      (s) =>
        s.sheet === edit.sheet &&
        s.scoreColumn !== undefined &&
        edit.area.left <= s.scoreColumn &&
        edit.area.right >= s.scoreColumn &&
        edit.area.bottom > s.headerRow &&
        edit.area.top <= s.lastRow
    );
  }, []);

  // Checking as you type: the sheets with schedules are watched while the pane is open, the
  // choice is on and Excel can; the watch stops (its handlers removed) when any of that changes.
  const host = state.workbook?.host;
  const watchable =
    host?.watch && host.features?.checkAsYouType.available && state.settings.checkAsYouType;
  const sheetsKey =
    watchable && state.settingsLoaded && state.view
      ? JSON.stringify([...new Set(state.view.schedules.map((v) => v.sheet))])
      : "[]";
  useEffect(() => {
    const sheets = JSON.parse(sheetsKey) as string[];
    if (!host?.watch || sheets.length === 0) return;
    const queue = new EditQueue((edits) => void recheckEdits(edits));
    let ended = false;
    const started = host
      .watch(sheets, {
        onEdit: (edit) => {
          if (wanted(edit)) queue.add(edit);
        },
        onSelect: selectCell,
      })
      .then(
        (watch) => {
          if (!ended) patch({ liveNotes: watch.notes });
          return watch;
        },
        (err: unknown) => {
          if (!ended)
            patch({
              error: {
                message: asSentences(err instanceof Error ? err.message : String(err)),
                detail: "Edits are not checked as you type. Use Check schedules after editing.",
              },
            });
          return null;
        }
      );
    return () => {
      ended = true;
      queue.dispose();
      void started.then((watch) =>
        watch?.stop().catch((err: unknown) =>
          patch({
            error: { message: asSentences(err instanceof Error ? err.message : String(err)) },
          })
        )
      );
    };
  }, [host, sheetsKey, recheckEdits, selectCell, wanted, patch]);

  /** Saves one of the choices for Excel with the other settings, in the workbook. */
  const saveChoice = useCallback(
    async (host: WorkbookHost, choice: Partial<Settings>): Promise<Settings> => {
      const settings = { ...latest.current.settings, ...choice };
      await host.saveSettings(settings);
      patch({ settings });
      return settings;
    },
    [patch]
  );

  const setCheckAsYouType = useCallback(
    (on: boolean) =>
      act(on ? "Turning on checking as you type" : "Turning off checking as you type", async () => {
        const workbook = latest.current.workbook;
        if (!workbook) return {};
        await saveChoice(workbook.host, { checkAsYouType: on });
        return {
          liveNotes: [],
          status: on
            ? "Edits in the schedules are checked about a second after typing stops."
            : "Edits are no longer checked as you type. Use Check schedules after editing.",
        };
      }),
    [act, saveChoice]
  );

  const setProblemNotes = useCallback(
    (on: boolean) =>
      act(on ? "Adding problems as notes" : "Removing the notes", async () => {
        const workbook = latest.current.workbook;
        const host = workbook?.host;
        if (!host?.showProblemNotes || !host.clearProblemNotes) return {};
        const settings = await saveChoice(host, { problemNotes: on });
        const view = latest.current.view;
        if (on) {
          if (!view) return { status: "Problems will be shown as notes after the next check." };
          const noted = await notesFollow(host, settings, view);
          const cells = new Set(view.findings.map((f) => `${f.finding.sheet}!${f.finding.cell}`));
          return {
            ...noted,
            status: `Problems are shown as notes on their cells (${plural(cells.size, "cell")} with findings).`,
          };
        }
        const { count, notes } = await host.clearProblemNotes();
        return {
          markNotes: notes,
          status: count
            ? `Removed the add-in's ${plural(count, "note")}.`
            : "There were no notes of the add-in's to remove.",
        };
      }),
    [act, saveChoice, notesFollow]
  );

  const addDropDowns = useCallback(
    () =>
      act("Adding score drop-downs", async () => {
        const host = latest.current.workbook?.host;
        const session = shown.current;
        if (!host?.addScoreDropDowns || !session) return {};
        const plans = await session.dropDowns();
        const { count, notes } = await host.addScoreDropDowns(plans);
        const schedules = new Set(plans.map((p) => p.scheduleId)).size;
        return {
          markNotes: notes,
          status: count
            ? `Added drop-downs to ${plural(count, "score cell")} in ${plural(schedules, "schedule")}.`
            : "No score cells were given drop-downs.",
        };
      }),
    [act]
  );

  const removeDropDowns = useCallback(
    () =>
      act("Removing score drop-downs", async () => {
        const host = latest.current.workbook?.host;
        if (!host?.removeScoreDropDowns) return {};
        const plans = shown.current ? await shown.current.dropDowns() : undefined;
        const { count, notes } = await host.removeScoreDropDowns(plans);
        return {
          markNotes: notes,
          status: count
            ? `Removed the add-in's drop-downs from ${plural(count, "score cell")}.`
            : "There were no drop-downs of the add-in's to remove.",
        };
      }),
    [act]
  );

  const exportFindings = useCallback(
    () =>
      act("Writing the Findings sheet", async () => {
        const host = latest.current.workbook?.host;
        const view = latest.current.view;
        if (!host?.exportFindings || !view) return {};
        const { name, replaced } = await host.exportFindings(view.findings);
        return {
          status: `Wrote "${name}"${replaced ? ", replacing the one the add-in made before" : ""}: ${plural(view.findings.length, "finding")}, each linked to its cell.`,
        };
      }),
    [act]
  );

  /**
   * Compares with last year's workbook (a file the user picked) and checks again: findings gain
   * carried-forward actions, and the committee summary its direction of travel. If last year's
   * workbook cannot be used, the results on screen stay as they were. A protected one whose
   * password is missing or wrong sets `lastYearPasswordRequest` (and focus goes to its password
   * box); given again with the password, the password is kept for the checks that follow.
   */
  const compareWith = useCallback(
    (file: File, password?: string) =>
      act(
        "Comparing with last year's workbook",
        async (run) => {
          const workbook = latest.current.workbook;
          if (!workbook) return {};
          // As the CLI refuses a --previous that is one of this year's returns: this year's file
          // compared with itself reads as every weak score carried forward.
          if (workbook.file && sameFile(workbook.file, file))
            throw new Error(
              `${file.name} is the workbook being checked, not last year's: choose last year's workbook`
            );
          const lastYear = {
            file,
            name: file.name,
            ...(password !== undefined ? { password } : {}),
          };
          const view = await checkIn(run, workbook, latest.current.settings, lastYear);
          const matched = view.lastYear?.matched ?? 0;
          const checkedAt = new Date();
          return {
            view,
            checkedAt,
            lastYear,
            // Nothing in common is more likely the wrong file than a new framework: say so.
            status: matched
              ? `Comparing with ${file.name}: ${plural(matched, "requirement")} matched with last year's.`
              : `Comparing with ${file.name}: no requirement matched last year's by ref or by wording, so nothing can be compared. Is it last year's return of this workbook?`,
            chosen: null,
            preview: null,
          };
        },
        {
          cancellable: true,
          asks: (err) => {
            const asked = passwordAsked(err, "last year");
            if (!asked) return undefined;
            return {
              lastYearPasswordRequest: { file, name: file.name, wrong: asked === "wrong" },
              focus: { target: "last-year-password", seq: ++focusSeq.current },
            };
          },
          failure: (message) => ({
            message,
            detail: latest.current.lastYear
              ? `The results below still compare with ${latest.current.lastYear.name}.`
              : "The results below are not compared with last year's.",
          }),
        }
      ),
    [act, checkIn]
  );

  /** Stops comparing with last year's workbook and checks again without it. */
  const stopComparing = useCallback(
    () =>
      act(
        "Checking schedules",
        async (run) => {
          const workbook = latest.current.workbook;
          if (!workbook) return {};
          const view = await checkIn(run, workbook, latest.current.settings, null);
          return {
            view,
            checkedAt: new Date(),
            lastYear: null,
            status: "No longer comparing with last year's workbook.",
            chosen: null,
            preview: null,
          };
        },
        { cancellable: true }
      ),
    [act, checkIn]
  );

  const dismissError = useCallback(() => patch({ error: null }), [patch]);

  /** Gives up on a protected file: the password box goes, and whatever was shown stays. */
  const dismissPasswordRequest = useCallback(() => patch({ passwordRequest: null }), [patch]);

  /** Gives up on comparing with a protected last year's workbook: the results stay as they are. */
  const dismissLastYearPasswordRequest = useCallback(
    () => patch({ lastYearPasswordRequest: null }),
    [patch]
  );

  return {
    state,
    attach,
    open,
    check,
    cancel,
    highlight,
    clearHighlights,
    choose,
    closePreview,
    saveSettings,
    buildCommitteeSummary,
    compareWith,
    stopComparing,
    dismissError,
    dismissPasswordRequest,
    dismissLastYearPasswordRequest,
    focusOn,
    setCheckAsYouType,
    setProblemNotes,
    addDropDowns,
    removeDropDowns,
    exportFindings,
    /** Checks edits now (the edit queue calls it when typing stops). */
    recheckEdits,
  };
}

export type Checker = ReturnType<typeof useChecker>;
