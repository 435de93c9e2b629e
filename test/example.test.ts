import { RIVERBEND_FILE, RIVERBEND_SHEETS } from "../examples/riverbend";
import { validateGrids } from "../src/core/validate";
import { readWorkbookFile } from "../src/file";
import { writeWorkbook } from "./helpers/check-fixture";

// Target dates are judged as at the committee the example is drafted for, not the day the test runs.
const AS_AT = new Date(Date.UTC(2026, 2, 2));
const keys = (grids: Awaited<ReturnType<typeof readWorkbookFile>>) =>
  validateGrids(grids, { asAt: AS_AT }).findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);

describe("the bundled example workbook", () => {
  it("is what examples/riverbend.ts builds (run `npm run example` after changing the data)", async () => {
    const committed = keys(await readWorkbookFile(RIVERBEND_FILE));
    const rebuilt = keys(
      await readWorkbookFile(await writeWorkbook(RIVERBEND_SHEETS, "riverbend"))
    );
    expect(committed).toEqual(rebuilt);
  });

  it("carries the problems the demo shows", async () => {
    expect(keys(await readWorkbookFile(RIVERBEND_FILE))).toEqual([
      "Local Code 2025-26!E12 low-score-no-action",
      "Local Code 2025-26!G12 low-score-no-date",
      "Local Code 2025-26!D13 score-invalid",
      "Local Code 2025-26!F16 low-score-no-lead",
      "Local Code 2025-26!G16 target-date-passed",
      "Local Code 2025-26!G21 low-score-no-date",
      "Local Code 2025-26!D25 score-out-of-range",
      "Local Code 2025-26!C26 evidence-missing",
      "Local Code 2025-26!E29 low-score-no-action",
      "Local Code 2025-26!F29 low-score-no-lead",
      "Local Code 2025-26!G29 low-score-no-date",
      "Service Delivery!D10 lead-column-missing",
      "Service Delivery!E12 low-score-no-lead",
      "Service Delivery!E14 low-score-no-action",
      "Service Delivery!E14 low-score-no-lead",
      "Service Delivery!D15 score-missing",
    ]);
  });
});
