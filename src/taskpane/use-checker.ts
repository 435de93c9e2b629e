import { useCallback, useEffect, useRef, useState } from "react";
import { type LastYearReturn, lastYearReturn } from "../core/facts/last-year";
import { type FindingInContext, findingsInContext } from "../core/finding-context";
import type { Finding } from "../core/findings";
import type { Grid } from "../core/grid";
import type { HostProgress, WorkbookHost } from "../core/host";
import { type Settings, defaultSettings } from "../core/settings";
import { buildSummary } from "../core/summary/model";
import { planCommitteeSheets } from "../core/summary/plan";
import { type ValidationResult, scoreGrids, validateGrids } from "../core/validate";

export interface CheckerState {
  /** What is running now, in words for the spinner; null when idle. */
  busy: string | null;
  progress: HostProgress | null;
  result: ValidationResult | null;
  findings: FindingInContext[];
  notes: string[];
  error: string | null;
  settings: Settings;
  settingsProblems: string[];
  /** Cells highlighted in the workbook by the last "Highlight", or null when none are. */
  highlighted: number | null;
  /** A short confirmation after an action ("Highlights cleared."). */
  status: string | null;
  /** The sheets as last read, for the row preview in file mode. */
  grids: Grid[];
  /** The finding whose row the preview shows (file mode, where there is no sheet to select). */
  preview: Finding | null;
  /** Last year's workbook the user chose to compare with, or null. */
  lastYear: LastYearReturn | null;
}

/** Reads a workbook file the user picked (last year's) into grids. */
export type ReadPickedWorkbook = (file: File) => Promise<Grid[]>;

const initial: CheckerState = {
  busy: null,
  progress: null,
  result: null,
  findings: [],
  notes: [],
  error: null,
  settings: defaultSettings(),
  settingsProblems: [],
  highlighted: null,
  status: null,
  grids: [],
  preview: null,
  lastYear: null,
};

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The task pane's behaviour, over any host: check, highlight, select, settings. */
export function useChecker(host: WorkbookHost) {
  const [state, setState] = useState<CheckerState>(initial);
  const settingsRef = useRef(state.settings);
  settingsRef.current = state.settings;
  const lastYearRef = useRef(state.lastYear);
  lastYearRef.current = state.lastYear;

  const patch = useCallback((p: Partial<CheckerState>) => setState((s) => ({ ...s, ...p })), []);

  /** Runs one action with a spinner; an error goes to the message bar and the pane stays usable. */
  const act = useCallback(
    async (label: string, work: () => Promise<Partial<CheckerState>>) => {
      patch({ busy: label, error: null, status: null, progress: null });
      try {
        patch({ ...(await work()), busy: null, progress: null });
      } catch (err) {
        patch({ busy: null, progress: null, error: messageOf(err) });
      }
    },
    [patch]
  );

  useEffect(() => {
    void act("Loading settings", async () => {
      const { settings, problems } = await host.loadSettings();
      return { settings, settingsProblems: problems };
    });
  }, [host, act]);

  const runCheck = useCallback(
    async (settings: Settings, lastYear = lastYearRef.current): Promise<Partial<CheckerState>> => {
      const read = await host.readWorkbook((progress) => patch({ progress }));
      const result = validateGrids(read.grids, {
        settings,
        ownSheets: read.ownSheets,
        lastYear: lastYear ?? undefined,
      });
      return {
        result,
        findings: findingsInContext(result),
        notes: read.notes,
        grids: read.grids,
        preview: null,
      };
    },
    [host, patch]
  );

  const check = useCallback(
    () => act("Checking schedules", () => runCheck(settingsRef.current)),
    [act, runCheck]
  );

  const highlight = useCallback(
    (findings: readonly Finding[]) =>
      act("Highlighting cells", async () => {
        const cells = await host.highlight(findings);
        return {
          highlighted: cells,
          status: `Highlighted ${cells} cell${cells === 1 ? "" : "s"}.`,
        };
      }),
    [act, host]
  );

  const clearHighlights = useCallback(
    () =>
      act("Clearing highlights", async () => {
        const removed = await host.clearHighlights();
        return {
          highlighted: null,
          status: removed ? "Highlights cleared." : "There were no highlights to clear.",
        };
      }),
    [act, host]
  );

  const showFinding = useCallback(
    async (finding: Finding) => {
      if (host.kind === "file") patch({ preview: finding });
      try {
        await host.showFinding(finding);
      } catch (err) {
        patch({ error: messageOf(err) });
      }
    },
    [host, patch]
  );

  const saveSettings = useCallback(
    (settings: Settings) =>
      act("Saving settings", async () => {
        await host.saveSettings(settings);
        const rechecked = state.result ? await runCheck(settings) : {};
        return {
          settings,
          settingsProblems: [],
          status:
            host.kind === "excel"
              ? "Settings saved in the workbook."
              : "Settings saved in this browser for this file.",
          ...rechecked,
        };
      }),
    [act, host, runCheck, state.result]
  );

  /** Builds the committee tabs from the last check; a file host hands back a workbook to download. */
  const buildCommitteeSummary = useCallback(
    (deliver: (fileName: string, bytes: Uint8Array) => void) =>
      act("Building the committee summary", async () => {
        if (!state.result) return {};
        const summary = buildSummary(
          [
            {
              source: host.kind === "file" ? host.label : "",
              result: state.result,
              settings: settingsRef.current,
            },
          ],
          new Date()
        );
        const output = await host.writeCommitteeSheets(planCommitteeSheets(summary));
        if (output.kind === "file") {
          deliver(output.fileName, output.bytes);
          return {
            status: `Downloaded ${output.fileName}: the committee summary and action plan, with charts.`,
          };
        }
        const replaced = output.replaced
          ? ` (replacing the ${output.replaced} sheets it made before)`
          : "";
        return { status: `Wrote ${output.names.join(" and ")}${replaced}.` };
      }),
    [act, host, state.result]
  );

  /** Compares with last year's workbook (a file the user picked), then checks again. */
  const compareWith = useCallback(
    (file: File, read: ReadPickedWorkbook) =>
      act("Reading last year's workbook", async () => {
        const settings = settingsRef.current;
        const grids = await read(file);
        const lastYear = lastYearReturn(
          file.name,
          scoreGrids(grids, { settings }).schedules,
          settings
        );
        if (lastYear.schedules.length === 0)
          throw new Error(
            `No self-assessment schedule was found in ${file.name}, so there is nothing to compare with.`
          );
        const checked = await runCheck(settings, lastYear);
        const matched = checked.result?.lastYear?.matched ?? 0;
        return {
          ...checked,
          lastYear,
          status: `Comparing with ${file.name}: ${matched} requirement${matched === 1 ? "" : "s"} matched with last year's.`,
        };
      }),
    [act, runCheck]
  );

  const stopComparing = useCallback(
    () =>
      act("Checking schedules", async () => ({
        ...(await runCheck(settingsRef.current, null)),
        lastYear: null,
        status: "No longer comparing with last year's workbook.",
      })),
    [act, runCheck]
  );

  const dismissError = useCallback(() => patch({ error: null }), [patch]);

  return {
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
  };
}

export type Checker = ReturnType<typeof useChecker>;
