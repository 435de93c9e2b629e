import { writeFileSync } from "node:fs";
import { RIVERBEND_FILE, RIVERBEND_SHEETS } from "../examples/riverbend";
import { buildWorkbook } from "../test/helpers/workbook-builder";

/** Writes the bundled example workbook from its TypeScript data. */
async function main(): Promise<void> {
  writeFileSync(RIVERBEND_FILE, await buildWorkbook(RIVERBEND_SHEETS));
  process.stdout.write(`wrote ${RIVERBEND_FILE}\n`);
}

void main();
