/**
 * @jest-environment jsdom
 */
import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { RIVERBEND_LAST_YEAR_FILE } from "../../examples/riverbend-last-year";
import type { EnginePort } from "../../src/taskpane/engine/protocol";
import { encryptedWorkbook } from "../helpers/bad-files";
import { renderFileMode } from "../helpers/file-mode";
import { inThreadEngine } from "../helpers/in-thread-engine";
import { fixDate } from "../helpers/fixed-date";

configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  Object.defineProperty(window, "innerHeight", { configurable: true, value: 4000 });
  window.scrollTo = () => undefined;
});

// Target dates are judged as at the committee the example is drafted for (March 2026).
fixDate(new Date(Date.UTC(2026, 2, 2)));

const PASSWORD = "Pa55 wörd";

/**
 * Each read of an agile-encrypted file in jsdom spins 100,000 WebCrypto hashes, twice (Excel's
 * default password first): seconds, and more while other test files run beside it.
 */
const DECRYPTING = { timeout: 60_000 };
const LAST_YEAR_PASSWORD = "Last year's 2024/25";

/**
 * An engine whose file reader answers as govcheck's does for a protected workbook: by the kind of
 * its error when the password is missing or wrong; with the password, the sheets are checked by
 * the real engine (which reads last year's workbook, if one is given, itself). Records the
 * password each check was sent.
 */
function protectedFileEngine(passwords: (string | undefined)[]): () => EnginePort {
  return inThreadEngine(RIVERBEND_SHEETS, {
    answer: (request) => {
      if (request.type !== "check" || request.source.kind !== "file") return undefined;
      const given = request.source.password;
      passwords.push(given);
      if (given === PASSWORD) return undefined;
      return {
        id: request.id,
        type: "failed",
        name: "WorkbookReadError",
        kind: given === undefined ? "password-required" : "password-wrong",
        message:
          given === undefined
            ? "the workbook is password-protected and no password was given"
            : "the password given does not open this workbook",
      };
    },
  }).start;
}

/** File mode over the protected-file engine; answers the passwords each check was sent. */
function fileModeOverProtectedFile(): (string | undefined)[] {
  const passwords: (string | undefined)[] = [];
  renderFileMode(protectedFileEngine(passwords));
  return passwords;
}

describe("file mode: a password-protected workbook", () => {
  it("asks for the password, says when it is wrong, opens with the right one and keeps it for checking again", async () => {
    const user = userEvent.setup();
    const passwords = fileModeOverProtectedFile();
    await user.upload(screen.getByTestId("file-input"), new File(["PK"], "locked.xlsx"));

    const box = await screen.findByLabelText("Password for locked.xlsx");
    expect(screen.getByText(/This workbook is protected with a password/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(box));
    // No error bar: a password is a question, not a failure.
    expect(screen.queryByRole("alert")).toBeNull();

    await user.type(box, "wrong{Enter}");
    await screen.findByText(/That password does not open this workbook/);
    const again = screen.getByLabelText("Password for locked.xlsx");
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect((again as HTMLInputElement).value).toBe("");

    await user.type(again, `${PASSWORD}{Enter}`);
    await screen.findByRole("heading", { name: "Results for locked.xlsx" });
    expect(screen.getByText("16 findings: 3 errors, 11 warnings, 2 notices")).toBeTruthy();
    expect(screen.queryByLabelText("Password for locked.xlsx")).toBeNull();

    // Checking again reads the file again: the password goes with it.
    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByText(/^Checked again at \d\d:\d\d: no change\.$/);
    expect(passwords).toEqual([undefined, "wrong", PASSWORD, PASSWORD]);
  });

  it("then asks for last year's workbook's password in its own box, and keeps both for checking again", async () => {
    const user = userEvent.setup();
    const passwords = fileModeOverProtectedFile();
    await user.upload(screen.getByTestId("file-input"), new File(["PK"], "locked.xlsx"));
    await user.type(await screen.findByLabelText("Password for locked.xlsx"), `${PASSWORD}{Enter}`);
    await screen.findByRole("heading", { name: "Results for locked.xlsx" });

    // Last year's workbook, protected with a password of its own, read by the real engine.
    const lastYear = new File(
      [
        new Uint8Array(
          encryptedWorkbook(readFileSync(RIVERBEND_LAST_YEAR_FILE), LAST_YEAR_PASSWORD, "agile")
        ),
      ],
      "last-year.xlsx"
    );
    await user.upload(screen.getByLabelText("Last year's workbook"), lastYear);
    const box = await screen.findByLabelText("Password for last-year.xlsx", {}, DECRYPTING);
    await waitFor(() => expect(document.activeElement).toBe(box));
    // This year's password is not asked for again.
    expect(screen.queryByLabelText("Password for locked.xlsx")).toBeNull();
    await user.type(box, `${PASSWORD}{Enter}`);
    await screen.findByText(/That password does not open this workbook/, {}, DECRYPTING);
    await user.type(
      screen.getByLabelText("Password for last-year.xlsx"),
      `${LAST_YEAR_PASSWORD}{Enter}`
    );
    await screen.findByText(
      "Comparing with last-year.xlsx: 20 requirements matched with last year's.",
      {},
      DECRYPTING
    );
    expect(screen.queryByLabelText("Password for last-year.xlsx")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Check schedules" }));
    await screen.findByText(/^Checked again at \d\d:\d\d: no change\.$/, {}, DECRYPTING);
    expect(screen.getByText("Comparing with last-year.xlsx")).toBeTruthy();
    expect(screen.queryByText(/Something went wrong/)).toBeNull();
    // This year's file went with its password each time.
    expect(passwords).toEqual([undefined, PASSWORD, PASSWORD, PASSWORD, PASSWORD, PASSWORD]);
  }, 240_000);

  it("can be given up: the box goes and nothing is opened", async () => {
    const user = userEvent.setup();
    fileModeOverProtectedFile();
    await user.upload(screen.getByTestId("file-input"), new File(["PK"], "locked.xlsx"));
    await screen.findByLabelText("Password for locked.xlsx");
    await user.click(screen.getByRole("button", { name: "Do not open it" }));
    expect(screen.queryByLabelText("Password for locked.xlsx")).toBeNull();
    expect(screen.getByRole("button", { name: "Open a workbook" })).toBeTruthy();
  });
});
