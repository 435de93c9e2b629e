/**
 * `npm run corpus -- DIR [--cells] [--jobs N] [--timeout SECONDS]`: runs `govcheck validate --json`
 * over every file in a folder, two at a time, each in a process of its own with a hang guard, and
 * prints every crash, hang, run over 1.5 GB, refusal and finding, then the counts. Not part of
 * `npm test`: it is for trying the reader on workbooks as they arrive from many producers.
 *
 * A crash is a signal, an exit other than 0, 1 or 2, or a stack trace; a hang is a run past the
 * timeout; memory is the child's peak resident set. A readable file whose only finding is
 * `no-schedule-found` is counted apart ("no schedule"): for a folder of workbooks that are not
 * self-assessment schedules, that is the expected answer, not a finding to look into. `--cells` adds each readable file's sheet and
 * cell counts, to compare with another reader.
 */
import { spawn } from "node:child_process";
import { readdirSync, statSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";

const MEMORY_LIMIT_MB = 1536;

interface Outcome {
  file: string;
  exit: number | null;
  signal: string | null;
  seconds: number;
  peakMb: number;
  stderr: string;
  stdout: string;
  hung: boolean;
  cells?: string;
}

/** In the child: run the CLI, then report the process's peak memory (and cell counts) on fd 3. */
async function child(file: string, cells: boolean): Promise<void> {
  const { main } = await import("../src/cli/main");
  const code = await main(["node", "govcheck", "validate", file, "--json"]);
  let counts = "";
  if (cells && code !== 2) {
    const { readWorkbookFile } = await import("../src/file");
    const grids = await readWorkbookFile(file).catch(() => []);
    let n = 0;
    for (const g of grids)
      for (const r of g.rows) for (const v of r) if (v !== null && v !== "") n++;
    counts = `${grids.length} sheets ${n} cells`;
  }
  writeSync(3, JSON.stringify({ peakMb: process.resourceUsage().maxRSS / 1024, cells: counts }));
  process.exitCode = code;
}

function run(file: string, timeoutS: number, cells: boolean): Promise<Outcome> {
  return new Promise((done) => {
    const started = Date.now();
    const proc = spawn(
      process.execPath,
      ["--max-old-space-size=3072", __filename, "--child", file, ...(cells ? ["--cells"] : [])],
      { stdio: ["ignore", "pipe", "pipe", "pipe"] }
    );
    let stdout = "";
    let stderr = "";
    let report = "";
    let hung = false;
    // Decoded as a stream, so a character cut between two chunks is not read as U+FFFD.
    proc.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    proc.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const reportStream = proc.stdio[3] as NodeJS.ReadableStream;
    reportStream.setEncoding("utf8");
    reportStream.on("data", (d: string) => (report += d));
    const guard = setTimeout(() => {
      hung = true;
      proc.kill("SIGKILL");
    }, timeoutS * 1000);
    proc.on("close", (exit, signal) => {
      clearTimeout(guard);
      let peakMb = 0;
      let counts: string | undefined;
      try {
        const r = JSON.parse(report) as { peakMb: number; cells: string };
        peakMb = r.peakMb;
        counts = r.cells || undefined;
      } catch {
        // Killed or crashed before reporting.
      }
      done({
        file,
        exit,
        signal,
        seconds: (Date.now() - started) / 1000,
        peakMb,
        stderr,
        stdout,
        hung,
        cells: counts,
      });
    });
  });
}

function classify(o: Outcome): string {
  if (o.hung) return "hang";
  if (o.signal || (o.exit !== 0 && o.exit !== 1 && o.exit !== 2) || /\n\s+at /.test(o.stderr))
    return "crash";
  if (o.peakMb > MEMORY_LIMIT_MB) return "memory";
  if (o.exit === 2) return "refused";
  if (o.exit === 1) return onlyNoSchedule(o.stdout) ? "no-schedule" : "findings";
  return "clean";
}

/** Whether every finding in a JSON report is `no-schedule-found` (the file holds no schedule). */
function onlyNoSchedule(stdout: string): boolean {
  try {
    const issues = (JSON.parse(stdout) as { issues?: { rule: string }[] }).issues ?? [];
    return issues.length > 0 && issues.every((f) => f.rule === "no-schedule-found");
  } catch {
    return false;
  }
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}

/** The rules found, as "rule x N" (from the JSON report). */
function rulesIn(stdout: string): string {
  try {
    const report = JSON.parse(stdout) as { issues?: { rule: string }[] };
    const counts = new Map<string, number>();
    for (const f of report.issues ?? []) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    return [...counts].map(([rule, n]) => `${rule} x ${n}`).join(", ");
  } catch {
    return "unreadable JSON";
  }
}

async function report(args: string[]): Promise<number> {
  const dir = args.find((a) => !a.startsWith("--"));
  if (!dir) {
    process.stderr.write("usage: npm run corpus -- DIR [--cells] [--jobs N] [--timeout SECONDS]\n");
    return 2;
  }
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const jobs = option("--jobs", 2);
  const timeout = option("--timeout", 120);
  const cells = args.includes("--cells");
  const root = resolve(dir);
  const files = readdirSync(root)
    .filter((f) => statSync(join(root, f)).isFile())
    .sort();
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = join(root, files[next++]);
      const o = await run(file, timeout, cells);
      outcomes.push(o);
      const kind = classify(o);
      const name = o.file.slice(root.length + 1);
      const detail =
        kind === "findings"
          ? rulesIn(o.stdout)
          : kind === "clean" || kind === "no-schedule"
            ? ""
            : kind === "hang"
              ? `killed after ${timeout} s`
              : kind === "crash"
                ? `${o.signal ?? `exit ${o.exit}`}: ${firstLine(o.stderr)}`
                : kind === "memory"
                  ? `${o.peakMb.toFixed(0)} MB`
                  : firstLine(o.stderr).replace(/^govcheck: [^:]+: /, "");
      process.stdout.write(
        `${kind.padEnd(11)} ${o.seconds.toFixed(2).padStart(6)} s ${o.peakMb.toFixed(0).padStart(5)} MB  ${name}${detail ? `  ${detail}` : ""}${o.cells ? `  [${o.cells}]` : ""}\n`
      );
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  const by = (k: string) => outcomes.filter((o) => classify(o) === k).length;
  const slowest = outcomes.reduce((a, b) => (b.seconds > a.seconds ? b : a), outcomes[0]);
  const heaviest = outcomes.reduce((a, b) => (b.peakMb > a.peakMb ? b : a), outcomes[0]);
  process.stdout.write(
    `\n${outcomes.length} files: ${by("crash")} crashes, ${by("hang")} hangs, ${by("memory")} over 1.5 GB, ` +
      `${by("refused")} refused, ${by("findings")} with findings, ` +
      `${by("no-schedule")} with no schedule (no-schedule-found only, as expected), ${by("clean")} clean\n`
  );
  if (slowest)
    process.stdout.write(
      `slowest: ${slowest.seconds.toFixed(2)} s (${slowest.file.slice(root.length + 1)}); ` +
        `largest peak: ${heaviest.peakMb.toFixed(0)} MB (${heaviest.file.slice(root.length + 1)})\n`
    );
  return by("crash") + by("hang") + by("memory") ? 1 : 0;
}

if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv.includes("--cells")).catch((err: unknown) => {
    process.stderr.write(`corpus child failed: ${String(err)}\n`);
    process.exitCode = 70;
  });
} else {
  report(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`corpus run failed: ${String(err)}\n`);
      process.exitCode = 2;
    }
  );
}
