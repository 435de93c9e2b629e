/**
 * Workbooks as every producer writes them (Excel, Strict Open XML, LibreOffice, openpyxl,
 * XlsxWriter, SheetJS, .NET, macro-enabled) and each quirk they show: each must read as the sheet a
 * person sees, through the file reader and the Blob reader alike, give the findings that sheet
 * gives, and agree with ExcelJS where ExcelJS can read it. test/e2e/producers.e2e.test.ts reads the
 * same packages in Chromium.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CellValue, Grid } from "../src/core/grid";
import { validateGrids } from "../src/core/validate";
import { readWorkbookFileContents } from "../src/file";
import { readWorkbookBlob } from "../src/file/read-workbook-blob";
import { gridsViaExcelJs } from "./helpers/exceljs-grids";
import { runCli } from "./helpers/run-cli";
import { type ExpectedSheet, PRODUCER_CASES } from "./producers/cases";

const dir = mkdtempSync(join(tmpdir(), "govcheck-producers-"));

/** The sheets as grids, with each row's trailing empty cells dropped (as the reader gives them). */
export function expectedGrids(sheets: readonly ExpectedSheet[]): Grid[] {
  return sheets.map((s) => ({
    name: s.name,
    hidden: s.hidden ?? false,
    firstRow: 1,
    firstColumn: 1,
    rows: s.rows.map((r) => {
      const cells: CellValue[] = [...r];
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      return cells;
    }),
    merges: s.merges ?? [],
    ...(s.validationLists ? { validationLists: s.validationLists } : {}),
  }));
}

function keys(grids: readonly Grid[]): string[] {
  return validateGrids(grids).findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
}

describe.each(PRODUCER_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  let bytes: Buffer;
  let path: string;

  beforeAll(async () => {
    bytes = await c.build();
    path = join(dir, `${c.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 50)}${c.extension}`);
    writeFileSync(path, bytes);
  }, 120_000);

  it("reads as the sheets a person sees", async () => {
    const { grids, notes } = await readWorkbookFileContents(path);
    expect(grids).toEqual(expectedGrids(c.sheets));
    expect(notes).toEqual([]);
  });

  it("reads the same from a Blob (DecompressionStream, as in the browser)", async () => {
    const { grids } = await readWorkbookBlob(new Blob([new Uint8Array(bytes)]));
    expect(grids).toEqual(expectedGrids(c.sheets));
  });

  it("gives the findings its sheets give, on the command line too", async () => {
    const want = keys(expectedGrids(c.sheets));
    const { code, out } = await runCli("validate", path, "--json");
    const report = JSON.parse(out) as { issues: { sheet: string; cell: string; rule: string }[] };
    expect(report.issues.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(want);
    expect(code).toBe(want.length ? 1 : 0);
  });

  if (!c.excelJsFails) {
    it("agrees with ExcelJS, the independent second reader", async () => {
      const ours = (await readWorkbookFileContents(path)).grids;
      const theirs = await gridsViaExcelJs(bytes);
      expect(theirs.map((g) => ({ name: g.name, rows: g.rows }))).toEqual(
        ours.map((g) => ({ name: g.name, rows: g.rows }))
      );
    });
  }
});

describe("what the producers' fixtures prove", () => {
  it("the schedule fixtures raise findings (or the comparison proves little)", () => {
    const withSchedule = PRODUCER_CASES.filter((c) =>
      c.sheets.some((s) => s.name === "Local Code")
    );
    expect(withSchedule.length).toBeGreaterThan(10);
    for (const c of withSchedule) expect(keys(expectedGrids(c.sheets)).length).toBeGreaterThan(3);
  });

  it("the drop-down case's schedule takes its rating words from the list on its Status cells", async () => {
    const c = PRODUCER_CASES.find((p) => p.name.startsWith("Excel's drop-down lists"))!;
    const path = join(dir, "drop-down-lists.xlsx");
    writeFileSync(path, await c.build());
    const result = validateGrids((await readWorkbookFileContents(path)).grids);
    expect(
      result.schedules.map((s) => [s.schedule.sheet, s.schedule.scaleSource, s.scale.levels])
    ).toEqual([["Assurance", "list", ["Red", "Amber", "Green"]]]);
    expect(keys(expectedGrids(c.sheets))).toEqual([
      "Assurance!D5 low-score-no-action",
      "Assurance!E5 low-score-no-lead",
      "Assurance!E6 low-score-no-lead",
    ]);
  });

  it("whole numbers typed as text with a decimal point or a no-break space are scores, not text", () => {
    const typed = PRODUCER_CASES.find((c) => c.name.startsWith("whole numbers typed as text"))!;
    expect(keys(expectedGrids(typed.sheets))).toEqual(["Typed!D4 low-score-no-action"]);
  });
});
