/**
 * The Excel host's round trips, measured on the Excel double with Excel on the web's 5 MB rule on
 * (a request or response over 5 MB fails, counted in UTF-8 bytes): how many context.sync() calls a
 * check, a highlight and a committee summary make, and the largest request and response, for 1,
 * 10 and 50 sheets, a 200,000-row sheet, a sheet of long non-ASCII text and a heavily merged one.
 */
import { defaultSettings } from "../src/core/settings";
import { buildSummary } from "../src/core/summary/model";
import { planCommitteeSheets } from "../src/core/summary/plan";
import { validateGrids } from "../src/core/validate";
import { applyHighlights } from "../src/excel/highlights";
import { DEFAULT_READ_OPTIONS, readWorkbook } from "../src/excel/read-workbook";
import { DEFAULT_WRITE_OPTIONS, writeCommitteeSheets } from "../src/excel/write-committee-sheets";
import { type SheetSeed, WEB_PAYLOAD_LIMIT, createExcelDouble } from "../test/helpers/excel-double";

function schedule(
  name: string,
  rows: number,
  requirement = "Members and officers follow the codes of conduct and declare interests promptly"
): SheetSeed {
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
      requirement,
      "Register of interests",
      (i % 5) + 1,
      i % 4 ? "Refresh training" : "",
      i % 7 ? "Monitoring Officer" : "",
    ]);
  }
  return { name, values };
}

interface Row {
  label: string;
  readSyncs: number;
  highlightSyncs: number;
  summarySyncs: number;
  maxResponseMb: number;
  maxRequestMb: number;
  refused: number;
  findings: number;
  ms: number;
}

async function measure(label: string, sheets: SheetSeed[]): Promise<Row> {
  const excel = createExcelDouble({ sheets });
  const started = Date.now();
  const read = await readWorkbook(excel.context(), {
    ...DEFAULT_READ_OPTIONS,
    mergedAreas: true,
    api112: true,
    validationLists: true,
  });
  const readSyncs = excel.syncs();
  const result = validateGrids(read.grids);
  await applyHighlights(excel.context(), result.findings, read.sheetIds);
  const highlightSyncs = excel.syncs() - readSyncs;
  const summary = buildSummary([{ source: "", result, settings: defaultSettings() }], new Date());
  await writeCommitteeSheets(excel.context(), planCommitteeSheets(summary), {
    ...DEFAULT_WRITE_OPTIONS,
    customProperties: true,
  });
  return {
    label,
    readSyncs,
    highlightSyncs,
    summarySyncs: excel.syncs() - readSyncs - highlightSyncs,
    maxResponseMb: excel.maxResponseBytes() / 1e6,
    maxRequestMb: excel.maxRequestBytes() / 1e6,
    refused: excel.log.filter((l) => l.error).length,
    findings: result.findings.length,
    ms: Date.now() - started,
  };
}

export async function excelRequestReport(): Promise<void> {
  const merged = schedule("Merged", 3000);
  merged.merged = Array.from({ length: 3000 }, (_, i) => `E${i + 2}:F${i + 2}`);
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
    await measure("20,000 rows of 600 x \u20ac", [schedule("Long", 20_000, "\u20ac".repeat(600))]),
    await measure("3,000 rows, 3,000 merges", [merged]),
  ];
  console.log(
    `\nExcel host on the Excel double (5 MB rule on: ${WEB_PAYLOAD_LIMIT / 1e6} MB a request or response, UTF-8)\n`
  );
  const head = [
    "workbook".padStart(26),
    "read",
    "highlight",
    "summary",
    "max resp MB",
    "max req MB",
    "refused",
    "findings",
    "ms",
  ];
  console.log(head.join("  "));
  for (const r of rows) {
    console.log(
      [
        r.label.padStart(26),
        String(r.readSyncs).padStart(4),
        String(r.highlightSyncs).padStart(9),
        String(r.summarySyncs).padStart(7),
        r.maxResponseMb.toFixed(2).padStart(11),
        r.maxRequestMb.toFixed(2).padStart(10),
        String(r.refused).padStart(7),
        String(r.findings).padStart(8),
        String(r.ms).padStart(6),
      ].join("  ")
    );
  }
  const small = rows.slice(0, 3).map((r) => r.readSyncs);
  const constant = small.every((n) => n === small[0]);
  const worst = Math.max(...rows.map((r) => Math.max(r.maxResponseMb, r.maxRequestMb)));
  console.log(
    `\nread syncs for 1/10/50 sheets: ${small.join("/")} (${constant ? "constant: OK" : "NOT constant"})`
  );
  console.log(
    `highlight syncs for 1/10/50 sheets: ${rows
      .slice(0, 3)
      .map((r) => r.highlightSyncs)
      .join("/")}; summary syncs: ${rows
      .slice(0, 3)
      .map((r) => r.summarySyncs)
      .join("/")}`
  );
  console.log(
    `largest request or response: ${worst.toFixed(2)} MB (cap ${WEB_PAYLOAD_LIMIT / 1e6} MB) ${worst < WEB_PAYLOAD_LIMIT / 1e6 ? "OK" : "MISSED"}; requests Excel refused (over 5 MB, or over 512 merged areas) and the host asked again in smaller pieces: ${rows.reduce((n, r) => n + r.refused, 0)}`
  );
}
