/**
 * @jest-environment jsdom
 */
import { act, configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { whenOfficeReady } from "../../src/excel/office-boot";
import { Startup } from "../../src/taskpane/Startup";
import { createExcelDouble } from "../helpers/excel-double";
import { FakeHost, gridsFromSpecs } from "../helpers/fake-host";

const excelHost = () => new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS), "excel");
const noFile = async () => {
  throw new Error("no file in this test");
};

// A machine shared by several test runs can take seconds to render the pane.
configure({ asyncUtilTimeout: 10_000 });

describe("the pane's start-up", () => {
  afterEach(() => jest.useRealTimers());

  it('shows "Connecting to Excel…" until Office.onReady answers, even after 8 seconds, then the checker', async () => {
    jest.useFakeTimers();
    const excel = createExcelDouble({ readyAfterMs: 8000 });
    const prepareFiles = jest.fn();
    render(
      <Startup
        officeReady={whenOfficeReady(excel.office)}
        createExcelHost={excelHost}
        openWorkbook={noFile}
        prepareFiles={prepareFiles}
      />
    );
    expect(screen.getByText("Connecting to Excel…")).toBeTruthy();
    await act(() => jest.advanceTimersByTimeAsync(7900));
    expect(screen.getByText("Connecting to Excel…")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Open a workbook" })).toBeNull();
    await act(() => jest.advanceTimersByTimeAsync(200));
    expect(screen.queryByText("Connecting to Excel…")).toBeNull();
    expect(screen.getByRole("button", { name: "Highlight in workbook" })).toBeTruthy();
    // In Excel the sheets arrive read: the file reader is never loaded.
    expect(prepareFiles).not.toHaveBeenCalled();
  });

  it("has no accessibility violations while it connects", async () => {
    const { container } = render(
      <Startup
        officeReady={new Promise(() => undefined)}
        createExcelHost={excelHost}
        openWorkbook={noFile}
      />
    );
    expect(await axe(container)).toHaveNoViolations();
  });

  it("runs on a file at once where office.js is absent, loading the file reader ahead once", async () => {
    const prepareFiles = jest.fn();
    render(
      <Startup
        officeReady={whenOfficeReady(undefined)}
        createExcelHost={excelHost}
        openWorkbook={noFile}
        prepareFiles={prepareFiles}
      />
    );
    expect(await screen.findByRole("button", { name: "Open a workbook" })).toBeTruthy();
    expect(prepareFiles).toHaveBeenCalledTimes(1);
  });

  it("runs on a file where the page is not hosted by Office (onReady answers with no host)", async () => {
    const office = { onReady: async () => ({ host: null }) };
    render(
      <Startup
        officeReady={whenOfficeReady(office)}
        createExcelHost={excelHost}
        openWorkbook={noFile}
      />
    );
    expect(await screen.findByRole("button", { name: "Open a workbook" })).toBeTruthy();
  });

  it('offers "Open a file instead" while it waits, and Excel answering later does not take the file away', async () => {
    let answer: (v: { host: string | null }) => void = () => undefined;
    const office = { onReady: () => new Promise<{ host: string | null }>((r) => (answer = r)) };
    render(
      <Startup
        officeReady={whenOfficeReady(office)}
        createExcelHost={excelHost}
        openWorkbook={noFile}
      />
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Open a file instead" }));
    expect(screen.getByRole("button", { name: "Open a workbook" })).toBeTruthy();
    await act(async () => answer({ host: "Excel" }));
    expect(screen.getByRole("button", { name: "Open a workbook" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Highlight in workbook" })).toBeNull();
  });

  it("shows the notes the Excel host gives with its highlights (a protected sheet skipped)", async () => {
    const host = excelHost();
    host.highlightNotes = [
      'Sheet "Local Code 2025-26" is protected, so their cells were not highlighted.',
    ];
    render(
      <Startup
        officeReady={Promise.resolve({ host: "Excel", dark: false })}
        createExcelHost={() => host}
        openWorkbook={noFile}
      />
    );
    const user = userEvent.setup();
    const check = await screen.findByRole("button", { name: "Check schedules" });
    // The button is there at once but waits (aria-disabled) until the workbook's settings are read.
    await waitFor(() => expect(check.getAttribute("aria-disabled")).not.toBe("true"));
    await user.click(check);
    await screen.findByRole("region", { name: "Findings" });
    await user.click(screen.getByRole("button", { name: "Highlight in workbook" }));
    expect(await screen.findByText(/"Local Code 2025-26" is protected/)).toBeTruthy();
  });
});
