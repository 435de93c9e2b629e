/**
 * The reader's share of `npm run bench`: many small returns against ExcelJS's whole-file load, the
 * task pane in Chromium against the CLI on the same large file, and the hostile files' time per
 * 10,000 occupied cells. Each figure is measured in processes of their own, in the same run as its
 * peer, so a busy machine slows both alike.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";
import { main as cli } from "../src/cli/main";
import { HOSTILE_CASES } from "../test/helpers/hostile-files";
import { spreadsheetPackage, worksheetXml } from "../test/helpers/raw-package";
import { runMeasured } from "../test/helpers/run-measured";
import { serveFolder } from "../test/helpers/static-server";
import { writeBenchWorkbook } from "./make-workbooks";

/**
 * Pairs run in turn (ours, then the peer) where a figure is a ratio: a shared machine's speed
 * drifts over a minute, and a pair run back to back sees the same machine. The median of the
 * pairs' ratios is quoted.
 */
const PAIRS = 3;

interface Timing {
  ms: number;
  peakMb: number;
}

/** In a child: validate every file of a folder in one run, or load each with ExcelJS. */
export async function readerChild(kind: string, folder: string): Promise<Timing> {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(folder, f));
  const start = process.hrtime.bigint();
  if (kind === "small-govcheck") {
    await cli(["node", "govcheck", "validate", ...files, "--json"], {
      out: () => undefined,
      err: (t) => void process.stderr.write(t),
    });
  } else {
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    }
  }
  return {
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
}

function runChild(script: string, kind: string, arg: string): Timing {
  const run = spawnSync(process.execPath, [script, "--child", kind, arg], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${kind} failed: ${run.stderr.trim().split("\n")[0]}`);
  return JSON.parse(run.stdout) as Timing;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** 300 small returns in one run of govcheck, against ExcelJS loading each whole. */
export async function smallReturnsReport(out: string, script: string): Promise<void> {
  const folder = join(out, "small-returns");
  if (!existsSync(folder) || readdirSync(folder).length < 300) {
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 300; i++)
      await writeBenchWorkbook(
        join(folder, `return-${String(i).padStart(3, "0")}.xlsx`),
        1,
        40 + (i % 40)
      );
  }
  const ours: Timing[] = [];
  const exceljs: Timing[] = [];
  for (let i = 0; i < PAIRS; i++) {
    ours.push(runChild(script, "small-govcheck", folder));
    exceljs.push(runChild(script, "small-exceljs", folder));
  }
  const ratio = median(ours.map((o, i) => o.ms / exceljs[i].ms));
  const peakMb = Math.max(...ours.map((o) => o.peakMb));
  console.log(
    "\n300 small returns (40-79 requirements each), %d pairs run in turn (medians)\n",
    PAIRS
  );
  console.log(
    `ExcelJS whole-file load of each: ${median(exceljs.map((e) => e.ms)).toFixed(0)} ms; govcheck validate of all in one run: ${median(ours.map((o) => o.ms)).toFixed(0)} ms ` +
      `(peak ${peakMb.toFixed(0)} MB); ratio ${ratio.toFixed(2)}x (target <= 1.0x) ${ratio <= 1 ? "OK" : "MISSED"}`
  );
}

/**
 * Peak resident memory of the tab while `work` runs: the largest of the browser's renderer
 * processes (Chromium keeps a few others, for blank and spare pages, that the file never reaches).
 */
async function sampleTab<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const largestRenderer = () => {
    let largest = 0;
    for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        if (!cmd.includes("--type=renderer") || !cmd.includes("govcheck-bench-profile")) continue;
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        if (rss) largest = Math.max(largest, Number(rss[1]) / 1024);
      } catch {
        // The process ended between listing and reading.
      }
    }
    return largest;
  };
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, largestRenderer())), 50);
  try {
    const result = await work();
    peak = Math.max(peak, largestRenderer());
    return { result, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

/** The pane in Chromium, outside Excel, opening and checking a file, against the CLI. */
export async function chromiumReport(dist: string, file: string, label: string): Promise<void> {
  const cliRuns: number[] = [];
  const server = await serveFolder(dist);
  const profile = join(dist, "..", "bench", "out", "govcheck-bench-profile");
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    viewport: { width: 420, height: 900 },
  });
  try {
    const times: number[] = [];
    let peakMb = 0;
    let elements = 0;
    for (let i = 0; i < PAIRS; i++) {
      // The command, then the pane, back to back: one pair.
      cliRuns.push((await runMeasured(["validate", file, "--json"], { timeoutMs: 600_000 })).ms);
      const page = await browser.newPage();
      await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
      await page.goto(`${server.url}taskpane.html`);
      await page.getByRole("button", { name: "Open a workbook" }).waitFor({ timeout: 30_000 });
      const { result, peakMb: peak } = await sampleTab(async () => {
        const started = Date.now();
        await page.getByTestId("file-input").setInputFiles(file);
        await page
          .getByRole("region", { name: "Findings", exact: true })
          .waitFor({ timeout: 600_000 });
        return Date.now() - started;
      });
      times.push(result);
      peakMb = Math.max(peakMb, peak);
      // The findings list is virtual: tens of thousands of findings, a few hundred elements.
      await page.getByTestId("busy").waitFor({ state: "detached", timeout: 600_000 });
      elements = Math.max(
        elements,
        await page.evaluate(() => document.getElementsByTagName("*").length)
      );
      await page.close();
    }
    const paneMs = median(times);
    const cliMs = median(cliRuns);
    const ratio = median(times.map((t, i) => t / cliRuns[i]));
    console.log(
      `\nTask pane in Chromium (file mode) on ${label}, ${PAIRS} pairs run in turn (medians)\n`
    );
    console.log(
      `CLI validate: ${cliMs.toFixed(0)} ms; pane opened and checked: ${paneMs.toFixed(0)} ms; ratio ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? "OK" : "MISSED"}; ` +
        `tab memory peak ${peakMb.toFixed(0)} MB (target < 500 MB) ${peakMb < 500 ? "OK" : "MISSED"}; ` +
        `DOM elements with every finding listed ${elements} (target < 3,000) ${elements < 3000 ? "OK" : "MISSED"}`
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Each hostile file's answer, time and peak memory, and its time per 10,000 occupied cells. */
export async function hostileReport(out: string): Promise<void> {
  const folder = join(out, "hostile");
  mkdirSync(folder, { recursive: true });
  // A process's start-up is most of a small file's time: measured once and taken off the rates.
  const tiny = join(folder, "tiny.xlsx");
  writeFileSync(
    tiny,
    spreadsheetPackage({
      sheets: [{ name: "Sheet1", xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
    })
  );
  const startUp = Math.min(
    ...(await Promise.all([0, 1].map(() => runMeasured(["validate", tiny])))).map((r) => r.ms)
  );
  console.log("\nHostile and damaged files (govcheck validate, each in a fresh process)\n");
  console.log(
    `start-up (a one-cell workbook): ${startUp.toFixed(0)} ms; ms/10k cells is (time - start-up) per 10,000 occupied cells, for files of 1,000 cells or more\n`
  );
  console.log(
    `${"case".padEnd(78)} ${"exit".padStart(4)} ${"ms".padStart(7)} ${"peak MB".padStart(8)} ${"cells".padStart(9)} ${"ms/10k cells".padStart(13)}`
  );
  for (const c of HOSTILE_CASES) {
    const { path, cells } = await c.make(folder);
    const run = await runMeasured(["validate", path, ...(c.args ?? [])], {
      env: c.env,
      timeoutMs: 300_000,
    });
    const per = cells >= 1000 ? (((run.ms - startUp) / cells) * 10_000).toFixed(0) : "-";
    const exit = run.hung ? "hang" : (run.signal ?? String(run.code));
    console.log(
      `${c.name.slice(0, 78).padEnd(78)} ${exit.padStart(4)} ${run.ms.toFixed(0).padStart(7)} ${run.peakMb.toFixed(0).padStart(8)} ${String(cells).padStart(9)} ${per.padStart(13)}`
    );
  }
}
