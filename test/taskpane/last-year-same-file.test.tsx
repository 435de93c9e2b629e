/**
 * @jest-environment jsdom
 */
import { configure, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { RIVERBEND_SHEETS } from "../../examples/riverbend";
import { RIVERBEND_LAST_YEAR_FILE } from "../../examples/riverbend-last-year";
import { renderFileMode } from "../helpers/file-mode";
import { inThreadEngine } from "../helpers/in-thread-engine";
import { fixDate } from "../helpers/fixed-date";
import { buildWorkbook } from "../helpers/workbook-builder";
import { ragLegend } from "../fixtures/cases/rag-legend";

configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  Object.defineProperty(window, "innerHeight", { configurable: true, value: 4000 });
  window.scrollTo = () => undefined;
});

// Target dates are judged as at the committee the example is drafted for (March 2026).
fixDate(new Date(Date.UTC(2026, 2, 2)));

describe("file mode: compare with last year's workbook", () => {
  it("refuses this year's file picked as last year's, takes last year's even under the same name, and says when nothing matches", async () => {
    const user = userEvent.setup();
    renderFileMode(inThreadEngine(RIVERBEND_SHEETS).start);
    const thisYear = new File(
      [new Uint8Array(readFileSync(RIVERBEND_LAST_YEAR_FILE))],
      "return.xlsx",
      {
        lastModified: Date.UTC(2026, 1, 20),
      }
    );
    await user.upload(screen.getByTestId("file-input"), thisYear);
    await screen.findByRole("heading", { name: "Results for return.xlsx" });

    // The same file again, as an officer does who picks from the wrong folder.
    await user.upload(screen.getByLabelText("Last year's workbook"), thisYear);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(
      /return\.xlsx is the workbook being checked, not last year's\. Choose last year's workbook\./
    );
    expect(alert.textContent).toMatch(/The results below are not compared with last year's\./);
    expect(screen.queryByText(/^Comparing with/)).toBeNull();
    expect(screen.queryByRole("button", { name: /Carried forward from last year/ })).toBeNull();

    // Last year's return, saved under the same name in last year's folder: compared.
    const lastYear = new File(
      [new Uint8Array(readFileSync(RIVERBEND_LAST_YEAR_FILE))],
      "return.xlsx",
      {
        lastModified: Date.UTC(2025, 1, 18),
      }
    );
    await user.upload(screen.getByLabelText("Last year's workbook"), lastYear);
    await screen.findByText(
      "Comparing with return.xlsx: 20 requirements matched with last year's."
    );
    expect(screen.queryByRole("alert")).toBeNull();

    // Another council's schedule: read, but nothing in it is this return's.
    const unrelated = new File([new Uint8Array(await buildWorkbook(ragLegend.sheets))], "rag.xlsx");
    await user.upload(screen.getByLabelText("Last year's workbook"), unrelated);
    await screen.findByText(
      "Comparing with rag.xlsx: no requirement matched last year's by ref or by wording, so nothing can be compared. Is it last year's return of this workbook?"
    );
  }, 60_000);
});
