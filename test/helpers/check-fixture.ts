import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Grid, columnLetters } from "../../src/core/grid";
import { defaultSettings } from "../../src/core/settings";
import { type ValidationResult, validateGrids } from "../../src/core/validate";
import { readWorkbookFile } from "../../src/file";
import { FIXTURE_AS_AT, type FixtureCase } from "../fixtures/case";
import { gridsViaExcelJs } from "./exceljs-grids";
import { type SheetSpec, buildWorkbook } from "./workbook-builder";

const dir = mkdtempSync(join(tmpdir(), "govcheck-test-"));
let counter = 0;

/** Writes a workbook built from sheet specs to a temporary .xlsx and returns its path. */
export async function writeWorkbook(
  sheets: readonly SheetSpec[],
  name = "fixture"
): Promise<string> {
  const path = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 40)}-${++counter}.xlsx`);
  writeFileSync(path, await buildWorkbook(sheets));
  return path;
}

/**
 * A fixture's grids as the product reads them (`"govcheck"`), or as ExcelJS's own whole-file load
 * does (`"exceljs"`, the tests' independent second reader).
 */
export async function readFixture(c: FixtureCase, reader: "govcheck" | "exceljs"): Promise<Grid[]> {
  const path = await writeWorkbook(c.sheets, c.name);
  return reader === "govcheck" ? readWorkbookFile(path) : gridsViaExcelJs(readFileSync(path));
}

export function checkFixture(c: FixtureCase, grids: Grid[]): ValidationResult {
  return validateGrids(grids, {
    settings: { ...defaultSettings(), ...c.settings },
    asAt: FIXTURE_AS_AT,
  });
}

export function findingKeys(result: ValidationResult): string[] {
  return result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
}

/** What each recognised schedule was read as, in the shape of a fixture's expectations. */
export function scheduleSummary(result: ValidationResult) {
  return result.schedules.map(({ schedule, scale, weakThreshold }) => ({
    sheet: schedule.sheet,
    title: schedule.title,
    headerRow: schedule.headerRow,
    scale,
    scaleSource: schedule.scaleSource,
    weakThreshold,
    requirements: schedule.records.length,
    columns: Object.fromEntries(
      Object.entries(schedule.columns).map(([k, v]) => [k, columnLetters(v)])
    ),
    sections: schedule.sections.length,
  }));
}
