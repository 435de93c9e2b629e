/**
 * The task pane end to end in Debian's Chromium, against the production build in dist/ (made by
 * `npm run build` before jest runs), served on 127.0.0.1 by the test itself. Each flow is several
 * steps an officer takes in a row; any uncaught error on a page fails the test that caused it.
 * Screenshots of each state go to test-results/.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  chromium,
} from "playwright-core";
import { RIVERBEND_FILE } from "../../examples/riverbend";
import { RIVERBEND_LAST_YEAR_FILE } from "../../examples/riverbend-last-year";
import { main } from "../../src/cli/main";
import { type Finding, severityCounts } from "../../src/core/findings";
import { CASES } from "../fixtures/cases";
import { writeBigReturn } from "../helpers/big-return";
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
/** Uncaught errors on any page of the running test: afterEach fails the test on any. */
let pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveFolder(DIST);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  pageErrors = [];
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

interface PaneOptions {
  officeJs?: boolean;
  bypassCSP?: boolean;
  width?: number;
  height?: number;
  context?: BrowserContext;
}

/** A page on the pane, with Office's CDN unreachable (as on this machine) unless `officeJs` serves the npm copy. */
async function openPane(
  options: PaneOptions = {}
): Promise<{ page: Page; context: BrowserContext }> {
  const context =
    options.context ??
    (await browser.newContext({
      viewport: { width: options.width ?? 420, height: options.height ?? 900 },
      acceptDownloads: true,
      bypassCSP: options.bypassCSP,
    }));
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
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
  return { page, context };
}

async function openFile(page: Page, path: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(path);
}

const fileName = (path: string) => path.split("/").pop()!;

/** Waits until the results of `file` are shown and nothing is running. */
async function waitForResults(page: Page, file?: string): Promise<void> {
  const heading = file
    ? page.getByRole("heading", { name: `Results for ${fileName(file)}`, exact: true })
    : page.getByRole("heading", { name: /^Results for / });
  await heading.waitFor({ timeout: 60_000 });
  await page.getByTestId("busy").waitFor({ state: "detached", timeout: 60_000 });
}

const FINDING = /^Show (.+) cell ([A-Z]+\d+), (error|warning|notice): /;

/**
 * The findings the page lists, as "Sheet!Cell message". The list is virtual (only rows near the
 * screen are in the page), so this scrolls through it as a reader would, collecting as it goes.
 */
async function pageFindings(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (;;) {
    const labels = await page
      .getByRole("button", { name: FINDING })
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    for (const l of labels) seen.add(l);
    const atEnd = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.6);
      return window.scrollY === before;
    });
    if (atEnd) break;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return [...seen].map((l) => l.replace(FINDING, "$1!$2 ")).sort();
}

/** A finding's button, scrolled to as a reader would: rows far from the screen are not in the page. */
async function reveal(page: Page, name: RegExp): Promise<Locator> {
  const button = page.getByRole("button", { name }).first();
  await page.evaluate(() => window.scrollTo(0, 0));
  // The list renders for the new scroll position on the next frames: a row counted before then may
  // be one it is about to take out of the page.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))
  );
  for (let i = 0; i < 400 && (await button.count()) === 0; i++) {
    const moved = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.6);
      return window.scrollY !== before;
    });
    if (!moved) break;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  await button.scrollIntoViewIfNeeded();
  return button;
}

async function cliReport(file: string, ...flags: string[]) {
  let out = "";
  await main(["node", "govcheck", "validate", file, "--json", ...flags], {
    out: (t) => (out += t),
    err: () => undefined,
  });
  return JSON.parse(out) as { issues: Finding[] };
}

async function cliFindings(file: string, ...flags: string[]): Promise<string[]> {
  return (await cliReport(file, ...flags)).issues
    .map((f) => `${f.sheet}!${f.cell} ${f.message}`)
    .sort();
}

/** True when `locator` is the element that has keyboard focus. */
async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** What has focus, in words, for a failing assertion to show. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "(nothing)";
    return `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 80) ?? ""}`;
  });
}

async function expectFocus(page: Page, locator: Locator, what: string): Promise<void> {
  for (let i = 0; i < 50 && !(await hasFocus(locator)); i++) await page.waitForTimeout(20);
  expect({ what, focused: (await hasFocus(locator)) ? what : await focusedName(page) }).toEqual({
    what,
    focused: what,
  });
}

const tmp = mkdtempSync(join(tmpdir(), "govcheck-e2e-"));

describe("task pane in Chromium, outside Excel", () => {
  it("starts in file mode when Office's script cannot load, and says the file is not uploaded", async () => {
    const { page, context } = await openPane();
    expect(await page.getByText("never uploaded").first().isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, "01-open-a-workbook.png") });
    await context.close();
  }, 60_000);

  it("starts in file mode too when office.js loads but there is no Office host", async () => {
    const { page, context } = await openPane({ officeJs: true });
    expect(await page.getByRole("button", { name: "Open a workbook" }).isVisible()).toBe(true);
    await context.close();
  }, 60_000);

  it('waits on "Connecting to Excel…" while Office has not answered, past 5 seconds, until the user opens a file instead', async () => {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // An office.js whose onReady never answers, as on a slow start inside Excel.
    await page.route(OFFICE_CDN, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { onReady: function () { return new Promise(function () {}); } };",
      })
    );
    await page.goto(`${server.url}taskpane.html`);
    await page.getByText("Connecting to Excel…").waitFor({ timeout: 20_000 });
    await page.waitForTimeout(6000);
    expect(await page.getByText("Connecting to Excel…").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Open a workbook" }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, "00-connecting.png") });
    await page.getByRole("button", { name: "Open a file instead" }).click();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page);
    expect(await pageFindings(page)).toEqual(await cliFindings(RIVERBEND_FILE));
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("lists the same findings as govcheck validate --json, for the example and every fixture", async () => {
    const files = [RIVERBEND_FILE];
    for (const c of CASES) if (!c.settings) files.push(await writeWorkbook(c.sheets, c.name));
    const { page, context } = await openPane();
    for (const [i, file] of files.entries()) {
      await openFile(page, file);
      await waitForResults(page, file);
      expect({ file, findings: await pageFindings(page) }).toEqual({
        file,
        findings: await cliFindings(file),
      });
      if (i === 0) {
        await page.screenshot({ path: join(SHOTS, "02-results.png"), fullPage: true });
        // The summary line counts as the CLI does, in words: as many as the CLI finds today
        // (target dates pass as the days go by).
        const issues = (await cliReport(file)).issues;
        await page.getByText(`${issues.length} findings: ${severityCounts(issues)}`).waitFor();
      }
    }
    await context.close();
  }, 240_000);

  it("choosing three findings one after another: each opens its row under it, marked and in view", async () => {
    const { page, context } = await openPane({ width: 350 });
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page, RIVERBEND_FILE);
    const picks: [string, string, string][] = [
      ["Local Code 2025-26", "D13", "TBC"],
      ["Local Code 2025-26", "F16", "TBC"],
      ["Service Delivery", "D15", "empty"],
    ];
    for (const [n, [sheet, cell, text]] of picks.entries()) {
      const finding = await reveal(page, new RegExp(`^Show ${sheet} cell ${cell},`));
      await finding.click();
      const preview = page.getByRole("region", { name: "Row preview" });
      await preview.waitFor();
      expect(await page.getByRole("region", { name: "Row preview" }).count()).toBe(1);
      // The preview belongs to its finding: in its list item, and the finding says it is chosen.
      const item = page.getByRole("listitem").filter({ has: finding.first() });
      expect(await item.getByRole("region", { name: "Row preview" }).count()).toBe(1);
      expect(await finding.first().getAttribute("aria-current")).toBe("true");
      expect(await finding.first().getAttribute("aria-expanded")).toBe("true");
      const marked = preview.locator('[aria-current="true"]');
      expect(await marked.getAttribute("aria-label")).toBe(
        `Cell ${cell}, the cell to fix: ${text}`
      );
      // At 350 px the row is wider than the pane: it has been scrolled so the marked cell shows.
      const inView = await marked.evaluate((cellEl) => {
        const box = cellEl.closest('[role="group"]')!.getBoundingClientRect();
        const c = cellEl.getBoundingClientRect();
        return c.left >= box.left - 1 && c.right <= box.right + 1;
      });
      expect({ cell, inView }).toEqual({ cell, inView: true });
      await page.screenshot({ path: join(SHOTS, `03-row-preview-${n + 1}.png`) });
    }
    // Long requirements wrap in the preview rather than being cut short.
    expect(await page.getByRole("region", { name: "Row preview" }).textContent()).not.toContain(
      "…"
    );
    await context.close();
  }, 90_000);

  it("checks again with a preview open: the page stays whole and says nothing changed", async () => {
    const { page, context } = await openPane();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page, RIVERBEND_FILE);
    await page.getByRole("button", { name: /^Show Local Code 2025-26 cell D13,/ }).click();
    await page.getByRole("region", { name: "Row preview" }).waitFor();
    await page.getByRole("button", { name: "Check schedules" }).click();
    await page.getByText(/^Checked again at \d\d:\d\d: no change\.$/).waitFor();
    expect(await page.getByRole("region", { name: "Row preview" }).count()).toBe(0);
    await (await reveal(page, /^Show Service Delivery cell D15,/)).click();
    await page.getByRole("region", { name: "Row preview" }).waitFor();
    await page.screenshot({ path: join(SHOTS, "04-checked-again.png") });
    expect(await pageFindings(page)).toEqual(await cliFindings(RIVERBEND_FILE));
    await context.close();
  }, 90_000);

  it("a saved threshold is applied when the same file is opened again after a reload, before any click", async () => {
    const c = CASES.find((x) => x.name.startsWith("role synonyms"))!;
    const file = await writeWorkbook(c.sheets, "threshold");
    const { page, context } = await openPane();
    await openFile(page, file);
    await waitForResults(page, file);
    expect(await pageFindings(page)).toEqual(await cliFindings(file));
    await page.getByRole("button", { name: "Settings" }).click();
    await page
      .getByText(
        "Settings are kept in this browser for this file: open the same file here again and they apply."
      )
      .waitFor();
    const weak = page
      .getByRole("group", { name: "Checklist, row 1" })
      .getByRole("textbox", { name: /Weak at/ });
    await weak.fill("3");
    await page.screenshot({ path: join(SHOTS, "05-settings.png") });
    await page.getByRole("button", { name: "Save settings" }).click();
    await page
      .getByText(/^Settings kept in this browser for this file; checked again at/)
      .waitFor();
    await waitForResults(page, file);
    expect(await hasFocus(page.getByRole("button", { name: "Settings" }))).toBe(true);
    const withLow3 = await cliFindings(file, "--low", "3");
    expect(await pageFindings(page)).toEqual(withLow3);
    // A new page load, the same file: the saved threshold is read before the automatic check.
    await page.reload();
    await page.getByRole("button", { name: "Open a workbook" }).waitFor();
    await openFile(page, file);
    await waitForResults(page, file);
    expect(await pageFindings(page)).toEqual(withLow3);
    expect(await page.getByText(/weak at 3 or lower/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, "06-settings-applied-after-reload.png") });
    await context.close();
  }, 90_000);

  it("a corrupt file after a good one: says which failed, keeps the good results as the good file's", async () => {
    const corrupt = join(tmp, "corrupt.xlsx");
    writeFileSync(corrupt, readFileSync(RIVERBEND_FILE).subarray(0, 3000));
    const notExcel = join(tmp, "minutes.xlsx");
    writeFileSync(notExcel, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const { page, context } = await openPane();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page, RIVERBEND_FILE);
    await openFile(page, corrupt);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 30_000 });
    let cliError = "";
    await main(["node", "govcheck", "validate", corrupt], {
      out: () => undefined,
      err: (t) => (cliError += t),
    });
    // The CLI's clause, as sentences: "... cut short). Save it again from Excel and retry."
    const clause = cliError.replace(/^govcheck: [^:]+: /, "").trim();
    const [what, todo] = clause.split(/: (?=[a-z][^:]*$)/);
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain(
      `Something went wrong: ${what}. ${todo[0].toUpperCase()}${todo.slice(1)}.`
    );
    expect(text).toContain(
      "corrupt.xlsx was not opened. The results below are still those of riverbend-local-code.xlsx."
    );
    expect(await hasFocus(alert)).toBe(true);
    // The good file is still the one open, with its results.
    await page.getByRole("heading", { name: "Results for riverbend-local-code.xlsx" }).waitFor();
    expect(await page.getByText("corrupt.xlsx", { exact: true }).count()).toBe(0);
    expect(await pageFindings(page)).toEqual(await cliFindings(RIVERBEND_FILE));
    await page.screenshot({ path: join(SHOTS, "07-corrupt-after-good.png") });
    await openFile(page, notExcel);
    await page
      .getByText(
        "Something went wrong: the file is not an Excel workbook (.xlsx). Check you picked the right file."
      )
      .waitFor();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page, RIVERBEND_FILE);
    expect(await page.getByRole("alert").count()).toBe(0);
    await context.close();
  }, 90_000);

  it("the whole flow by keyboard alone: open, read a finding, preview, settings, save", async () => {
    const { page, context } = await openPane();
    const open = page.getByRole("button", { name: "Open a workbook" });
    // Listening for the file chooser turns on Chromium's interception of it; a round trip to the
    // page makes sure that is in force before Enter opens the chooser.
    const chooser = page.waitForEvent("filechooser");
    await page.evaluate(() => 0);
    await page.keyboard.press("Tab");
    await expectFocus(page, open, "Open a workbook");
    await page.keyboard.press("Enter");
    await (await chooser).setFiles(RIVERBEND_FILE);
    await waitForResults(page, RIVERBEND_FILE);
    const results = page.getByRole("heading", { name: "Results for riverbend-local-code.xlsx" });
    await expectFocus(page, results, "the results heading");
    await page.screenshot({ path: join(SHOTS, "08-keyboard-results-heading.png") });

    // Tab: past the rule buttons and the filter, to the first finding (the list is one stop).
    const ruleButtons = page.getByRole("list", { name: "Findings by rule" }).getByRole("button");
    const rules = await ruleButtons.count();
    for (let i = 0; i < rules; i++) {
      await page.keyboard.press("Tab");
      await expectFocus(page, ruleButtons.nth(i), `rule button ${i + 1}`);
    }
    await page.keyboard.press("Tab");
    const select = page.getByRole("combobox", { name: "Show" });
    await expectFocus(page, select, "the Show filter");
    // Focus shows on the select, not only as a thin underline.
    expect(
      await select.evaluate((el) => getComputedStyle(el.parentElement!).outlineStyle)
    ).not.toBe("none");
    await page.keyboard.press("Tab");
    // The list's first finding, whichever it is today (target dates pass as the days go by).
    const firstLabel =
      (await page.getByRole("button", { name: FINDING }).first().getAttribute("aria-label")) ?? "";
    expect(firstLabel).toMatch(/^Show Local Code 2025-26 cell /);
    const first = page.getByRole("button", { name: firstLabel, exact: true });
    await expectFocus(page, first, "the first finding");
    await page.keyboard.press("Enter");
    const preview = page.getByRole("region", { name: "Row preview" });
    await preview.waitFor();
    await expectFocus(page, first, "the first finding, chosen");
    expect(await first.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Tab");
    await expectFocus(
      page,
      preview.getByRole("button", { name: "Close the preview" }),
      "the preview's Close button"
    );
    await page.screenshot({ path: join(SHOTS, "09-keyboard-preview.png") });
    await page.keyboard.press("Escape");
    await expectFocus(page, first, "the first finding, after Escape");
    expect(await preview.count()).toBe(0);
    await page.keyboard.press("ArrowDown");
    const secondLabel =
      (await page.getByRole("button", { name: FINDING }).nth(1).getAttribute("aria-label")) ?? "";
    const second = page.getByRole("button", { name: secondLabel, exact: true });
    await expectFocus(page, second, "the second finding");
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "Row preview" }).waitFor();
    await page.keyboard.press("Escape");
    await expectFocus(page, second, "the second finding, after Escape");

    // Back up to Settings: Shift+Tab past the filter, the rule buttons and "Compare with last
    // year's workbook…" to the toolbar.
    const settings = page.getByRole("button", { name: "Settings" });
    for (let i = 0; i < rules + 3 && !(await hasFocus(settings)); i++)
      await page.keyboard.press("Shift+Tab");
    await expectFocus(page, settings, "the Settings button");
    await page.keyboard.press("Enter");
    const weak = page
      .getByRole("group", { name: "Service Delivery, row 10" })
      .getByRole("textbox", { name: /Weak at/ });
    const firstBox = page.getByRole("textbox", { name: /Weak at/ }).first();
    await expectFocus(page, firstBox, "the first box of the settings");
    await page.keyboard.press("Escape");
    await expectFocus(page, settings, "the Settings button, after Escape");
    expect(await page.getByRole("form", { name: "Settings" }).count()).toBe(0);
    await page.keyboard.press("Enter");
    await expectFocus(page, firstBox, "the first box, settings open again");
    // Tab to Service Delivery's threshold: past the first schedule's five fields (the rating words last).
    for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
    await expectFocus(page, weak, "Service Delivery's weak threshold");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("1");
    await page.screenshot({ path: join(SHOTS, "10-keyboard-settings.png") });
    await page.keyboard.press("Enter");
    await page
      .getByText(/^Settings kept in this browser for this file; checked again at/)
      .waitFor();
    await expectFocus(page, settings, "the Settings button, after saving");
    expect(
      await page.getByRole("button", { name: /^Show Service Delivery cell E14,/ }).count()
    ).toBe(0);
    await context.close();
  }, 120_000);

  it("a 20,000-row return: progress in words and a percentage, the CLI's count, a small page, Cancel", async () => {
    const big = join(tmp, "large-return.xlsx");
    await writeBigReturn(big, 20_000);
    const expected = (await cliReport(big)).issues.length;
    expect(expected).toBeGreaterThan(8000);
    const { page, context } = await openPane();
    await openFile(page, big);
    const busy = page.getByTestId("busy");
    await busy.getByText(/ … \d+%$/).waitFor({ timeout: 30_000 });
    expect(await busy.getByRole("button", { name: "Cancel" }).isVisible()).toBe(true);
    expect(await busy.getByRole("progressbar").count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, "11-large-return-progress.png") });
    await waitForResults(page, big);
    await page.getByText(new RegExp(`^${expected} findings: `)).waitFor();
    const elements = await page.evaluate(() => document.getElementsByTagName("*").length);
    expect(elements).toBeLessThan(3000);
    await page.screenshot({ path: join(SHOTS, "12-large-return-results.png") });

    // End reaches the last of 8,000 findings, scrolling the virtual list to it.
    const first = page.getByRole("button", { name: FINDING }).first();
    await first.focus();
    await page.keyboard.press("End");
    await page.waitForFunction(
      (n) => document.activeElement?.getAttribute("data-finding") === String(n),
      expected - 1
    );
    const position = await page.evaluate(() =>
      Number(document.activeElement?.getAttribute("data-finding"))
    );
    expect(position).toBe(expected - 1);
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "Row preview" }).waitFor();

    // Checking again can be stopped: the results shown stay, and say so.
    await page.getByRole("button", { name: "Check schedules" }).click();
    await busy.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Check cancelled: the results shown are from the last check.").waitFor();
    expect(await page.getByTestId("busy").count()).toBe(0);
    await page.getByText(new RegExp(`^${expected} findings: `)).waitFor();
    await context.close();
  }, 180_000);

  it("fits a 350 px pane with nothing cut or spilling, reflows at 320 px, and keeps a readable width at 1280 px", async () => {
    const layout = async (page: Page) =>
      page.evaluate(() => {
        const overflow =
          document.documentElement.scrollWidth - document.documentElement.clientWidth;
        // A button's label stays on one line: a wrapped one makes the button two lines tall.
        // (The findings and the rule counts are list rows that may wrap by design.)
        const wrapped = Array.from(document.querySelectorAll("button"))
          .filter((b) => b.offsetParent !== null)
          .filter(
            (b) => !b.closest('[data-testid="findings-list"], [aria-label="Findings by rule"]')
          )
          .filter((b) => b.getBoundingClientRect().height > 44)
          .map((b) => b.textContent);
        const main = document.querySelector("main")!.getBoundingClientRect().width;
        return { overflow, wrapped, main };
      });
    const narrow = await openPane({ width: 350 });
    await openFile(narrow.page, RIVERBEND_FILE);
    await waitForResults(narrow.page, RIVERBEND_FILE);
    await narrow.page.getByRole("button", { name: "Settings" }).click();
    await narrow.page.getByRole("button", { name: /^Show Local Code 2025-26 cell D13,/ }).click();
    await narrow.page.getByRole("region", { name: "Row preview" }).waitFor();
    const small = await layout(narrow.page);
    expect(small.overflow).toBeLessThanOrEqual(0);
    expect(small.wrapped).toEqual([]);
    await narrow.page.evaluate(() => window.scrollTo(0, 0));
    await narrow.page.screenshot({ path: join(SHOTS, "13-narrow-350-settings.png") });
    await narrow.page.getByRole("region", { name: "Row preview" }).scrollIntoViewIfNeeded();
    await narrow.page.screenshot({ path: join(SHOTS, "13-narrow-350-preview.png") });
    await narrow.context.close();

    // 320 px (WCAG's reflow width, or a pane zoomed in): a label longer than the pane wraps
    // inside its button, and nothing makes the page scroll sideways.
    const narrowest = await openPane({ width: 320 });
    await openFile(narrowest.page, RIVERBEND_FILE);
    await waitForResults(narrowest.page, RIVERBEND_FILE);
    await narrowest.page.getByRole("button", { name: "Settings" }).click();
    const tiny = await layout(narrowest.page);
    expect(tiny.overflow).toBeLessThanOrEqual(0);
    const spilling = await narrowest.page.evaluate(() =>
      Array.from(document.querySelectorAll("button"))
        .filter((b) => b.offsetParent !== null)
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return (
            r.left < 0 ||
            r.right > document.documentElement.clientWidth ||
            b.scrollWidth > b.clientWidth + 1
          );
        })
        .map((b) => b.textContent)
    );
    expect(spilling).toEqual([]);
    await narrowest.page.screenshot({ path: join(SHOTS, "13-narrow-320.png") });
    await narrowest.context.close();

    const wide = await openPane({ width: 1280, height: 900 });
    await openFile(wide.page, RIVERBEND_FILE);
    await waitForResults(wide.page, RIVERBEND_FILE);
    await wide.page.getByRole("button", { name: "Settings" }).click();
    const big = await layout(wide.page);
    expect(big.overflow).toBeLessThanOrEqual(0);
    expect(big.main).toBeLessThanOrEqual(760);
    const boxWidth = await wide.page
      .getByRole("textbox", { name: /Weak at/ })
      .first()
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(boxWidth).toBeLessThan(160);
    await wide.page.screenshot({ path: join(SHOTS, "14-wide-1280.png") });
    await wide.context.close();
  }, 120_000);

  it("builds the committee summary as a download that opens with both sheets and chart parts", async () => {
    const { page, context } = await openPane();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page, RIVERBEND_FILE);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Build committee summary" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("riverbend-local-code - committee summary.xlsx");
    const saved = join(SHOTS, "committee-summary-download.xlsx");
    await download.saveAs(saved);
    await page.getByText(/^Downloaded /).waitFor();
    await page.screenshot({ path: join(SHOTS, "15-summary-downloaded.png") });
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
    const { page, context } = await openPane();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page, RIVERBEND_FILE);
    await page.getByTestId("last-year-input").setInputFiles(RIVERBEND_LAST_YEAR_FILE);
    await page
      .getByText(/^Comparing with riverbend-local-code-2024-25\.xlsx: 20 requirements matched/)
      .waitFor({ timeout: 60_000 });
    await page.getByTestId("busy").waitFor({ state: "detached", timeout: 60_000 });
    expect(await pageFindings(page)).toEqual(
      await cliFindings(RIVERBEND_FILE, "--previous", RIVERBEND_LAST_YEAR_FILE)
    );
    // B2, G2 and (c) at least; A2 too once its target date has passed.
    expect(
      (await pageFindings(page)).filter((f) => f.endsWith("carried forward")).length
    ).toBeGreaterThanOrEqual(3);
    // Checking again keeps comparing: the engine reads last year's workbook with each check.
    await page.getByRole("button", { name: "Check schedules" }).click();
    await page.getByText(/^Checked again at \d\d:\d\d: no change\.$/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Build committee summary" }).click(),
    ]);
    const saved = join(SHOTS, "committee-summary-compared.xlsx");
    await download.saveAs(saved);
    await page.screenshot({ path: join(SHOTS, "16-compared-with-last-year.png"), fullPage: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const values = wb.getWorksheet("Action Plan")!.getSheetValues().flat();
    expect(values).toContain("Direction");
    expect(values).toContain("↓ Down from 4");
    // Stopping: the CLI's findings without --previous again.
    await page.getByRole("button", { name: "Stop comparing" }).click();
    await page.getByText("No longer comparing with last year's workbook.").waitFor();
    expect(await pageFindings(page)).toEqual(await cliFindings(RIVERBEND_FILE));
    await context.close();
  }, 120_000);

  it("says which file failed when last year's workbook is not one, and keeps the results as they were", async () => {
    const notExcel = join(tmp, "last-year-minutes.xlsx");
    writeFileSync(notExcel, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const { page, context } = await openPane();
    await openFile(page, RIVERBEND_FILE);
    await waitForResults(page, RIVERBEND_FILE);
    await page.getByTestId("last-year-input").setInputFiles(notExcel);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain(
      "Last year's workbook last-year-minutes.xlsx could not be read"
    );
    expect(await page.getByText(/^Comparing with/).count()).toBe(0);
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
    await waitForResults(page, RIVERBEND_FILE);
    expect(await audit()).toEqual([]);
    await page.getByRole("button", { name: /^Show Local Code 2025-26 cell D13,/ }).click();
    await page.getByRole("region", { name: "Row preview" }).waitFor();
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

  it("loads the file host and its reader only on demand: the first script stays under 400 KB gzipped", () => {
    const first = [...html.matchAll(/<script[^>]+src="?([^"\s>]+)"?/g)]
      .map((m) => m[1])
      .filter((src) => !src.startsWith("http"));
    const { gzipSync } = require("node:zlib") as typeof import("node:zlib");
    const bytes = first.reduce((n, src) => n + gzipSync(readFileSync(join(DIST, src))).length, 0);
    expect(first).toHaveLength(1);
    expect(bytes).toBeGreaterThan(50 * 1024);
    expect(bytes).toBeLessThan(400 * 1024);
    // That ExcelJS is in no chunk at all is proved from the source, where minifying cannot hide
    // it: test/production-imports.test.ts.
    expect(readdirSync(DIST).some((f) => f.startsWith("file-host."))).toBe(true);
    // The engine is a worker script of its own, not part of the page's first script.
    expect(readdirSync(DIST).some((f) => f.startsWith("govcheck-engine."))).toBe(true);
  });
});
