/**
 * The engine reading a file the user picked, as the pane's worker does: govcheck's reader over the
 * File, its progress in bytes, the password through the engine protocol, and Cancel stopping the
 * read. (Node has File, DecompressionStream and WebCrypto, as a browser's worker does.)
 */
import { readFileSync } from "node:fs";
import { RIVERBEND_FILE } from "../examples/riverbend";
import { RIVERBEND_LAST_YEAR_FILE } from "../examples/riverbend-last-year";
import { defaultSettings } from "../src/core/settings";
import { EngineService } from "../src/taskpane/engine/engine-service";
import type {
  CheckProgress,
  CheckSource,
  CheckView,
  EngineResponse,
} from "../src/taskpane/engine/protocol";
import { validateGrids } from "../src/core/validate";
import { readWorkbookFile } from "../src/file";
import { encryptedWorkbook } from "./helpers/bad-files";
import { fixDate } from "./helpers/fixed-date";

const riverbend = readFileSync(RIVERBEND_FILE);
// Target dates are judged as at the committee the example is drafted for (March 2026).
const AS_AT = new Date(Date.UTC(2026, 2, 2));
fixDate(AS_AT);

/** What the CLI's reader and the rules find in the example on that day. */
async function expectedFindings(): Promise<number> {
  return validateGrids(await readWorkbookFile(RIVERBEND_FILE), { asAt: AS_AT }).findings.length;
}

/**
 * Runs one check request through a fresh engine; `during` runs as soon as it is sent. `lastYear`
 * goes in the request as the pane sends it: last year's file, and its password where given.
 */
async function check(
  source: CheckSource,
  during?: (service: EngineService) => void,
  lastYear?: { file: File; password?: string }
): Promise<{ answer: EngineResponse; progress: CheckProgress[] }> {
  const progress: CheckProgress[] = [];
  let answer: EngineResponse | undefined;
  const service = new EngineService((response) => {
    if (response.type === "progress") progress.push(response.progress);
    else answer = response;
  });
  const handled = service.handle({
    id: 1,
    type: "check",
    source,
    settings: defaultSettings(),
    ...(lastYear ? { lastYear: lastYear.file } : {}),
    ...(lastYear?.password !== undefined ? { lastYearPassword: lastYear.password } : {}),
  });
  during?.(service);
  await handled;
  return { answer: answer!, progress };
}

describe("the engine reads a picked file with govcheck's reader", () => {
  it("checks it, with the read's progress in bytes before the rules' progress", async () => {
    const file = new File([riverbend], "riverbend.xlsx");
    const { answer, progress } = await check({ kind: "file", file });
    expect(answer.type).toBe("done");
    const view = (answer as { value: CheckView }).value;
    expect(view.findings).toHaveLength(await expectedFindings());
    const reading = progress.filter((p) => p.message === "Reading riverbend.xlsx");
    expect(reading.length).toBeGreaterThan(1);
    expect(reading.some((p) => p.fraction > 0)).toBe(true);
    // Reading is the first 70% of the bar; checking the sheets comes after it.
    expect(Math.max(...reading.map((p) => p.fraction))).toBeLessThanOrEqual(0.7);
    const firstChecking = progress.findIndex((p) => p.message.startsWith("Checking sheet"));
    expect(firstChecking).toBeGreaterThan(progress.indexOf(reading[reading.length - 1]));
  });

  it("carries a protected workbook's password: missing and wrong come back by kind", async () => {
    const file = new File(
      [new Uint8Array(encryptedWorkbook(riverbend, "Pa55 wörd", "standard"))],
      "locked.xlsx"
    );
    const missing = await check({ kind: "file", file });
    expect(missing.answer).toMatchObject({
      type: "failed",
      name: "WorkbookReadError",
      kind: "password-required",
    });
    const wrong = await check({ kind: "file", file, password: "pa55 wörd" });
    expect(wrong.answer).toMatchObject({ type: "failed", kind: "password-wrong" });
    const right = await check({ kind: "file", file, password: "Pa55 wörd" });
    expect(right.answer.type).toBe("done");
    expect((right.answer as { value: CheckView }).value.findings).toHaveLength(
      await expectedFindings()
    );
  });

  it("carries last year's workbook's password beside it: missing and wrong come back by kind, as last year's", async () => {
    const source: CheckSource = { kind: "file", file: new File([riverbend], "riverbend.xlsx") };
    const lastYearBytes = readFileSync(RIVERBEND_LAST_YEAR_FILE);
    for (const encryption of ["standard", "agile"] as const) {
      const file = new File(
        [new Uint8Array(encryptedWorkbook(lastYearBytes, "Last year's", encryption))],
        "last-year.xlsx"
      );
      const missing = await check(source, undefined, { file });
      expect(missing.answer).toMatchObject({
        type: "failed",
        name: "LastYearError",
        kind: "password-required",
      });
      expect((missing.answer as { message: string }).message).toMatch(
        /^Last year's workbook last-year\.xlsx is protected with a password/
      );
      const wrong = await check(source, undefined, { file, password: "last year's" });
      expect(wrong.answer).toMatchObject({
        type: "failed",
        name: "LastYearError",
        kind: "password-wrong",
      });
      expect((wrong.answer as { message: string }).message).toMatch(
        /does not open last year's workbook last-year\.xlsx/
      );
      const right = await check(source, undefined, { file, password: "Last year's" });
      expect(right.answer.type).toBe("done");
      const view = (right.answer as { value: CheckView }).value;
      expect(view.lastYear).toMatchObject({ source: "last-year.xlsx", matched: 20 });
      // The same comparison as last year's workbook unprotected.
      const plain = await check(source, undefined, {
        file: new File([lastYearBytes], "last-year.xlsx"),
      });
      expect(view).toEqual((plain.answer as { value: CheckView }).value);
    }
  });

  it("Cancel stops the read where it is (the in-thread engine's AbortSignal), and the next check runs", async () => {
    const file = new File([riverbend], "riverbend.xlsx");
    const answers: EngineResponse[] = [];
    const service = new EngineService((r) => {
      if (r.type !== "progress") answers.push(r);
    });
    const settings = defaultSettings();
    const first = service.handle({
      id: 1,
      type: "check",
      source: { kind: "file", file },
      settings,
    });
    service.cancel();
    await first;
    expect(answers[0]).toMatchObject({ id: 1, type: "failed", kind: "aborted" });
    await service.handle({ id: 2, type: "check", source: { kind: "file", file }, settings });
    expect(answers[1]).toMatchObject({ id: 2, type: "done" });
  });

  it("a file that is not a workbook is one sentence, with its kind", async () => {
    const file = new File([Buffer.from("Ref,Requirement,Score\n1,Members,3\n")], "return.xlsx");
    const { answer } = await check({ kind: "file", file });
    expect(answer).toMatchObject({ type: "failed", name: "WorkbookReadError", kind: "format" });
    expect((answer as { message: string }).message).not.toMatch(/unexpected/);
  });
});
