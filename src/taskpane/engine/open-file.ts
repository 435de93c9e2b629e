import type { WorkbookHost } from "../../core/host";
import { openWorkbookFile } from "../../file/browser-file-host";

export interface FileInEngine {
  /** The password of a protected workbook, when the user has given one. */
  readonly password?: string;
  /** Cancel: stops the read where it is. */
  readonly signal?: AbortSignal;
}

/**
 * The one place the engine turns a file the user picked into something it can read (and, for
 * the committee tabs, write a new workbook beside): govcheck's streaming reader over the File,
 * read by ranges, with its progress in bytes. Swap the reader here and nowhere else. Settings
 * are not kept here: a worker has no localStorage, so the pane keeps them.
 */
export function openFileInEngine(file: File, options: FileInEngine = {}): WorkbookHost {
  return openWorkbookFile(file, null, options);
}
