export { WorkbookReadError } from "./read-error";
export { gridsFromBuffer } from "./workbook-grids";
export { readWorkbookFile, STREAMING_THRESHOLD_BYTES } from "./read-workbook-file";
