/**
 * Why a workbook could not be read. `kind` lets a host act on it (the pane asks for a password);
 * the message is one sentence for the user: what is wrong, what to do.
 */
export type ReadErrorKind =
  /** Not an .xlsx workbook: .xls, .ods, .xlsb, CSV, a Word file... */
  | "format"
  /** A workbook package with something really wrong in it. */
  | "damaged"
  /** Past one of the stated caps (Excel's own limits, part sizes, counts). */
  | "limit"
  /** Encrypted, and the password was not given. */
  | "password-required"
  /** Encrypted, and the password given does not open it. */
  | "password-wrong"
  /** The file could not be opened or read at all (missing, a folder, no permission). */
  | "io"
  /** The caller stopped the read (AbortSignal). */
  | "aborted";

export class WorkbookReadError extends Error {
  constructor(
    message: string,
    readonly kind: ReadErrorKind = "format"
  ) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

const SAVE_AGAIN = "open it in Excel and save it again, then check the copy";

/** A package that is really wrong: one sentence saying what, and what to do. */
export function damaged(what: string): WorkbookReadError {
  return new WorkbookReadError(`the workbook is damaged: ${what}: ${SAVE_AGAIN}`, "damaged");
}

/** Past a stated cap: the workbook is damaged or was made to exhaust the reader's memory. */
export function exhausting(what: string): WorkbookReadError {
  return new WorkbookReadError(
    `the workbook is damaged or built to exhaust memory: ${what}`,
    "limit"
  );
}

/** Thrown when the caller's AbortSignal fires. */
export function aborted(): WorkbookReadError {
  return new WorkbookReadError("reading the workbook was stopped", "aborted");
}
