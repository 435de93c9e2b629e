export { WorkbookReadError, type ReadErrorKind } from "./read-error";
export { readWorkbookFile, readWorkbookFileContents } from "./read-workbook-file";
export type { ReadWorkbookOptions, WorkbookContents } from "./workbook-reader";
