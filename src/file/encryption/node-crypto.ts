import { createDecipheriv, createHash } from "node:crypto";
import type { DecryptCrypto, HashName } from "./office-decrypt";

const NODE_HASH: Record<HashName, string> = {
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

function decipher(
  mode: "cbc" | "ecb",
  key: Uint8Array,
  iv: Uint8Array | null,
  data: Uint8Array
): Uint8Array {
  const d = createDecipheriv(`aes-${key.length * 8}-${mode}`, key, iv);
  d.setAutoPadding(false);
  return Buffer.concat([d.update(data), d.final()]);
}

/** Node's crypto for encrypted workbooks (the command line). */
export const nodeDecryptCrypto: DecryptCrypto = {
  digest: async (hash, ...parts) => {
    const h = createHash(NODE_HASH[hash]);
    for (const p of parts) h.update(p);
    return h.digest();
  },
  spin: async (hash, start, count, signal) => {
    const name = NODE_HASH[hash];
    let current: Uint8Array = start;
    const iterator = Buffer.alloc(4);
    for (let i = 0; i < count; i++) {
      if ((i & 0xffff) === 0 && signal?.aborted) break;
      iterator.writeUInt32LE(i, 0);
      current = createHash(name).update(iterator).update(current).digest();
    }
    return current;
  },
  aesCbcDecrypt: async (key, iv, data) => decipher("cbc", key, iv, data),
  aesEcbDecrypt: async (key, data) => decipher("ecb", key, null, data),
};
