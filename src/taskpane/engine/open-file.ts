import type { WorkbookHost } from "../../core/host";
import { openWorkbookFile } from "../../file/browser-file-host";

/**
 * The one place the engine turns a file the user picked into something it can read (and, for
 * the committee tabs, write a new workbook beside). Swap the reader here and nowhere else.
 * Settings are not kept here: a worker has no localStorage, so the pane keeps them.
 */
export function openFileInEngine(file: File): Promise<WorkbookHost> {
  return openWorkbookFile(file, null);
}

/**
 * Loads the reader before any file is picked, in a worker started ahead, so the officer's first
 * check does not wait for it (ExcelJS is most of the worker's code).
 */
export async function prepareFileReading(): Promise<void> {
  await import(/* webpackChunkName: "workbook-grids" */ "../../file/workbook-grids");
}
