/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { CheckerView } from "../../src/taskpane/App";
import { FakeHost, gridsFromSpecs } from "../helpers/fake-host";
import { fixDate } from "../helpers/fixed-date";

// Target dates are judged as at the committee the example is drafted for (March 2026).
fixDate(new Date(Date.UTC(2026, 2, 2)));

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
  await r.user.click(screen.getByRole("button", { name: "Check schedules" }));
  await screen.findByRole("region", { name: "Findings" });
  return { host, ...r };
}

describe("task pane", () => {
  it("checks, then lists the schedules it recognised and the findings by sheet and section", async () => {
    const { host } = await checked();
    expect(host.calls).toContain("read");
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
    const counts = screen.getByRole("list", { name: "Findings by rule" });
    expect(within(counts).getByText("A weak score has no target date: 3")).toBeTruthy();
  });

  it("clicking a finding asks the host to go to its cell", async () => {
    const { host, user } = await checked();
    await user.click(
      screen.getByRole("button", { name: /Go to Local Code 2025-26 cell D13: Score "TBC" is text/ })
    );
    expect(host.shown.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      "Local Code 2025-26!D13 score-invalid",
    ]);
  });

  it("filters by rule", async () => {
    const { user } = await checked();
    await user.selectOptions(screen.getByRole("combobox", { name: "Show" }), "score-missing");
    const buttons = screen.getAllByRole("button", { name: /^Go to / });
    expect(buttons).toHaveLength(1);
    expect(buttons[0].getAttribute("aria-label")).toMatch(
      /Service Delivery cell D15: No score for requirement \(d\)/
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

  it("saves a weak threshold in the settings and checks again with it", async () => {
    const { host, user } = await checked();
    await user.click(screen.getByRole("button", { name: "Settings" }));
    const group = screen.getByRole("group", { name: "Service Delivery, row 10" });
    const weak = within(group).getByRole("textbox", { name: /Weak at/ });
    await user.clear(weak);
    expect(
      screen.getAllByRole("button", { name: /Go to Service Delivery cell E14: Score 2 is weak/ })
    ).toHaveLength(2);
    await user.type(weak, "1");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved in the workbook.");
    expect(host.saved[0].schedules["Service Delivery!10"]).toEqual({
      weakThreshold: 1,
      scale: undefined,
    });
    // Weak now means 1 only: score 2 on requirement (c) has nothing more to answer for.
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: /Go to Service Delivery cell E14/ })).toBeNull()
    );
    expect(
      screen.getByRole("button", { name: /Go to Service Delivery cell E12: Score 1 is weak/ })
    ).toBeTruthy();
  });

  it("refuses a threshold outside the scale", async () => {
    const { user } = await checked();
    await user.click(screen.getByRole("button", { name: "Settings" }));
    const group = screen.getByRole("group", { name: "Service Delivery, row 10" });
    const weak = within(group).getByRole("textbox", { name: /Weak at/ });
    await user.clear(weak);
    await user.type(weak, "7");
    expect(within(group).getByText("Enter a score from 1 to 3.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save settings" }).hasAttribute("disabled")).toBe(
      true
    );
  });

  it("shows a host error in a message bar and stays usable", async () => {
    const host = new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS));
    host.failRead = new Error(
      "Excel is still editing a cell. Press Enter or Esc to finish the edit, then try again."
    );
    const { user } = renderPane(host);
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Excel is still editing a cell/);
    await user.click(screen.getByRole("button", { name: "Dismiss the message" }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    host.failRead = null;
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByRole("region", { name: "Findings" });
  });

  it("says so when a workbook has no schedules", async () => {
    await checked(
      new FakeHost(gridsFromSpecs([{ name: "Cover", rows: [["Riverbend Borough Council"]] }]))
    );
    expect(screen.getByText(/No self-assessment schedule was found/)).toBeTruthy();
    expect(screen.getByText("No problems found.")).toBeTruthy();
  });

  it("has no accessibility violations: results, and settings open", async () => {
    const { container, user } = await checked();
    expect(await axe(container)).toHaveNoViolations();
    await user.click(screen.getByRole("button", { name: "Settings" }));
    expect(await axe(container)).toHaveNoViolations();
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
