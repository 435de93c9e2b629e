/**
 * The task pane in Chromium, in file mode, on a 20,000-row return (about 8,000 findings): the
 * longest main-thread task while it checks (PerformanceObserver "longtask"), the time from picking
 * the file to the results against `govcheck validate` on the same file, the number of elements in
 * the page with every finding listed, and how long filtering and choosing a finding take.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Page, chromium } from "playwright-core";
import { writeBigReturn } from "../test/helpers/big-return";
import { runMeasured } from "../test/helpers/run-measured";
import { serveFolder } from "../test/helpers/static-server";

const ROWS = 20_000;
const RUNS = 3;
/** How long the bench's officer takes to pick the file after the pane has appeared. */
const PICKING_MS = 2000;

/** What the page records by itself, so the figures are the page's own clock. */
const RECORDER = `
  window.__bench = { longTasks: [], pickedAt: null, resultsAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  document.addEventListener("change", () => { window.__bench.pickedAt = performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__bench.resultsAt === null && document.querySelector("[data-testid=findings-list]"))
      window.__bench.resultsAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

interface Recorded {
  longTasks: { start: number; duration: number }[];
  pickedAt: number | null;
  resultsAt: number | null;
}

interface Run {
  toResultsMs: number;
  longestTaskMs: number;
  elementsTop: number;
  elementsEnd: number;
  findings: number;
  filterMs: number;
  markMs: number;
  previewMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

async function oneRun(url: string, file: string): Promise<Run> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await page.addInitScript(RECORDER);
    await page.goto(url);
    await page.getByRole("button", { name: "Open a workbook" }).waitFor({ timeout: 30_000 });
    // An officer takes a few seconds to find the file; the pane uses them to start its worker.
    await page.waitForTimeout(PICKING_MS);
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByRole("heading", { name: /^Results for / }).waitFor({ timeout: 120_000 });
    await page.getByTestId("busy").waitFor({ state: "detached" });
    // Let the list settle (measurements, the spare worker starting) before reading the tasks.
    await page.waitForTimeout(1000);
    const rec = await page.evaluate(() => (window as unknown as { __bench: Recorded }).__bench);
    const picked = rec.pickedAt ?? 0;
    const checking = rec.longTasks.filter((t) => t.start + t.duration >= picked);
    const summary = (await page.getByText(/^\d+ findings: /).textContent()) ?? "";
    const findings = Number(/^(\d+)/.exec(summary)?.[1] ?? 0);
    const count = () => page.evaluate(() => document.getElementsByTagName("*").length);
    const elementsTop = await count();

    // Filtering by a rule and choosing a finding, timed in the page from the click to the change.
    const filterMs = await page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>(
        '[aria-label="Findings by rule"] button'
      )!;
      const start = performance.now();
      button.click();
      return performance.now() - start;
    });
    await nextFrame(page);
    await page.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[aria-label="Findings by rule"] button')!.click()
    );
    await nextFrame(page);
    const { markMs, previewMs } = await page.evaluate(async () => {
      const button = document.querySelectorAll<HTMLButtonElement>("[data-finding]")[3];
      const start = performance.now();
      button.click();
      const markMs = performance.now() - start;
      for (;;) {
        if (document.querySelector('[aria-label="Row preview"] table'))
          return { markMs, previewMs: performance.now() - start };
        await new Promise((r) => requestAnimationFrame(r));
      }
    });

    // The far end of the list, reached by the keyboard: still a small page.
    await page.locator("[data-finding]").first().focus();
    await page.keyboard.press("End");
    await page.waitForFunction(
      (n) => document.activeElement?.getAttribute("data-finding") === String(n - 1),
      findings
    );
    await nextFrame(page);
    const elementsEnd = await count();
    return {
      toResultsMs: (rec.resultsAt ?? 0) - picked,
      longestTaskMs: Math.max(0, ...checking.map((t) => t.duration)),
      elementsTop,
      elementsEnd,
      findings,
      filterMs,
      markMs,
      previewMs,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Runs the task pane's part of the bench against the production build in `dist`. The pane is
 * compared with the command an officer would run instead: `govcheck validate --json` on the same
 * file, from start to exit (the reader bench's Chromium figure is measured the same way), median
 * against median. `inProcessMs` times the same check inside a process already started (without
 * Node's start-up), printed beside it.
 */
export async function taskpaneReport(
  dist: string,
  out: string,
  inProcessMs: (file: string) => number
): Promise<void> {
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error("run npm run build first");
  const file = join(out, `taskpane-${ROWS}.xlsx`);
  if (!existsSync(file)) await writeBigReturn(file, ROWS);
  const server = await serveFolder(dist);
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(`${server.url}taskpane.html`, file));
  } finally {
    await server.close();
  }
  const commandRuns: number[] = [];
  for (let i = 0; i < RUNS; i++)
    commandRuns.push((await runMeasured(["validate", file, "--json"], { timeoutMs: 600_000 })).ms);
  const cli = median(commandRuns);
  const inProcess = inProcessMs(file);
  const toResults = median(runs.map((r) => r.toResultsMs));
  const ratio = toResults / cli;
  const longest = Math.max(...runs.map((r) => r.longestTaskMs));
  const elements = Math.max(...runs.map((r) => Math.max(r.elementsTop, r.elementsEnd)));
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `\nTask pane in Chromium, file mode, ${ROWS.toLocaleString("en-GB")}-row return with ${runs[0].findings.toLocaleString("en-GB")} findings (${RUNS} runs, each in a fresh browser; the file picked ${PICKING_MS / 1000} s after the pane appears)\n`
  );
  console.log(
    `time to results: ${runs.map((r) => ms(r.toResultsMs)).join(" / ")}, median ${ms(toResults)}; govcheck validate --json, start to exit: ${commandRuns.map(ms).join(" / ")}, median ${ms(cli)}; ratio ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? "OK" : "MISSED"}`
  );
  console.log(
    `(the same check inside a Node process already started, without its start-up: ${ms(inProcess)}; the pane's median is ${(toResults / inProcess).toFixed(2)}x that)`
  );
  console.log(
    `longest main-thread task while checking: ${runs.map((r) => ms(r.longestTaskMs)).join(" / ")}, worst ${ms(longest)} (target < 200 ms) ${longest < 200 ? "OK" : "MISSED"}`
  );
  console.log(
    `DOM elements with every finding listed: ${runs.map((r) => `${r.elementsTop} at the top, ${r.elementsEnd} at the end`).join("; ")}; most ${elements} (target < 3,000) ${elements < 3000 ? "OK" : "MISSED"}`
  );
  console.log(
    `filter by a rule: ${ms(median(runs.map((r) => r.filterMs)))}; choose a finding: ${ms(median(runs.map((r) => r.markMs)))} to mark it, ${ms(median(runs.map((r) => r.previewMs)))} to its row preview from the worker (medians)`
  );
}
