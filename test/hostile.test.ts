/**
 * Hostile, damaged and unusual files, each built in code (small on disk, however much it inflates
 * to) and run through the built CLI in a process of its own with a hang guard: the exit code, one
 * line on stderr that says what is wrong and what to do, no stack trace, no U+FFFD, bounded time
 * and memory. Then the writer: an output that is an input (hard link, symbolic link), a file
 * govcheck did not make, a kill part-way through, a full disk. Each run's time and peak memory go
 * to test-results/hostile-files.json.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { promises as fsp } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RIVERBEND_FILE } from "../examples/riverbend";
import { OutputError, writeAtomically } from "../src/cli/output-file";
import { readWorkbookFile } from "../src/file";
import { HOSTILE_CASES } from "./helpers/hostile-files";
import { runMeasured } from "./helpers/run-measured";
import { writeWorkbook } from "./helpers/check-fixture";

const dir = mkdtempSync(join(tmpdir(), "govcheck-hostile-"));
const RESULTS = join(__dirname, "..", "test-results");
const MEMORY_CAP_MB = 1536;
const results: { name: string; exit: number | null; ms: number; peakMb: number; cells: number }[] =
  [];

afterAll(() => {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, "hostile-files.json"), `${JSON.stringify(results, null, 2)}\n`);
});

describe("hostile and damaged files", () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))(
    "%s",
    async (_name, c) => {
      const { path, cells } = await c.make(dir);
      const run = await runMeasured(["validate", path, ...(c.args ?? [])], {
        env: c.env,
        timeoutMs: 120_000,
      });
      results.push({
        name: c.name,
        exit: run.code,
        ms: Math.round(run.ms),
        peakMb: Math.round(run.peakMb),
        cells,
      });
      expect(run.hung).toBe(false);
      expect(run.signal).toBeNull();
      expect({ code: run.code, stderr: run.stderr }).toEqual({
        code: c.exit,
        stderr: expect.any(String),
      });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stderr + run.stdout).not.toContain("\ufffd");
      expect(run.peakMb).toBeLessThan(MEMORY_CAP_MB);
      const lines = run.stderr.split("\n").filter((l) => l !== "");
      if (c.exit === 2 || c.message) {
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^govcheck: .+: /);
        if (c.message) expect(lines[0]).toMatch(c.message);
      } else expect(lines).toEqual([]);
      if (c.exit === 2) expect(run.stdout).toBe("");
      if (c.stdout) expect(run.stdout).toMatch(c.stdout);
      if (c.stdoutNot) expect(run.stdout).not.toMatch(c.stdoutNot);
    },
    150_000
  );
});

describe("summarise never hurts a file", () => {
  const input = join(dir, "return.xlsx");
  beforeAll(() => copyFileSync(RIVERBEND_FILE, input));

  it("refuses an output that is a hard link to an input, and leaves the input as it was", async () => {
    const link = join(dir, "hard-link.xlsx");
    linkSync(input, link);
    const before = readFileSync(input);
    const run = await runMeasured(["summarise", input, "-o", link]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/is one of the input files/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("refuses an output that is a symbolic link to an input", async () => {
    const link = join(dir, "sym-link.xlsx");
    symlinkSync(input, link);
    const before = readFileSync(input);
    const run = await runMeasured(["summarise", input, "-o", link]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is one of the input files/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("refuses to replace a file govcheck did not make, unless --force", async () => {
    const other = join(dir, "officers-notes.xlsx");
    writeFileSync(other, "the officer's own file");
    const refused = await runMeasured(["summarise", input, "-o", other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists and is not a summary govcheck wrote .*--force/);
    expect(readFileSync(other, "utf8")).toBe("the officer's own file");
    const forced = await runMeasured(["summarise", input, "-o", other, "--force"]);
    expect(forced.code).toBe(0);
    expect((await readWorkbookFile(other)).map((g) => g.name)).toEqual([
      "Committee Summary",
      "Action Plan",
    ]);
  });

  it("replaces its own summary, but not one an officer has opened and saved again", async () => {
    const out = join(dir, "committee.xlsx");
    expect((await runMeasured(["summarise", input, "-o", out])).code).toBe(0);
    expect((await runMeasured(["summarise", input, "-o", out])).code).toBe(0);
    // What Excel does on saving: the application that saved it is no longer govcheck.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(out));
    const app = (await zip.file("docProps/app.xml")!.async("string")).replace(
      "govcheck",
      "Microsoft Excel"
    );
    zip.file("docProps/app.xml", app);
    writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
    const run = await runMeasured(["summarise", input, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/or it has been edited since/);
  });

  it("checks the output folder before reading any input", async () => {
    const run = await runMeasured([
      "summarise",
      join(dir, "no-such-input.xlsx"),
      "-o",
      join(dir, "nowhere", "out.xlsx"),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^govcheck: -o .*out\.xlsx: the folder .*nowhere does not exist\.$/
    );
  });

  it("prints one line for an unreadable input, and writes nothing", async () => {
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "Ref,Score\n1,2\n");
    const out = join(dir, "not-written.xlsx");
    const run = await runMeasured(["summarise", bad, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^govcheck: .*bad\.xlsx: the file is plain text .*; no summary written$/
      ),
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it("a kill at any moment leaves the last good summary or the new one, never a broken file", async () => {
    const big = await writeWorkbook(
      [
        {
          name: "Schedule",
          rows: [
            ["Ref", "Requirement", "Evidence", "Score (1-5)", "Improvement action", "Lead officer"],
            ...Array.from({ length: 20_000 }, (_v, i) => [
              `R${i}`,
              `Requirement ${i} is met in full`,
              null,
              (i % 5) + 1,
              null,
              null,
            ]),
          ],
        },
      ],
      "big-return"
    );
    const out = join(dir, "kept.xlsx");
    const first = await runMeasured(["summarise", big, "-o", out]);
    expect(first.code).toBe(0);
    const good = readFileSync(out);
    const full = first.ms;
    for (const fraction of [0.3, 0.5, 0.7, 0.8, 0.9, 0.95]) {
      let timer: NodeJS.Timeout | undefined;
      const run = await runMeasured(["summarise", big, "-o", out], {
        onStart: (pid) => {
          timer = setTimeout(() => {
            try {
              process.kill(pid, "SIGKILL");
            } catch {
              // Already finished.
            }
          }, full * fraction);
        },
      });
      clearTimeout(timer);
      const now = readFileSync(out);
      // Either the old file untouched, or a whole new one that reads.
      if (!now.equals(good))
        expect((await readWorkbookFile(out)).map((g) => g.name)).toContain("Action Plan");
      else expect(now.equals(good)).toBe(true);
      expect(run.signal === "SIGKILL" || run.code === 0).toBe(true);
    }
    // Temporary files a kill left behind are named so, beside the output; none is the output.
    expect(
      readdirSync(dir).filter((f) => f.startsWith(".kept.xlsx.govcheck-") && !f.endsWith(".tmp"))
    ).toEqual([]);
  }, 240_000);

  it("a full disk part-way through leaves the old file and no temporary file", async () => {
    const out = join(dir, "disk-full.xlsx");
    writeFileSync(out, "the last good summary");
    let written = 0;
    const fullDisk = {
      open: async (path: string, flags: string, mode: number) => {
        const handle = await fsp.open(path, flags, mode);
        return new Proxy(handle, {
          get(target, key) {
            if (key === "write")
              return async (...args: Parameters<typeof target.write>) => {
                if (written++ > 0)
                  throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
                return (target.write as (...a: unknown[]) => Promise<unknown>)(...args);
              };
            const value = Reflect.get(target, key) as unknown;
            return typeof value === "function"
              ? (value as (...a: unknown[]) => unknown).bind(target)
              : value;
          },
        });
      },
      rename: fsp.rename,
      unlink: fsp.unlink,
    } as unknown as Parameters<typeof writeAtomically>[2];
    await expect(writeAtomically(out, new Uint8Array(3 << 20), fullDisk)).rejects.toThrow(
      OutputError
    );
    await expect(writeAtomically(out, new Uint8Array(3 << 20), fullDisk)).rejects.toThrow(
      /the disk is full/
    );
    expect(readFileSync(out, "utf8")).toBe("the last good summary");
    expect(readdirSync(dir).filter((f) => f.startsWith(".disk-full.xlsx.govcheck-"))).toEqual([]);
  });
});
