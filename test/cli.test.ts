import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURE_AS_AT } from "./fixtures/case";
import { CASES } from "./fixtures/cases";
import { CSV_TEXT, encryptedWorkbook, legacyXls, zipWithoutWorkbook } from "./helpers/bad-files";
import { writeWorkbook } from "./helpers/check-fixture";
import { runCli } from "./helpers/run-cli";
import { RIVERBEND_FILE } from "../examples/riverbend";
import { RIVERBEND_LAST_YEAR_SHEETS } from "../examples/riverbend-last-year";
import { buildWorkbook } from "./helpers/workbook-builder";

const BIN = join(__dirname, "..", "bin", "govcheck.js");

function byName(name: string) {
  const found = CASES.find((c) => c.name.startsWith(name));
  if (!found) throw new Error(`no fixture named ${name}`);
  return found;
}

describe("govcheck validate", () => {
  it("prints the JSON contract for one file and exits 1 when there are findings", async () => {
    const c = byName("CIPFA");
    const file = await writeWorkbook(c.sheets, c.name);
    const asAt = FIXTURE_AS_AT.toISOString().slice(0, 10);
    const { code, out } = await runCli("validate", file, "--json", "--as-at", asAt);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(["file", "schedules", "issues"]);
    expect(report.file).toBe(file);
    expect(report.schedules[0]).toMatchObject({
      sheet: "Governance 2016",
      title: "Code of Corporate Governance: self-assessment 2025/26",
      headerRow: 6,
      scale: { min: 1, max: 5, direction: "ascending" },
      requirements: 7,
      columns: { score: "D", lead: "F" },
    });
    expect(report.issues).toHaveLength(c.expect.findings.length);
    expect(report.issues[0]).toEqual({
      sheet: "Governance 2016",
      row: 9,
      column: 7,
      cell: "G9",
      rule: "low-score-no-date",
      severity: "warning",
      message: "Score 2 is weak but has no target date",
    });
  });

  it("prints a JSON array for several files", async () => {
    const a = await writeWorkbook(byName("dimension").sheets);
    const b = await writeWorkbook(byName("descending").sheets);
    const { out } = await runCli("validate", a, b, "--json");
    const reports = JSON.parse(out);
    expect(Array.isArray(reports)).toBe(true);
    expect(reports.map((r: { file: string }) => r.file)).toEqual([a, b]);
  });

  it("reads like a linter: grouped by sheet, one line a finding, then a total", async () => {
    const file = await writeWorkbook(byName("dimension").sheets);
    const { code, out } = await runCli("validate", file);
    expect(code).toBe(1);
    const lines = out.trimEnd().split("\n");
    expect(lines).toContain("Dimension 3");
    expect(
      lines.some((l) =>
        /^ {2}Dimension 3!E16 +low-score-no-action +Score 1 is weak but has no improvement action/.test(
          l
        )
      )
    ).toBe(true);
    expect(
      lines.some((l) =>
        /^ {2}Dimension 3!D17 +score-missing +No score for requirement \(d\)/.test(l)
      )
    ).toBe(true);
    expect(lines[lines.length - 1]).toBe("7 findings (1 error, 5 warnings, 1 notice) in 1 file.");
  });

  it("--low makes scores at N or worse weak on every schedule", async () => {
    const file = await writeWorkbook(byName("role synonyms").sheets);
    const plain = JSON.parse((await runCli("validate", file, "--json")).out);
    const low3 = JSON.parse((await runCli("validate", file, "--json", "--low", "3")).out);
    expect(plain.schedules[0].weakThreshold).toBe(2);
    expect(low3.schedules[0].weakThreshold).toBe(3);
    expect(low3.issues.map((f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`)).toEqual(
      byName("weak threshold").expect.findings.map((k) => k.replace("Checklist!", ""))
    );
  });

  it("--help for both commands gives both forms of --scale: numbers, and words worst first", async () => {
    for (const command of ["validate", "summarise"]) {
      const help = await runCli(command, "--help");
      expect(help.code).toBe(0);
      const text = (help.out + help.err).replace(/\s+/g, " ");
      expect(text).toMatch(/--scale <min-max\|words>/);
      expect(text).toMatch(/such as 1-5 \(5-1 when 1 is best\)/);
      expect(text).toMatch(/rating words worst first, such as Red,Amber,Green/);
    }
  });

  it("--scale overrides the scale, and 5-1 means 1 is best", async () => {
    const file = await writeWorkbook(byName("role synonyms").sheets);
    const up = JSON.parse((await runCli("validate", file, "--json", "--scale", "1-10")).out);
    expect(up.schedules[0].scale).toEqual({ min: 1, max: 10, direction: "ascending" });
    expect(up.schedules[0].weakThreshold).toBe(5);
    const down = JSON.parse((await runCli("validate", file, "--json", "--scale", "4-1")).out);
    expect(down.schedules[0].scale).toEqual({ min: 1, max: 4, direction: "descending" });
    const weakCells = down.issues
      .filter((f: { rule: string }) => f.rule.startsWith("low-score"))
      .map((f: { row: number }) => f.row);
    expect(new Set(weakCells)).toEqual(new Set([2, 5]));
  });

  it("never passes silently: no schedule is one no-schedule-found finding and exit 1", async () => {
    const file = await writeWorkbook(byName("no column read as a rating").sheets);
    const { code, out } = await runCli("validate", file);
    expect(code).toBe(1);
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/no self-assessment schedule read, so nothing was checked/);
    expect(
      lines.some((l) =>
        /^ {2}FM Code!A6 +no-schedule-found +No self-assessment schedule found: sheet 'FM Code' row 6 has requirement, evidence, action, lead officer and target date columns .* but no column read as a rating$/.test(
          l
        )
      )
    ).toBe(true);
    expect(lines[lines.length - 1]).toBe("1 finding (1 error, 0 warnings, 0 notices) in 1 file.");
    const json = JSON.parse((await runCli("validate", file, "--json")).out);
    expect(json.schedules).toEqual([]);
    expect(json.issues).toEqual([
      {
        sheet: "FM Code",
        row: 6,
        column: 1,
        cell: "A6",
        rule: "no-schedule-found",
        severity: "error",
        message: expect.stringMatching(/^No self-assessment schedule found: sheet 'FM Code' row 6/),
      },
    ]);
  });

  it("word scales in the JSON: levels worst first, tick columns, and --low N as the N worst levels", async () => {
    const rag = await writeWorkbook(byName("RAG ratings").sheets);
    const plain = JSON.parse((await runCli("validate", rag, "--json")).out);
    expect(plain.schedules[0].scale).toEqual({
      min: 1,
      max: 3,
      direction: "ascending",
      levels: ["Red", "Amber", "Green"],
    });
    expect(plain.schedules[0].scaleSource).toBe("legend");
    expect(plain.schedules[0].weakThreshold).toBe(2);
    // --low 1: only Red is weak, so Amber without an action is no longer a finding.
    const low1 = JSON.parse((await runCli("validate", rag, "--json", "--low", "1")).out);
    expect(low1.schedules[0].weakThreshold).toBe(1);
    expect(low1.issues.map((f: { cell: string }) => f.cell)).not.toContain("E8");
    expect(plain.issues.map((f: { cell: string }) => f.cell)).toContain("E8");

    const ticks = await writeWorkbook(byName("tick columns").sheets);
    const t = JSON.parse((await runCli("validate", ticks, "--json")).out);
    expect(t.schedules[0].tickColumns).toEqual({ Yes: "C", Partly: "D", No: "E", "N/A": "F" });
    expect(t.schedules[0].scale.levels).toEqual(["No", "Partly", "Yes"]);

    // --scale with words sets a word scale on every schedule.
    const medals = await writeWorkbook(byName("rating words nothing").sheets.slice(1));
    const set = JSON.parse(
      (await runCli("validate", medals, "--json", "--scale", "Bronze,Silver,Gold")).out
    );
    expect(set.schedules[0].scale.levels).toEqual(["Bronze", "Silver", "Gold"]);
    expect(set.schedules[0].scaleSource).toBe("setting");
  });

  it("exits 0 when every schedule is clean", async () => {
    const file = await writeWorkbook([
      {
        name: "Clean",
        rows: [
          ["Ref", "Requirement", "Evidence", "Score (1-5)", "Action", "Lead officer"],
          ["1", "The code is published.", "Website", 4, null, null],
          [
            "2",
            "Audit committee is independent.",
            "Terms of reference",
            2,
            "Recruit an independent member",
            "Head of Audit",
          ],
        ],
      },
    ]);
    const { code, out } = await runCli("validate", file);
    expect(code).toBe(0);
    expect(out.trimEnd().split("\n").pop()).toBe("No problems found in 1 file.");
  });

  it("rejects bad options with exit 2", async () => {
    expect((await runCli("validate", "x.xlsx", "--low", "two")).code).toBe(2);
    expect((await runCli("validate", "x.xlsx", "--scale", "5")).code).toBe(2);
    const oneWord = await runCli("validate", "x.xlsx", "--scale", "Red");
    expect(oneWord.code).toBe(2);
    expect(oneWord.err).toMatch(/MIN-MAX, such as 1-5, or words worst first/);
    expect((await runCli("frobnicate")).code).toBe(2);
    // A day that does not exist is refused, not read as the day it rolls on to.
    const noSuchDay = await runCli("validate", "x.xlsx", "--as-at", "31/02/2026");
    expect(noSuchDay.code).toBe(2);
    expect(noSuchDay.err).toMatch(/give a date as dd\/mm\/yyyy or yyyy-mm-dd/);
  });
});

describe("password-protected returns", () => {
  const dir = join(__dirname, "..", "build", "protected-input");
  let file: string;
  beforeAll(async () => {
    require("node:fs").mkdirSync(dir, { recursive: true });
    file = join(dir, "return.xlsx");
    writeFileSync(
      file,
      encryptedWorkbook(await buildWorkbook(byName("dimension").sheets), "s3cret", "standard")
    );
  }, 60_000);

  const run = (args: string[], input?: string, env: Record<string, string> = {}) => {
    const clean: Record<string, string | undefined> = { ...process.env, ...env };
    if (!env.GOVCHECK_PASSWORD) delete clean.GOVCHECK_PASSWORD;
    return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", input, env: clean });
  };

  it("--password reads it from standard input when that is not a terminal, and checks the return", () => {
    const result = run(["validate", file, "--password"], "s3cret\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/7 findings .* in 1 file\./);
  });

  it("--password on a terminal asks without echoing what is typed", async () => {
    // `script` (util-linux) gives the CLI a terminal of its own.
    if (spawnSync("script", ["--version"]).status !== 0) return;
    const { spawn } = await import("node:child_process");
    const child = spawn(
      "script",
      ["-qec", `"${process.execPath}" "${BIN}" validate "${file}" --password`, "/dev/null"],
      {
        env: { ...process.env, GOVCHECK_PASSWORD: "" },
      }
    );
    let screen = "";
    let typed = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      screen += d;
      if (!typed && screen.includes("Password for return.xlsx: ")) {
        typed = true;
        child.stdin.write("s3cret\r");
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(typed).toBe(true);
    expect(screen).not.toContain("s3cret");
    expect(screen).toMatch(/7 findings .* in 1 file\./);
    expect(code).toBe(1);
  }, 60_000);

  it("--password with nothing typed says no password was given, not that it was wrong", () => {
    const result = run(["validate", file, "--password"], "\n");
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/: the workbook is password-protected and no password was given$/),
    ]);
  });

  it("GOVCHECK_PASSWORD gives it without asking; a wrong one is one line", () => {
    expect(run(["validate", file], undefined, { GOVCHECK_PASSWORD: "s3cret" }).status).toBe(1);
    const wrong = run(["validate", file], undefined, { GOVCHECK_PASSWORD: "S3cret" });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/: the password given does not open this workbook/),
    ]);
  });

  it("a protected last year's workbook: --password opens it too, without it one line says what to do", async () => {
    const last = join(dir, "last-year.xlsx");
    writeFileSync(
      last,
      encryptedWorkbook(await buildWorkbook(RIVERBEND_LAST_YEAR_SHEETS), "s3cret", "agile")
    );
    const out = join(dir, "travel.xlsx");
    const args = ["summarise", RIVERBEND_FILE, "--previous", last, "-o", out];
    const locked = run(args);
    expect(locked.status).toBe(2);
    expect(locked.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /last-year\.xlsx: last year's workbook is password-protected: add --password to be asked for it \(or set GOVCHECK_PASSWORD\); no summary written$/
      ),
    ]);
    // The return is not protected: the one password asked for is last year's.
    const opened = run([...args, "--password", "--force"], "s3cret\n");
    expect(opened.stderr).toBe("");
    expect(opened.status).toBe(0);
    expect(opened.stdout).toMatch(/^wrote /);
    const wrong = run(["validate", RIVERBEND_FILE, "--previous", last, "--password"], "S3cret\n");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/last-year\.xlsx: the password given does not open this workbook/),
    ]);
    const fromEnv = run(["validate", RIVERBEND_FILE, "--previous", last], undefined, {
      GOVCHECK_PASSWORD: "s3cret",
    });
    expect(fromEnv.status).toBe(1);
    expect(fromEnv.stdout).toMatch(/carried-forward/);
  }, 120_000);

  it("summarise opens it the same way", () => {
    const out = join(dir, "committee.xlsx");
    const result = run(["summarise", file, "-o", out, "--password"], "s3cret\n");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^wrote .*committee\.xlsx/);
  });
});

describe("bad input", () => {
  const dir = join(__dirname, "..", "build", "bad-input");
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ["empty.xlsx", () => Buffer.alloc(0), /empty \(0 bytes\)/],
    [
      "random.xlsx",
      () => Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251)),
      /not an Excel workbook/,
    ],
    [
      "protected.xlsx",
      async () => encryptedWorkbook(await buildWorkbook(CASES[0].sheets), "not the default"),
      /password-protected: add --password/,
    ],
    ["old.xls", legacyXls, /old-format \.xls/],
    ["renamed.xlsx", () => Buffer.from(CSV_TEXT), /plain text \(a CSV file\?\)/],
    ["document.xlsx", zipWithoutWorkbook, /a Word document, not a workbook/],
    [
      "truncated.xlsx",
      async () => {
        const whole = await buildWorkbook(CASES[0].sheets);
        return whole.subarray(0, Math.floor(whole.length * 0.6));
      },
      /damaged or incomplete/,
    ],
  ];

  beforeAll(async () => {
    require("node:fs").mkdirSync(dir, { recursive: true });
    for (const [name, make] of cases) writeFileSync(join(dir, name), await make());
  });

  it.each(cases.map(([name, , message]) => [name, message] as const))(
    "%s: exit 2, one clear line, no stack trace",
    (name, message) => {
      const result = spawnSync(process.execPath, [BIN, "validate", join(dir, name)], {
        encoding: "utf8",
      });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^govcheck: .+: /);
      expect(lines[0]).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  );

  it("a missing file is reported, and the other files are still checked", async () => {
    const good = await writeWorkbook(byName("dimension").sheets);
    const { code, out, err } = await runCli("validate", "/nonexistent/schedule.xlsx", good);
    expect(code).toBe(2);
    expect(err).toBe(
      "govcheck: /nonexistent/schedule.xlsx: no such file: /nonexistent/schedule.xlsx\n"
    );
    expect(out).toMatch(/7 findings .* in 1 file, 1 could not be read\./);
  });

  it("stops quietly when the reader of its output goes away (`| head`)", async () => {
    const file = await writeWorkbook(byName("dimension").sheets);
    // The shell's `head -1`: the pipe closes after the first line, while govcheck still writes.
    const result = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${BIN}" validate "${file}" "${file}" "${file}" | head -1`],
      { encoding: "utf8" }
    );
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toMatch(/: 1 schedule, 5 requirements$/);
    expect(result.stderr).toBe("");
  });
});
