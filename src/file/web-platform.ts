import { crc32Update } from "./crc32";
import { webDecryptCrypto } from "./encryption/web-crypto";
import type { ReaderPlatform } from "./workbook-reader";

interface StreamPair {
  readonly writable: {
    getWriter(): {
      write(c: Uint8Array): Promise<void>;
      close(): Promise<void>;
      abort(e?: unknown): Promise<void>;
    };
  };
  readonly readable: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(e?: unknown): Promise<void>;
    };
  };
}

/** The reader in a browser or worker: DecompressionStream("deflate-raw"), WebCrypto. */
export const webReaderPlatform: ReaderPlatform = {
  async *inflateRaw(compressed) {
    const Decompression = (
      globalThis as unknown as { DecompressionStream?: new (format: string) => StreamPair }
    ).DecompressionStream;
    if (!Decompression) throw new Error("this browser cannot decompress (no DecompressionStream)");
    const stream = new Decompression("deflate-raw");
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    let failure: unknown;
    const feeding = (async () => {
      try {
        for await (const chunk of compressed) await writer.write(chunk);
        await writer.close();
      } catch (err) {
        failure = err;
        await writer.abort(err).catch(() => undefined);
      }
    })();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value) yield value;
      }
    } catch (err) {
      throw failure ?? err;
    } finally {
      await reader.cancel().catch(() => undefined);
      await feeding;
    }
    if (failure) throw failure;
  },
  crc32: (data, previous) => crc32Update(previous, data),
  crypto: webDecryptCrypto,
};
