import type { ReaderLimits } from "./limits";
import { aborted, damaged, exhausting } from "./read-error";
import { type XmlHandler, XmlTokenizer } from "./xml-tokenizer";
import { type ZipArchive, type ZipEntry, type ZipPlatform, mb } from "./zip-reader";

/** What one read of a workbook has used so far, against the caps. */
export interface ReadBudget {
  bytes: number;
  textChars: number;
  cellSlots: number;
  mergeWork: number;
  /** Cells whose text was longer than Excel allows, cut to its limit. */
  longTexts: number;
  /** Cells in a row numbered 0, which no spreadsheet shows: not read. */
  rowZeroCells: number;
  /** Merged areas and other ranges kept by sheet sections. */
  ranges: number;
}

export function newBudget(): ReadBudget {
  return {
    bytes: 0,
    textChars: 0,
    cellSlots: 0,
    mergeWork: 0,
    longTexts: 0,
    rowZeroCells: 0,
    ranges: 0,
  };
}

export interface PartContext {
  readonly archive: ZipArchive;
  readonly platform: ZipPlatform;
  readonly limits: ReaderLimits;
  readonly budget: ReadBudget;
  readonly signal?: { readonly aborted: boolean };
  /** Inflated bytes of this part as they are read, for a progress bar. */
  readonly onBytes?: (n: number) => void;
}

/** The encoding of an XML part, from its byte-order mark or declaration (UTF-8 when neither says). */
function encodingOf(head: Uint8Array, part: string): string {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head[0] === 0x3c && head[1] === 0x00) return "utf-16le";
  if (head[0] === 0x00 && head[1] === 0x3c) return "utf-16be";
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  let declaration = "";
  for (let i = 0; i < head.length && i < 200; i++) {
    declaration += String.fromCharCode(head[i]);
    if (head[i] === 0x3e) break;
  }
  const label = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(declaration)?.[1];
  if (!label || /^(utf-?8|us-ascii|ascii)$/i.test(label)) return "utf-8";
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw damaged(`${part} is in a text encoding this reader cannot decode (${label})`);
  }
}

/**
 * Streams one XML part of the package through a handler: inflated, decoded (UTF-8 across chunk
 * boundaries, or UTF-16), tokenized. Markup-compatibility choices are resolved to their fallback.
 */
export async function readXmlPart(
  ctx: PartContext,
  entry: ZipEntry,
  handler: XmlHandler
): Promise<void> {
  const { limits, budget } = ctx;
  const tokenizer = new XmlTokenizer(handler, entry.name);
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let pending: Uint8Array | undefined;
  const room = Math.min(limits.maxPartBytes, limits.maxTotalBytes - budget.bytes);
  if (room <= 0)
    throw exhausting(
      `its parts inflate to more than ${mb(limits.maxTotalBytes)} together (the cap)`
    );
  for await (let chunk of ctx.archive.stream(entry, ctx.platform, room, ctx.signal)) {
    if (ctx.signal?.aborted) throw aborted();
    budget.bytes += chunk.length;
    ctx.onBytes?.(chunk.length);
    if (!decoder) {
      if (pending) {
        const joined = new Uint8Array(pending.length + chunk.length);
        joined.set(pending);
        joined.set(chunk, pending.length);
        chunk = joined;
        pending = undefined;
      }
      if (chunk.length < 4) {
        pending = chunk;
        continue;
      }
      decoder = new TextDecoder(encodingOf(chunk, entry.name));
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) tokenizer.write(text);
  }
  if (!decoder) decoder = new TextDecoder(pending ? encodingOf(pending, entry.name) : "utf-8");
  const rest = decoder.decode(pending);
  if (rest) tokenizer.write(rest);
  tokenizer.end();
}
