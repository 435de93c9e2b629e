/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { useState } from "react";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { RIVERBEND_LAST_YEAR_SHEETS } from "../../examples/riverbend-last-year";
import { defaultRagRule } from "../../src/core/settings";
import { CheckerView } from "../../src/taskpane/App";
import { LastYearPicker } from "../../src/taskpane/components/LastYearPicker";
import {
  type RagDraft,
  RagRuleFields,
  ragDraft,
  ragRuleOf,
} from "../../src/taskpane/components/RagRuleFields";
import { FakeHost, gridsFromSpecs } from "../helpers/fake-host";
import { fixDate } from "../helpers/fixed-date";

// Target dates are judged as at the committee the example is drafted for (March 2026).
fixDate(new Date(Date.UTC(2026, 2, 2)));

const wrap = (ui: React.ReactNode) => <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>;

const lastYearFile = () =>
  new File([new Uint8Array([80, 75, 3, 4])], "riverbend-local-code-2024-25.xlsx");

describe("Compare with last year's workbook…", () => {
  it("is a file picker: the file chosen goes to onPick, and the comparison can be stopped", async () => {
    const user = userEvent.setup();
    const picked: string[] = [];
    let stopped = 0;
    const { rerender } = render(
      wrap(
        <LastYearPicker
          comparingWith={null}
          disabled={false}
          onPick={(f) => picked.push(f.name)}
          onStop={() => stopped++}
        />
      )
    );
    await user.upload(screen.getByLabelText("Last year's workbook"), lastYearFile());
    expect(picked).toEqual(["riverbend-local-code-2024-25.xlsx"]);
    expect(screen.queryByRole("button", { name: "Stop comparing" })).toBeNull();
    rerender(
      wrap(
        <LastYearPicker
          comparingWith="riverbend-local-code-2024-25.xlsx"
          disabled={false}
          onPick={() => undefined}
          onStop={() => stopped++}
        />
      )
    );
    expect(screen.getByText("Comparing with riverbend-local-code-2024-25.xlsx")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Stop comparing" }));
    expect(stopped).toBe(1);
  });

  it("compares the checked workbook with last year's: carried-forward findings, then direction of travel in the summary", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS));
    const read: string[] = [];
    const { container } = render(
      wrap(
        <CheckerView
          host={host}
          readPickedWorkbook={async (file) => {
            read.push(file.name);
            return gridsFromSpecs(RIVERBEND_LAST_YEAR_SHEETS);
          }}
        />
      )
    );
    const compare = screen.getByRole("button", { name: "Compare with last year's workbook…" });
    // Nothing to compare until the schedules are checked.
    expect(compare.hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByRole("region", { name: "Findings" });
    expect(screen.queryAllByRole("button", { name: /carried forward/ })).toHaveLength(0);

    await user.upload(screen.getByLabelText("Last year's workbook"), lastYearFile());
    await screen.findByText(
      "Comparing with riverbend-local-code-2024-25.xlsx: 20 requirements matched with last year's."
    );
    expect(read).toEqual(["riverbend-local-code-2024-25.xlsx"]);
    expect(
      screen.getAllByRole("button", { name: /with no new action or target date: carried forward/ })
    ).toHaveLength(3);
    expect(await axe(container)).toHaveNoViolations();

    await user.click(screen.getByRole("button", { name: "Build committee summary" }));
    await screen.findByText("Wrote Committee Summary and Action Plan.");
    const table = host.plans[0].sheets[1].tables[0];
    expect(table.header).toContain("Direction");
    const summaryText = host.plans[0].sheets[0].cells.map((c) => c.value).join("\n");
    expect(summaryText).toMatch(/Direction of travel against last year's return/);

    await user.click(screen.getByRole("button", { name: "Stop comparing" }));
    await screen.findByText("No longer comparing with last year's workbook.");
    await waitFor(() =>
      expect(screen.queryAllByRole("button", { name: /carried forward/ })).toHaveLength(0)
    );
  });

  it("says so in a message bar when last year's file has no schedule", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS));
    render(
      wrap(
        <CheckerView
          host={host}
          readPickedWorkbook={async () => gridsFromSpecs([{ name: "Cover", rows: [["Hello"]] }])}
        />
      )
    );
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByRole("region", { name: "Findings" });
    await user.upload(screen.getByLabelText("Last year's workbook"), lastYearFile());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(
      /No self-assessment schedule was found in riverbend-local-code-2024-25\.xlsx/
    );
  });
});

function RagHarness({ onRule }: { onRule: (d: RagDraft) => void }) {
  const [draft, setDraft] = useState(() => ragDraft(defaultRagRule()));
  return (
    <RagRuleFields
      draft={draft}
      onChange={(d) => {
        setDraft(d);
        onRule(d);
      }}
    />
  );
}

describe("the RAG rule in Settings", () => {
  it("turns each red condition on or off, and takes a share of weak scores", async () => {
    const user = userEvent.setup();
    let last: RagDraft | undefined;
    render(wrap(<RagHarness onRule={(d) => (last = d)} />));
    const group = screen.getByRole("group", { name: /Red on the committee summary/ });
    expect(within(group).getByRole("checkbox", { name: /worst level/ })).toHaveProperty(
      "checked",
      true
    );
    await user.click(within(group).getByRole("checkbox", { name: /target date has passed/ }));
    await user.click(within(group).getByRole("checkbox", { name: /worst level/ }));
    await user.type(within(group).getByRole("textbox", { name: /percentage/ }), "40");
    expect(ragRuleOf(last!)).toEqual({
      ...defaultRagRule(),
      redAtWorstLevel: false,
      redWhenDatePassed: true,
      redAtWeakShare: 40,
    });
    await user.type(within(group).getByRole("textbox", { name: /percentage/ }), "0");
    expect(
      within(group).getByText("Enter a whole percentage from 1 to 100, or leave it empty.")
    ).toBeTruthy();
  });

  it("is saved with the settings, and the summary's key states the rule saved", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS));
    render(wrap(<CheckerView host={host} />));
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByRole("region", { name: "Findings" });
    await user.click(screen.getByRole("button", { name: "Settings" }));
    const group = screen.getByRole("group", { name: /Red on the committee summary/ });
    await user.click(within(group).getByRole("checkbox", { name: /target date has passed/ }));
    const share = within(group).getByRole("textbox", { name: /percentage/ });
    await user.type(share, "101");
    expect(screen.getByRole("button", { name: "Save settings" }).hasAttribute("disabled")).toBe(
      true
    );
    await user.clear(share);
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved in the workbook.");
    expect(host.saved[0].rag).toEqual({ ...defaultRagRule(), redWhenDatePassed: true });
    await user.click(screen.getByRole("button", { name: "Build committee summary" }));
    await screen.findByText(/^Wrote /);
    const key = host.plans[0].sheets[0].cells.find(
      (c) => typeof c.value === "string" && c.value.startsWith("at least one of:")
    );
    expect(key?.value).toMatch(/a weak score whose target date has passed/);
  });
});
