import type { CellValue } from "../../core/grid";
import type { CellArea } from "../../core/recheck";
import type { ScoreDropDownPlan } from "../../core/score-dropdowns";
import type { Settings } from "../../core/settings";
import { inThreadPort } from "./in-thread-port";
import type {
  CheckProgress,
  CheckSource,
  CheckView,
  CommitteeProduct,
  EnginePort,
  EngineRequest,
  EngineResponse,
  LastYearSource,
  RowView,
} from "./protocol";
import { startEngineWorker } from "./start-worker";

/** A check stopped by the user: not an error to show. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

/**
 * An error from the engine, with the name it had there (WorkbookReadError, say) and, for a
 * workbook that could not be read, why ("password-required", "password-wrong", "damaged", ...).
 */
export class EngineError extends Error {
  constructor(
    name: string,
    message: string,
    readonly kind?: string
  ) {
    super(message);
    this.name = name;
  }
}

/**
 * One workbook in the engine: checked once, then asked for rows and the committee summary. Each
 * check gets a session of its own, so cancelling one (which ends its worker) leaves the results
 * on screen, and the session behind them, untouched.
 */
export interface EngineSession {
  check(
    source: CheckSource,
    settings: Settings,
    onProgress: (p: CheckProgress) => void,
    lastYear?: LastYearSource
  ): Promise<CheckView>;
  row(sheet: string, row: number, column: number): Promise<RowView>;
  committee(source: string, now: Date): Promise<CommitteeProduct>;
  /** Which cells to read again after edits to a sheet; null where none matter. */
  region(sheet: string, edits: readonly CellArea[], wholeSheet: boolean): Promise<CellArea | null>;
  /** Checks one sheet again from cells read again, answering the whole workbook's results. */
  recheck(
    sheet: string,
    area: CellArea,
    rows: readonly (readonly CellValue[])[]
  ): Promise<CheckView>;
  /** The score drop-downs for every schedule checked. */
  dropDowns(): Promise<ScoreDropDownPlan[]>;
  /** Stops at once and frees the workbook; calls still waiting reject with CancelledError. */
  dispose(): void;
}

/** A request before the session numbers it. */
type Unnumbered<T> = T extends unknown ? Omit<T, "id"> : never;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  onProgress?: (p: CheckProgress) => void;
}

/** A session over a port: a Web Worker, or the same engine in this thread. */
class PortSession implements EngineSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private ended = false;

  constructor(private readonly port: EnginePort) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault?.();
      this.failAll(
        new Error(
          `the checking engine stopped (${event.message || "it could not start"}). Reload the page and try again`
        )
      );
    };
  }

  private receive(response: EngineResponse): void {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    if (response.type === "progress") {
      waiting.onProgress?.(response.progress);
      return;
    }
    this.pending.delete(response.id);
    if (response.type === "done") waiting.resolve(response.value);
    else waiting.reject(new EngineError(response.name, response.message, response.kind));
  }

  private failAll(err: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
  }

  private ask<T>(
    request: Unnumbered<EngineRequest>,
    onProgress?: (p: CheckProgress) => void
  ): Promise<T> {
    if (this.ended) return Promise.reject(new CancelledError());
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.port.postMessage({ ...request, id } as EngineRequest);
    });
  }

  check(
    source: CheckSource,
    settings: Settings,
    onProgress: (p: CheckProgress) => void,
    lastYear?: LastYearSource
  ) {
    return this.ask<CheckView>(
      {
        type: "check",
        source,
        settings,
        ...(lastYear ? { lastYear: lastYear.file } : {}),
        ...(lastYear?.password !== undefined ? { lastYearPassword: lastYear.password } : {}),
      },
      onProgress
    );
  }

  row(sheet: string, row: number, column: number) {
    return this.ask<RowView>({ type: "row", sheet, row, column });
  }

  committee(source: string, now: Date) {
    return this.ask<CommitteeProduct>({ type: "committee", source, now: now.getTime() });
  }

  region(sheet: string, edits: readonly CellArea[], wholeSheet: boolean) {
    return this.ask<CellArea | null>({ type: "region", sheet, edits, wholeSheet });
  }

  recheck(sheet: string, area: CellArea, rows: readonly (readonly CellValue[])[]) {
    return this.ask<CheckView>({ type: "recheck", sheet, area, rows });
  }

  dropDowns() {
    return this.ask<ScoreDropDownPlan[]>({ type: "dropDowns" });
  }

  dispose(): void {
    if (this.ended) return;
    this.ended = true;
    this.port.terminate();
    this.failAll(new CancelledError());
  }
}

/** Starts sessions, keeping one worker started ahead so a check does not wait for it to load. */
export class EngineStarter {
  private spare: EnginePort | null = null;

  /**
   * @param readsFiles file mode: the worker started ahead also loads the file reader, which is
   *   most of its code; in Excel the sheets arrive read and it never needs it.
   */
  constructor(
    private readonly readsFiles = false,
    private readonly start: () => EnginePort = defaultPort
  ) {}

  session(): EngineSession {
    const port = this.spare ?? this.start();
    this.spare = null;
    return new PortSession(port);
  }

  /** Starts the next session's worker now, while nothing else is running. */
  warm(): void {
    if (this.spare) return;
    this.spare = this.start();
    if (this.readsFiles) this.spare.postMessage({ id: 0, type: "prepare" });
  }

  dispose(): void {
    this.spare?.terminate();
    this.spare = null;
  }
}

function defaultPort(): EnginePort {
  return typeof Worker === "function" ? startEngineWorker() : inThreadPort();
}
