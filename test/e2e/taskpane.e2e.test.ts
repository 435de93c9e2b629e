/**
 * The task pane end to end in Debian's Chromium, against the production build in dist/ (made by
 * `npm run build` before jest runs), served on 127.0.0.1 by the test itself. Screenshots of each
 * state go to test-results/.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { RIVERBEND_FILE } from "../../examples/riverbend";
import { RIVERBEND_LAST_YEAR_FILE } from "../../examples/riverbend-last-year";
import { main } from "../../src/cli/main";
import { CASES } from "../fixtures/cases";
import { writeWorkbook } from "../helpers/check-fixture";
import { serveFolder } from "../helpers/static-server";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const SHOTS = join(ROOT, "test-results");
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";
const OFFICE_JS_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveFolder(DIST);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page on the pane, with Office's CDN unreachable (as on this machine) unless `officeJs` serves the npm copy. */
async function openPane(
  options: { officeJs?: boolean; bypassCSP?: boolean } = {}
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 420, height: 900 },
    acceptDownloads: true,
    bypassCSP: options.bypassCSP,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(OFFICE_CDN, (route) => {
    // The npm copy of office.js stands in for Microsoft's CDN, which no machine here reaches.
    const file = join(
      OFFICE_JS_DIST,
      new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "")
    );
    if (options.officeJs && existsSync(file))
      return route.fulfill({ contentType: "text/javascript", body: readFileSync(file, "utf8") });
    return route.abort();
  });
  await page.goto(`${server.url}taskpane.html`);
  await page.getByRole("button", { name: "Open a workbook" }).waitFor({ timeout: 20_000 });
  return { page, context, errors };
}

async function openFile(page: Page, path: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(path);
}

async function waitForResults(page: Page): Promise<void> {
  await page.getByRole("region", { name: "Findings", exact: true }).waitFor({ timeout: 30_000 });
  await page
    .getByRole("button", { name: "Check schedules" })
    .and(page.locator(":not([disabled])"))
    .waitFor();
}

/** The findings the page lists, as "Sheet!Cell message". */
async function pageFindings(page: Page): Promise<string[]> {
  const labels = await page
    .getByRole("button", { name: /^Show .+ cell [A-Z]+\d+: / })
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  return labels.map((l) => l.replace(/^Show (.+) cell ([A-Z]+\d+): /, "$1!$2 ")).sort();
}

async function cliFindings(file: string, ...flags: string[]): Promise<string[]> {
  let out = "";
  await main(["node", "govcheck", "validate", file, "--json", ...flags], {
    out: (t) => (out += t),
    err: () => undefined,
  });
  const report = JSON.parse(out) as { issues: { sheet: string; cell: string; message: string }[] };
  return report.issues.map((f) => `${f.sheet}!${f.cell} ${f.message}`).sort();
}

describe("task pane in Chromium, outside Excel", () => {
  it("starts in file mode when Office's script cannot load, and says the file is not uploaded", async () => {
    const { page, context, errors } = await openPane();
    expect(await page.getByText("never uploaded").first().isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, "01-open-a-workbook.png") });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("starts in file mode too when office.js loads but there is no Office host", async () => {
    const { page, context } = await openPane({ officeJs: true });
    expect(await page.getByRole("button", { name: "Open a workbook" }).isVisible()).toBe(true);
    await context.close();
  }, 60_000);

  it("lists the same findings as govcheck validate --json, for the example and every fixture", async () => {
    const files = [RIVERBEND_FILE];
    for (const c of CASES) if (!c.settings) files.push(await writeWorkbook(c.sheets, c.name));
    const { page, context } = await openPane();
    for (const [i, file] of files.entries()) {
      await openFile(page, file);
      await page.getByText(file.split("/").pop()!, { exact: true }).waitFor();
      await waitForResults(page);
      expect({ file, findings: await pageFindings(page) }).toEqual({
        file,
        findings: await cliFindings(file),
      });
      if (i === 0) await page.screenshot({ path: join(SHOTS, "02-results.png"), fullPage: true });
    }
    await context.close();
  }, 240_000);

  it("shows a finding's row in a preview, with the cell marked", async () => {
    const { page, context } = await openPane();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page);
    await page.getByRole("button", { name: /^Show Local Code 2025-26 cell D13: / }).click();
    const preview = page.getByRole("region", { name: "Row preview" });
    await preview.waitFor();
    const marked = preview.locator('[aria-current="true"]');
    expect(await marked.getAttribute("aria-label")).toBe("Cell D13, the cell to fix: TBC");
    await page.screenshot({ path: join(SHOTS, "03-row-preview.png") });
    await context.close();
  }, 60_000);

  it("a changed weak threshold changes the findings as the CLI's --low does", async () => {
    const c = CASES.find((x) => x.name.startsWith("role synonyms"))!;
    const file = await writeWorkbook(c.sheets, "threshold");
    const { page, context } = await openPane();
    await openFile(page, file);
    await waitForResults(page);
    expect(await pageFindings(page)).toEqual(await cliFindings(file));
    await page.getByRole("button", { name: "Settings" }).click();
    const weak = page
      .getByRole("group", { name: "Checklist, row 1" })
      .getByRole("textbox", { name: /Weak at/ });
    await weak.fill("3");
    await page.screenshot({ path: join(SHOTS, "04-settings.png"), fullPage: true });
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved in this browser for this file.").waitFor();
    await waitForResults(page);
    expect(await pageFindings(page)).toEqual(await cliFindings(file, "--low", "3"));
    // Kept in local storage for that file name: opening it again uses them.
    await openFile(page, file);
    await waitForResults(page);
    expect(await pageFindings(page)).toEqual(await cliFindings(file, "--low", "3"));
    await context.close();
  }, 90_000);

  it("builds the committee summary as a download that opens with both sheets and chart parts", async () => {
    const { page, context } = await openPane();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Build committee summary" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("riverbend-local-code - committee summary.xlsx");
    const saved = join(SHOTS, "committee-summary-download.xlsx");
    await download.saveAs(saved);
    await page.getByText(/^Downloaded /).waitFor();
    await page.screenshot({ path: join(SHOTS, "05-summary-downloaded.png") });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Committee Summary", "Action Plan"]);
    const zip = await JSZip.loadAsync(readFileSync(saved));
    // A mean chart and a distribution chart for each of the example's two scales.
    expect(
      Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    ).toHaveLength(4);
    await context.close();
  }, 90_000);

  it("compares with last year's workbook: the CLI's carried-forward findings, then a summary with direction of travel", async () => {
    const { page, context, errors } = await openPane();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page);
    await page.getByTestId("last-year-input").setInputFiles(RIVERBEND_LAST_YEAR_FILE);
    await page
      .getByText(/^Comparing with riverbend-local-code-2024-25\.xlsx: 20 requirements matched/)
      .waitFor({ timeout: 30_000 });
    expect(await pageFindings(page)).toEqual(
      await cliFindings(RIVERBEND_FILE, "--previous", RIVERBEND_LAST_YEAR_FILE)
    );
    // B2, G2 and (c) at least; A2 too once its target date has passed.
    expect(
      (await pageFindings(page)).filter((f) => f.endsWith("carried forward")).length
    ).toBeGreaterThanOrEqual(3);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Build committee summary" }).click(),
    ]);
    const saved = join(SHOTS, "committee-summary-compared.xlsx");
    await download.saveAs(saved);
    await page.screenshot({ path: join(SHOTS, "07-compared-with-last-year.png"), fullPage: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const values = wb.getWorksheet("Action Plan")!.getSheetValues().flat();
    expect(values).toContain("Direction");
    expect(values).toContain("↓ Down from 4");
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("a corrupt file gets the CLI's message, and the page still works", async () => {
    const corrupt = join(SHOTS, "corrupt.xlsx");
    writeFileSync(corrupt, readFileSync(RIVERBEND_FILE).subarray(0, 3000));
    const { page, context } = await openPane();
    await openFile(page, corrupt);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 30_000 });
    let cliError = "";
    await main(["node", "govcheck", "validate", corrupt], {
      out: () => undefined,
      err: (t) => (cliError += t),
    });
    const message = cliError.replace(/^govcheck: [^:]+: /, "").trim();
    expect(await alert.textContent()).toContain(message);
    await page.screenshot({ path: join(SHOTS, "06-corrupt-file.png") });
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page);
    // As many as the CLI finds today (target dates pass as the days go by).
    expect(await pageFindings(page)).toEqual(await cliFindings(RIVERBEND_FILE));
    await context.close();
  }, 90_000);

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    const { page, context } = await openPane({ bypassCSP: true });
    const axeSource = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
    const audit = async () => {
      // Buttons fade between their disabled and enabled colours; axe must see the settled ones.
      await page.addStyleTag({
        content:
          "*, *::before, *::after { transition: none !important; animation: none !important; }",
      });
      await page.waitForTimeout(300);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> };
          }
        ).axe;
        return (await axe.run()).violations.map(
          (v) =>
            `${v.impact}: ${v.id} ${JSON.stringify((v as unknown as { nodes: { html: string }[] }).nodes.map((n) => n.html.slice(0, 160)))}`
        );
      });
      return result.filter((v) => v.startsWith("serious") || v.startsWith("critical"));
    };
    expect(await audit()).toEqual([]);
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page);
    expect(await audit()).toEqual([]);
    await page.getByRole("button", { name: /^Show Local Code 2025-26 cell D13: / }).click();
    await page.getByRole("button", { name: "Settings" }).click();
    expect(await audit()).toEqual([]);
    await context.close();
  }, 90_000);
});

describe("the production page", () => {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");

  it("has a Content-Security-Policy that allows only its own origin and Office's script", () => {
    // The build minifies the page, so attribute quotes may go.
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    const directives = Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v])
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
  });

  it("loads the file host and ExcelJS only on demand: the first script stays under 400 KB gzipped", () => {
    const first = [...html.matchAll(/<script[^>]+src="?([^"\s>]+)"?/g)]
      .map((m) => m[1])
      .filter((src) => !src.startsWith("http"));
    const { gzipSync } = require("node:zlib") as typeof import("node:zlib");
    const bytes = first.reduce((n, src) => n + gzipSync(readFileSync(join(DIST, src))).length, 0);
    expect(first).toHaveLength(1);
    expect(bytes).toBeGreaterThan(50 * 1024);
    expect(bytes).toBeLessThan(400 * 1024);
    const initial = first.map((src) => readFileSync(join(DIST, src), "utf8")).join("");
    expect(initial).not.toContain("exceljs");
    expect(readdirSync(DIST).some((f) => f.startsWith("file-host."))).toBe(true);
  });
});
