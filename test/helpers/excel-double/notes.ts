/**
 * Notes (ExcelApi 1.18, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes)
 * and threaded comments (ExcelApi 1.10, https://learn.microsoft.com/javascript/api/excel/excel.commentcollection).
 * A note is tied to one cell: `add` on more than one cell fails with InvalidArgument; notes are
 * reached from the workbook (every sheet's) or from a worksheet (its own), by cell address or by
 * place. Notes on a protected sheet cannot be added, changed or deleted (AccessDenied). What Excel
 * does with a second note on a cell, or a note on a cell with a threaded comment, is not
 * documented: the double refuses to guess (NotModelledError).
 */
import { type Area, cellCount, parseAddress, parseQualified } from "./addresses";
import { NotModelledError, excelError } from "./errors";
import type { CommentModel, NoteModel, SheetModel, WorkbookModel } from "./model";
import { SheetModel as Sheet } from "./model";
import { type AnyProxy, ProxyBase, type Session, type Shape, defineScalars } from "./runtime";

interface Scope {
  readonly workbook: WorkbookModel;
  /** null: the workbook's collection (every sheet); a sheet: that sheet's notes. */
  readonly sheet: SheetModel | null;
}

interface NoteTarget {
  readonly sheet: SheetModel;
  readonly key: number;
  readonly note: NoteModel;
}

interface CommentTarget {
  readonly sheet: SheetModel;
  readonly key: number;
  readonly comment: CommentModel;
}

/** A range proxy for one cell, made by the caller (objects.ts owns Range). */
export type RangeMaker = (
  session: Session,
  resolve: () => { sheet: SheetModel; area: Area } | null
) => unknown;

let makeRange: RangeMaker = () => {
  throw new NotModelledError("Note.getLocation before objects.ts is loaded");
};

export function useRangeMaker(maker: RangeMaker): void {
  makeRange = maker;
}

function sheetsOf(scope: Scope): SheetModel[] {
  return scope.sheet ? [scope.sheet] : scope.workbook.liveSheets();
}

function cellArea(key: number): Area {
  const { row, column } = Sheet.cellOf(key);
  return { top: row, left: column, bottom: row, right: column };
}

function sortedKeys<T>(map: Map<number, T>): number[] {
  return [...map.keys()].sort((a, b) => a - b);
}

/** A cell address as `add` and `getItem` take it: "D5" for a sheet's notes; "'My sheet'!D5" for the workbook's. */
function cellFor(
  scope: Scope,
  address: unknown,
  location: string
): { sheet: SheetModel; area: Area } {
  if (typeof address === "object" && address !== null && "_target" in address) {
    const t = (address as { _target: (l: string) => { sheet: SheetModel; area: Area } })._target(
      location
    );
    if (scope.sheet && t.sheet !== scope.sheet) throw excelError("InvalidArgument", location);
    return t;
  }
  if (typeof address !== "string") throw excelError("InvalidArgument", location);
  if (scope.sheet) return { sheet: scope.sheet, area: parseAddress(address) };
  const q = parseQualified(address);
  const sheet = scope.workbook.findSheet(q.sheet);
  if (!sheet) throw excelError("ItemNotFound", location);
  return { sheet, area: q.area };
}

export class NoteCollectionProxy extends ProxyBase<Scope> {
  static readonly shape: Shape<Scope> = { type: "NoteCollection", scalars: {}, collection: true };

  constructor(session: Session, resolve: () => Scope | null) {
    super(session, NoteCollectionProxy.shape, () => {
      session.checkApi("1.18", "notes");
      return resolve();
    });
  }

  override _dead(scope: Scope): boolean {
    return Boolean(scope.sheet?.deleted);
  }

  override _items(scope: Scope): AnyProxy[] {
    return sheetsOf(scope).flatMap((sheet) =>
      sortedKeys(sheet.notes).map((key) => {
        const note = sheet.notes.get(key)!;
        return new NoteProxy(this._session, () => ({ sheet, key, note })) as unknown as AnyProxy;
      })
    );
  }

  add(cellAddress: unknown, content: unknown): NoteProxy {
    const made: { target?: NoteTarget } = {};
    const location = "NoteCollection.add";
    this._call(
      location,
      [typeof cellAddress === "string" ? cellAddress : "range", content],
      "1.18",
      (scope) => {
        const { sheet, area } = cellFor(scope, cellAddress, location);
        // "The range must be a single cell": an InvalidArgument error otherwise.
        if (cellCount(area) !== 1) throw excelError("InvalidArgument", location);
        sheet.assertEditable(location);
        const key = Sheet.key(area.top, area.left);
        if (sheet.notes.has(key)) throw new NotModelledError("a second note on one cell");
        if (sheet.comments.has(key))
          throw new NotModelledError("a note on a cell that has a threaded comment");
        const note: NoteModel = { content: String(content), author: this._session.host.userName };
        sheet.notes.set(key, note);
        made.target = { sheet, key, note };
      }
    );
    return new NoteProxy(this._session, () => {
      if (!made.target) throw excelError("ItemNotFound", location);
      return made.target;
    });
  }

  private find(scope: Scope, key: string, location: string): NoteTarget | null {
    const { sheet, area } = cellFor(scope, key, location);
    const k = Sheet.key(area.top, area.left);
    const note = sheet.notes.get(k);
    return note ? { sheet, key: k, note } : null;
  }

  getItem(key: string): NoteProxy {
    return new NoteProxy(this._session, () => {
      const location = "NoteCollection.getItem";
      const found = this.find(this._target(location), key, location);
      if (!found) throw excelError("ItemNotFound", location);
      return found;
    });
  }

  getItemOrNullObject(key: string): NoteProxy {
    return new NoteProxy(
      this._session,
      () =>
        this.find(
          this._target("NoteCollection.getItemOrNullObject"),
          key,
          "NoteCollection.getItemOrNullObject"
        ),
      true
    );
  }

  getItemAt(index: number): NoteProxy {
    return new NoteProxy(this._session, () => {
      const scope = this._target("NoteCollection.getItemAt");
      const all = sheetsOf(scope).flatMap((sheet) =>
        sortedKeys(sheet.notes).map((key) => ({ sheet, key, note: sheet.notes.get(key)! }))
      );
      const found = all[index];
      if (!found) throw excelError("ItemNotFound", "NoteCollection.getItemAt");
      return found;
    });
  }
}

export class NoteProxy extends ProxyBase<NoteTarget> {
  static readonly shape: Shape<NoteTarget> = {
    type: "Note",
    scalars: {
      content: {
        api: "1.18",
        get: (t) => t.note.content,
        set: (t, v) => {
          t.sheet.assertEditable("Note.content");
          t.note.content = String(v);
        },
      },
      authorName: { api: "1.18", get: (t) => t.note.author },
    },
  };

  constructor(session: Session, resolve: () => NoteTarget | null, nullable = false) {
    super(session, NoteProxy.shape, resolve, nullable);
  }

  override _dead(t: NoteTarget): boolean {
    return t.sheet.deleted || t.sheet.notes.get(t.key) !== t.note;
  }

  getLocation(): unknown {
    return makeRange(this._session, () => {
      const t = this._target("Note.getLocation");
      return { sheet: t.sheet, area: cellArea(t.key) };
    });
  }

  delete(): void {
    this._call("Note.delete", [], "1.18", (t) => {
      t.sheet.assertEditable("Note.delete");
      t.sheet.notes.delete(t.key);
    });
  }
}
defineScalars(NoteProxy, NoteProxy.shape);

export class CommentCollectionProxy extends ProxyBase<Scope> {
  static readonly shape: Shape<Scope> = {
    type: "CommentCollection",
    scalars: {},
    collection: true,
  };

  constructor(session: Session, resolve: () => Scope | null) {
    super(session, CommentCollectionProxy.shape, () => {
      session.checkApi("1.10", "comments");
      return resolve();
    });
  }

  override _dead(scope: Scope): boolean {
    return Boolean(scope.sheet?.deleted);
  }

  override _items(scope: Scope): AnyProxy[] {
    return sheetsOf(scope).flatMap((sheet) =>
      sortedKeys(sheet.comments).map((key) => {
        const comment = sheet.comments.get(key)!;
        return new CommentProxy(this._session, () => ({
          sheet,
          key,
          comment,
        })) as unknown as AnyProxy;
      })
    );
  }
}

export class CommentProxy extends ProxyBase<CommentTarget> {
  static readonly shape: Shape<CommentTarget> = {
    type: "Comment",
    scalars: {
      content: { api: "1.10", get: (t) => t.comment.content },
      authorName: { api: "1.10", get: (t) => t.comment.author },
    },
  };

  constructor(session: Session, resolve: () => CommentTarget | null) {
    super(session, CommentProxy.shape, resolve);
  }

  override _dead(t: CommentTarget): boolean {
    return t.sheet.deleted || t.sheet.comments.get(t.key) !== t.comment;
  }

  getLocation(): unknown {
    return makeRange(this._session, () => {
      this._session.checkApi("1.10", "Comment.getLocation");
      const t = this._target("Comment.getLocation");
      return { sheet: t.sheet, area: cellArea(t.key) };
    });
  }
}
defineScalars(CommentProxy, CommentProxy.shape);
