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
