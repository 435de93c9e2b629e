import { WorkbookReadError } from "../read-error";

/**
 * A reader for OLE compound files (MS-CFB), the container Excel puts an encrypted workbook in and
 * that .xls, .doc and .ppt files use. It reads the streams' names and contents, following every
 * sector chain with a bound, so a damaged or looping file ends in one clear error.
 */

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

export interface CompoundFile {
  /** Stream names (any depth), each to its bytes on demand. */
  readonly names: readonly string[];
  stream(name: string): Uint8Array | undefined;
}

function notReadable(what: string): WorkbookReadError {
  return new WorkbookReadError(
    `the file is an Office file of the older kind (OLE) that cannot be read (${what}): open it in Excel and save it as an Excel Workbook (.xlsx), then check that`,
    "damaged"
  );
}

export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512) throw notReadable("it is cut short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : FREE);
  const sectorShift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6)
    throw notReadable("its header is not one Office writes");
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorAt = (n: number) => (n + 1) * sectorSize;

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(76 + i * 4);
    if (s < sectorCount) fatSectors.push(s);
  }
  let difat = u32(68);
  for (let guard = 0; difat < sectorCount; guard++) {
    if (guard > sectorCount) throw notReadable("its sector table loops");
    const base = sectorAt(difat);
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const s = u32(base + i * 4);
      if (s < sectorCount) fatSectors.push(s);
    }
    difat = u32(base + sectorSize - 4);
  }
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4));
  fatSectors.forEach((s, k) => {
    for (let i = 0; i < sectorSize / 4; i++)
      fat[k * (sectorSize / 4) + i] = u32(sectorAt(s) + i * 4);
  });

  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN && s !== FREE; s = table[s]) {
      if (s >= limit || s >= table.length || out.length > limit)
        throw notReadable("a sector chain is broken");
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    const out = new Uint8Array(size);
    let at = 0;
    for (const s of chain(start, fat, sectorCount)) {
      if (at >= size) break;
      const from = sectorAt(s);
      const piece = bytes.subarray(from, Math.min(from + sectorSize, from + size - at));
      out.set(piece, at);
      at += piece.length;
    }
    // A chain shorter than the stated size (some writers overstate it): what it holds is the stream.
    return at < size ? out.subarray(0, at) : out;
  };

  const directorySectors = chain(u32(48), fat, sectorCount);
  const entries: { name: string; type: number; start: number; size: number }[] = [];
  for (const s of directorySectors) {
    for (let e = 0; e < sectorSize / 128; e++) {
      const at = sectorAt(s) + e * 128;
      if (at + 128 > bytes.length) break;
      const nameLength = Math.min(64, view.getUint16(at + 64, true));
      let name = "";
      for (let i = 0; i + 2 < nameLength; i += 2)
        name += String.fromCharCode(view.getUint16(at + i, true));
      const low = view.getUint32(at + 120, true);
      const high = sectorShift === 12 ? view.getUint32(at + 124, true) : 0;
      entries.push({
        name,
        type: bytes[at + 66],
        start: view.getUint32(at + 116, true),
        size: low + high * 0x100000000,
      });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw notReadable("it has no root directory");
  const cutoff = u32(56) === FREE ? 4096 : u32(56);
  let miniStream: Uint8Array | undefined;
  let miniFat: Uint32Array | undefined;
  const mini = (start: number, size: number): Uint8Array => {
    if (!miniStream) {
      if (root.size > bytes.length) throw notReadable("its mini stream is larger than the file");
      miniStream = readChain(root.start, root.size);
      const miniFatSectors = chain(u32(60), fat, sectorCount);
      miniFat = new Uint32Array(miniFatSectors.length * (sectorSize / 4));
      miniFatSectors.forEach((sec, k) => {
        for (let i = 0; i < sectorSize / 4; i++)
          miniFat![k * (sectorSize / 4) + i] = u32(sectorAt(sec) + i * 4);
      });
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const s of chain(start, miniFat!, miniStream.length >> miniShift)) {
      if (at >= size) break;
      const from = s << miniShift;
      const piece = miniStream.subarray(from, Math.min(from + 64, from + size - at));
      out.set(piece, at);
      at += piece.length;
    }
    if (at < size) throw notReadable("a stream is cut short");
    return out;
  };

  const streams = new Map<string, { start: number; size: number }>();
  for (const e of entries) if (e.type === 2 && !streams.has(e.name)) streams.set(e.name, e);
  return {
    names: [...streams.keys()],
    stream(name) {
      const e = streams.get(name);
      if (!e) return undefined;
      if (e.size > bytes.length) throw notReadable(`its ${name} stream is larger than the file`);
      return e.size < cutoff ? mini(e.start, e.size) : readChain(e.start, e.size);
    },
  };
}
