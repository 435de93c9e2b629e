/**
 * What Office.js throws, put in plain words for the task pane. Errors are told apart by their code
 * (Excel.ErrorCodes and the codes on Microsoft's error-handling page), never by their message,
 * which Excel translates into the user's language.
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */
export class ExcelHostError extends Error {
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message);
    this.name = "ExcelHostError";
  }
}

const TOO_LARGE =
  "The workbook is too large for Excel to send in one go. Close other workbooks and try again, or check the file with the govcheck command line.";
const TRY_AGAIN = "Excel could not finish the request. Wait a moment and try again.";
const UPDATE =
  "This version of Excel does not have a feature this needs. Update Office, or use Excel on the web.";

/** A sentence an officer can act on, for each code an officer's workbook or Excel can cause. */
const SENTENCES: Readonly<Record<string, string>> = {
  AccessDenied:
    "Excel would not let the add-in change this workbook: a sheet or the workbook's structure is protected. Unprotect it (Review > Unprotect Sheet, or Review > Protect Workbook) or ask its owner, then try again.",
  ActivityLimitReached: TRY_AGAIN,
  ApiNotAvailable: UPDATE,
  ApiNotFound: UPDATE,
  NotImplemented: UPDATE,
  Conflict: "Someone else changed the workbook at the same time. Try again in a moment.",
  EmptyChartSeries:
    "Excel would not draw a chart because its data are empty. Check the schedules again, then build the summary again.",
  FilteredRangeConflict:
    "A filter on the sheet is in the way. Clear the filter (Data > Clear), then try again.",
  GeneralException:
    "Excel had an internal problem with this request. Try again; if it keeps happening, save the workbook, reopen it and try again.",
  InactiveWorkbook: "Another workbook has the focus. Click in this workbook, then try again.",
  InsertDeleteConflict:
    "Excel could not insert or delete cells there. Undo your last change to the sheet, then try again.",
  InvalidArgument:
    "Excel refused part of the request. Check the schedules again; if it keeps happening, report it with the code below.",
  InvalidBinding: "The workbook changed while the add-in was working. Check the schedules again.",
  InvalidOperation:
    "Excel would not do this to the workbook as it is now. Check the schedules again, then try again.",
  InvalidOperationInCellEditMode:
    "Excel is still editing a cell. Press Enter or Esc to finish the edit, then try again.",
  InvalidReference:
    "A sheet or cell the add-in expected has gone (it may have been renamed or deleted). Check the schedules again.",
  InvalidSelection: "Excel would not select that cell. Click in the workbook, then try again.",
  ItemAlreadyExists:
    "A sheet or table with that name already exists in the workbook. Rename or delete it, then try again.",
  ItemNotFound:
    "A sheet or cell the add-in expected has gone (it may have been renamed or deleted). Check the schedules again.",
  MemoryLimitReached: "Excel ran out of memory. Close other workbooks and try again.",
  MergedRangeConflict:
    "Merged cells are in the way. Unmerge the cells on the sheet the add-in writes to, then try again.",
  NonBlankCellOffSheet:
    "Excel has no room to insert cells there. Delete unused rows or columns at the end of the sheet, then try again.",
  OperationCellsExceedLimit: TOO_LARGE,
  PivotTableRangeConflict: "A PivotTable is in the way. Move it, then try again.",
  RangeExceedsLimit: TOO_LARGE,
  RequestAborted: "The request to Excel was interrupted. Try again.",
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  ServiceNotAvailable: "Excel's service is not available just now. Try again in a few minutes.",
  Unauthenticated: "Your sign-in to Microsoft 365 has expired. Sign in again, then try again.",
  UnsupportedFeature:
    "The workbook has something Excel's add-in interface cannot work with on this sheet. Check the sheet in Excel, then try again.",
  UnsupportedOperation: "Excel cannot do this here. Check the schedules again, then try again.",
  UnsupportedSheet:
    "This is a chart sheet or a macro sheet, which the add-in cannot use. Choose a worksheet, then try again.",
};

/** The error code Office.js gave, if any. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

/** Excel on the web refused a request or response as too large: send less and ask again. */
export function isTooLarge(err: unknown): boolean {
  const code = errorCode(err);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Turns what Office.js throws (an OfficeExtension.Error with a code) into a sentence for an officer. */
export function explainOfficeError(err: unknown): ExcelHostError {
  if (err instanceof ExcelHostError) return err;
  const code = errorCode(err);
  const known = code ? SENTENCES[code] : undefined;
  if (code && known) return new ExcelHostError(`${known} (Excel code: ${code})`, code);
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split("\n")[0].trim();
  return new ExcelHostError(
    code
      ? `Excel reported a problem (code ${code}): ${first || "no description"}`
      : `Excel reported a problem: ${first || "no description"}`,
    code
  );
}
