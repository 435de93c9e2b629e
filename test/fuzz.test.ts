/**
 * Damaged copies of the example return (bytes flipped, cut short, inserted, zeroed, in the data
 * and in the zip directory alike): govcheck reads each or says in one line why not. Never a stack
 * trace, an "unexpected problem", or an exit other than 1 (findings) or 2 (unreadable).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { RIVERBEND_FILE } from "../examples/riverbend";
import { runCli } from "./helpers/run-cli";
import { runMeasured } from "./helpers/run-measured";

const example = readFileSync(RIVERBEND_FILE);
const dir = mkdtempSync(join(tmpdir(), "govcheck-fuzz-"));

type Damage =
  | { kind: "flip"; at: number[]; xor: number[] }
  | { kind: "cut"; length: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "zero"; at: number; length: number }
  | { kind: "tail"; at: number; xor: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant("flip" as const),
    at: fc.array(fc.nat(example.length - 1), { minLength: 1, maxLength: 12 }),
    xor: fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 12, maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant("cut" as const), length: fc.nat(example.length - 1) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(example.length),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant("zero" as const),
    at: fc.nat(example.length - 1),
    length: fc.integer({ min: 1, max: 2048 }),
  }),
  // The zip directory and its end record sit in the last few hundred bytes.
  fc.record({
    kind: fc.constant("tail" as const),
    at: fc.integer({ min: 1, max: 1200 }),
    xor: fc.integer({ min: 1, max: 255 }),
  })
);

function damaged(d: Damage): Buffer {
  const bytes = Buffer.from(example);
  switch (d.kind) {
    case "flip":
      d.at.forEach((at, i) => (bytes[at] ^= d.xor[i]));
      return bytes;
    case "cut":
      return bytes.subarray(0, d.length);
    case "insert":
      return Buffer.concat([bytes.subarray(0, d.at), d.bytes, bytes.subarray(d.at)]);
    case "zero":
      bytes.fill(0, d.at, Math.min(bytes.length, d.at + d.length));
      return bytes;
    case "tail":
      bytes[Math.max(0, bytes.length - d.at)] ^= d.xor;
      return bytes;
  }
}

function expectOneClearAnswer(code: number, err: string): void {
  expect([1, 2]).toContain(code);
  const lines = err.split("\n").filter((l) => l !== "");
  expect(lines.length).toBeLessThanOrEqual(1);
  expect(err).not.toMatch(/\n\s+at |unexpected problem/);
  if (code === 2) expect(lines).toHaveLength(1);
}

describe("damaged copies of the example", () => {
  it("each is read, or refused in one clear line (in process)", async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        const file = join(dir, "damaged.xlsx");
        writeFileSync(file, damaged(d));
        const { code, err } = await runCli("validate", file);
        expectOneClearAnswer(code, err);
        if (code === 2) refused++;
      }),
      { numRuns: 300 }
    );
    // The damage must mostly land where it matters, or this proves little.
    expect(refused).toBeGreaterThan(150);
  }, 300_000);

  it("a few of them, each in a process of its own: no crash and no stack trace", async () => {
    const samples = fc.sample(damage, { numRuns: 12, seed: 17 });
    for (const [i, d] of samples.entries()) {
      const file = join(dir, `damaged-${i}.xlsx`);
      writeFileSync(file, damaged(d));
      const run = await runMeasured(["validate", file], { timeoutMs: 60_000 });
      expect(run.hung).toBe(false);
      expect(run.signal).toBeNull();
      expectOneClearAnswer(run.code ?? -1, run.stderr);
    }
  }, 300_000);
});
