/**
 * `npm run bench`: speed and memory of `govcheck validate` against ExcelJS's own streaming read
 * of the same file, each measured in a fresh Node process so peak memory is its own.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main as cli } from "../src/cli/main";
import { bundleReport } from "./bundle-size";
import { excelRequestReport } from "./excel-requests";
import { liveExcelReport } from "./live-excel";
import { writeBenchWorkbook } from "./make-workbooks";
import { chromiumReport, hostileReport, readerChild, smallReturnsReport } from "./reader";
import { taskpaneReport } from "./taskpane";

const OUT = join(__dirname, "..", "..", "bench", "out");
const DIST = join(__dirname, "..", "..", "dist");
const REPEATS = 2;
/** Pairs run in turn where a figure is a ratio to a peer. */
const PAIRS = 3;

interface Sample {
  ms: number;
  peakMb: number;
  rows?: number;
  exit?: number;
}

/** ExcelJS's streaming reader over every row, with the options needed to read values right. */
async function excelJsStreamingRead(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  } as unknown as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      if (row.values) rows++;
    }
  }
  return rows;
}

async function child(kind: string, file: string, previous?: string): Promise<void> {
  const start = process.hrtime.bigint();
  const result: Sample = { ms: 0, peakMb: 0 };
  const quiet = { out: () => undefined, err: (t: string) => void process.stderr.write(t) };
  if (kind === "exceljs") result.rows = await excelJsStreamingRead(file);
  else if (kind === "summarise")
    result.exit = await cli(
      ["node", "govcheck", "summarise", file, "-o", join(OUT, "committee.xlsx")],
      quiet
    );
  else if (kind === "summarise-previous")
    result.exit = await cli(
      [
        "node",
        "govcheck",
        "summarise",
        file,
        "--previous",
        previous!,
        "-o",
        join(OUT, "committee-previous.xlsx"),
      ],
      quiet
    );
  else result.exit = await cli(["node", "govcheck", "validate", file, "--json"], quiet);
  result.ms = Number(process.hrtime.bigint() - start) / 1e6;
  result.peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(result));
}

type Kind = "exceljs" | "govcheck" | "summarise" | "summarise-previous";

/** One run of `kind` in a fresh process. */
function once(kind: Kind, file: string, previous = ""): Sample {
  const run = spawnSync(
    process.execPath,
    ["--max-old-space-size=4096", __filename, "--child", kind, file, previous],
    { encoding: "utf8" }
  );
  if (run.status !== 0)
    throw new Error(`${kind} on ${file} failed: ${run.stderr.trim().split("\n")[0]}`);
  return JSON.parse(run.stdout) as Sample;
}

/** The best of REPEATS runs. */
function measure(kind: Kind, file: string, previous = ""): Sample {
  const samples = Array.from({ length: REPEATS }, () => once(kind, file, previous));
  return samples.reduce((a, b) => (b.ms < a.ms ? b : a));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `a` against its peer `b`, run in turn (a b a b ...): each one's median time and largest peak,
 * and the median of the pairs' ratios a/b. A shared machine's speed drifts over a minute; a pair
 * run back to back sees the same machine, so the ratio holds where a best-of-each would not.
 */
function compare(
  a: Kind,
  b: Kind,
  file: string,
  previous = ""
): { a: Sample; b: Sample; ratio: number } {
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let i = 0; i < PAIRS; i++) {
    as.push(once(a, file, previous));
    bs.push(once(b, file));
  }
  const summary = (samples: Sample[]): Sample => ({
    ms: median(samples.map((x) => x.ms)),
    peakMb: Math.max(...samples.map((x) => x.peakMb)),
  });
  return {
    a: summary(as),
    b: summary(bs),
    ratio: median(as.map((x, i) => x.ms / bs[i].ms)),
  };
}

async function ensure(
  name: string,
  sheets: number,
  rows: number,
  lastYear = false
): Promise<string> {
  const file = join(OUT, name);
  if (!existsSync(file)) await writeBenchWorkbook(file, sheets, rows, lastYear);
  return file;
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells
    .map((c, i) => (typeof c === "number" ? c.toFixed(c < 10 ? 2 : 0) : c).padStart(widths[i]))
    .join("  ");
}

/** `readerOnly` (`npm run bench -- --reader`): the reader's figures, without Excel's and the pane's. */
async function report(readerOnly = false): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const files: { label: string; file: string; rows: number }[] = [];
  for (const n of [50_000, 100_000, 200_000])
    files.push({
      label: `1 sheet x ${n / 1000}k rows`,
      file: await ensure(`schedule-${n}.xlsx`, 1, n),
      rows: n,
    });
  files.push({
    label: "50 sheets x 1,000 rows",
    file: await ensure("fifty-sheets.xlsx", 50, 1000),
    rows: 50_000,
  });

  const widths = [24, 9, 14, 14, 7, 12, 12, 14];
  console.log(
    "govcheck validate vs ExcelJS streaming read (%d pairs run in turn, each run in a fresh process; medians, and the median of the pairs' ratios)\n",
    PAIRS
  );
  console.log(
    row(
      [
        "workbook",
        "MB",
        "exceljs ms",
        "govcheck ms",
        "ratio",
        "exceljs MB",
        "govcheck MB",
        "ms/10k rows",
      ],
      widths
    )
  );
  const perTenK: number[] = [];
  let worstRatio = 0;
  let worstPeak = 0;
  const ratios = new Map<string, { ratio: number; peakMb: number }>();
  for (const f of files) {
    const { a: ours, b: base, ratio } = compare("govcheck", "exceljs", f.file);
    ratios.set(f.label, { ratio, peakMb: ours.peakMb });
    const per = (ours.ms / f.rows) * 10_000;
    if (f.label.startsWith("1 sheet")) perTenK.push(per);
    worstRatio = Math.max(worstRatio, ratio);
    worstPeak = Math.max(worstPeak, ours.peakMb);
    const mb = statSync(f.file).size / 1e6;
    console.log(row([f.label, mb, base.ms, ours.ms, ratio, base.peakMb, ours.peakMb, per], widths));
  }
  const spread = Math.max(...perTenK) / Math.min(...perTenK);
  console.log("");
  const big200 = files.find((f) => f.rows === 200_000)!;
  const ratio200 = ratios.get(big200.label)!;
  console.log(
    `200,000 rows: govcheck/exceljs ${ratio200.ratio.toFixed(2)}x (target <= 0.8x) ${ratio200.ratio <= 0.8 ? "OK" : "MISSED"}, ` +
      `peak ${ratio200.peakMb.toFixed(0)} MB (target < 400 MB) ${ratio200.peakMb < 400 ? "OK" : "MISSED"}`
  );
  console.log(
    `worst ratio govcheck/exceljs: ${worstRatio.toFixed(2)}x; peak memory of govcheck validate: ${worstPeak.toFixed(0)} MB`
  );
  console.log(
    `time per 10,000 rows at 50k/100k/200k: ${perTenK.map((p) => p.toFixed(0)).join(" / ")} ms (max/min ${spread.toFixed(2)}; linear if near 1)`
  );
  const big = files.find((f) => f.rows === 200_000)!;
  const {
    a: summarise,
    b: validate,
    ratio: summariseRatio,
  } = compare("summarise", "govcheck", big.file);
  console.log(
    `\ngovcheck summarise on 200k rows: ${summarise.ms.toFixed(0)} ms, validate ${validate.ms.toFixed(0)} ms (medians of ${PAIRS} pairs in turn), ratio ${summariseRatio.toFixed(2)}x (target <= 1.5x) ${summariseRatio <= 1.5 ? "OK" : "MISSED"}; peak ${summarise.peakMb.toFixed(0)} MB`
  );
  // Last year's return of the same 200,000 requirements, other scores: direction of travel for each.
  const lastYear = await ensure("schedule-200000-last-year.xlsx", 1, 200_000, true);
  const {
    a: previous,
    b: validateAgain,
    ratio: previousRatio,
  } = compare("summarise-previous", "govcheck", big.file, lastYear);
  console.log(
    `govcheck summarise --previous on 200k rows (against 200k): ${previous.ms.toFixed(0)} ms, validate ${validateAgain.ms.toFixed(0)} ms (medians of ${PAIRS} pairs in turn), ratio ${previousRatio.toFixed(2)}x (target <= 1.8x) ${previousRatio <= 1.8 ? "OK" : "MISSED"}; peak ${previous.peakMb.toFixed(0)} MB`
  );
  await smallReturnsReport(OUT, __filename);
  await chromiumReport(DIST, big.file, big.label);
  await hostileReport(OUT);
  if (readerOnly) return;
  await excelRequestReport();
  await liveExcelReport();
  bundleReport(DIST);
  await taskpaneReport(DIST, OUT, (file) => measure("govcheck", file).ms);
}

/** `npm run bench -- --taskpane`: the task pane's figures alone. */
async function taskpaneOnly(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await taskpaneReport(DIST, OUT, (file) => measure("govcheck", file).ms);
}

if (process.argv[2] === "--child" && process.argv[3].startsWith("small-")) {
  readerChild(process.argv[3], process.argv[4]).then(
    (t) => process.stdout.write(JSON.stringify(t)),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    }
  );
} else if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv[4], process.argv[5]).catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
} else {
  (process.argv.includes("--taskpane")
    ? taskpaneOnly()
    : process.argv.includes("--live")
      ? liveExcelReport()
      : report(process.argv.includes("--reader"))
  ).catch((err: unknown) => {
    process.stderr.write(`bench failed: ${String(err)}\n`);
    process.exit(1);
  });
}
