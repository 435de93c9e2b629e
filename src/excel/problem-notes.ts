/**
 * Problems as notes (ExcelApi 1.18): each finding's message in a note on its cell. Every line of
 * a note the add-in writes starts with its mark, so its notes are found again by what they say in
 * any later session. A cell that already has a note of the user's, or a threaded comment, is left
 * alone and named: the add-in never adds to, changes or removes anyone else's note. A note of the
 * add-in's that someone has written in since is theirs now, and is kept. Three syncs for up to
 * 10,000 cells with problems; past that the notes stop, and the officer is told where the rest are.
 */
import type { Finding } from "../core/findings";
import type { MarkResult } from "../core/host";
import { parseArea, splitReference } from "./addresses";
import { protectedNote } from "./highlights";
import { ACTION_BYTES, Requests, WRITE_BYTES_PER_SYNC, utf8Bytes } from "./payload";
import { type SheetState, queueSheetStates } from "./sheet-states";

/**
 * The most cells the add-in notes. Every note is read back (text and place) before the next
 * change, in one response Excel on the web caps at 5 MB; and past a few thousand, notes no longer
 * help anyone find a problem: the list and the Findings sheet do.
 */
export const MOST_NOTES = 10_000;

/** The start of every line of a note the add-in writes. */
export const NOTE_MARK = "[govcheck] ";

export function noteText(messages: readonly string[]): string {
  return [...new Set(messages)].map((m) => `${NOTE_MARK}${m}`).join("\n");
}

type NoteOwner = "ours" | "edited" | "user";

/** The add-in's (every line marked), the add-in's written in since (some lines), or the user's. */
export function ownerOfNote(content: string): NoteOwner {
  const lines = content.split(/\r?\n/).filter((l) => l.trim() !== "");
  const marked = lines.filter((l) => l.startsWith(NOTE_MARK)).length;
  if (marked === 0) return "user";
  return marked === lines.length ? "ours" : "edited";
}

interface Placed {
  readonly note: Excel.Note;
  readonly owner: NoteOwner;
  readonly sheet: string;
  readonly cell: string;
}

/** Cells named in a sentence ('D5 on "Local Code", D9 on "Local Code"'), eight at most. */
function cellList(cells: readonly { sheet: string; cell: string }[]): string {
  const shown = cells.slice(0, 8).map((c) => `${c.cell} on "${c.sheet}"`);
  return cells.length > 8 ? `${shown.join(", ")} and ${cells.length - 8} more` : shown.join(", ");
}

/** Two syncs: every sheet, every note with its owner and cell, and every cell with a threaded comment. */
async function survey(context: Excel.RequestContext) {
  const { states } = queueSheetStates(context);
  const notes = context.workbook.notes;
  notes.load("items/content");
  const comments = context.workbook.comments;
  comments.load("items");
  await context.sync();
  const noteCells = notes.items.map((n) => n.getLocation().load("address"));
  const commentCells = comments.items.map((c) => c.getLocation().load("address"));
  await context.sync();
  const sheets = states();
  const where = (address: string) => {
    const ref = splitReference(address);
    const area = ref && parseArea(ref.address);
    return ref && area ? { sheet: ref.sheet, cell: ref.address.replace(/\$/g, "") } : undefined;
  };
  const placed: Placed[] = [];
  notes.items.forEach((note, i) => {
    const at = where(noteCells[i].address);
    if (at) placed.push({ note, owner: ownerOfNote(note.content), ...at });
  });
  const commented = new Set<string>();
  for (const c of commentCells) {
    const at = where(c.address);
    if (at) commented.add(`${at.sheet}\u0000${at.cell}`);
  }
  return { sheets, placed, commented };
}

function inScope(
  sheet: SheetState | undefined,
  onlySheets: readonly string[] | undefined,
  sheetIds: ReadonlyMap<string, string>
): boolean {
  if (!onlySheets || !sheet) return true;
  return onlySheets.some((n) => sheetIds.get(n) === sheet.id || n === sheet.name);
}

/** Removes the add-in's notes (on `onlySheets` where given); names protected sheets that keep theirs. */
function queueRemoval(
  sheets: readonly SheetState[],
  placed: readonly Placed[],
  onlySheets: readonly string[] | undefined,
  sheetIds: ReadonlyMap<string, string>
): { removed: Set<string>; kept: string[]; edited: Placed[] } {
  const removed = new Set<string>();
  const kept: string[] = [];
  const edited: Placed[] = [];
  for (const p of placed) {
    const sheet = sheets.find((s) => s.name === p.sheet);
    if (!inScope(sheet, onlySheets, sheetIds)) continue;
    if (p.owner === "edited") edited.push(p);
    if (p.owner !== "ours") continue;
    if (sheet?.protected) {
      if (!kept.includes(p.sheet)) kept.push(p.sheet);
      continue;
    }
    p.note.delete();
    removed.add(`${p.sheet}\u0000${p.cell}`);
  }
  return { removed, kept, edited };
}

function editedNote(edited: readonly Placed[]): string[] {
  if (edited.length === 0) return [];
  const one = edited.length === 1;
  return [
    `${one ? "A note" : `${edited.length} notes`} the add-in wrote ${one ? "has" : "have"} been written in since, so ${one ? "it was" : "they were"} kept as ${one ? "it is" : "they are"}: ${cellList(edited)}.`,
  ];
}

/**
 * Puts each finding's message in a note on its cell, replacing the notes the add-in wrote before
 * (on `onlySheets` only, where given). Counts the notes written.
 */
export async function showProblemNotes(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  sheetIds: ReadonlyMap<string, string>,
  onlySheets?: readonly string[]
): Promise<MarkResult> {
  const { sheets, placed, commented } = await survey(context);
  const { removed, kept, edited } = queueRemoval(sheets, placed, onlySheets, sheetIds);
  const byCell = new Map<string, { sheet: SheetState; cell: string; messages: string[] }>();
  const gone: string[] = [];
  const skippedProtected: string[] = [];
  for (const f of findings) {
    if (onlySheets && !onlySheets.includes(f.sheet)) continue;
    const id = sheetIds.get(f.sheet);
    const sheet =
      id !== undefined ? sheets.find((s) => s.id === id) : sheets.find((s) => s.name === f.sheet);
    if (!sheet) {
      if (!gone.includes(f.sheet)) gone.push(f.sheet);
      continue;
    }
    if (sheet.protected) {
      if (!skippedProtected.includes(sheet.name)) skippedProtected.push(sheet.name);
      continue;
    }
    const key = `${sheet.name}\u0000${f.cell}`;
    const entry = byCell.get(key) ?? { sheet, cell: f.cell, messages: [] };
    entry.messages.push(f.message);
    byCell.set(key, entry);
  }
  const taken = new Set(
    placed
      .filter((p) => !removed.has(`${p.sheet}\u0000${p.cell}`))
      .map((p) => `${p.sheet}\u0000${p.cell}`)
  );
  const passedOver: { sheet: string; cell: string }[] = [];
  const requests = new Requests(context, WRITE_BYTES_PER_SYNC);
  await requests.make(ACTION_BYTES * removed.size);
  let written = 0;
  let unwritten = 0;
  for (const [key, entry] of byCell) {
    if (taken.has(key) || commented.has(key)) {
      passedOver.push({ sheet: entry.sheet.name, cell: entry.cell });
      continue;
    }
    if (written === MOST_NOTES) {
      unwritten++;
      continue;
    }
    const text = noteText(entry.messages);
    await requests.make(ACTION_BYTES + utf8Bytes(entry.cell) + utf8Bytes(text));
    entry.sheet.worksheet.notes.add(entry.cell, text);
    written++;
  }
  await context.sync();
  const notes: string[] = [];
  if (unwritten)
    notes.push(
      `Notes were put on the first ${MOST_NOTES.toLocaleString("en-GB")} cells with problems; the other ${unwritten.toLocaleString("en-GB")} are in the list of findings (Export findings to a sheet lists every one).`
    );
  if (passedOver.length)
    notes.push(
      `${passedOver.length === 1 ? "A cell has" : `${passedOver.length} cells have`} a note or comment of ${passedOver.length === 1 ? "its" : "their"} own, so ${passedOver.length === 1 ? "its problem was" : "their problems were"} not added there: ${cellList(passedOver)}.`
    );
  notes.push(...editedNote(edited));
  if (skippedProtected.length)
    notes.push(protectedNote(skippedProtected, "their problems were not added as notes"));
  const stale = kept.filter((k) => !skippedProtected.includes(k));
  if (stale.length)
    notes.push(
      protectedNote(stale, "the notes the add-in wrote on them before could not be removed")
    );
  if (gone.length)
    notes.push(
      `${gone.map((n) => `"${n}"`).join(", ")} ${gone.length === 1 ? "is" : "are"} no longer in the workbook, so ${gone.length === 1 ? "its" : "their"} problems were not added as notes. Check the schedules again.`
    );
  return { count: written, notes };
}

/** Removes the notes the add-in wrote, and nothing else; counts them. */
export async function clearProblemNotes(context: Excel.RequestContext): Promise<MarkResult> {
  const { sheets, placed } = await survey(context);
  const { removed, kept, edited } = queueRemoval(sheets, placed, undefined, new Map());
  if (removed.size > 0) await context.sync();
  const notes = [
    ...editedNote(edited),
    ...(kept.length
      ? [protectedNote(kept, "the notes the add-in wrote on them could not be removed")]
      : []),
  ];
  return { count: removed.size, notes };
}
