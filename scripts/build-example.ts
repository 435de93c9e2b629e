import { writeFileSync } from "node:fs";
import { RIVERBEND_FILE, RIVERBEND_SHEETS } from "../examples/riverbend";
import {
  RIVERBEND_LAST_YEAR_FILE,
  RIVERBEND_LAST_YEAR_SHEETS,
} from "../examples/riverbend-last-year";
import { buildWorkbook } from "../test/helpers/workbook-builder";

/** Writes the bundled example workbooks (this year's return and last year's) from their TypeScript data. */
async function main(): Promise<void> {
  for (const [file, sheets] of [
    [RIVERBEND_FILE, RIVERBEND_SHEETS],
    [RIVERBEND_LAST_YEAR_FILE, RIVERBEND_LAST_YEAR_SHEETS],
  ] as const) {
    writeFileSync(file, await buildWorkbook(sheets));
    process.stdout.write(`wrote ${file}\n`);
  }
}

void main();
