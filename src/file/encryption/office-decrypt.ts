import { WorkbookReadError, aborted } from "../read-error";
import { type XmlHandler, XmlTokenizer, attribute } from "../xml-tokenizer";
import type { CompoundFile } from "./compound-file";

/**
 * Opens a password-protected workbook: ECMA-376 "agile" encryption (Excel 2010 and later) and
 * "standard" encryption (Excel 2007), as MS-OFFCRYPTO describes them. The platform gives the
 * hashes and AES (Node's crypto, or WebCrypto in the browser).
 */

export type HashName = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

export interface DecryptCrypto {
  digest(hash: HashName, ...parts: Uint8Array[]): Promise<Uint8Array>;
  /** H(iterator as 4 little-endian bytes + previous), `count` times over, from `start`. */
  spin(
    hash: HashName,
    start: Uint8Array,
    count: number,
    signal?: { readonly aborted: boolean }
  ): Promise<Uint8Array>;
  /** AES-CBC without padding (the data is whole blocks). */
  aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  /** AES-ECB without padding (the data is whole blocks). */
  aesEcbDecrypt(key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
}

export interface DecryptOptions {
  /** Tried in order; the first that opens the package wins. */
  readonly passwords: readonly string[];
  /** Whether the user gave one (otherwise only Excel's default was tried). */
  readonly passwordGiven: boolean;
  readonly crypto: DecryptCrypto;
  readonly signal?: { readonly aborted: boolean };
}

function unsupported(what: string): WorkbookReadError {
  return new WorkbookReadError(
    `the workbook is password-protected with ${what}, which govcheck cannot open: open it in Excel, remove the password under File > Info > Protect Workbook, save a copy and check that`,
    "format"
  );
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >> 8;
  }
  return out;
}

function le32(n: number): Uint8Array {
  return new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
}

function base64(text: string): Uint8Array {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const clean = text.replace(/[^A-Za-z0-9+/]/g, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    value = (value << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

/** Cut to `length`, or padded with `pad` up to it, as the key and IV rules say. */
function fit(bytes: Uint8Array, length: number, pad = 0x36): Uint8Array {
  if (bytes.length >= length) return bytes.subarray(0, length);
  const out = new Uint8Array(length).fill(pad);
  out.set(bytes);
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

function hashName(name: string): HashName {
  const n = name.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (n === "SHA1") return "SHA-1";
  if (n === "SHA256") return "SHA-256";
  if (n === "SHA384") return "SHA-384";
  if (n === "SHA512") return "SHA-512";
  throw unsupported(`the ${name} hash`);
}

function packageSize(encrypted: Uint8Array): number {
  const view = new DataView(encrypted.buffer, encrypted.byteOffset, encrypted.byteLength);
  return view.getUint32(0, true) + view.getUint32(4, true) * 0x100000000;
}

interface AgileInfo {
  keyData: Record<string, string>;
  password: Record<string, string>;
}

function agileInfo(xml: string): AgileInfo {
  const info: AgileInfo = { keyData: {}, password: {} };
  const grab = (attrs: string, into: Record<string, string>) => {
    for (const name of [
      "saltValue",
      "hashAlgorithm",
      "blockSize",
      "keyBits",
      "hashSize",
      "cipherAlgorithm",
      "cipherChaining",
      "spinCount",
      "encryptedVerifierHashInput",
      "encryptedVerifierHashValue",
      "encryptedKeyValue",
    ]) {
      const v = attribute(attrs, name);
      if (v !== undefined) into[name] = v;
    }
  };
  const handler: XmlHandler = {
    wantText: false,
    open(local, attrs) {
      if (local === "keyData") grab(attrs, info.keyData);
      else if (local === "encryptedKey" && attribute(attrs, "spinCount") !== undefined)
        grab(attrs, info.password);
    },
    close() {},
    text() {},
  };
  const tokenizer = new XmlTokenizer(handler, "the encryption information");
  tokenizer.write(xml);
  tokenizer.end();
  return info;
}

async function agile(
  info: Uint8Array,
  encrypted: Uint8Array,
  options: DecryptOptions
): Promise<Uint8Array | undefined> {
  const { crypto, signal } = options;
  const { keyData, password } = agileInfo(new TextDecoder().decode(info.subarray(8)));
  if (!password.encryptedKeyValue) throw unsupported("a certificate rather than a password");
  for (const p of [keyData, password]) {
    if (p.cipherAlgorithm && p.cipherAlgorithm !== "AES")
      throw unsupported(`the ${p.cipherAlgorithm} cipher`);
    if (p.cipherChaining && p.cipherChaining !== "ChainingModeCBC")
      throw unsupported(`the ${p.cipherChaining} mode`);
  }
  const passwordHash = hashName(password.hashAlgorithm ?? "SHA1");
  const dataHash = hashName(keyData.hashAlgorithm ?? "SHA1");
  const salt = base64(password.saltValue ?? "");
  const keyBytes = Number(password.keyBits ?? "128") / 8;
  const blockSize = Number(password.blockSize ?? "16");
  const spinCount = Math.min(Number(password.spinCount ?? "100000"), 10_000_000);
  const iv = fit(salt, blockSize);
  const blockKey = (hash: Uint8Array, block: number[]) =>
    crypto.digest(passwordHash, hash, new Uint8Array(block)).then((h) => fit(h, keyBytes));

  for (const candidate of options.passwords) {
    const h0 = await crypto.digest(passwordHash, salt, utf16le(candidate));
    const hn = await crypto.spin(passwordHash, h0, spinCount, signal);
    const verifierKey = await blockKey(hn, [0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]);
    const hashKey = await blockKey(hn, [0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]);
    const input = await crypto.aesCbcDecrypt(
      verifierKey,
      iv,
      base64(password.encryptedVerifierHashInput ?? "")
    );
    const expected = await crypto.digest(passwordHash, input.subarray(0, salt.length));
    const stored = await crypto.aesCbcDecrypt(
      hashKey,
      iv,
      base64(password.encryptedVerifierHashValue ?? "")
    );
    if (!equal(expected, stored.subarray(0, expected.length))) continue;

    const keyKey = await blockKey(hn, [0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6]);
    const secret = (
      await crypto.aesCbcDecrypt(keyKey, iv, base64(password.encryptedKeyValue ?? ""))
    ).subarray(0, Number(keyData.keyBits ?? "128") / 8);
    const size = packageSize(encrypted);
    const body = encrypted.subarray(8);
    if (size > body.length)
      throw new WorkbookReadError(
        "the encrypted workbook is cut short: save it again from Excel and retry",
        "damaged"
      );
    const out = new Uint8Array(body.length);
    const keySalt = base64(keyData.saltValue ?? "");
    const dataBlock = Number(keyData.blockSize ?? "16");
    for (let segment = 0, at = 0; at < body.length; segment++, at += 4096) {
      if (signal?.aborted) throw aborted();
      const chunk = body.subarray(at, Math.min(at + 4096, body.length));
      const whole = chunk.subarray(0, chunk.length - (chunk.length % 16));
      const segmentIv = fit(await crypto.digest(dataHash, keySalt, le32(segment)), dataBlock);
      out.set(await crypto.aesCbcDecrypt(secret, segmentIv, whole), at);
    }
    return out.subarray(0, size);
  }
  return undefined;
}

async function standard(
  info: Uint8Array,
  encrypted: Uint8Array,
  options: DecryptOptions
): Promise<Uint8Array | undefined> {
  const { crypto, signal } = options;
  const view = new DataView(info.buffer, info.byteOffset, info.byteLength);
  const headerSize = view.getUint32(8, true);
  const header = 12;
  const algId = view.getUint32(header + 8, true);
  const hashId = view.getUint32(header + 12, true);
  const keyBits = view.getUint32(header + 16, true);
  if (algId !== 0x660e && algId !== 0x660f && algId !== 0x6610)
    throw unsupported("an RC4 or unknown cipher");
  if (hashId !== 0x8004 && hashId !== 0) throw unsupported("an unknown hash");
  const verifier = header + headerSize;
  const saltSize = view.getUint32(verifier, true);
  const salt = info.subarray(verifier + 4, verifier + 4 + saltSize);
  const encryptedVerifier = info.subarray(verifier + 4 + saltSize, verifier + 20 + saltSize);
  const hashSize = view.getUint32(verifier + 20 + saltSize, true);
  const encryptedHash = info.subarray(verifier + 24 + saltSize, verifier + 24 + saltSize + 32);
  const keyBytes = (keyBits || 128) / 8;

  for (const candidate of options.passwords) {
    const h0 = await crypto.digest("SHA-1", salt, utf16le(candidate));
    const hn = await crypto.spin("SHA-1", h0, 50_000, signal);
    const final = await crypto.digest("SHA-1", hn, le32(0));
    const derive = async (fill: number) => {
      const buffer = new Uint8Array(64).fill(fill);
      for (let i = 0; i < final.length; i++) buffer[i] ^= final[i];
      return crypto.digest("SHA-1", buffer);
    };
    const x = new Uint8Array(40);
    x.set(await derive(0x36));
    x.set(await derive(0x5c), 20);
    const key = x.subarray(0, keyBytes);
    const plainVerifier = await crypto.aesEcbDecrypt(key, encryptedVerifier);
    const plainHash = await crypto.aesEcbDecrypt(key, encryptedHash);
    const expected = await crypto.digest("SHA-1", plainVerifier);
    if (!equal(expected, plainHash.subarray(0, Math.min(hashSize || 20, 20)))) continue;
    const size = packageSize(encrypted);
    const body = encrypted.subarray(8, 8 + (encrypted.length - 8) - ((encrypted.length - 8) % 16));
    if (size > body.length)
      throw new WorkbookReadError(
        "the encrypted workbook is cut short: save it again from Excel and retry",
        "damaged"
      );
    return (await crypto.aesEcbDecrypt(key, body)).subarray(0, size);
  }
  return undefined;
}

/**
 * The workbook package inside an OLE file, decrypted. Throws a WorkbookReadError naming what the
 * file is when it is an .xls, a Word or PowerPoint file, or when the password is missing or wrong.
 */
export async function decryptPackage(
  ole: CompoundFile,
  options: DecryptOptions
): Promise<Uint8Array> {
  const info = ole.stream("EncryptionInfo");
  const encrypted = ole.stream("EncryptedPackage");
  if (!info || !encrypted) {
    const names = new Set(ole.names);
    if (names.has("Workbook") || names.has("Book"))
      throw new WorkbookReadError(
        "this is an old-format .xls workbook (Excel 97-2003): open it in Excel and save it as an Excel Workbook (.xlsx), then check that",
        "format"
      );
    if (names.has("WordDocument"))
      throw new WorkbookReadError(
        "this is a Word 97-2003 document (.doc), not a workbook: check you picked the right file",
        "format"
      );
    if (names.has("PowerPoint Document"))
      throw new WorkbookReadError(
        "this is a PowerPoint 97-2003 presentation (.ppt), not a workbook: check you picked the right file",
        "format"
      );
    throw new WorkbookReadError(
      "the file is an older Office file (OLE) but not a workbook: check you picked the right file",
      "format"
    );
  }
  if (info.length < 8 || encrypted.length < 8)
    throw new WorkbookReadError(
      "the encrypted workbook is damaged: save it again from Excel and retry",
      "damaged"
    );
  const major = info[0] | (info[1] << 8);
  const minor = info[2] | (info[3] << 8);
  let plain: Uint8Array | undefined;
  if (major === 4 && minor === 4) plain = await agile(info, encrypted, options);
  else if ((major === 2 || major === 3 || major === 4) && minor === 2)
    plain = await standard(info, encrypted, options);
  else throw unsupported(`encryption version ${major}.${minor}`);
  if (plain) return plain;
  if (!options.passwordGiven)
    throw new WorkbookReadError(
      "the workbook is password-protected: give its password to check it",
      "password-required"
    );
  throw new WorkbookReadError(
    "the password given does not open this workbook: check it (passwords are case-sensitive) and try again",
    "password-wrong"
  );
}
