import { promises as fs } from "node:fs";
import type { Grid } from "../core/grid";
import { nodeReaderPlatform, openFileSource } from "./node-platform";
import { WorkbookReadError } from "./read-error";
import { type ReadWorkbookOptions, type WorkbookContents, readWorkbook } from "./workbook-reader";

export type ReadFileOptions = ReadWorkbookOptions;

function describeOpenError(path: string, err: unknown): WorkbookReadError {
  const code = (err as { code?: string }).code;
  if (code === "ENOENT") return new WorkbookReadError(`no such file: ${path}`, "io");
  if (code === "EISDIR") return new WorkbookReadError(`${path} is a folder, not a workbook`, "io");
  if (code === "EACCES" || code === "EPERM")
    return new WorkbookReadError(`permission denied reading ${path}`, "io");
  return new WorkbookReadError(`cannot open ${path} (${code ?? String(err)})`, "io");
}

/** Reads an .xlsx file on disk: its grids and the reader's notes. */
export async function readWorkbookFileContents(
  path: string,
  options: ReadFileOptions = {}
): Promise<WorkbookContents> {
  let source: Awaited<ReturnType<typeof openFileSource>>;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    source = await openFileSource(path);
  } catch (err) {
    throw describeOpenError(path, err);
  }
  try {
    return await readWorkbook(source, nodeReaderPlatform, options);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "EIO" || code === "EISDIR")
      throw new WorkbookReadError(`cannot read ${path} (${code})`, "io");
    throw err;
  } finally {
    await source.close().catch(() => undefined);
  }
}

/** Reads an .xlsx file into grids, or throws a WorkbookReadError with a sentence for the user. */
export async function readWorkbookFile(
  path: string,
  options: ReadFileOptions = {}
): Promise<Grid[]> {
  return (await readWorkbookFileContents(path, options)).grids;
}
