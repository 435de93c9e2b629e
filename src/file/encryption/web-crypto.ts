import { joinBytes } from "../join-bytes";
import type { DecryptCrypto, HashName } from "./office-decrypt";

/**
 * WebCrypto for encrypted workbooks (the browser, or a worker). WebCrypto's AES-CBC always strips
 * PKCS#7 padding and has no ECB, so both are built from CBC: a block is appended whose decryption
 * is exactly one block of padding, and ECB is CBC with each block's chaining undone.
 */

interface SubtleLike {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
  importKey(
    format: "raw",
    key: Uint8Array,
    algorithm: string,
    extractable: boolean,
    usages: string[]
  ): Promise<unknown>;
  encrypt(
    algorithm: { name: string; iv: Uint8Array },
    key: unknown,
    data: Uint8Array
  ): Promise<ArrayBuffer>;
  decrypt(
    algorithm: { name: string; iv: Uint8Array },
    key: unknown,
    data: Uint8Array
  ): Promise<ArrayBuffer>;
}

function subtle(): SubtleLike {
  const c = (globalThis as unknown as { crypto?: { subtle?: SubtleLike } }).crypto;
  if (!c?.subtle)
    throw new Error(
      "this browser offers no WebCrypto, which opening a password-protected workbook needs"
    );
  return c.subtle;
}

async function cbcNoPadding(
  keyBytes: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array
): Promise<Uint8Array> {
  if (data.length === 0) return data;
  const s = subtle();
  const key = await s.importKey("raw", keyBytes, "AES-CBC", false, ["encrypt", "decrypt"]);
  const last = data.subarray(data.length - 16);
  // E(padding XOR last): decrypting it after `data` yields one whole block of PKCS#7 padding.
  const padding = new Uint8Array(16).fill(16);
  const extra = new Uint8Array(
    await s.encrypt({ name: "AES-CBC", iv: last.slice() }, key, padding)
  ).subarray(0, 16);
  return new Uint8Array(
    await s.decrypt({ name: "AES-CBC", iv: iv.slice() }, key, joinBytes([data, extra]))
  );
}

export const webDecryptCrypto: DecryptCrypto = {
  digest: async (hash: HashName, ...parts) =>
    new Uint8Array(await subtle().digest(hash, joinBytes(parts))),
  spin: async (hash, start, count, signal) => {
    const s = subtle();
    const buffer = new Uint8Array(4 + start.length);
    let current = start;
    for (let i = 0; i < count; i++) {
      if ((i & 0xfff) === 0 && signal?.aborted) break;
      buffer[0] = i & 0xff;
      buffer[1] = (i >>> 8) & 0xff;
      buffer[2] = (i >>> 16) & 0xff;
      buffer[3] = (i >>> 24) & 0xff;
      buffer.set(current, 4);
      current = new Uint8Array(await s.digest(hash, buffer));
    }
    return current;
  },
  aesCbcDecrypt: cbcNoPadding,
  aesEcbDecrypt: async (key, data) => {
    const chained = await cbcNoPadding(key, new Uint8Array(16), data);
    for (let i = 16; i < chained.length; i++) chained[i] ^= data[i - 16];
    return chained;
  },
};
