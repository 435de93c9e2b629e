import type { Finding } from "../core/findings";
import type {
  CommitteeOutput,
  HostProgress,
  MarkResult,
  WorkbookHost,
  WorkbookRead,
} from "../core/host";
import type { WorkbookPlan } from "../core/summary/plan";
import { type Settings, parseSettings } from "../core/settings";
import { committeeWorkbook } from "./committee-workbook";
import type { BlobLike } from "./byte-source";
import { readWorkbookBlob } from "./read-workbook-blob";

/** The part of the browser's localStorage this needs (src/file builds without DOM types). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A file from a picker or a drop: its name and its bytes (a DOM File). */
export interface PickedFile extends BlobLike {
  readonly name: string;
}

/** Where settings are kept in the browser: per file name, since there is no workbook to hold them. */
export function settingsKey(fileName: string): string {
  return `govcheck.settings:${fileName}`;
}

export interface OpenFileOptions {
  /** The password of a protected workbook, when the user has given one. */
  readonly password?: string;
  /** Stops a read under way (an AbortSignal): it fails with a WorkbookReadError of kind "aborted". */
  readonly signal?: { readonly aborted: boolean };
}

/**
 * A workbook the user opened in the browser. It never leaves the page: it is read where it lies
 * (the File, by ranges) with the same streaming reader the command line uses, never uploaded,
 * never written back. Making one reads nothing: the pane keeps one for the file's settings, and
 * the engine reads the file through its own, off the page's thread.
 */
export class BrowserFileHost implements WorkbookHost {
  readonly kind = "file" as const;

  constructor(
    readonly label: string,
    private readonly file: BlobLike,
    private readonly storage: KeyValueStore | null,
    private readonly options: OpenFileOptions = {}
  ) {}

  /**
   * Reads the file, reporting the sheets' bytes read against their total. Throws a
   * WorkbookReadError: of kind "password-required" or "password-wrong" when the workbook is
   * protected and the password is missing or wrong.
   */
  async readWorkbook(onProgress?: (p: HostProgress) => void): Promise<WorkbookRead> {
    const message = `Reading ${this.label}`;
    onProgress?.({ message });
    const contents = await readWorkbookBlob(this.file, {
      password: this.options.password,
      signal: this.options.signal,
      onProgress: (done, total) => onProgress?.({ message, done, total }),
    });
    const { grids } = contents;
    const hidden = grids.filter((g) => g.hidden).length;
    const notes = [...contents.notes];
    if (hidden)
      notes.push(`${hidden} hidden sheet${hidden === 1 ? " was" : "s were"} not checked.`);
    return { grids, ownSheets: [], notes };
  }

  async loadSettings(): Promise<{ settings: Settings; problems: string[] }> {
    const text = this.storage?.getItem(settingsKey(this.label));
    if (!text) return parseSettings(undefined);
    try {
      return parseSettings(JSON.parse(text) as unknown);
    } catch {
      return {
        ...parseSettings(undefined),
        problems: ["Saved settings could not be read; defaults are used."],
      };
    }
  }

  async saveSettings(settings: Settings): Promise<void> {
    if (!this.storage)
      throw new Error(
        "This browser does not allow the page to keep settings (local storage is off)."
      );
    this.storage.setItem(settingsKey(this.label), JSON.stringify(settings));
  }

  async highlight(): Promise<MarkResult> {
    // A file opened in the browser is never changed: findings are shown in the preview instead.
    return { count: 0, notes: [] };
  }

  async clearHighlights(): Promise<MarkResult> {
    return { count: 0, notes: [] };
  }

  async writeCommitteeSheets(plan: WorkbookPlan): Promise<CommitteeOutput> {
    const base = this.label.replace(/\.xls[xm]$/i, "");
    const bytes = await committeeWorkbook(plan, `Committee summary: ${base}`);
    return { kind: "file", fileName: `${base} - committee summary.xlsx`, bytes };
  }

  async showFinding(_finding: Finding): Promise<void> {
    // The task pane shows the finding's row in its preview; there is no sheet to select.
  }
}

/** A File from a picker or a drop as a host; nothing is read until `readWorkbook`. */
export function openWorkbookFile(
  file: PickedFile,
  storage: KeyValueStore | null,
  options: OpenFileOptions = {}
): BrowserFileHost {
  return new BrowserFileHost(file.name, file, storage, options);
}
