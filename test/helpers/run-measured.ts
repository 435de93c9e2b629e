import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The checkout's root (this file runs from test/helpers, or compiled from build/test/helpers). */
function root(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const MEASURED = join(root(), "build", "scripts", "measured-cli.js");

export interface MeasuredRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly peakMb: number;
  /** Killed by the hang guard. */
  readonly hung: boolean;
}

/**
 * Runs the built CLI in a process of its own with a hang guard, and reports its exit, output, time
 * and peak memory. `npm test` builds the CLI first (`npm run build:cli`).
 */
export function runMeasured(
  args: readonly string[],
  options: {
    timeoutMs?: number;
    env?: Record<string, string>;
    onStart?: (pid: number) => void;
  } = {}
): Promise<MeasuredRun> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const env: Record<string, string | undefined> = { ...process.env, ...options.env };
    if (!options.env?.GOVCHECK_PASSWORD) delete env.GOVCHECK_PASSWORD;
    const child = spawn(process.execPath, [MEASURED, ...args], {
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      env,
    });
    if (child.pid) options.onStart?.(child.pid);
    let stdout = "";
    let stderr = "";
    let usage = "";
    let hung = false;
    // Decoded as a stream: a pipe's chunks can cut a many-byte character in two, and decoding
    // each chunk on its own would turn both halves into U+FFFD.
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const usageStream = child.stdio[3] as NodeJS.ReadableStream;
    usageStream.setEncoding("utf8");
    usageStream.on("data", (d: string) => (usage += d));
    const guard = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 120_000);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        peakMb: Number(usage || 0) / 1024,
        hung,
      });
    });
  });
}
