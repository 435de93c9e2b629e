/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { LiveFeatures } from "../../src/core/host";
import { LiveOptions, type LiveOptionsProps } from "../../src/taskpane/components/LiveOptions";

configure({ asyncUtilTimeout: 10_000 });

const all: LiveFeatures = {
  checkAsYouType: { available: true },
  dropDowns: { available: true },
  notes: { available: true },
  findingsSheet: { available: true },
};

function renderOptions(props: Partial<LiveOptionsProps> = {}) {
  const calls: string[] = [];
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <LiveOptions
        features={all}
        checkAsYouType
        problemNotes={false}
        busy={false}
        hasSchedules
        hasResults
        onCheckAsYouType={(on) => calls.push(`type ${on}`)}
        onProblemNotes={(on) => calls.push(`notes ${on}`)}
        onAddDropDowns={() => calls.push("add")}
        onRemoveDropDowns={() => calls.push("remove")}
        onExportFindings={() => calls.push("export")}
        {...props}
      />
    </FluentProvider>
  );
  return { calls, user: userEvent.setup(), ...view };
}

describe("the choices for a workbook in Excel", () => {
  it("turns checking as you type off and notes on, and offers drop-downs and the Findings sheet", async () => {
    const { calls, user } = renderOptions();
    const typing = screen.getByRole("switch", { name: "Check as I type" }) as HTMLInputElement;
    const notes = screen.getByRole("switch", {
      name: "Show problems as notes",
    }) as HTMLInputElement;
    expect([typing.checked, notes.checked]).toEqual([true, false]);
    expect(typing.getAttribute("aria-describedby")).toBeTruthy();
    await user.click(typing);
    await user.click(notes);
    await user.click(screen.getByRole("button", { name: "Add score drop-downs" }));
    await user.click(screen.getByRole("button", { name: "Remove score drop-downs" }));
    await user.click(screen.getByRole("button", { name: "Export findings to a sheet" }));
    expect(calls).toEqual(["type false", "notes true", "add", "remove", "export"]);
  });

  it("works by keyboard: Space toggles a switch, Enter presses a button", async () => {
    const { calls, user } = renderOptions();
    screen.getByRole("switch", { name: "Check as I type" }).focus();
    await user.keyboard(" ");
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole("switch", { name: "Show problems as notes" })
    );
    await user.tab();
    await user.keyboard("{Enter}");
    expect(calls).toEqual(["type false", "add"]);
  });

  it("waits while an action runs, and until there is something to act on", async () => {
    const { calls, user } = renderOptions({ busy: true, hasSchedules: false, hasResults: false });
    await user.click(screen.getByRole("button", { name: "Add score drop-downs" }));
    await user.click(screen.getByRole("button", { name: "Export findings to a sheet" }));
    expect(calls).toEqual([]);
    expect(
      (screen.getByRole("switch", { name: "Check as I type" }) as HTMLInputElement).disabled
    ).toBe(true);
    const idle = renderOptions({ hasSchedules: false, hasResults: false });
    await idle.user.click(screen.getAllByRole("button", { name: "Add score drop-downs" })[1]);
    expect(idle.calls).toEqual([]);
    expect(
      screen
        .getAllByRole("button", { name: "Add score drop-downs" })[1]
        .getAttribute("aria-disabled")
    ).toBe("true");
  });

  it("hides what this Excel cannot do, with one sentence each saying why", () => {
    renderOptions({
      features: {
        ...all,
        notes: {
          available: false,
          reason: "Problems as notes need a newer Excel (ExcelApi 1.18, for notes).",
        },
        dropDowns: {
          available: false,
          reason: "Score drop-downs need a newer Excel (ExcelApi 1.8, for data validation).",
        },
      },
    });
    expect(screen.queryByRole("switch", { name: "Show problems as notes" })).toBeNull();
    expect(screen.queryByRole("button", { name: /score drop-downs/ })).toBeNull();
    expect(screen.getByText(/Problems as notes need a newer Excel/)).toBeTruthy();
    expect(screen.getByText(/Score drop-downs need a newer Excel/)).toBeTruthy();
    expect(screen.getByRole("switch", { name: "Check as I type" })).toBeTruthy();
  });

  it("has no accessibility violations", async () => {
    const { container } = renderOptions();
    expect(await axe(container)).toHaveNoViolations();
  });
});
