/**
 * Writes an Open Packaging (zip) container: the .xlsx the committee gets. Compression is handed to
 * the host (Node's zlib on the command line, the browser's CompressionStream in the task pane),
 * because a large action plan is tens of megabytes of XML and a pure-JS deflate is the slow part.
 */

import { crc32Update } from "./crc32";
import { joinBytes } from "./join-bytes";

export interface ZipCodec {
  /** Raw DEFLATE (RFC 1951), or null to store the part uncompressed. */
  deflateRaw(data: Uint8Array): Promise<Uint8Array | null> | Uint8Array | null;
  crc32(data: Uint8Array): number;
}

/** CRC-32 as zip uses it (IEEE 802.3). */
export function crc32(data: Uint8Array): number {
  return crc32Update(0, data);
}

async function compressWithStream(data: Uint8Array): Promise<Uint8Array | null> {
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // A copy: the stream takes a buffer of its own (a view of a larger one is not accepted everywhere).
  const fed = writer.write(data.slice()).then(() => writer.close());
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    length += next.value.length;
  }
  await fed;
  return joinBytes(chunks, length);
}

/**
 * Deflate where the browser (or Node) offers CompressionStream with raw deflate; otherwise parts are
 * stored as they are, which every reader accepts, only larger.
 */
export function defaultCodec(): ZipCodec {
  let deflate: ZipCodec["deflateRaw"] = () => null;
  if (typeof CompressionStream === "function") {
    try {
      new CompressionStream("deflate-raw");
      deflate = compressWithStream;
    } catch {
      // An engine that knows CompressionStream but not "deflate-raw": store instead.
    }
  }
  return { deflateRaw: deflate, crc32 };
}

/** The date and time in the two 16-bit fields zip headers use (local time, two-second steps). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface Written {
  name: Uint8Array;
  crc: number;
  method: number;
  compressed: Uint8Array;
  size: number;
  offset: number;
}

/**
 * A zip archive built part by part. Each part starts compressing as it is added, so where the host
 * compresses off the main thread (Node's zlib, the browser's CompressionStream) the next part is
 * built meanwhile.
 */
export class ZipWriter {
  private readonly entries: {
    path: string;
    data: Uint8Array;
    deflated: Promise<Uint8Array | null>;
  }[] = [];

  constructor(private readonly codec: ZipCodec) {}

  add(path: string, data: Uint8Array): void {
    // Called now, not on a later tick: an asynchronous codec starts work before this returns.
    let deflated: Promise<Uint8Array | null>;
    try {
      deflated = Promise.resolve(this.codec.deflateRaw(data));
    } catch (err) {
      deflated = Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    // Failures are reported by finish(), not as an unhandled rejection while other parts are built.
    deflated.catch(() => undefined);
    this.entries.push({ path, data, deflated });
  }

  /** The archive, [Content_Types].xml first as Office writes it. */
  async finish(modified: Date = new Date()): Promise<Uint8Array> {
    const ordered = [
      ...this.entries.filter((e) => e.path === "[Content_Types].xml"),
      ...this.entries.filter((e) => e.path !== "[Content_Types].xml"),
    ];
    const encoder = new TextEncoder();
    const stamp = dosDateTime(modified);
    const written: Written[] = [];
    let offset = 0;
    for (const part of ordered) {
      const deflated = await part.deflated;
      const stored = deflated === null || deflated.length >= part.data.length;
      const entry: Written = {
        name: encoder.encode(part.path),
        crc: this.codec.crc32(part.data),
        method: stored ? 0 : 8,
        compressed: stored ? part.data : deflated,
        size: part.data.length,
        offset,
      };
      written.push(entry);
      offset += 30 + entry.name.length + entry.compressed.length;
      if (offset >= 0xffffffff)
        throw new Error("The committee workbook would be larger than 4 GB.");
    }
    return archive(written, offset, stamp);
  }
}

function archive(
  written: readonly Written[],
  localSize: number,
  stamp: { time: number; date: number }
): Uint8Array {
  const centralSize = written.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v >>> 0, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  /** The fields a local header and its central-directory entry share, from "version needed" on. */
  const described = (e: Written) => {
    u16(20); // version needed: 2.0 (deflate)
    u16(0x0800); // names are UTF-8
    u16(e.method);
    u16(stamp.time);
    u16(stamp.date);
    u32(e.crc);
    u32(e.compressed.length);
    u32(e.size);
    u16(e.name.length);
    u16(0); // extra field
  };
  for (const e of written) {
    u32(0x04034b50);
    described(e);
    bytes(e.name);
    bytes(e.compressed);
  }
  const centralStart = at;
  for (const e of written) {
    u32(0x02014b50);
    u16(20); // made by: MS-DOS attributes, version 2.0
    described(e);
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(e.offset);
    bytes(e.name);
  }
  const centralLength = at - centralStart;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(written.length);
  u16(written.length);
  u32(centralLength);
  u32(centralStart);
  u16(0);
  return out;
}
