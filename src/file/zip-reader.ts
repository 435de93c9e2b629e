import type { ByteSource } from "./byte-source";
import { crc32Update } from "./crc32";
import { WorkbookReadError, aborted, damaged, exhausting } from "./read-error";
import type { ReaderLimits } from "./limits";
import { joinBytes } from "./join-bytes";

/**
 * Reads a zip archive by its central directory, so parts can be read in any order whatever order
 * they were written in, each one streamed and inflated as it is read.
 */

/** Raw DEFLATE (RFC 1951) as a stream: compressed chunks in, inflated chunks out. */
export type InflateRaw = (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

/** What the platform gives the reader: zlib in Node, DecompressionStream in the browser. */
export interface ZipPlatform {
  inflateRaw: InflateRaw;
  /** Inflates a small part in one call, giving up (null) past `maxOutput` bytes. Optional. */
  inflateRawWhole?: (compressed: Uint8Array, maxOutput: number) => Uint8Array | null;
  /** CRC-32 carried on from `previous`. */
  crc32?: (data: Uint8Array, previous: number) => number;
}

export interface ZipEntry {
  /** The name as stored, with backslashes turned into slashes. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** How a part name is looked up: names are case-insensitive in a package (OPC), and percent-encoded. */
export function partKey(name: string): string {
  let n = name.replace(/\\/g, "/").replace(/^\/+/, "");
  if (n.indexOf("%") >= 0) {
    try {
      n = decodeURIComponent(n);
    } catch {
      // A lone '%' is a character of the name.
    }
  }
  return n.toLowerCase();
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  // Sizes past 2^53 are no workbook: the caps catch them long before.
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

const utf8 = new TextDecoder("utf-8");

export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();

  private constructor(
    private readonly source: ByteSource,
    readonly entries: readonly ZipEntry[]
  ) {
    for (const e of entries) {
      const key = partKey(e.name);
      if (e.name.endsWith("/")) continue;
      if (this.byKey.has(key))
        throw damaged(
          `it holds two parts named ${e.name} (readers would disagree on which one is the workbook)`
        );
      this.byKey.set(key, e);
    }
  }

  /** Opens the archive: reads its end record and central directory. */
  static async open(source: ByteSource, limits: ReaderLimits): Promise<ZipArchive> {
    const size = source.size;
    const tailLength = Math.min(size, 22 + 0xffff + 20);
    const tail = await source.read(size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail[i] === 0x50 && u32(tail, i) === EOCD) {
        // The comment must run to the end of the file; a signature inside a comment does not.
        if (i + 22 + u16(tail, i + 20) <= tail.length) {
          eocd = i;
          break;
        }
      }
    }
    if (eocd < 0)
      throw new WorkbookReadError(
        "the file is damaged or incomplete (its zip directory is missing; perhaps a download or copy was cut short): copy or download it again, or save it again from Excel",
        "damaged"
      );
    let count = u16(tail, eocd + 10);
    let cdSize = u32(tail, eocd + 12);
    let cdOffset = u32(tail, eocd + 16);
    let eocdAt = size - tailLength + eocd;
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc >= 0 && u32(tail, loc) === ZIP64_LOCATOR) {
        const recordAt = u64(tail, loc + 8);
        const record = await source.read(recordAt, 56);
        if (record.length === 56 && u32(record, 0) === ZIP64_EOCD) {
          count = u64(record, 32);
          cdSize = u64(record, 40);
          cdOffset = u64(record, 48);
          eocdAt = recordAt;
        }
      }
    }
    if (count > limits.maxZipEntries)
      throw exhausting(
        `the package lists ${count} parts (the cap is ${limits.maxZipEntries.toLocaleString("en-GB")})`
      );
    // Bytes before the archive (a self-extractor stub, a mail header) move every offset along.
    const shift = Math.max(0, eocdAt - (cdOffset + cdSize));
    if (cdOffset + shift + cdSize > size || cdSize > 64 * 1024 * 1024)
      throw damaged("its zip directory points past the end of the file");
    const cd = await source.read(cdOffset + shift, cdSize);
    const entries: ZipEntry[] = [];
    let at = 0;
    while (at + 46 <= cd.length && u32(cd, at) === CENTRAL) {
      const flags = u16(cd, at + 8);
      const method = u16(cd, at + 10);
      const crc = u32(cd, at + 16);
      let compressedSize = u32(cd, at + 20);
      let entrySize = u32(cd, at + 24);
      const nameLength = u16(cd, at + 28);
      const extraLength = u16(cd, at + 30);
      const commentLength = u16(cd, at + 32);
      let headerOffset = u32(cd, at + 42);
      const nameBytes = cd.subarray(at + 46, at + 46 + nameLength);
      const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      if (
        entrySize === 0xffffffff ||
        compressedSize === 0xffffffff ||
        headerOffset === 0xffffffff
      ) {
        for (let x = 0; x + 4 <= extra.length;) {
          const id = u16(extra, x);
          const len = u16(extra, x + 2);
          if (id === 1) {
            let p = x + 4;
            if (entrySize === 0xffffffff && p + 8 <= x + 4 + len) {
              entrySize = u64(extra, p);
              p += 8;
            }
            if (compressedSize === 0xffffffff && p + 8 <= x + 4 + len) {
              compressedSize = u64(extra, p);
              p += 8;
            }
            if (headerOffset === 0xffffffff && p + 8 <= x + 4 + len) headerOffset = u64(extra, p);
          }
          x += 4 + len;
        }
      }
      entries.push({
        name: utf8.decode(nameBytes).replace(/\\/g, "/"),
        method,
        flags,
        crc,
        compressedSize,
        size: entrySize,
        headerOffset: headerOffset + shift,
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    if (entries.length === 0) {
      throw new WorkbookReadError(
        "the file is an empty zip archive, not a workbook: check you picked the right file",
        "format"
      );
    }
    return new ZipArchive(source, entries);
  }

  /** The entry for a part name, ignoring case, percent-encoding and backslashes. */
  find(name: string): ZipEntry | undefined {
    return this.byKey.get(partKey(name));
  }

  has(name: string): boolean {
    return this.byKey.has(partKey(name));
  }

  /**
   * The part's bytes, inflated, as they arrive; checked against its CRC-32 at the end. Stops with
   * a limit error past `maxBytes`.
   */
  async *stream(
    entry: ZipEntry,
    platform: ZipPlatform,
    maxBytes: number,
    signal?: { readonly aborted: boolean }
  ): AsyncIterable<Uint8Array> {
    if (entry.flags & 1)
      throw damaged(`${entry.name} is encrypted inside the zip, which Excel never does`);
    if (entry.method !== 0 && entry.method !== 8)
      throw damaged(
        `${entry.name} is compressed with zip method ${entry.method}, which Excel does not use`
      );
    if (entry.size > maxBytes)
      throw exhausting(
        `${entry.name} would inflate to ${mb(entry.size)} (the cap is ${mb(maxBytes)})`
      );
    const header = await this.source.read(entry.headerOffset, 30);
    if (header.length < 30 || u32(header, 0) !== LOCAL)
      throw damaged(`the zip entry for ${entry.name} is not where the directory says`);
    const dataStart = entry.headerOffset + 30 + u16(header, 26) + u16(header, 28);
    if (dataStart + entry.compressedSize > this.source.size)
      throw damaged(`${entry.name} runs past the end of the file (it may have been cut short)`);

    const crcOf =
      platform.crc32 ?? ((data: Uint8Array, previous: number) => crc32Update(previous, data));
    let crc = 0;
    let total = 0;
    const check = (chunk: Uint8Array) => {
      if (signal?.aborted) throw aborted();
      total += chunk.length;
      if (total > maxBytes)
        throw exhausting(`${entry.name} inflates to more than ${mb(maxBytes)} (the cap)`);
      crc = crcOf(chunk, crc);
    };

    const source = this.source;
    /** The compressed bytes in pieces, the next piece already being read while one is used. */
    async function* compressed(): AsyncIterable<Uint8Array> {
      const step = 1 << 20;
      const piece = (at: number) =>
        at < entry.compressedSize
          ? source.read(dataStart + at, Math.min(step, entry.compressedSize - at))
          : undefined;
      let at = 0;
      let next = piece(0);
      try {
        while (next) {
          if (signal?.aborted) throw aborted();
          const chunk = await next;
          if (chunk.length === 0) throw damaged(`${entry.name} is cut short`);
          at += chunk.length;
          next = piece(at);
          yield chunk;
        }
      } finally {
        // A read started ahead and no longer wanted must not fail unheard.
        next?.catch(() => undefined);
      }
    }

    if (entry.method === 0) {
      for await (const chunk of compressed()) {
        check(chunk);
        yield chunk;
      }
    } else if (platform.inflateRawWhole && entry.compressedSize <= 1 << 20) {
      const data = await source.read(dataStart, entry.compressedSize);
      let whole: Uint8Array | null;
      try {
        whole = platform.inflateRawWhole(data, Math.min(maxBytes, 64 * 1024 * 1024));
      } catch (err) {
        throw inflateFailure(entry, err);
      }
      if (whole) {
        check(whole);
        yield whole;
      } else {
        for await (const chunk of this.inflated(entry, platform, compressed())) {
          check(chunk);
          yield chunk;
        }
      }
    } else {
      for await (const chunk of this.inflated(entry, platform, compressed())) {
        check(chunk);
        yield chunk;
      }
    }
    // Some writers leave the CRC at zero; any other mismatch is damage.
    if (entry.crc !== 0 && crc !== entry.crc)
      throw damaged(`${entry.name} fails its checksum (the file was changed or cut short)`);
  }

  private async *inflated(
    entry: ZipEntry,
    platform: ZipPlatform,
    compressed: AsyncIterable<Uint8Array>
  ): AsyncIterable<Uint8Array> {
    try {
      for await (const chunk of platform.inflateRaw(compressed)) yield chunk;
    } catch (err) {
      throw inflateFailure(entry, err);
    }
  }

  /** A whole (small) part as bytes. */
  async bytes(entry: ZipEntry, platform: ZipPlatform, maxBytes: number): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const c of this.stream(entry, platform, maxBytes)) {
      chunks.push(c);
      length += c.length;
    }
    return joinBytes(chunks, length);
  }
}

function inflateFailure(entry: ZipEntry, err: unknown): Error {
  if (err instanceof WorkbookReadError) return err;
  return damaged(`${entry.name} cannot be decompressed (${shortReason(err)})`);
}

function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0].slice(0, 80);
}

export function mb(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
