import { constants, promises as fs } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { nodeReaderPlatform, openFileSource } from "../file/node-platform";
import { isGovcheckPackage } from "../file/package-mark";

/**
 * Where `govcheck summarise` writes, checked before any input is read, and written so that an
 * officer's file can never be hurt: never an input (by device and inode, so hard links and
 * symbolic links count), an existing file replaced only when govcheck made it (or with --force),
 * and the new file written beside the old one, flushed to disk and renamed over it, so a kill or a
 * full disk leaves the last good file in place.
 */

export class OutputError extends Error {}

interface FileId {
  dev: number;
  ino: number;
}

async function idOf(path: string): Promise<FileId | undefined> {
  try {
    const s = await fs.stat(path);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return undefined;
  }
}

/** Refuses an output that would hurt a file: see the module comment. */
export async function checkOutput(
  output: string,
  inputs: readonly string[],
  force: boolean
): Promise<void> {
  if (!/\.xlsx$/i.test(output)) throw new OutputError(`-o ${output} should end in .xlsx.`);
  const folder = dirname(output);
  let folderStat;
  try {
    folderStat = await fs.stat(folder);
  } catch {
    throw new OutputError(`-o ${output}: the folder ${folder} does not exist.`);
  }
  if (!folderStat.isDirectory()) throw new OutputError(`-o ${output}: ${folder} is not a folder.`);
  try {
    await fs.access(folder, constants.W_OK);
  } catch {
    throw new OutputError(
      `-o ${output}: govcheck cannot write in the folder ${folder} (permission denied).`
    );
  }
  let existing;
  try {
    existing = await fs.stat(output);
  } catch {
    return;
  }
  if (existing.isDirectory())
    throw new OutputError(`-o ${output} is a folder; give a file name ending in .xlsx.`);
  for (const input of inputs) {
    const id = await idOf(input);
    if (id && id.dev === existing.dev && id.ino === existing.ino) {
      throw new OutputError(
        `-o ${output} is one of the input files (${input}, by another name or link); govcheck never writes to a file it reads. Choose another output name.`
      );
    }
  }
  if (force) return;
  let ours = false;
  try {
    const source = await openFileSource(output);
    try {
      ours = await isGovcheckPackage(source, nodeReaderPlatform);
    } finally {
      await source.close();
    }
  } catch {
    ours = false;
  }
  if (!ours)
    throw new OutputError(
      `-o ${output} already exists and is not a summary govcheck wrote (or it has been edited since); choose another name, or add --force to replace it.`
    );
}

/** The file operations writeAtomically uses (tests put a failing one in). */
export interface AtomicFs {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
}

function describeWriteError(output: string, err: unknown): OutputError {
  const code = (err as { code?: string }).code;
  const why =
    code === "ENOSPC"
      ? "the disk is full"
      : code === "EDQUOT"
        ? "the disk quota is used up"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EROFS"
            ? "the disk is read-only"
            : `${code ?? (err instanceof Error ? err.message : String(err))}`;
  return new OutputError(
    `could not write ${output} (${why}); no summary written, and any file already there is as it was.`
  );
}

/**
 * Writes `bytes` to `output` atomically: a temporary file in the same folder, flushed, then renamed
 * into place (and the folder flushed, so the rename survives a power cut).
 */
export async function writeAtomically(
  output: string,
  bytes: Uint8Array,
  io: AtomicFs = fs
): Promise<void> {
  const folder = dirname(output);
  const temp = join(
    folder,
    `.${basename(output)}.govcheck-${process.pid}-${randomBytes(4).toString("hex")}.tmp`
  );
  let handle: Awaited<ReturnType<typeof fs.open>> | undefined;
  try {
    handle = await io.open(temp, "wx", 0o666);
    let at = 0;
    while (at < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, at, Math.min(bytes.length - at, 1 << 20));
      at += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await io.rename(temp, output);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await io.unlink(temp).catch(() => undefined);
    throw describeWriteError(output, err);
  }
  try {
    const dir = await fs.open(folder, "r");
    await dir.sync().finally(() => dir.close());
  } catch {
    // Some file systems cannot flush a folder; the rename itself has happened.
  }
}
