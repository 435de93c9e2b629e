export { WorkbookReadError } from "./read-error";
export { gridsFromBuffer } from "./workbook-grids";
export { readWorkbookFile } from "./read-workbook-file";
