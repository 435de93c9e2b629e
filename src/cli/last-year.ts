import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import {
  type LastYearRecord,
  type LastYearReturn,
  type LastYearSchedule,
  lastYearReturn,
  levelOf,
} from "../core/facts/last-year";
import type { Scale } from "../core/recognise/scale";
import type { Settings } from "../core/settings";
import { recogniseGrids } from "../core/validate";
import { WorkbookReadError, readWorkbookFile } from "../file";

/** Last year's schedule as it crosses from the worker: a table of distinct texts and columns of numbers. */
interface PackedSchedule {
  readonly sheet: string;
  readonly title: string;
  readonly scale: Scale;
  /** Per record, the index in `texts` of its sheet, cell, section, ref, requirement and action. */
  readonly textIndex: Int32Array;
  /** Per record: score, position, weak (1 or 0) and target day; NaN for none. */
  readonly numbers: Float64Array;
}

interface PackedReturn {
  readonly source: string;
  readonly texts: string[];
  readonly schedules: PackedSchedule[];
}

/** What the worker sends back: last year's return, or the reason it could not be read. */
export type LastYearReply =
  | { readonly ok: LastYearReturn }
  /** `locked`: it is encrypted and no password was given, so asking for one may open it. */
  | { readonly unreadable: string; readonly locked?: boolean }
  | { readonly failed: string };

type PackedReply = { readonly packed: PackedReturn } | Exclude<LastYearReply, { ok: unknown }>;

const TEXT_FIELDS = ["sheet", "cell", "section", "ref", "requirement", "action"] as const;
const NUMBER_FIELDS = 4;

/**
 * Last year's return as a few arrays, so it crosses between threads in one copy of each distinct
 * text rather than an object per requirement (52 MB and half a second for 200,000 of them).
 */
export function packLastYear(last: LastYearReturn): {
  packed: PackedReturn;
  transfer: ArrayBuffer[];
} {
  const texts: string[] = [];
  const indexOf = new Map<string, number>();
  const text = (t: string) => {
    let i = indexOf.get(t);
    if (i === undefined) {
      i = texts.length;
      texts.push(t);
      indexOf.set(t, i);
    }
    return i;
  };
  const transfer: ArrayBuffer[] = [];
  const schedules = last.schedules.map((s) => {
    const n = s.records.length;
    const textIndex = new Int32Array(n * TEXT_FIELDS.length);
    const numbers = new Float64Array(n * NUMBER_FIELDS);
    s.records.forEach((r, i) => {
      TEXT_FIELDS.forEach((f, k) => (textIndex[i * TEXT_FIELDS.length + k] = text(r[f])));
      numbers[i * NUMBER_FIELDS] = r.score ?? NaN;
      numbers[i * NUMBER_FIELDS + 1] = r.position ?? NaN;
      numbers[i * NUMBER_FIELDS + 2] = r.weak ? 1 : 0;
      numbers[i * NUMBER_FIELDS + 3] = r.targetDay ?? NaN;
    });
    transfer.push(textIndex.buffer as ArrayBuffer, numbers.buffer as ArrayBuffer);
    return { sheet: s.sheet, title: s.title, scale: s.scale, textIndex, numbers };
  });
  return { packed: { source: last.source, texts, schedules }, transfer };
}

export function unpackLastYear(packed: PackedReturn): LastYearReturn {
  const { texts } = packed;
  const orNull = (n: number) => (Number.isNaN(n) ? null : n);
  const schedules: LastYearSchedule[] = packed.schedules.map((s) => {
    const n = s.numbers.length / NUMBER_FIELDS;
    const records: LastYearRecord[] = new Array<LastYearRecord>(n);
    for (let i = 0; i < n; i++) {
      const t = i * TEXT_FIELDS.length;
      const x = i * NUMBER_FIELDS;
      records[i] = {
        sheet: texts[s.textIndex[t]],
        cell: texts[s.textIndex[t + 1]],
        section: texts[s.textIndex[t + 2]],
        ref: texts[s.textIndex[t + 3]],
        requirement: texts[s.textIndex[t + 4]],
        action: texts[s.textIndex[t + 5]],
        score: orNull(s.numbers[x]),
        level: levelOf(s.scale, orNull(s.numbers[x])),
        position: orNull(s.numbers[x + 1]),
        weak: s.numbers[x + 2] === 1,
        targetDay: orNull(s.numbers[x + 3]),
      };
    }
    return { sheet: s.sheet, title: s.title, scale: s.scale, records };
  });
  return { source: packed.source, schedules };
}

/** Reads and scores last year's workbook in this thread. */
export async function lastYearHere(
  file: string,
  source: string,
  settings: Settings,
  password?: string
): Promise<LastYearReply> {
  try {
    const grids = await readWorkbookFile(file, { password });
    // Last year's scores and entries are all that is compared: no facts of its own are needed.
    const { schedules } = recogniseGrids(grids, { settings });
    // Never a silent comparison with nothing: the wrong file given (a cover, a summary) says so,
    // as it does in the pane.
    if (schedules.length === 0)
      return {
        unreadable:
          "no self-assessment schedule was found in it, so there is nothing to compare with",
      };
    return { ok: lastYearReturn(source, schedules, settings) };
  } catch (err) {
    if (err instanceof WorkbookReadError)
      return err.kind === "password-required"
        ? { unreadable: "last year's workbook is password-protected", locked: true }
        : { unreadable: err.message };
    return { failed: err instanceof Error ? err.message : String(err) };
  }
}

/** The worker's side: reads last year's workbook and posts it back packed. */
export async function replyFromWorker(
  file: string,
  source: string,
  settings: Settings,
  password: string | undefined,
  post: (reply: PackedReply, transfer: ArrayBuffer[]) => void
): Promise<void> {
  const reply = await lastYearHere(file, source, settings, password);
  if ("ok" in reply) {
    const { packed, transfer } = packLastYear(reply.ok);
    post({ packed }, transfer);
  } else post(reply, []);
}

/**
 * Last year's workbook, read while this year's is read: on a thread of its own where the compiled
 * worker is there (the built command line), in this thread otherwise (the tests run the sources).
 * Reading is most of what summarise does, so on a machine with a core to spare the second file
 * costs little more than the first.
 */
export function readLastYear(
  file: string,
  source: string,
  settings: Settings,
  password?: string
): Promise<LastYearReply> {
  const script = join(__dirname, "last-year-worker.js");
  if (!existsSync(script)) return lastYearHere(file, source, settings, password);
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { file, source, settings, password } });
    worker.once("message", (reply: PackedReply) => {
      resolve("packed" in reply ? { ok: unpackLastYear(reply.packed) } : reply);
      void worker.terminate();
    });
    worker.once("error", (err) => resolve({ failed: err.message }));
    worker.once("exit", (code) => {
      if (code !== 0) resolve({ failed: `reading last year's workbook stopped (exit ${code})` });
    });
  });
}
