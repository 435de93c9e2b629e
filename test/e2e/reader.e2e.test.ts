/**
 * The reader in Debian's Chromium. A page made for this test (test/e2e/reader-page.ts, bundled
 * here with webpack) reads every producer's fixture from a Blob, as the pane's file mode does, and
 * must give the grids and findings Node gives. Then the built pane itself: a password-protected
 * workbook opened through its password box, a protected last year's workbook compared with
 * through its own, and hostile files answered with the CLI's line.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import webpack from "webpack";
import { RIVERBEND_FILE } from "../../examples/riverbend";
import { RIVERBEND_LAST_YEAR_FILE } from "../../examples/riverbend-last-year";
import { main } from "../../src/cli/main";
import { severityCounts } from "../../src/core/findings";
import { validateGrids } from "../../src/core/validate";
import { readWorkbookFileContents } from "../../src/file";
import { encryptedWorkbook } from "../helpers/bad-files";
import { HOSTILE_CASES } from "../helpers/hostile-files";
import { serveFolder } from "../helpers/static-server";
import { PRODUCER_CASES } from "../producers/cases";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const SHOTS = join(ROOT, "test-results");
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"];
const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";

let browser: Browser;
/**
 * Uncaught errors on any page, the shared reader page's included: each test fails on any that
 * came up while it ran (or, for the first, while the reader page loaded).
 */
let pageErrors: string[] = [];
const pageDir = mkdtempSync(join(tmpdir(), "govcheck-reader-page-"));
const files = mkdtempSync(join(tmpdir(), "govcheck-reader-e2e-"));

/** Bundles the test page's script for the browser, as the pane's own build does. */
function bundleReaderPage(): Promise<void> {
  const compiler = webpack({
    mode: "production",
    devtool: false,
    entry: join(__dirname, "reader-page.ts"),
    output: { path: pageDir, filename: "reader-page.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false },
            },
          },
        },
      ],
    },
    optimization: { minimize: false },
    performance: { hints: false },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString("errors-only")));
      else compiler.close(() => resolve());
    })
  );
}

let server: { url: string; close: () => Promise<void> };
let readerPage: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await bundleReaderPage();
  writeFileSync(
    join(pageDir, "taskpane.html"),
    `<!doctype html><meta charset="utf-8"><script src="reader-page.js"></script>`
  );
  server = await serveFolder(pageDir);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  readerPage = await browser.newPage();
  readerPage.on("pageerror", (e) => pageErrors.push(String(e)));
  await readerPage.goto(server.url);
  await readerPage.waitForFunction(() => "govcheckReader" in window);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  const seen = pageErrors;
  pageErrors = [];
  expect(seen).toEqual([]);
});

interface PageRead {
  ms?: number;
  grids?: unknown;
  notes?: string[];
  findings?: string[];
  error?: string;
  kind?: string;
}

/** Reads a package in the page; `withGrids: false` brings back only the findings (and the time). */
function readInChromium(page: Page, bytes: Uint8Array, withGrids = true): Promise<PageRead> {
  return page.evaluate(
    ([base64, grids]) =>
      (
        window as unknown as {
          govcheckReader: { read: (b: string, p: undefined, g: boolean) => Promise<PageRead> };
        }
      ).govcheckReader.read(base64, undefined, grids),
    [Buffer.from(bytes).toString("base64"), withGrids] as const
  );
}

describe("the reader in Chromium", () => {
  it.each(PRODUCER_CASES.map((c) => [c.name, c] as const))(
    "%s: the grids and findings Node gives",
    async (_name, c) => {
      const bytes = await c.build();
      const path = join(files, `producer${c.extension}`);
      writeFileSync(path, bytes);
      const node = await readWorkbookFileContents(path);
      const inPage = await readInChromium(readerPage, bytes);
      expect(inPage.error).toBeUndefined();
      expect(inPage.grids).toEqual(JSON.parse(JSON.stringify(node.grids)));
      expect(inPage.findings).toEqual(
        validateGrids(node.grids).findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)
      );
    },
    120_000
  );

  it("refuses the hostile files with the CLI's message, and the tab lives on", async () => {
    const names = [
      "a row numbered 2,000,000,000 (2e9)",
      "a column past XFD (XFE1)",
      "an entity-expansion bomb (billion laughs) in the shared strings",
      "a sheet relationship that climbs out of the package (../../../etc/passwd)",
      "cells refer to shared strings but the package has none",
      "an OpenDocument spreadsheet (.ods)",
    ];
    for (const name of names) {
      const c = HOSTILE_CASES.find((h) => h.name === name)!;
      const { path } = await c.make(files);
      const inPage = await readInChromium(readerPage, readFileSync(path));
      let cli = "";
      await main(["node", "govcheck", "validate", path], {
        out: () => undefined,
        err: (t) => (cli += t),
      });
      expect({ name, message: inPage.error }).toEqual({
        name,
        message: cli.replace(/^govcheck: [^:]+: /, "").trim(),
      });
    }
    const sparse = HOSTILE_CASES.find((h) => h.name.startsWith("sparse corners"))!;
    // A million rows between two corner cells: read in a moment, no error, and (two numbers
    // being no schedule) the one finding that says so.
    const read = await readInChromium(
      readerPage,
      readFileSync((await sparse.make(files)).path),
      false
    );
    expect(read).toMatchObject({ findings: ["Sheet1!A1 no-schedule-found"], notes: [] });
    expect(read.error).toBeUndefined();
  }, 120_000);
});

describe("the pane's file mode", () => {
  async function openPane(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.route(OFFICE_CDN, (route) => route.abort());
    await page.goto(`${paneServer.url}taskpane.html`);
    await page.getByRole("button", { name: "Open a workbook" }).waitFor({ timeout: 20_000 });
    return page;
  }

  let paneServer: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    paneServer = await serveFolder(DIST);
  });
  afterAll(async () => paneServer?.close());

  it("asks for a protected workbook's password, says when it is wrong, and checks the workbook with the right one", async () => {
    const path = join(files, "protected return.xlsx");
    writeFileSync(path, encryptedWorkbook(readFileSync(RIVERBEND_FILE), "Pa55 wörd", "standard"));
    const page = await openPane();
    await page.getByTestId("file-input").setInputFiles(path);
    const box = page.getByLabel("Password for protected return.xlsx");
    await box.waitFor({ timeout: 60_000 });
    await box.fill("wrong");
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.getByText("That password does not open this workbook.").waitFor({ timeout: 60_000 });
    await page.getByLabel("Password for protected return.xlsx").fill("Pa55 wörd");
    await page.keyboard.press("Enter");
    await page
      .getByRole("heading", { name: "Results for protected return.xlsx", exact: true })
      .waitFor({ timeout: 60_000 });
    // Target dates pass as the days go by: the count is the one Node's reader and rules give today.
    const { findings } = validateGrids((await readWorkbookFileContents(RIVERBEND_FILE)).grids);
    await page.getByText(`${findings.length} findings: ${severityCounts(findings)}`).waitFor();
    await page.screenshot({ path: join(SHOTS, "07-protected-workbook-opened.png") });
    // Checking again reads the file again in the engine, with the same password.
    await page.getByRole("button", { name: "Check schedules" }).click();
    await page.getByText(/^Checked again at \d\d:\d\d: no change\.$/).waitFor({ timeout: 60_000 });
    await page.context().close();
  }, 180_000);

  it("compares with a protected last year's workbook through a password box of its own, and keeps its password for checking again", async () => {
    const path = join(files, "last year locked.xlsx");
    writeFileSync(
      path,
      encryptedWorkbook(readFileSync(RIVERBEND_LAST_YEAR_FILE), "Last year's", "agile")
    );
    const page = await openPane();
    await page.getByTestId("file-input").setInputFiles(RIVERBEND_FILE);
    await page
      .getByRole("heading", { name: "Results for riverbend-local-code.xlsx", exact: true })
      .waitFor({ timeout: 60_000 });
    await page.getByTestId("last-year-input").setInputFiles(path);
    const box = page.getByLabel("Password for last year locked.xlsx");
    await box.waitFor({ timeout: 60_000 });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill("last year's");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.getByText("That password does not open this workbook.").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, "08-protected-last-year-wrong-password.png") });
    await page.getByLabel("Password for last year locked.xlsx").fill("Last year's");
    await page.keyboard.press("Enter");
    await page
      .getByText("Comparing with last year locked.xlsx: 20 requirements matched with last year's.")
      .waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, "09-protected-last-year-compared.png") });
    // Checking again reads last year's workbook again in the worker, with the password kept.
    await page.getByRole("button", { name: "Check schedules" }).click();
    await page.getByText(/^Checked again at \d\d:\d\d: no change\.$/).waitFor({ timeout: 60_000 });
    expect(
      await page.getByText("Comparing with last year locked.xlsx", { exact: true }).count()
    ).toBe(1);
    expect(await page.getByText(/Something went wrong/).count()).toBe(0);
    await page.context().close();
  }, 180_000);

  it("answers a 2e9 row reference with one sentence, and the tab lives on", async () => {
    const c = HOSTILE_CASES.find((h) => h.name.startsWith("a row numbered 2,000,000,000"))!;
    const { path } = await c.make(files);
    const page = await openPane();
    await page.getByTestId("file-input").setInputFiles(path);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/past Excel's last row 1,048,576/);
    await page.getByTestId("file-input").setInputFiles(RIVERBEND_FILE);
    await page
      .getByRole("heading", { name: "Results for riverbend-local-code.xlsx", exact: true })
      .waitFor({ timeout: 30_000 });
    await page.context().close();
  }, 120_000);
});
