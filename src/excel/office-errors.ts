/** An Excel failure put in plain words for the task pane's message bar. */
export class ExcelHostError extends Error {
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message);
    this.name = "ExcelHostError";
  }
}

/** Turns what Office.js throws (an OfficeExtension.Error with a code) into a sentence for an officer. */
export function explainOfficeError(err: unknown): ExcelHostError {
  if (err instanceof ExcelHostError) return err;
  const code =
    typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  const message = err instanceof Error ? err.message : String(err);
  const c = typeof code === "string" ? code : undefined;
  if (c === "InvalidOperationInCellEditMode") {
    return new ExcelHostError(
      "Excel is still editing a cell. Press Enter or Esc to finish the edit, then try again.",
      c
    );
  }
  if (c === "AccessDenied" || /protect/i.test(message)) {
    return new ExcelHostError(
      "Excel would not let the add-in change this workbook: a sheet or the workbook structure is protected. Unprotect it (Review > Unprotect Sheet) or ask its owner, then try again.",
      c
    );
  }
  if (c === "ApiNotFound" || c === "ApiNotAvailable") {
    return new ExcelHostError(
      "This version of Excel does not have a feature this needs. Update Office, or use Excel on the web.",
      c
    );
  }
  if (c === "RequestPayloadSizeLimitExceeded" || c === "ResponsePayloadSizeLimitExceeded") {
    return new ExcelHostError(
      "The workbook is too large for Excel to send in one go. Close other workbooks and try again, or check the file with the govcheck command line.",
      c
    );
  }
  if (c === "ItemNotFound") {
    return new ExcelHostError(
      "A sheet or cell the add-in expected has gone (it may have been renamed or deleted). Check the schedules again.",
      c
    );
  }
  if (c === "Conflict" || c === "EditModeChanged") {
    return new ExcelHostError(
      "Someone else changed the workbook at the same time. Try again in a moment.",
      c
    );
  }
  return new ExcelHostError(
    `Excel reported a problem${c ? ` (${c})` : ""}: ${message.split("\n")[0]}`,
    c
  );
}
