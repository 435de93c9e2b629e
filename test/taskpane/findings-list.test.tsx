/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FindingInContext } from "../../src/core/finding-context";
import { FindingsList } from "../../src/taskpane/components/FindingsList";

/** A large return's findings: the list draws them a page at a time. */
function findings(n: number): FindingInContext[] {
  return Array.from({ length: n }, (_v, i) => ({
    finding: {
      sheet: "Schedule",
      row: i + 2,
      column: 4,
      cell: `D${i + 2}`,
      rule: i % 3 ? "low-score-no-action" : "score-missing",
      severity: i % 3 ? "warning" : "error",
      message:
        i % 3 ? "Score 1 is weak but has no improvement action" : `No score for requirement R${i}`,
    },
    section: `Section ${Math.floor(i / 100)}`,
    ref: `R${i}`,
    requirement: "Members follow the code",
  }));
}

describe("the findings list of a large return", () => {
  it("draws 500 findings, then 500 more each time it is asked, and counts them all", async () => {
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingsList findings={findings(1_200)} onSelect={() => undefined} selectVerb="Show" />
      </FluentProvider>
    );
    const shown = () =>
      screen.getAllByRole("button", { name: /^Show Schedule cell D\d+: / }).length;
    expect(shown()).toBe(500);
    expect(screen.getByRole("option", { name: "All findings (1200)" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Show 500 more (700 not shown)" }));
    expect(shown()).toBe(1000);
    await user.click(screen.getByRole("button", { name: "Show 200 more (200 not shown)" }));
    expect(shown()).toBe(1200);
    expect(screen.queryByRole("button", { name: /more \(/ })).toBeNull();
  }, 60_000);
});
