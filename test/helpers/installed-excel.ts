import { type ExcelHost, createExcelHost } from "../../src/excel/excel-host";
import { type DoubleOptions, type ExcelDouble, createExcelDouble } from "./excel-double";

let restore: (() => void) | undefined;
// Registered in each test file that imports this: the globals go after every test.
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** The Excel double, installed as office.js would be (Excel.run, Office), for this test only. */
export function installedExcel(options: DoubleOptions): ExcelDouble {
  const excel = createExcelDouble(options);
  restore?.();
  restore = excel.installGlobals();
  return excel;
}

/** The double installed, and the add-in's own host over it. */
export function excelWith(options: DoubleOptions): { excel: ExcelDouble; host: ExcelHost } {
  return { excel: installedExcel(options), host: createExcelHost() };
}
