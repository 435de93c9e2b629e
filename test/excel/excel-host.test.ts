import type { Finding } from "../../src/core/findings";
import { defaultSettings } from "../../src/core/settings";
import { validateGrids } from "../../src/core/validate";
import { ExcelHost } from "../../src/excel/excel-host";
import { HIGHLIGHT_FILL } from "../../src/excel/highlights";
import { explainOfficeError } from "../../src/excel/office-errors";
import { parseAreasAddress, readWorkbook } from "../../src/excel/read-workbook";
import { HIGHLIGHTS_KEY, OWN_SHEETS_KEY, SETTINGS_KEY } from "../../src/excel/workbook-settings";
import { CASES } from "../fixtures/cases";
import type { CellSpec, SheetSpec } from "../helpers/workbook-builder";
import { type MockSheet, mockExcel } from "../helpers/excel-mock";
import { scheduleSummary } from "../helpers/check-fixture";

/** A fixture sheet as Office.js would hand it back: "" for empty, errors as "#N/A", dates as serials. */
function asOffice(spec: SheetSpec, i: number): MockSheet {
  const toValue = (cell: CellSpec): string | number | boolean => {
    if (cell === null) return "";
    if (cell instanceof Date) return cell.getTime() / 86400000 + 25569;
    if (typeof cell !== "object") return cell;
    if ("formula" in cell)
      return cell.result === undefined
        ? ""
        : typeof cell.result === "object"
          ? cell.result.error
          : cell.result;
    if ("error" in cell) return cell.error;
    if ("richText" in cell) return cell.richText.map((r) => r.text).join("");
    return cell.text;
  };
  const rows = spec.rows.map((r) => r.map(toValue));
  if (spec.table) {
    while (rows.length < 23) rows.push([]);
    rows.push(spec.table.header);
    for (const r of spec.table.rows) rows.push(r.map(toValue));
  }
  const mergedAddress = (spec.merges ?? []).map((m) => `'${spec.name}'!${m}`).join(",");
  return {
    name: spec.name,
    id: `{id-${i}}`,
    visibility: spec.hidden ? "Hidden" : "Visible",
    values: rows,
    mergedAddress: mergedAddress || undefined,
    // Office.js gives a literal list without quotes, and a range or name as a formula.
    validations: (spec.validations ?? []).map((v) => ({
      address: v.range,
      source: Array.isArray(v.list) ? v.list.join(",") : `=${v.list}`,
    })),
  };
}

/** A fixture's defined names as Office.js lists them (NamedItem name and value). */
const namesOf = (sheets: readonly SheetSpec[]) =>
  sheets.flatMap((s) => s.names ?? []).map((n) => ({ name: n.name, value: n.refersTo }));

const smallSchedule = (name: string): MockSheet => ({
  name,
  values: [
    ["Ref", "Requirement", "Evidence", "Score (1-5)", "Improvement action", "Lead officer"],
    ["1", "The code is published.", "Website", 2, "", ""],
    ["2", "The audit committee is independent.", "Terms of reference", "TBC", "", ""],
  ],
});

const host = (mock: ReturnType<typeof mockExcel>, version = "1.13") =>
  new ExcelHost(
    (batch) => batch(mock.context),
    (v) => Number(v.split(".")[1]) <= Number(version.split(".")[1])
  );

/*
 * Office.js returns a date as its serial number unless number formats are read too, so the one
 * case with a date typed into a score cell is left to the file host (see the README's limits).
 */
describe("reading the workbook through Office.js", () => {
  it("reads values, error values, an offset used range and merged areas; skips hidden and own sheets", async () => {
    const mock = mockExcel(
      [
        {
          name: "Schedule",
          rowIndex: 2,
          columnIndex: 1,
          values: [
            ["Principle A", "", ""],
            ["#N/A", 3, true],
            ["", 2.5, "text"],
          ],
          mergedAddress: "Schedule!B3:D3",
        },
        { name: "Lists", visibility: "Hidden", values: [["x"]] },
        { name: "Committee Summary", id: "{own-1}", values: [["Summary"]] },
        { name: "Empty", values: [] },
      ],
      { [OWN_SHEETS_KEY]: ["{own-1}"] }
    );
    const read = await readWorkbook(mock.context, {
      mergedAreas: true,
      bytesPerSync: 4e6,
      cellsPerBlock: 10_000,
    });
    expect(read.grids.map((g) => g.name)).toEqual(["Schedule", "Empty"]);
    expect(read.ownSheets).toEqual(["Committee Summary"]);
    expect(read.notes).toEqual(["1 hidden sheet was not checked."]);
    const [grid] = read.grids;
    expect(grid.firstRow).toBe(3);
    expect(grid.firstColumn).toBe(2);
    expect(grid.rows).toEqual([["Principle A"], [{ error: "#N/A" }, 3, true], [null, 2.5, "text"]]);
    expect(grid.merges).toEqual([{ top: 3, left: 2, bottom: 3, right: 4 }]);
  });

  it("parses range-areas addresses, quoted sheet names included", () => {
    expect(parseAreasAddress("'Dimension 2'!A1:C1,'Dimension 2'!$A$5:$G$5,Sheet1!B2")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 5, left: 1, bottom: 5, right: 7 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
  });

  it.each(CASES.filter((c) => !c.name.startsWith("score values")).map((c) => [c.name, c] as const))(
    "finds what the file host finds: %s",
    async (_name, c) => {
      const mock = mockExcel(c.sheets.map(asOffice), {}, namesOf(c.sheets));
      const read = await readWorkbook(mock.context, {
        mergedAreas: true,
        validationLists: true,
        bytesPerSync: 4e6,
        cellsPerBlock: 10_000,
      });
      const result = validateGrids(read.grids, {
        settings: { ...defaultSettings(), ...c.settings },
      });
      expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(
        c.expect.findings
      );
      const got = scheduleSummary(result);
      c.expect.schedules.forEach((want, i) => expect(got[i]).toMatchObject(want));
    }
  );

  it("uses the same number of syncs for 1, 10 and 50 sheets", async () => {
    const counts: number[] = [];
    for (const n of [1, 10, 50]) {
      const mock = mockExcel(Array.from({ length: n }, (_, i) => smallSchedule(`Sheet ${i + 1}`)));
      await host(mock).readWorkbook();
      counts.push(mock.syncs());
    }
    // Sheet list, used ranges, cells, then the drop-down lists under each header (ExcelApi 1.8).
    expect(counts).toEqual([4, 4, 4]);
  });

  const ragSchedule = (name: string): MockSheet => ({
    name,
    values: [
      ["Ref", "Requirement", "Evidence", "Status", "Improvement action", "Lead officer"],
      ["1", "The code is published.", "Website", "Green", "", ""],
      ["2", "The audit committee is independent.", "Terms of reference", "Amber", "", ""],
      ["3", "Risks are reviewed.", "Register", "Blue", "", ""],
    ],
    validations: [{ address: "D2:D40", source: "=Lists!$A$1:$A$4" }],
  });
  const lists: MockSheet = {
    name: "Lists",
    visibility: "Hidden",
    values: [["Blue"], ["Green"], ["Amber"], ["Red"]],
  };

  it("reads drop-down lists whose source is on a hidden sheet, in syncs that do not grow with sheets", async () => {
    const counts: number[] = [];
    for (const n of [1, 10, 50]) {
      const mock = mockExcel([
        ...Array.from({ length: n }, (_, i) => ragSchedule(`Sheet ${i + 1}`)),
        lists,
      ]);
      const read = await host(mock).readWorkbook();
      counts.push(mock.syncs());
      expect(read.grids[n - 1].validationLists).toEqual([
        {
          ranges: [{ top: 2, bottom: 4, left: 4, right: 4 }],
          values: ["Blue", "Green", "Amber", "Red"],
        },
      ]);
    }
    // One more sync for the list's source on the hidden sheet.
    expect(counts).toEqual([5, 5, 5]);
    const mock = mockExcel([ragSchedule("Returns"), lists]);
    const read = await host(mock).readWorkbook();
    const result = validateGrids(read.grids);
    expect(result.schedules[0].scale.levels).toEqual(["Red", "Amber", "Green", "Blue"]);
    expect(result.schedules[0].schedule.scaleSource).toBe("list");
  });

  it("resolves lists given as entries and through a defined name", async () => {
    const literal = {
      ...ragSchedule("A"),
      validations: [{ address: "D2:D4", source: "Red,Amber,Green,Blue" }],
    };
    const named = {
      ...ragSchedule("B"),
      validations: [{ address: "D2:D4", source: "=RagLevels" }],
    };
    const mock = mockExcel([literal, named, lists], {}, [
      { name: "RagLevels", value: "Lists!$A$1:$A$4" },
    ]);
    const read = await host(mock).readWorkbook();
    expect(read.grids.map((g) => g.validationLists?.[0].values)).toEqual([
      ["Red", "Amber", "Green", "Blue"],
      ["Blue", "Green", "Amber", "Red"],
    ]);
  });

  it("without ExcelApi 1.8 reads no drop-down lists, with no error and no extra sync", async () => {
    const mock = mockExcel([ragSchedule("Returns"), lists]);
    const read = await host(mock, "1.7").readWorkbook();
    expect(read.grids[0].validationLists).toBeUndefined();
    expect(mock.syncs()).toBe(3);
    // The words still read as RAG from the vocabulary, Blue aside.
    const result = validateGrids(read.grids);
    expect(result.schedules[0].scale.levels).toEqual(["Red", "Amber", "Green"]);
  });

  it("reads a 200,000-row sheet in row blocks, no response over 5 MB", async () => {
    const rows: (string | number)[][] = [
      ["Ref", "Requirement", "Evidence", "Score (1-5)", "Improvement action", "Lead officer"],
    ];
    for (let i = 1; i <= 200_000; i++)
      rows.push([
        `R${i}`,
        "Members and officers follow the codes of conduct",
        "Register of interests",
        (i % 5) + 1,
        i % 3 ? "Refresh training" : "",
        "Monitoring Officer",
      ]);
    const mock = mockExcel([{ name: "Big", values: rows }]);
    const read = await host(mock).readWorkbook();
    expect(read.grids[0].rows).toHaveLength(200_001);
    expect(read.grids[0].rows[200_000]).toEqual([
      "R200000",
      "Members and officers follow the codes of conduct",
      "Register of interests",
      1,
      "Refresh training",
      "Monitoring Officer",
    ]);
    expect(Math.max(...mock.responseBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(mock.rangeRequests.every((r) => r.rows * r.columns <= 10_000)).toBe(true);
    // Two syncs for the sheet list and used range, then one per 4 MB of cells.
    const cellBytes = mock.responseBytes.reduce((a, b) => a + b, 0);
    expect(mock.syncs()).toBeLessThanOrEqual(2 + Math.ceil(cellBytes / (3 * 1024 * 1024)) + 1);
  }, 60_000);

  it("without ExcelApi 1.13 reads no merged areas and says so", async () => {
    const mock = mockExcel([{ ...smallSchedule("S"), mergedAddress: "S!A1:B1" }]);
    const read = await host(mock, "1.12").readWorkbook();
    expect(read.grids[0].merges).toEqual([]);
    expect(read.notes.join(" ")).toMatch(/ExcelApi 1\.13/);
  });
});

const finding = (
  sheet: string,
  cell: string,
  severity: Finding["severity"],
  rule: Finding["rule"] = "score-missing"
): Finding => ({
  sheet,
  cell,
  severity,
  rule,
  row: Number(cell.replace(/\D/g, "")),
  column: cell.charCodeAt(0) - 64,
  message: "m",
});

describe("highlights", () => {
  it("adds conditional formats by severity over range areas and records their ids", async () => {
    const mock = mockExcel([smallSchedule("A"), smallSchedule("B")]);
    const cells = await host(mock).highlight([
      finding("A", "D2", "warning"),
      finding("A", "D3", "error"),
      finding("A", "E2", "warning"),
      finding("B", "D3", "error"),
    ]);
    expect(cells).toBe(4);
    expect(
      mock.addedFormats.map(({ sheet, address, type, formula, fill }) => ({
        sheet,
        address,
        type,
        formula,
        fill,
      }))
    ).toEqual([
      {
        sheet: "A",
        address: "D2,E2",
        type: "Custom",
        formula: "=TRUE",
        fill: HIGHLIGHT_FILL.warning,
      },
      { sheet: "A", address: "D3", type: "Custom", formula: "=TRUE", fill: HIGHLIGHT_FILL.error },
      { sheet: "B", address: "D3", type: "Custom", formula: "=TRUE", fill: HIGHLIGHT_FILL.error },
    ]);
    expect(mock.settings.get(HIGHLIGHTS_KEY)).toEqual([
      { sheetId: "{sheet-0}", formatIds: ["{govcheck-cf-1}", "{govcheck-cf-2}"] },
      { sheetId: "{sheet-1}", formatIds: ["{govcheck-cf-3}"] },
    ]);
  });

  it("clear removes exactly the recorded formats and leaves the user's own", async () => {
    const mock = mockExcel([smallSchedule("A")], {
      [HIGHLIGHTS_KEY]: [{ sheetId: "{sheet-0}", formatIds: ["{ours-1}"] }],
    });
    mock.existingFormats.set("A", [{ id: "{users-own-rule}" }, { id: "{ours-1}" }]);
    expect(await host(mock).clearHighlights()).toBe(1);
    expect(mock.deletedFormatIds).toEqual(["{ours-1}"]);
    expect(mock.settings.get(HIGHLIGHTS_KEY)).toEqual([]);
    expect(mock.addedFormats).toEqual([]);
  });

  it("checking again replaces the previous highlights", async () => {
    const mock = mockExcel([smallSchedule("A")], {
      [HIGHLIGHTS_KEY]: [{ sheetId: "{sheet-0}", formatIds: ["{old}"] }],
    });
    mock.existingFormats.set("A", [{ id: "{old}" }, { id: "{users-own-rule}" }]);
    await host(mock).highlight([finding("A", "D3", "error")]);
    expect(mock.deletedFormatIds).toEqual(["{old}"]);
    expect(mock.settings.get(HIGHLIGHTS_KEY)).toEqual([
      { sheetId: "{sheet-0}", formatIds: ["{govcheck-cf-1}"] },
    ]);
  });

  it("uses a number of syncs that does not grow with findings or sheets", async () => {
    const counts: number[] = [];
    for (const n of [1, 50]) {
      const mock = mockExcel(Array.from({ length: n }, (_, i) => smallSchedule(`S${i}`)));
      const many = Array.from({ length: n }, (_, i) =>
        Array.from({ length: 400 }, (__, r) => finding(`S${i}`, `D${r + 2}`, "error"))
      ).flat();
      await host(mock).highlight(many);
      counts.push(mock.syncs());
    }
    expect(counts[0]).toBe(counts[1]);
  });
});

describe("selecting, settings and errors", () => {
  it("activates the finding's sheet and selects its cell", async () => {
    const mock = mockExcel([smallSchedule("A"), smallSchedule("B")]);
    await host(mock).showFinding(finding("B", "D3", "error"));
    expect(mock.activated).toEqual(["B"]);
    expect(mock.selected).toEqual(["B!D3"]);
  });

  it("keeps settings in the workbook, and reports damaged ones", async () => {
    const mock = mockExcel([smallSchedule("A")]);
    const h = host(mock);
    const settings = {
      ...defaultSettings(),
      weakThreshold: 3,
      schedules: { "A!1": { weakThreshold: 2 } },
    };
    await h.saveSettings(settings);
    expect(mock.settings.get(SETTINGS_KEY)).toEqual(settings);
    expect((await h.loadSettings()).settings).toEqual(settings);

    const damaged = mockExcel([smallSchedule("A")], {
      [SETTINGS_KEY]: { version: 2, weakThreshold: "low" },
    });
    const loaded = await host(damaged).loadSettings();
    expect(loaded.problems[0]).toMatch(/weakThreshold/);
    expect(loaded.settings.weakThreshold).toBeUndefined();
  });

  it("turns Office errors into plain messages", async () => {
    const failing = new ExcelHost(
      async () => {
        throw Object.assign(new Error("The request cannot be processed in cell-editing mode."), {
          code: "InvalidOperationInCellEditMode",
        });
      },
      () => true
    );
    await expect(failing.readWorkbook()).rejects.toThrow(
      "Excel is still editing a cell. Press Enter or Esc to finish the edit, then try again."
    );
    expect(
      explainOfficeError(Object.assign(new Error("x"), { code: "AccessDenied" })).message
    ).toMatch(/protected/);
    expect(
      explainOfficeError(Object.assign(new Error("x"), { code: "ApiNotFound" })).message
    ).toMatch(/Update Office/);
    expect(
      explainOfficeError(new Error("The cell you're trying to change is protected")).message
    ).toMatch(/Unprotect/);
  });
});
