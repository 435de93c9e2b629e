import { columnLetters } from "../src/core/grid";
import { CASES } from "./fixtures/cases";
import { checkFixture, findingKeys, readFixture } from "./helpers/check-fixture";

describe.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  it("produces exactly the expected findings", async () => {
    const result = checkFixture(c, await readFixture(c, "govcheck"));
    expect(findingKeys(result)).toEqual(c.expect.findings);
  });

  it("recognises the expected schedules", async () => {
    const result = checkFixture(c, await readFixture(c, "govcheck"));
    const got = result.schedules.map(({ schedule, scale, weakThreshold }) => ({
      sheet: schedule.sheet,
      title: schedule.title,
      headerRow: schedule.headerRow,
      scale,
      weakThreshold,
      requirements: schedule.records.length,
      columns: Object.fromEntries(
        Object.entries(schedule.columns).map(([k, v]) => [k, columnLetters(v)])
      ),
      sections: schedule.sections.length,
    }));
    expect(got).toHaveLength(c.expect.schedules.length);
    c.expect.schedules.forEach((want, i) => expect(got[i]).toMatchObject(want));
  });

  it("gives the same findings when ExcelJS reads the file", async () => {
    const result = checkFixture(c, await readFixture(c, "exceljs"));
    expect(findingKeys(result)).toEqual(c.expect.findings);
  });
});
