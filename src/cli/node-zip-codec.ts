import * as zlib from "node:zlib";
import { type ZipCodec, crc32 } from "../file/zip-package";

/**
 * Node's zlib for the committee package. Level 1: the action plan is tens of megabytes of very
 * repetitive XML, which the fastest level already shrinks about tenfold.
 */
export const nodeZipCodec: ZipCodec = {
  // Asynchronous: zlib works on its own thread while the next part of the package is built.
  deflateRaw: (data) =>
    new Promise((resolve, reject) =>
      zlib.deflateRaw(data, { level: 1 }, (err, out) => (err ? reject(err) : resolve(out)))
    ),
  // zlib.crc32 arrived in Node 20.15; earlier 20.x releases use the package's own.
  crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : crc32,
};
