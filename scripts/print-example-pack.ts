import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { RIVERBEND_FILE } from "../examples/riverbend";
import { RIVERBEND_LAST_YEAR_FILE } from "../examples/riverbend-last-year";
import { nodeZipCodec } from "../src/cli/node-zip-codec";
import { lastYearReturn } from "../src/core/facts/last-year";
import { defaultSettings } from "../src/core/settings";
import { buildSummary } from "../src/core/summary/model";
import { planCommitteeSheets } from "../src/core/summary/plan";
import { scoreGrids } from "../src/core/validate";
import { readWorkbookFile } from "../src/file";
import { committeeWorkbook } from "../src/file/committee-workbook";
import { convertWithLibreOffice } from "../test/helpers/libreoffice";

/**
 * docs/committee-pack-N.png: the example's committee pack (against last year's return, as at the
 * March 2026 committee it is drafted for) as LibreOffice prints it, a PNG per A4 page. Needs
 * LibreOffice and poppler's pdftoppm, as the tests do.
 */
async function main(): Promise<void> {
  const made = new Date(Date.UTC(2026, 2, 2, 9, 30));
  const settings = defaultSettings();
  const last = scoreGrids(await readWorkbookFile(RIVERBEND_LAST_YEAR_FILE), { settings });
  const result = scoreGrids(await readWorkbookFile(RIVERBEND_FILE), {
    settings,
    asAt: made,
    lastYear: lastYearReturn(basename(RIVERBEND_LAST_YEAR_FILE), last.schedules, settings),
  });
  const summary = buildSummary([{ source: basename(RIVERBEND_FILE), result, settings }], made);
  const dir = mkdtempSync(join(tmpdir(), "govcheck-docs-"));
  try {
    const xlsx = join(dir, "riverbend-committee-pack.xlsx");
    writeFileSync(
      xlsx,
      await committeeWorkbook(planCommitteeSheets(summary), "Committee summary", {
        codec: nodeZipCodec,
        made,
      })
    );
    convertWithLibreOffice(xlsx, "pdf", dir);
    execFileSync("pdftoppm", [
      "-r",
      "90",
      "-png",
      join(dir, "riverbend-committee-pack.pdf"),
      join(dir, "page"),
    ]);
    for (const old of readdirSync("docs").filter((f) => /^committee-pack-\d+\.png$/.test(f)))
      rmSync(join("docs", old));
    const pages = readdirSync(dir)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort();
    pages.forEach((f, i) =>
      copyFileSync(join(dir, f), join("docs", `committee-pack-${i + 1}.png`))
    );
    process.stdout.write(
      `wrote docs/committee-pack-1.png to docs/committee-pack-${pages.length}.png\n`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
