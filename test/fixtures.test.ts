import { CASES } from "./fixtures/cases";
import { checkFixture, findingKeys, readFixture, scheduleSummary } from "./helpers/check-fixture";

describe.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  it("produces exactly the expected findings", async () => {
    const result = checkFixture(c, await readFixture(c, "govcheck"));
    expect(findingKeys(result)).toEqual(c.expect.findings);
  });

  it("recognises the expected schedules", async () => {
    const got = scheduleSummary(checkFixture(c, await readFixture(c, "govcheck")));
    expect(got).toHaveLength(c.expect.schedules.length);
    c.expect.schedules.forEach((want, i) => expect(got[i]).toMatchObject(want));
  });

  it("gives the same findings and schedules when ExcelJS reads the file", async () => {
    const result = checkFixture(c, await readFixture(c, "exceljs"));
    expect(findingKeys(result)).toEqual(c.expect.findings);
    const got = scheduleSummary(result);
    expect(got).toHaveLength(c.expect.schedules.length);
    c.expect.schedules.forEach((want, i) => expect(got[i]).toMatchObject(want));
  });
});
