/**
 * Edits heard from Excel, held until typing stops: each new edit starts the wait again, and when
 * it runs out every sheet's edits go to be checked at once. A pasted block is one edit; a burst
 * of typing across many cells is one check per sheet.
 */
import type { SheetEdit } from "../core/host";
import type { CellArea } from "../core/recheck";

/** About a second after the last edit, as a person pauses after typing. */
export const DEBOUNCE_MS = 1000;

/** What happened to one sheet since the last check. */
export interface PendingSheet {
  readonly areas: CellArea[];
  /** Rows or columns were inserted or deleted: the whole sheet is read again. */
  structural: boolean;
}

export class EditQueue {
  private pending = new Map<string, PendingSheet>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly onSettled: (edits: Map<string, PendingSheet>) => void,
    private readonly delayMs = DEBOUNCE_MS
  ) {}

  add(edit: SheetEdit): void {
    if (this.disposed) return;
    const sheet = this.pending.get(edit.sheet) ?? { areas: [], structural: false };
    sheet.areas.push(edit.area);
    sheet.structural ||= edit.structural;
    this.pending.set(edit.sheet, sheet);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), this.delayMs);
  }

  private settle(): void {
    this.timer = undefined;
    const edits = this.pending;
    this.pending = new Map();
    if (edits.size > 0 && !this.disposed) this.onSettled(edits);
  }

  /** Nothing more is checked: the pane closed, or checking as you type was turned off. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
