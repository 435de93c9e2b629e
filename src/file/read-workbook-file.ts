import { promises as fs } from "node:fs";
import type { Grid } from "../core/grid";
import { WorkbookReadError } from "./read-error";
import { assertReadableWorkbook, explainParseFailure } from "./read-error-explain";
import { gridsFromBuffer } from "./workbook-grids";
import { streamWorkbookFile } from "./xlsx-stream-reader";

export interface ReadFileOptions {
  /**
   * true (the default): stream each sheet's XML, which keeps memory low on large files. false:
   * load the whole package with ExcelJS, as the browser does; the tests compare the two.
   */
  streaming?: boolean;
  /** Called as bytes are read, for a progress bar. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

async function headOf(path: string, size: number): Promise<Uint8Array> {
  const handle = await fs.open(path, "r");
  try {
    const length = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(length);
    await handle.read(buf, 0, length, 0);
    return buf;
  } finally {
    await handle.close();
  }
}

function describeOpenError(path: string, err: unknown): WorkbookReadError {
  const code = (err as { code?: string }).code;
  if (code === "ENOENT") return new WorkbookReadError(`no such file: ${path}`);
  if (code === "EISDIR") return new WorkbookReadError(`${path} is a folder, not a workbook`);
  if (code === "EACCES" || code === "EPERM")
    return new WorkbookReadError(`permission denied reading ${path}`);
  return new WorkbookReadError(`cannot open ${path} (${code ?? String(err)})`);
}

/** Reads an .xlsx file into grids, or throws a WorkbookReadError with a sentence for the user. */
export async function readWorkbookFile(
  path: string,
  options: ReadFileOptions = {}
): Promise<Grid[]> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    size = stat.size;
  } catch (err) {
    throw describeOpenError(path, err);
  }
  const useStream = options.streaming ?? true;
  try {
    if (useStream) {
      assertReadableWorkbook(await headOf(path, size), size);
      return await streamWorkbookFile(path, options.onProgress);
    }
    const whole = await fs.readFile(path);
    options.onProgress?.(size, size);
    return await gridsFromBuffer(whole);
  } catch (err) {
    throw explainParseFailure(err);
  }
}
