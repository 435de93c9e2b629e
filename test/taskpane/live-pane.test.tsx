/**
 * @jest-environment jsdom
 */
/**
 * The task pane in Excel, on the Excel double, while an officer types: an edit is checked once
 * about a second after typing stops, a pasted block once, the add-in's own writes never; a
 * selected cell's finding is marked; the choices for Excel appear only where Excel has what they
 * need; handlers go when the choice is turned off or the pane closes.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { type ExcelHost, createExcelHost } from "../../src/excel/excel-host";
import { SETTINGS_KEY } from "../../src/excel/workbook-settings";
import { CheckerView } from "../../src/taskpane/App";
import { type DoubleOptions, type ExcelDouble, createExcelDouble } from "../helpers/excel-double";
import { officeSheet } from "../helpers/office-sheets";

configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  Object.defineProperty(window, "innerHeight", { configurable: true, value: 4000 });
  window.scrollTo = () => undefined;
});

const CODE = "Local Code 2025-26";
const SERVICE = "Service Delivery";

let restore: (() => void) | undefined;
afterEach(() => {
  jest.useRealTimers();
  restore?.();
});

let fake = false;
const user = () =>
  userEvent.setup({
    advanceTimers: (ms) => {
      if (fake) jest.advanceTimersByTime(ms);
    },
  });

/** Time passes (fake timers): handlers, the wait for typing to stop, Excel and the engine. */
async function pass(ms: number): Promise<void> {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

/** The Riverbend return open in Excel, checked, with the pane watching its two schedules. */
async function checkedInExcel(options: Partial<DoubleOptions> = {}) {
  const excel: ExcelDouble = createExcelDouble({
    sheets: RIVERBEND_SHEETS.map((s) => officeSheet(s)),
    api: "1.18",
    ...options,
  });
  restore = excel.installGlobals();
  const host: ExcelHost = createExcelHost();
  const reads = jest.spyOn(host, "readRegion");
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <CheckerView host={host} />
    </FluentProvider>
  );
  const check = screen.getByRole("button", { name: "Check schedules" });
  await waitFor(() => expect(check.getAttribute("aria-disabled")).not.toBe("true"));
  fake = false;
  await user().click(check);
  await screen.findByRole("region", { name: "Findings" });
  return { excel, host, reads, view };
}

async function watching(excel: ExcelDouble, handlers = 4) {
  await waitFor(() => expect(excel.liveHandlers()).toBe(handlers));
  jest.useFakeTimers();
  fake = true;
}

const finding = (cell: string, sheet = CODE) =>
  screen.queryByRole("button", { name: new RegExp(`^Go to ${sheet} cell ${cell},`) });

describe("checking as the officer types", () => {
  it("checks an edit once, about a second after typing stops, and shows the new findings", async () => {
    const { excel, reads } = await checkedInExcel();
    expect(finding("D13")).not.toBeNull();
    await watching(excel);
    // The officer types three scores, each well inside a second of the last.
    excel.userEdit(CODE, "D13", 4);
    await pass(400);
    excel.userEdit(CODE, "C26", "Annual governance statement");
    await pass(400);
    excel.userEdit(CODE, "D13", 5);
    await pass(999);
    expect(reads).not.toHaveBeenCalled();
    await pass(1);
    await pass(200);
    expect(reads).toHaveBeenCalledTimes(1);
    // Only that schedule's rows were read again, not the workbook.
    const [sheet, area] = reads.mock.calls[0];
    expect(sheet).toBe(CODE);
    expect(area.bottom - area.top).toBeLessThan(40);
    expect(finding("D13")).toBeNull();
    expect(finding("C26")).toBeNull();
    expect(
      screen.getByText(
        /^Checked your edit on "Local Code 2025-26" at \d\d:\d\d: 2 findings gone\.$/
      )
    ).toBeTruthy();
    expect(excel.handlerErrors).toEqual([]);
  });

  it("checks a pasted block of 500 cells once", async () => {
    const { excel, reads } = await checkedInExcel();
    await watching(excel);
    excel.userEdit(
      CODE,
      "B30:F129",
      Array.from({ length: 100 }, (_, i) => [
        `Pasted requirement ${i + 1} is met.`,
        "Evidence",
        (i % 5) + 1,
        "Action",
        "Head of Policy",
      ])
    );
    await pass(1500);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls[0][1].bottom).toBeGreaterThanOrEqual(129);
  });

  it("is not set off by the add-in's own writes: highlights, drop-downs, notes, the Findings sheet", async () => {
    const { excel, reads } = await checkedInExcel();
    await watching(excel);
    const typed = JSON.stringify([excel.sheet(CODE).values, excel.sheet(SERVICE).values]);
    const u = user();
    await u.click(screen.getByRole("button", { name: "Highlight in workbook" }));
    await pass(500);
    await u.click(screen.getByRole("button", { name: "Add score drop-downs" }));
    await pass(500);
    await u.click(screen.getByRole("switch", { name: "Show problems as notes" }));
    await pass(500);
    await u.click(screen.getByRole("button", { name: "Export findings to a sheet" }));
    await pass(3000);
    expect(excel.sheetNames()).toContain("Findings");
    expect(Object.keys(excel.notes(CODE)).length).toBeGreaterThan(0);
    expect(reads).not.toHaveBeenCalled();
    expect(excel.handlerErrors).toEqual([]);
    // Not one value an officer typed has changed.
    expect(JSON.stringify([excel.sheet(CODE).values, excel.sheet(SERVICE).values])).toBe(typed);
  });

  it("keeps highlights and notes in step with the findings of an edited sheet", async () => {
    const { excel } = await checkedInExcel();
    await watching(excel);
    const u = user();
    await u.click(screen.getByRole("button", { name: "Highlight in workbook" }));
    await pass(500);
    await u.click(screen.getByRole("switch", { name: "Show problems as notes" }));
    await pass(500);
    expect(excel.note(CODE, "D13")?.content).toMatch(/TBC/);
    excel.userEdit(CODE, "D13", 4);
    await pass(1500);
    expect(excel.note(CODE, "D13")).toBeUndefined();
    expect(excel.note(CODE, "D25")).toBeDefined();
    const highlighted = excel
      .rules(CODE)
      .flatMap((r) => r.areas)
      .map((a) => `${a.left},${a.top}`);
    expect(highlighted).not.toContain("3,12");
    expect(highlighted).toContain("3,24");
  });

  it("on the web, checks a score picked from a drop-down once the officer moves on", async () => {
    const { excel, reads } = await checkedInExcel();
    await watching(excel);
    await user().click(screen.getByRole("button", { name: "Add score drop-downs" }));
    await pass(500);
    excel.userSelect(CODE, "D13");
    excel.userPick(CODE, "D13", 4);
    await pass(1500);
    expect(reads).not.toHaveBeenCalled();
    excel.userSelect(CODE, "E13");
    await pass(1500);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(finding("D13")).toBeNull();
  });

  it("marks the finding of a cell the officer selects, without taking focus from Excel", async () => {
    const { excel } = await checkedInExcel();
    await watching(excel);
    const before = document.activeElement;
    excel.userSelect(SERVICE, "D15");
    await pass(50);
    expect(finding("D15", SERVICE)?.getAttribute("aria-current")).toBe("true");
    expect(document.activeElement).toBe(before);
    excel.userSelect(CODE, "A1");
    await pass(50);
    expect(finding("D15", SERVICE)?.getAttribute("aria-current")).toBe("true");
  });

  it("keeps the finding chosen in the pane when Excel reports the select of its cell, which holds two", async () => {
    const { excel } = await checkedInExcel({ platform: "desktop" });
    await watching(excel);
    // E14: a weak score with no action and no lead, two findings on the action cell.
    const [first, second] = screen.getAllByRole("button", {
      name: new RegExp(`^Go to ${SERVICE} cell E14,`),
    });
    await user().click(second);
    // Excel raises onSelectionChanged for the add-in's own select (office-js issue 4691).
    await pass(50);
    await pass(50);
    expect(excel.workbook.selection?.address).toMatch(/!E14$/);
    expect(second.getAttribute("aria-current")).toBe("true");
    expect(first.getAttribute("aria-current")).toBeNull();
    // The officer selects the cell in the grid: the finding chosen there still stands.
    excel.userSelect(SERVICE, "E14");
    await pass(50);
    expect(second.getAttribute("aria-current")).toBe("true");
  });

  it("stops hearing edits when the choice is turned off (saved in the workbook) and when the pane closes", async () => {
    const { excel, reads, view } = await checkedInExcel();
    await watching(excel);
    const toggle = screen.getByRole("switch", { name: "Check as I type" });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await user().click(toggle);
    // React runs the watch's clean-up as the update settles; Excel then removes the handlers.
    await pass(200);
    await pass(200);
    expect(excel.liveHandlers()).toBe(0);
    expect(excel.workbook.settings.get(SETTINGS_KEY)).toMatchObject({ checkAsYouType: false });
    excel.userEdit(CODE, "D13", 4);
    await pass(1500);
    expect(reads).not.toHaveBeenCalled();
    await user().click(toggle);
    await pass(200);
    await pass(200);
    expect(excel.liveHandlers()).toBe(4);
    view.unmount();
    await pass(200);
    expect(excel.liveHandlers()).toBe(0);
  });
});

describe("where Excel lacks a requirement set", () => {
  it("without ExcelApi 1.18 and 1.8: no notes switch and no drop-downs, each with a sentence why", async () => {
    await checkedInExcel({ api: "1.7" });
    expect(screen.queryByRole("switch", { name: "Show problems as notes" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add score drop-downs" })).toBeNull();
    expect(screen.getByText(/Problems as notes need a newer Excel \(ExcelApi 1\.18/)).toBeTruthy();
    expect(screen.getByText(/Score drop-downs need a newer Excel \(ExcelApi 1\.8/)).toBeTruthy();
    expect(screen.getByRole("switch", { name: "Check as I type" })).toBeTruthy();
  });

  it("without ExcelApi 1.7: no checking as you type, and nothing registered", async () => {
    const excel = createExcelDouble({
      sheets: RIVERBEND_SHEETS.map((s) => officeSheet(s)),
      api: "1.6",
    });
    restore = excel.installGlobals();
    render(
      <FluentProvider theme={webLightTheme}>
        <CheckerView host={createExcelHost()} />
      </FluentProvider>
    );
    await screen.findByRole("button", { name: "Check schedules" });
    expect(screen.queryByRole("switch", { name: "Check as I type" })).toBeNull();
    expect(
      screen.getByText(/Checking as you type needs a newer Excel \(ExcelApi 1\.7/)
    ).toBeTruthy();
    expect(excel.liveHandlers()).toBe(0);
  });
});
