import { promises as fs } from "node:fs";
import { Readable } from "node:stream";
import * as zlib from "node:zlib";
import type { ByteSource } from "./byte-source";
import { crc32Update } from "./crc32";
import { nodeDecryptCrypto } from "./encryption/node-crypto";
import type { ReaderPlatform } from "./workbook-reader";

/** The reader on Node: zlib for inflating, Node's crypto for encrypted workbooks. */
export const nodeReaderPlatform: ReaderPlatform = {
  async *inflateRaw(compressed) {
    const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    const source = Readable.from(compressed, { objectMode: false });
    source.on("error", (err) => inflater.destroy(err));
    source.pipe(inflater);
    try {
      for await (const chunk of inflater) yield chunk as Uint8Array;
    } finally {
      source.destroy();
      inflater.destroy();
    }
  },
  inflateRawWhole(compressed, maxOutput) {
    try {
      return zlib.inflateRawSync(compressed, { maxOutputLength: maxOutput });
    } catch (err) {
      // Past the size asked for: the caller streams it instead, with its own cap.
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return null;
      throw err;
    }
  },
  // zlib.crc32 arrived in Node 20.15; earlier 20.x releases use the package's own.
  crc32:
    typeof zlib.crc32 === "function"
      ? (data, previous) => zlib.crc32(data, previous)
      : (data, previous) => crc32Update(previous, data),
  crypto: nodeDecryptCrypto,
};

/** A file on disk as a byte source; `close` when done. */
export async function openFileSource(
  path: string
): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await fs.open(path, "r");
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const want = Math.max(0, Math.min(length, size - offset));
      const buffer = Buffer.allocUnsafe(want);
      let got = 0;
      while (got < want) {
        const { bytesRead } = await handle.read(buffer, got, want - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === want ? buffer : buffer.subarray(0, got);
    },
    close: () => handle.close(),
  };
}
