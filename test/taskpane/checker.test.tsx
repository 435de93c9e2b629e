/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { CheckerView } from "../../src/taskpane/App";
import { noRatingColumn } from "../fixtures/cases/no-rating-column";
import { unplacedWords } from "../fixtures/cases/unplaced-words";
import { FakeHost, gridsFromSpecs } from "../helpers/fake-host";
import { fixDate } from "../helpers/fixed-date";

// Target dates are judged as at the committee the example is drafted for (March 2026).
fixDate(new Date(Date.UTC(2026, 2, 2)));

// A loaded machine (several checkouts testing at once) can take seconds to settle a render.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout: a tall window lets the virtual list render every finding of the example.
beforeAll(() => {
  Object.defineProperty(window, "innerHeight", { configurable: true, value: 4000 });
  window.scrollTo = () => undefined;
});

function renderPane(host: FakeHost) {
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <CheckerView host={host} />
    </FluentProvider>
  );
  return { user, ...view };
}

async function checked(host = new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS))) {
  const r = renderPane(host);
  const button = screen.getByRole("button", { name: "Check schedules" });
  await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
  await r.user.click(button);
  await screen.findByRole("region", { name: "Findings" });
  return { host, ...r };
}

const findingButtons = (name: RegExp) => screen.queryAllByRole("button", { name });

describe("task pane", () => {
  it("checks, then lists the schedules it recognised and the findings by sheet and section", async () => {
    const { host } = await checked();
    expect(host.calls.slice(0, 2)).toEqual(["loadSettings", "read"]);
    const schedules = screen.getByRole("list", { name: "Schedules found" });
    expect(within(schedules).getAllByRole("listitem")).toHaveLength(2);
    expect(within(schedules).getAllByRole("listitem")[0].textContent).toMatch(
      /Local Code 2025-26, header row 5: 17 requirements, scale 1-5 \(5 best\), weak at 3 or lower/
    );
    const local = screen.getByRole("region", { name: "Findings on Local Code 2025-26" });
    expect(
      within(local).getByRole("heading", { name: /Principle B: Ensuring openness/ })
    ).toBeTruthy();
    expect(
      within(local).getAllByRole("button", { name: /^Go to Local Code 2025-26 cell/ })
    ).toHaveLength(11);
    expect(screen.getByRole("region", { name: "Findings on Service Delivery" })).toBeTruthy();
  });

  it("says each finding's severity in words, and sums them as the CLI does", async () => {
    await checked();
    expect(screen.getByText("16 findings: 3 errors, 11 warnings, 2 notices")).toBeTruthy();
    const d13 = screen.getByRole("button", { name: /cell D13/ });
    expect(d13.getAttribute("aria-label")).toBe(
      'Go to Local Code 2025-26 cell D13, error: Score "TBC" is text: enter a whole number from 1 to 5'
    );
    expect(within(d13).getByText("Error")).toBeTruthy();
    expect(findingButtons(/, warning: /)).toHaveLength(11);
    expect(findingButtons(/, notice: /)).toHaveLength(2);
  });

  it("the rule counts are buttons that filter to their rule, and back", async () => {
    const { user } = await checked();
    const counts = screen.getByRole("list", { name: "Findings by rule" });
    const dates = within(counts).getByRole("button", {
      name: "A weak score has no target date: 3 findings",
    });
    await user.click(dates);
    expect(dates.getAttribute("aria-pressed")).toBe("true");
    expect(findingButtons(/^Go to /)).toHaveLength(3);
    expect(findingButtons(/^Go to /).every((b) => /no target date/.test(b.textContent ?? ""))).toBe(
      true
    );
    expect((screen.getByRole("combobox", { name: "Show" }) as HTMLSelectElement).value).toBe(
      "low-score-no-date"
    );
    await user.click(dates);
    expect(findingButtons(/^Go to /)).toHaveLength(16);
  });

  it("clicking a finding asks the host to go to its cell, and marks it as chosen", async () => {
    const { host, user } = await checked();
    const d13 = screen.getByRole("button", { name: /Go to Local Code 2025-26 cell D13, error/ });
    await user.click(d13);
    expect(host.shown.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      "Local Code 2025-26!D13 score-invalid",
    ]);
    expect(d13.getAttribute("aria-current")).toBe("true");
    await user.click(
      screen.getByRole("button", {
        name: /Go to Service Delivery cell E14, warning: .* no improvement/,
      })
    );
    expect(d13.getAttribute("aria-current")).toBeNull();
    expect(host.shown).toHaveLength(2);
  });

  it("filters by rule with the select", async () => {
    const { user } = await checked();
    await user.selectOptions(screen.getByRole("combobox", { name: "Show" }), "score-missing");
    const buttons = findingButtons(/^Go to /);
    expect(buttons).toHaveLength(1);
    expect(buttons[0].getAttribute("aria-label")).toMatch(
      /Service Delivery cell D15, error: No score for requirement \(d\)/
    );
  });

  it("highlights every finding in the workbook and clears them again", async () => {
    const { host, user } = await checked();
    await user.click(screen.getByRole("button", { name: "Highlight in workbook" }));
    // 16 findings on 15 cells: E14 has two.
    await screen.findByText("Highlighted 15 cells.");
    expect(host.highlighted).toHaveLength(16);
    await user.click(screen.getByRole("button", { name: "Clear highlights" }));
    await screen.findByText("Highlights cleared.");
    expect(host.calls.filter((c) => c === "highlight" || c === "clear")).toEqual([
      "highlight",
      "clear",
    ]);
  });

  it("saves a weak threshold, checks again with it, and gives focus back to Settings", async () => {
    const { host, user } = await checked();
    const settings = screen.getByRole("button", { name: "Settings" });
    await user.click(settings);
    const group = screen.getByRole("group", { name: "Service Delivery, row 10" });
    const weak = within(group).getByRole("textbox", { name: /Weak at/ });
    expect(
      findingButtons(/Go to Service Delivery cell E14, warning: Score 2 is weak/)
    ).toHaveLength(2);
    await user.clear(weak);
    await user.type(weak, "1");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText(/^Settings saved in the workbook; checked again at \d\d:\d\d\.$/);
    expect(host.saved[0].schedules["Service Delivery!10"]).toEqual({
      weakThreshold: 1,
      scale: undefined,
    });
    // Weak now means 1 only: score 2 on requirement (c) has nothing more to answer for.
    await waitFor(() => expect(findingButtons(/Go to Service Delivery cell E14/)).toHaveLength(0));
    expect(findingButtons(/Go to Service Delivery cell E12, warning: Score 1 is weak/)).not.toEqual(
      []
    );
    await waitFor(() => expect(document.activeElement).toBe(settings));
  });

  it("Settings opens on its first box, says where settings are kept, and Escape closes it", async () => {
    const { user } = await checked();
    const settings = screen.getByRole("button", { name: "Settings" });
    await user.click(settings);
    const form = screen.getByRole("form", { name: "Settings" });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(form).getAllByRole("textbox", { name: /Weak at/ })[0]
      )
    );
    expect(
      within(form).getByText(
        "Settings are saved in the workbook, so the next person who opens it sees the same thresholds."
      )
    ).toBeTruthy();
    // The placeholder lists open on words an officer recognises, the bare marks after them.
    const noAction = within(form).getByRole("textbox", {
      name: /Entries that mean there is no improvement action/,
    }) as HTMLTextAreaElement;
    expect(noAction.value.split("\n").slice(0, 3)).toEqual(["n/a", "na", "n.a."]);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("form", { name: "Settings" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(settings));
  });

  it("Escape closes Settings from the Settings button too, not only from inside the form", async () => {
    const { user } = await checked();
    const settings = screen.getByRole("button", { name: "Settings" });
    await user.click(settings);
    await screen.findByRole("form", { name: "Settings" });
    settings.focus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("form", { name: "Settings" })).toBeNull();
    expect(document.activeElement).toBe(settings);
  });

  it("before a check, Settings is focusable and says why it is not available", async () => {
    const host = new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS));
    const { user } = renderPane(host);
    await waitFor(() => expect(host.calls).toContain("loadSettings"));
    const settings = screen.getByRole("button", { name: "Settings" });
    expect(settings.getAttribute("aria-disabled")).toBe("true");
    // Check, Highlight, Clear, Build: each focusable, then Settings.
    for (let i = 0; i < 5 && document.activeElement !== settings; i++) await user.tab();
    expect(document.activeElement).toBe(settings);
    const described = settings.getAttribute("aria-describedby") ?? "";
    const reason = described
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    expect(reason).toMatch(/Check the schedules first/);
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("form", { name: "Settings" })).toBeNull();
  });

  it("reads the saved settings before the first check, however slowly they come", async () => {
    const host = new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS));
    host.stored = { version: 2, schedules: { "Service Delivery!10": { weakThreshold: 1 } } };
    let release = () => {};
    host.settingsGate = new Promise<void>((r) => (release = r));
    const { user } = renderPane(host);
    const check = screen.getByRole("button", { name: "Check schedules" });
    // Busy while the settings load: the check cannot start on the defaults.
    expect(screen.getByTestId("busy").textContent).toMatch(/Loading settings/);
    await user.click(check);
    expect(host.calls).toEqual(["loadSettings"]);
    release();
    await waitFor(() => expect(check.getAttribute("aria-disabled")).not.toBe("true"));
    await user.click(check);
    await screen.findByRole("region", { name: "Findings" });
    expect(host.calls).toEqual(["loadSettings", "read"]);
    expect(findingButtons(/Go to Service Delivery cell E14/)).toHaveLength(0);
  });

  it("shows progress in words and a percentage, and Cancel leaves the last results", async () => {
    const { host, user } = await checked();
    host.readDelay = 10_000;
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    const busy = await screen.findByTestId("busy");
    await waitFor(() => expect(busy.textContent).toMatch(/Reading cells … 30%/));
    expect(within(busy).getByRole("progressbar")).toBeTruthy();
    await user.click(within(busy).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("busy")).toBeNull();
    expect(
      screen.getByText("Check cancelled: the results shown are from the last check.")
    ).toBeTruthy();
    expect(findingButtons(/^Go to /)).toHaveLength(16);
    expect(
      screen.getByRole("button", { name: "Check schedules" }).getAttribute("aria-disabled")
    ).not.toBe("true");
  });

  it("checking an unchanged workbook again says so", async () => {
    const { user } = await checked();
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByText(/^Checked again at \d\d:\d\d: no change\.$/);
  });

  it("shows a host error as sentences in a message bar, moves focus to it, and stays usable", async () => {
    const host = new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS));
    host.failRead = new Error(
      "Excel is still editing a cell. Press Enter or Esc to finish the edit, then try again."
    );
    const { user } = renderPane(host);
    const check = screen.getByRole("button", { name: "Check schedules" });
    await waitFor(() => expect(check.getAttribute("aria-disabled")).not.toBe("true"));
    await user.click(check);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "Something went wrong: Excel is still editing a cell. Press Enter or Esc to finish the edit, then try again."
    );
    await waitFor(() => expect(document.activeElement).toBe(alert));
    await user.click(screen.getByRole("button", { name: "Dismiss the message" }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    host.failRead = null;
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByRole("region", { name: "Findings" });
  });

  it("never says no problems when no schedule is read: the finding says what came closest", async () => {
    const { host, user } = await checked(new FakeHost(gridsFromSpecs(noRatingColumn.sheets)));
    expect(screen.getByText(/No self-assessment schedule could be read/)).toBeTruthy();
    expect(screen.queryByText("No problems found.")).toBeNull();
    const counts = screen.getByRole("list", { name: "Findings by rule" });
    expect(
      within(counts).getByRole("button", { name: "No schedule could be read: 1 finding" })
    ).toBeTruthy();
    const finding = screen.getByRole("button", {
      name: /^Go to FM Code cell A6, error: No self-assessment schedule found: sheet 'FM Code' row 6 has .* but no column read as a rating/,
    });
    await user.click(finding);
    expect(host.shown.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      "FM Code!A6 no-schedule-found",
    ]);
  });

  it("a workbook of one cover sheet gets the same kind of finding, on its A1", async () => {
    await checked(
      new FakeHost(gridsFromSpecs([{ name: "Cover", rows: [["Riverbend Borough Council"]] }]))
    );
    expect(
      screen.getByRole("button", {
        name: /^Go to Cover cell A1, error: No self-assessment schedule found/,
      })
    ).toBeTruthy();
    expect(screen.queryByText("No problems found.")).toBeNull();
  });

  it("shows word scales in words, and the rating words of an unread schedule can be set", async () => {
    const { host, user } = await checked(new FakeHost(gridsFromSpecs(unplacedWords.sheets)));
    expect(
      screen.getByRole("button", {
        name: /^Go to Partnerships cell D2, error: Sheet 'Partnerships' row 2 looks like a schedule/,
      })
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Settings" }));
    const group = screen.getByRole("group", { name: "Partnerships, row 2" });
    const words = within(group).getByRole("textbox", { name: /Rating words, worst first/ });
    await user.clear(words);
    await user.type(words, "Bronze{Enter}Silver{Enter}Bronze");
    expect(within(group).getByText(/"Bronze" is given twice/)).toBeTruthy();
    const save = screen.getByRole("button", { name: "Save settings" });
    expect(save.hasAttribute("disabled")).toBe(true);
    // Why, beside the button: the box with the problem may be far up the form.
    expect(save.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(save.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Settings cannot be saved until the boxes marked above are corrected."
    );
    await user.clear(words);
    await user.type(words, "Bronze{Enter}Silver{Enter}Gold");
    expect(screen.queryByText(/cannot be saved until/)).toBeNull();
    await user.selectOptions(within(group).getByRole("combobox", { name: /Weak at/ }), "Bronze");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText(/^Settings saved in the workbook; checked again at/);
    expect(host.saved[0].schedules["Partnerships!2"]).toEqual({
      weakThreshold: 1,
      scale: { min: 1, max: 3, direction: "ascending", levels: ["Bronze", "Silver", "Gold"] },
    });
    // Checked again on the words: the schedule is listed, and Bronze alone is weak.
    const schedules = await screen.findByRole("list", { name: "Schedules found" });
    await waitFor(() =>
      expect(within(schedules).getAllByRole("listitem")[1].textContent).toMatch(
        /Partnerships, header row 2: 3 requirements, scale Bronze, Silver, Gold \(worst to best\), weak at Bronze or worse/
      )
    );
    expect(
      screen.getByRole("button", { name: /Partnerships cell E4, warning: Rating "Bronze" is weak/ })
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Partnerships cell E5/ })).toBeNull();
  });

  it("has no accessibility violations: results, and settings open", async () => {
    const { container, user } = await checked();
    expect(await axe(container)).toHaveNoViolations();
    await user.click(screen.getByRole("button", { name: "Settings" }));
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("the row preview (a workbook outside Excel)", () => {
  const fileHost = () => new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS), "file");

  it("opens under the chosen finding with the cell marked, and Escape or Close shut it", async () => {
    const { user } = await checked(fileHost());
    const d13 = screen.getByRole("button", { name: /^Show Local Code 2025-26 cell D13, error/ });
    await user.click(d13);
    const preview = await screen.findByRole("region", { name: "Row preview" });
    // It belongs to its finding: in the same list item, right after the button.
    expect(d13.closest("li")?.contains(preview)).toBe(true);
    expect(d13.getAttribute("aria-expanded")).toBe("true");
    expect(d13.getAttribute("aria-controls")).toBe(preview.id);
    const marked = await within(preview).findByLabelText("Cell D13, the cell to fix: TBC");
    expect(marked.getAttribute("aria-current")).toBe("true");
    // Long text is all there, to wrap: nothing is cut short with an ellipsis.
    expect(
      within(preview).getByText(/Partnerships have written governance arrangements/)
    ).toBeTruthy();
    expect(preview.textContent).not.toContain("…");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "Row preview" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(d13));
    await user.keyboard("{Enter}");
    const again = await screen.findByRole("region", { name: "Row preview" });
    await user.click(within(again).getByRole("button", { name: "Close the preview" }));
    expect(screen.queryByRole("region", { name: "Row preview" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(d13));
  });

  it("shows a date in the row as the finding states it, dd/mm/yyyy", async () => {
    const { user } = await checked(fileHost());
    const g16 = screen.getByRole("button", {
      name: /^Show Local Code 2025-26 cell G16, warning: Score 2 is weak and its target date \(31\/12\/2025\) has passed/,
    });
    await user.click(g16);
    const preview = await screen.findByRole("region", { name: "Row preview" });
    // Not 2025-12-31 beside a message that says 31/12/2025.
    expect(
      await within(preview).findByLabelText("Cell G16, the cell to fix: 31/12/2025")
    ).toBeTruthy();
  });

  it("keeps the line breaks an officer typed in a cell", async () => {
    const sheets = RIVERBEND_SHEETS.map((sheet) =>
      sheet.name === "Local Code 2025-26"
        ? {
            ...sheet,
            rows: sheet.rows.map((row, i) =>
              i === 12 ? row.map((v, c) => (c === 3 ? "Awaiting\naudit   report" : v)) : row
            ),
          }
        : sheet
    );
    const { user } = await checked(new FakeHost(gridsFromSpecs(sheets), "file"));
    await user.click(
      screen.getByRole("button", {
        name: /^Show Local Code 2025-26 cell D13, error: Score "Awaiting audit report"/,
      })
    );
    const preview = await screen.findByRole("region", { name: "Row preview" });
    const marked = await within(preview).findByLabelText(/^Cell D13, the cell to fix:/);
    expect(marked.textContent).toBe("Awaiting\naudit report");
  });

  it("choosing three findings one after another moves the preview each time", async () => {
    const { user } = await checked(fileHost());
    for (const [sheet, cell] of [
      ["Local Code 2025-26", "D13"],
      ["Local Code 2025-26", "E12"],
      ["Service Delivery", "D15"],
    ]) {
      const button = screen.getByRole("button", {
        name: new RegExp(`^Show ${sheet} cell ${cell},`),
      });
      await user.click(button);
      const preview = await screen.findByRole("region", { name: "Row preview" });
      expect(button.closest("li")?.contains(preview)).toBe(true);
      await within(preview).findByLabelText(new RegExp(`^Cell ${cell}, the cell to fix`));
      expect(screen.getAllByRole("region", { name: "Row preview" })).toHaveLength(1);
    }
  });

  it("checking again with a preview open closes it and keeps the page whole", async () => {
    const { user } = await checked(fileHost());
    await user.click(screen.getByRole("button", { name: /^Show Local Code 2025-26 cell D13/ }));
    await screen.findByRole("region", { name: "Row preview" });
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByText(/^Checked again at \d\d:\d\d: no change\.$/);
    expect(screen.queryByRole("region", { name: "Row preview" })).toBeNull();
    expect(findingButtons(/^Show /)).toHaveLength(16);
  });

  it("says settings are kept in this browser for this file", async () => {
    const { user } = await checked(fileHost());
    await user.click(screen.getByRole("button", { name: "Settings" }));
    expect(screen.getByText(/^Settings are kept in this browser for this file/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText(/^Settings kept in this browser for this file; checked again at/);
  });
});

describe("building the committee summary from the pane", () => {
  it("in Excel: writes the sheets through the host and says which", async () => {
    const { host, user } = await checked();
    await user.click(screen.getByRole("button", { name: "Build committee summary" }));
    await screen.findByText("Wrote Committee Summary and Action Plan.");
    expect(host.plans[0].sheets.map((s) => s.name)).toEqual(["Committee Summary", "Action Plan"]);
    // A mean chart and a distribution chart for each schedule: one on a 1-5 scale, one on 1-3.
    expect(host.plans[0].sheets[0].charts).toHaveLength(4);
  });

  it("outside Excel: downloads the committee workbook", async () => {
    const created: Blob[] = [];
    const clicked: string[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (created.push(b), "blob:committee"),
      revokeObjectURL: () => undefined,
    });
    // jsdom cannot follow a download link; record the click instead.
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push(this.download);
    });
    const { user } = await checked(new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS), "file"));
    await user.click(screen.getByRole("button", { name: "Build committee summary" }));
    await screen.findByText(/Downloaded Riverbend return - committee summary\.xlsx/);
    expect(created).toHaveLength(1);
    expect(clicked).toEqual(["Riverbend return - committee summary.xlsx"]);
  });
});
