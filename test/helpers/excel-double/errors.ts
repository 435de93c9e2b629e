/**
 * The errors the double throws. Office.js rejects a failed `context.sync()` with a
 * `RichApi.Error` (an `OfficeExtension.Error`) whose `code` is one of Excel.ErrorCodes or
 * OfficeExtension.ErrorCodes; the code is stable, the message is localised.
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */
export class RichApiError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

/** The English messages Excel gives for each code, as the error-handling page lists them. */
const MESSAGES: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "This operation is not permitted for the current object.",
  InvalidOperationInCellEditMode:
    "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  InvalidRequestContext: "Cannot use the object across different request contexts.",
};

export function excelError(code: string, location?: string, message?: string): RichApiError {
  return new RichApiError(code, message ?? MESSAGES[code] ?? code, location);
}

/**
 * Thrown (synchronously, never as an Excel error) when code under test touches something the
 * double does not model: it must fail loudly rather than accept anything.
 */
export class NotModelledError extends Error {
  constructor(what: string) {
    super(`The Excel test double does not model ${what}`);
    this.name = "NotModelledError";
  }
}
