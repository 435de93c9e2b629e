import { CheckedWorkbook } from "./checked-workbook";
import type { CheckProgress, EngineRequest, EngineResponse } from "./protocol";

type Post = (response: EngineResponse, transfer?: Transferable[]) => void;

/** Errors whose message is already a sentence for the officer; anything else is a fault of ours. */
const EXPLAINED = new Set([
  "WorkbookReadError",
  "ExcelHostError",
  "NotReadableError",
  "LastYearError",
]);

function failure(id: number, err: unknown): EngineResponse {
  const name = err instanceof Error || err instanceof DOMException ? err.name : "Error";
  const message = err instanceof Error || err instanceof DOMException ? err.message : String(err);
  if (name === "NotReadableError")
    return {
      id,
      type: "failed",
      name,
      message:
        "the file could not be read again: it may have been changed, moved or deleted since it was opened. Open it again",
    };
  if (EXPLAINED.has(name)) {
    const kind = (err as { kind?: unknown }).kind;
    return { id, type: "failed", name, message, ...(typeof kind === "string" ? { kind } : {}) };
  }
  return {
    id,
    type: "failed",
    name,
    message: `the check stopped on an unexpected problem (${name}: ${message.split("\n")[0]}). Please report it with the file if you can`,
  };
}

/**
 * The engine's side of the conversation: one workbook at a time, checked, then asked for rows and
 * the committee summary. The worker runs it; so does the in-thread engine where there are no
 * workers (jsdom in tests), so both answer the same way.
 */
export class EngineService {
  private workbook: CheckedWorkbook | null = null;
  private lastProgress = "";
  /** Stops the check under way (its file read); a worker is simply ended instead. */
  private stop = new AbortController();

  constructor(private readonly post: Post) {}

  private progress(id: number, p: CheckProgress): void {
    // A 50-sheet workbook would otherwise send a message per sheet that says nothing new.
    const key = `${p.message}\u0000${Math.round(p.fraction * 100)}`;
    if (key === this.lastProgress) return;
    this.lastProgress = key;
    this.post({ id, type: "progress", progress: p });
  }

  private checked(): CheckedWorkbook {
    if (!this.workbook) throw new Error("nothing has been checked yet");
    return this.workbook;
  }

  async handle(request: EngineRequest): Promise<void> {
    const { id } = request;
    try {
      switch (request.type) {
        case "prepare": {
          // Loading the reader's chunk is all there is to prepare.
          await import(/* webpackChunkName: "engine-file-reader" */ "./open-file");
          this.post({ id, type: "done", value: null });
          return;
        }
        case "check": {
          this.workbook = null;
          if (this.stop.signal.aborted) this.stop = new AbortController();
          this.workbook = await CheckedWorkbook.check(
            request.source,
            request.settings,
            (p) => this.progress(id, p),
            request.lastYear
              ? { file: request.lastYear, password: request.lastYearPassword }
              : undefined,
            this.stop.signal
          );
          this.post({ id, type: "done", value: this.workbook.view });
          return;
        }
        case "row":
          this.post({
            id,
            type: "done",
            value: this.checked().row(request.sheet, request.row, request.column),
          });
          return;
        case "region":
          this.post({
            id,
            type: "done",
            value: this.checked().region(request.sheet, request.edits, request.wholeSheet),
          });
          return;
        case "recheck":
          this.post({
            id,
            type: "done",
            value: this.checked().recheck(request.sheet, request.area, request.rows),
          });
          return;
        case "dropDowns":
          this.post({ id, type: "done", value: this.checked().dropDowns() });
          return;
        case "committee": {
          const product = await this.checked().committee(request.source, new Date(request.now));
          const transfer = product.kind === "file" ? [product.bytes.buffer as ArrayBuffer] : [];
          this.post({ id, type: "done", value: product }, transfer);
          return;
        }
      }
    } catch (err) {
      this.post(failure(id, err));
    }
  }

  /** Cancel where the engine shares the page's thread: the file read stops where it is. */
  cancel(): void {
    this.stop.abort();
  }
}
