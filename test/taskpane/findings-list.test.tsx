/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { FindingInContext } from "../../src/core/finding-context";
import type { Finding, RuleId, Severity } from "../../src/core/findings";
import { FindingsList } from "../../src/taskpane/components/FindingsList";

// A loaded machine (several checkouts testing at once) can take seconds to settle a render.
configure({ asyncUtilTimeout: 10_000 });

const RULES: { rule: RuleId; severity: Severity; message: string }[] = [
  {
    rule: "low-score-no-action",
    severity: "warning",
    message: "Score 2 is weak but has no improvement action",
  },
  {
    rule: "low-score-no-lead",
    severity: "warning",
    message: "Score 2 is weak but has no lead officer",
  },
  {
    rule: "score-invalid",
    severity: "error",
    message: 'Score "TBC" is text: enter a whole number from 1 to 5',
  },
  { rule: "evidence-missing", severity: "info", message: "Score 4 has no evidence" },
];

/** 8,000 findings over two sheets, a section every 100 findings, as a big return has. */
function bigReturn(count = 8000): FindingInContext[] {
  const out: FindingInContext[] = [];
  for (let i = 0; i < count; i++) {
    const kind = RULES[i % RULES.length];
    const sheet = i < count / 2 ? "Local Code" : "Service Delivery";
    const row = 10 + i;
    const finding: Finding = {
      sheet,
      row,
      column: 4,
      cell: `D${row}`,
      rule: kind.rule,
      severity: kind.severity,
      message: kind.message,
    };
    out.push({
      finding,
      section: `Principle ${Math.floor(i / 100) + 1}: a section title`,
      ref: `R${i + 1}`,
      requirement: "Decisions and the reasons for them are published within five working days",
    });
  }
  return out;
}

/** The list with choosing wired up, as the pane does it. */
function Harness({ findings }: { findings: FindingInContext[] }) {
  const [chosen, setChosen] = useState<Finding | null>(null);
  return (
    <FluentProvider theme={webLightTheme}>
      <p>before the list</p>
      <button type="button">a control before</button>
      <FindingsList findings={findings} chosen={chosen} onChoose={setChosen} selectVerb="Show" />
    </FluentProvider>
  );
}

/** The list's height as a browser would lay it out: its spacers, and its rows at their estimates. */
function listHeight(): number {
  const list = document.querySelector('[data-testid="findings-list"]');
  if (!list) return 0;
  let height = 0;
  for (const spacer of Array.from(
    list.querySelectorAll<HTMLElement>(':scope > [aria-hidden="true"]')
  ))
    height += parseFloat(spacer.style.height) || 0;
  const estimate: Record<string, number> = { H4: 40, H5: 28, LI: 76 };
  for (const row of Array.from(list.querySelectorAll("[data-index]")))
    height += estimate[row.tagName] ?? 0;
  return height;
}

let scrollY = 0;
beforeEach(() => {
  scrollY = 0;
  Object.defineProperty(window, "innerHeight", { configurable: true, value: 800 });
  Object.defineProperty(window, "scrollY", { configurable: true, get: () => scrollY });
  // How far the page can scroll: the virtual list's height, which jsdom does not lay out.
  Object.defineProperty(document.documentElement, "scrollHeight", {
    configurable: true,
    get: listHeight,
  });
  // jsdom does not scroll: move the window's offset and say so, as a browser would.
  window.scrollTo = ((options: ScrollToOptions | number, y?: number) => {
    scrollY = typeof options === "number" ? (y ?? 0) : (options.top ?? scrollY);
    setTimeout(() => window.dispatchEvent(new Event("scroll")), 0);
  }) as typeof window.scrollTo;
});

const focusedLabel = () => document.activeElement?.getAttribute("aria-label") ?? "";

describe("the findings list with 8,000 findings", () => {
  it("puts only the rows near the screen in the page, grouped by sheet and section", () => {
    const { container } = render(<Harness findings={bigReturn()} />);
    const buttons = screen.getAllByRole("button", { name: /^Show / });
    expect(buttons.length).toBeGreaterThan(5);
    expect(buttons.length).toBeLessThan(40);
    expect(container.querySelectorAll("*").length).toBeLessThan(1000);
    expect(
      screen.getByText("8000 findings: 2000 errors, 4000 warnings, 2000 notices")
    ).toBeTruthy();
    const sheet = screen.getByRole("region", { name: "Findings on Local Code" });
    expect(within(sheet).getByRole("heading", { name: "Local Code (4000 findings)" })).toBeTruthy();
    expect(
      within(sheet).getByRole("heading", { name: "Principle 1: a section title" })
    ).toBeTruthy();
    // A screen reader hears where a finding sits in its section, though most are not rendered.
    const first = buttons[0].closest("li")!;
    expect(first.getAttribute("aria-setsize")).toBe("100");
    expect(first.getAttribute("aria-posinset")).toBe("1");
    // The counts by rule are all there, as buttons.
    const counts = screen.getByRole("list", { name: "Findings by rule" });
    expect(within(counts).getAllByRole("button")).toHaveLength(4);
  });

  it("is one Tab stop; arrows, Page Down and Home move focus between findings", async () => {
    const user = userEvent.setup();
    render(<Harness findings={bigReturn()} />);
    const list = screen.getByTestId("findings-list");
    const inList = () => list.contains(document.activeElement);
    screen.getByRole("button", { name: "a control before" }).focus();
    // Tab passes the rule buttons and the select, then lands on the first finding only.
    for (let i = 0; i < 8 && !inList(); i++) await user.tab();
    expect(focusedLabel()).toBe(
      "Show Local Code cell D10, warning: Score 2 is weak but has no improvement action"
    );
    const stops = Array.from(list.querySelectorAll("button")).filter((b) => b.tabIndex === 0);
    expect(stops).toHaveLength(1);
    await user.keyboard("{ArrowDown}");
    expect(focusedLabel()).toMatch(/^Show Local Code cell D11, warning: .* no lead officer$/);
    await user.keyboard("{PageDown}");
    expect(focusedLabel()).toMatch(/^Show Local Code cell D21,/);
    // End and the scroll it needs are proved in Chromium (test/e2e), which lays the page out.
    await user.keyboard("{Home}");
    await waitFor(() => expect(focusedLabel()).toMatch(/^Show Local Code cell D10,/));
    // Tab leaves the list: the findings are one stop, not 8,000.
    await user.tab();
    expect(inList()).toBe(false);
  });

  it("Enter chooses the focused finding and marks it", async () => {
    const user = userEvent.setup();
    render(<Harness findings={bigReturn()} />);
    const first = screen.getAllByRole("button", { name: /^Show / })[0];
    first.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    const chosen = document.activeElement as HTMLElement;
    expect(chosen.getAttribute("aria-current")).toBe("true");
    expect(chosen.getAttribute("aria-label")).toMatch(/cell D12, error:/);
  });

  it("filtering by a rule answers at once and keeps the grouping", async () => {
    const user = userEvent.setup();
    render(<Harness findings={bigReturn()} />);
    await user.click(
      screen.getByRole("button", { name: "The score is not a whole number: 2000 findings" })
    );
    const shown = screen.getAllByRole("button", { name: /^Show / });
    expect(shown.every((b) => /, error: /.test(b.getAttribute("aria-label") ?? ""))).toBe(true);
    expect(shown.length).toBeLessThan(40);
    expect(screen.getByRole("heading", { name: "Local Code (1000 findings)" })).toBeTruthy();
  });

  it("a cell selected in Excel whose finding the filter hides clears the filter and shows it", async () => {
    const findings = bigReturn(40);
    // What the pane does when a cell is selected in Excel: choose its finding, reveal it.
    function Selecting() {
      const [chosen, setChosen] = useState<Finding | null>(null);
      const [reveal, setReveal] = useState(0);
      return (
        <FluentProvider theme={webLightTheme}>
          <button
            type="button"
            onClick={() => {
              setChosen(findings[2].finding);
              setReveal((n) => n + 1);
            }}
          >
            select D12 in Excel
          </button>
          <FindingsList
            findings={findings}
            chosen={chosen}
            onChoose={setChosen}
            selectVerb="Show"
            revealChosen={reveal}
          />
        </FluentProvider>
      );
    }
    const user = userEvent.setup();
    render(<Selecting />);
    const warnings = screen.getByRole("button", {
      name: "A weak score has no improvement action: 10 findings",
    });
    await user.click(warnings);
    expect(warnings.getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryByRole("button", { name: /cell D12, error:/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "select D12 in Excel" }));
    const marked = await screen.findByRole("button", { name: /cell D12, error:/ });
    expect(marked.getAttribute("aria-current")).toBe("true");
    expect(warnings.getAttribute("aria-pressed")).toBe("false");
  });
});
