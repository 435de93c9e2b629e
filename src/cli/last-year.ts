import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type LastYearReturn, lastYearReturn } from "../core/facts/last-year";
import type { Settings } from "../core/settings";
import { scoreGrids } from "../core/validate";
import { WorkbookReadError, readWorkbookFile } from "../file";

/** What the worker sends back: last year's return, or the reason it could not be read. */
export type LastYearReply =
  { readonly ok: LastYearReturn } | { readonly unreadable: string } | { readonly failed: string };

/** Reads and scores last year's workbook in this thread. */
export async function lastYearHere(
  file: string,
  source: string,
  settings: Settings
): Promise<LastYearReply> {
  try {
    const grids = await readWorkbookFile(file);
    return { ok: lastYearReturn(source, scoreGrids(grids, { settings }).schedules, settings) };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { unreadable: err.message };
    return { failed: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Last year's workbook, read while this year's is read: on a thread of its own where the compiled
 * worker is there (the built command line), in this thread otherwise (the tests run the sources).
 * Reading is most of what summarise does, so the second file costs little more than the first.
 */
export function readLastYear(
  file: string,
  source: string,
  settings: Settings
): Promise<LastYearReply> {
  const script = join(__dirname, "last-year-worker.js");
  if (!existsSync(script)) return lastYearHere(file, source, settings);
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { file, source, settings } });
    worker.once("message", (reply: LastYearReply) => {
      resolve(reply);
      void worker.terminate();
    });
    worker.once("error", (err) => resolve({ failed: err.message }));
    worker.once("exit", (code) => {
      if (code !== 0) resolve({ failed: `reading last year's workbook stopped (exit ${code})` });
    });
  });
}
