/**
 * The Excel host's round trips, measured through office-addin-mock: how many context.sync() calls
 * a check makes, and the most cell data one response carries, for 1, 10 and 50 sheets and for a
 * 200,000-row sheet.
 */
import { DEFAULT_READ_OPTIONS, readWorkbook } from "../src/excel/read-workbook";
import { applyHighlights } from "../src/excel/highlights";
import type { Finding } from "../src/core/findings";
import { validateGrids } from "../src/core/validate";
import { type MockSheet, mockExcel } from "../test/helpers/excel-mock";

function schedule(name: string, rows: number): MockSheet {
  const values: (string | number)[][] = [
    [
      "Ref",
      "Requirement",
      "Evidence",
      "Score (1-5)",
      "Areas for improvement",
      "Responsible officer",
    ],
  ];
  for (let i = 1; i <= rows; i++) {
    values.push([
      `R${i}`,
      "Members and officers follow the codes of conduct and declare interests promptly",
      "Register of interests",
      (i % 5) + 1,
      i % 4 ? "Refresh training" : "",
      i % 7 ? "Monitoring Officer" : "",
    ]);
  }
  return { name, values };
}

async function measure(label: string, sheets: MockSheet[]) {
  const mock = mockExcel(sheets);
  const started = Date.now();
  const read = await readWorkbook(mock.context, {
    ...DEFAULT_READ_OPTIONS,
    mergedAreas: true,
    validationLists: true,
  });
  const readSyncs = mock.syncs();
  const findings: Finding[] = [...validateGrids(read.grids).findings];
  await applyHighlights(mock.context, findings);
  return {
    label,
    readSyncs,
    highlightSyncs: mock.syncs() - readSyncs,
    maxResponseMb: Math.max(...mock.responseBytes) / (1024 * 1024),
    findings: findings.length,
    ms: Date.now() - started,
  };
}

export async function excelRequestReport(): Promise<void> {
  const rows = [
    await measure("1 sheet x 40 rows", [schedule("S1", 40)]),
    await measure(
      "10 sheets x 40 rows",
      Array.from({ length: 10 }, (_, i) => schedule(`S${i}`, 40))
    ),
    await measure(
      "50 sheets x 40 rows",
      Array.from({ length: 50 }, (_, i) => schedule(`S${i}`, 40))
    ),
    await measure(
      "50 sheets x 1,000 rows",
      Array.from({ length: 50 }, (_, i) => schedule(`S${i}`, 1000))
    ),
    await measure("1 sheet x 200,000 rows", [schedule("Big", 200_000)]),
  ];
  console.log("\nExcel host through office-addin-mock: round trips and response size\n");
  console.log(
    ["workbook".padStart(24), "read syncs", "highlight syncs", "max response MB", "findings"].join(
      "  "
    )
  );
  for (const r of rows) {
    console.log(
      [
        r.label.padStart(24),
        String(r.readSyncs).padStart(10),
        String(r.highlightSyncs).padStart(15),
        r.maxResponseMb.toFixed(2).padStart(15),
        String(r.findings).padStart(8),
      ].join("  ")
    );
  }
  const small = rows.slice(0, 3).map((r) => r.readSyncs);
  const constant = small.every((n) => n === small[0]);
  const worst = Math.max(...rows.map((r) => r.maxResponseMb));
  console.log(
    `\nsyncs for 1/10/50 sheets: ${small.join("/")} (${constant ? "constant: OK" : "NOT constant"})`
  );
  console.log(
    `largest response: ${worst.toFixed(2)} MB (target under 5 MB) ${worst < 5 ? "OK" : "MISSED"}`
  );
}
