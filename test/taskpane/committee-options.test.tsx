/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { readFileSync } from "node:fs";
import { TextDecoder, TextEncoder } from "node:util";
import { useState } from "react";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { RIVERBEND_LAST_YEAR_FILE } from "../../examples/riverbend-last-year";
import { defaultRagRule } from "../../src/core/settings";
import { CheckerView } from "../../src/taskpane/App";
import { LastYearPicker } from "../../src/taskpane/components/LastYearPicker";
import {
  type RagDraft,
  RagRuleFields,
  ragDraft,
  ragRuleOf,
} from "../../src/taskpane/components/RagRuleFields";
import { encryptedWorkbook } from "../helpers/bad-files";
import { FakeHost, gridsFromSpecs } from "../helpers/fake-host";
import { fixDate } from "../helpers/fixed-date";
import { buildWorkbook } from "../helpers/workbook-builder";

// Target dates are judged as at the committee the example is drafted for (March 2026).
fixDate(new Date(Date.UTC(2026, 2, 2)));

// A loaded machine (several checkouts testing at once) can take seconds to settle a render.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout: a tall window lets the virtual list render every finding of the example.
// Nor the encoders a browser (and its worker) gives the file reader that reads last year's workbook.
beforeAll(() => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  Object.defineProperty(window, "innerHeight", { configurable: true, value: 4000 });
  window.scrollTo = () => undefined;
});

const wrap = (ui: React.ReactNode) => <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>;

/** Checks the schedules once the saved settings are read (the button waits for them). */
async function checkSchedules(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  const button = screen.getByRole("button", { name: "Check schedules" });
  await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
  await user.click(button);
  await screen.findByRole("region", { name: "Findings" });
}

/** A file as the picker hands it over: its name and its bytes (the engine reads it, not the pane). */
function pickedFile(bytes: Uint8Array, name: string): File {
  const file = new File([new Uint8Array(bytes)], name);
  // jsdom's File has no arrayBuffer(); a browser's does.
  if (typeof file.arrayBuffer !== "function")
    Object.defineProperty(file, "arrayBuffer", {
      value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
  return file;
}

const LAST_YEAR_PASSWORD = "Pa55 wörd";

/**
 * Each read of an encrypted file in jsdom spins 50,000 or 100,000 WebCrypto hashes, twice (Excel's
 * default password first): seconds, and more while other test files run beside it.
 */
const DECRYPTING = { timeout: 60_000 };

/** Last year's example workbook, protected with LAST_YEAR_PASSWORD as Excel protects one. */
const lockedLastYearFile = (encryption: "standard" | "agile") =>
  pickedFile(
    new Uint8Array(
      encryptedWorkbook(readFileSync(RIVERBEND_LAST_YEAR_FILE), LAST_YEAR_PASSWORD, encryption)
    ),
    "riverbend-local-code-2024-25.xlsx"
  );

/** The example checked in Excel (the fake host), then last year's workbook picked, protected. */
async function checkedThenLocked(
  user: ReturnType<typeof userEvent.setup>,
  encryption: "standard" | "agile"
): Promise<void> {
  render(wrap(<CheckerView host={new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS))} />));
  await checkSchedules(user);
  await user.upload(screen.getByLabelText("Last year's workbook"), lockedLastYearFile(encryption));
}

const lastYearFile = () =>
  pickedFile(
    new Uint8Array(readFileSync(RIVERBEND_LAST_YEAR_FILE)),
    "riverbend-local-code-2024-25.xlsx"
  );

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
    const { container } = render(wrap(<CheckerView host={host} />));
    const compare = screen.getByRole("button", { name: "Compare with last year's workbook…" });
    // Nothing to compare until the schedules are checked.
    expect(compare.hasAttribute("disabled")).toBe(true);
    await checkSchedules(user);
    expect(screen.queryAllByRole("button", { name: /carried forward/ })).toHaveLength(0);

    const reads = host.calls.filter((c) => c === "read").length;
    await user.upload(screen.getByLabelText("Last year's workbook"), lastYearFile());
    await screen.findByText(
      "Comparing with riverbend-local-code-2024-25.xlsx: 20 requirements matched with last year's."
    );
    // This year's workbook is read again through its host; last year's file by the engine.
    expect(host.calls.filter((c) => c === "read").length).toBe(reads + 1);
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

  it("asks for a protected last year's workbook's password, says when it is wrong, and keeps it for checking again", async () => {
    const user = userEvent.setup();
    await checkedThenLocked(user, "standard");

    // A question, not a failure: the box has focus and there is no error bar.
    const box = await screen.findByLabelText(
      "Password for riverbend-local-code-2024-25.xlsx",
      {},
      DECRYPTING
    );
    expect(screen.getByText(/This workbook is protected with a password/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("button", { name: "Stop comparing" })).toBeNull();

    await user.type(box, "pa55 wörd{Enter}");
    await screen.findByText(/That password does not open this workbook/, {}, DECRYPTING);
    const again = screen.getByLabelText("Password for riverbend-local-code-2024-25.xlsx");
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect((again as HTMLInputElement).value).toBe("");
    // The field says so (as an alert of its own); no error bar says something went wrong.
    expect(screen.queryByText(/Something went wrong/)).toBeNull();

    await user.type(again, `${LAST_YEAR_PASSWORD}{Enter}`);
    await screen.findByText(
      "Comparing with riverbend-local-code-2024-25.xlsx: 20 requirements matched with last year's.",
      {},
      DECRYPTING
    );
    expect(screen.queryByLabelText("Password for riverbend-local-code-2024-25.xlsx")).toBeNull();
    expect(
      screen.getAllByRole("button", { name: /with no new action or target date: carried forward/ })
    ).toHaveLength(3);

    // Checking again reads last year's workbook again in the engine, with the password kept.
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByText(/^Checked again at \d\d:\d\d: no change\.$/, {}, DECRYPTING);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText("Comparing with riverbend-local-code-2024-25.xlsx")).toBeTruthy();
    expect(
      screen.getAllByRole("button", { name: /with no new action or target date: carried forward/ })
    ).toHaveLength(3);
  }, 240_000);

  it("can give up on a protected last year's workbook: the box goes and nothing is compared", async () => {
    const user = userEvent.setup();
    await checkedThenLocked(user, "agile");
    await screen.findByLabelText("Password for riverbend-local-code-2024-25.xlsx", {}, DECRYPTING);
    await user.click(screen.getByRole("button", { name: "Do not compare" }));
    expect(screen.queryByLabelText("Password for riverbend-local-code-2024-25.xlsx")).toBeNull();
    expect(screen.queryByRole("button", { name: "Stop comparing" })).toBeNull();
    expect(screen.queryAllByRole("button", { name: /carried forward/ })).toHaveLength(0);
  }, 240_000);

  it("says so in a message bar when last year's file has no schedule", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(gridsFromSpecs(RIVERBEND_SHEETS));
    render(wrap(<CheckerView host={host} />));
    await checkSchedules(user);
    const cover = await buildWorkbook([{ name: "Cover", rows: [["Hello"]] }]);
    await user.upload(
      screen.getByLabelText("Last year's workbook"),
      pickedFile(new Uint8Array(cover), "riverbend-local-code-2024-25.xlsx")
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(
      /No self-assessment schedule was found in riverbend-local-code-2024-25\.xlsx/
    );
    // The results stay as they were, not compared.
    expect(screen.queryByRole("button", { name: "Stop comparing" })).toBeNull();
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
    await checkSchedules(user);
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
    await screen.findByText(/^Settings saved in the workbook; checked again at/);
    expect(host.saved[0].rag).toEqual({ ...defaultRagRule(), redWhenDatePassed: true });
    await user.click(screen.getByRole("button", { name: "Build committee summary" }));
    await screen.findByText(/^Wrote /);
    const key = host.plans[0].sheets[0].cells.find(
      (c) => typeof c.value === "string" && c.value.startsWith("at least one of:")
    );
    expect(key?.value).toMatch(/a weak score whose target date has passed/);
  });
});
