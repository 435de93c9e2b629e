/** A workbook that cannot be read, with one sentence for the user: what is wrong, what to do. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}
