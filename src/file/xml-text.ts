/** Text made safe for the XML parts of an .xlsx package. */

import { joinBytes } from "./join-bytes";

const encoder = new TextEncoder();

// Characters XML 1.0 cannot carry: control characters other than tab, line feed and carriage
// return, U+FFFE and U+FFFF, and halves of a surrogate pair standing alone. A whole pair is matched
// first so that it can be kept (no lookbehind: older Safari, as in Excel for Mac, lacks it).
const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/** The quick test before INVALID's replace: most text has none of these. */
// eslint-disable-next-line no-control-regex
const MAYBE_INVALID = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** A match of INVALID or NOT_XML that is a whole surrogate pair, and so is kept. */
function isPair(match: string): boolean {
  return match.length === 2;
}

/**
 * For attribute values (always double-quoted here) and element text alike: markup escaped, and
 * characters XML cannot carry dropped, so the part is well-formed whatever text it is given.
 * (Chart captions, titles and names: a control character there has no meaning to keep.)
 */
export function escapeXml(text: string): string {
  const t = MAYBE_INVALID.test(text) ? text.replace(INVALID, (m) => (isPair(m) ? m : "")) : text;
  if (!/[<>&"]/.test(t)) return t;
  return t.replace(
    /[<>&"]/g,
    (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[ch]!
  );
}

/** Excel refuses a cell holding more than 32,767 characters. */
const MAX_CELL_TEXT = 32_767;
// Control characters are what these two look for: XML 1.0 cannot carry them (nor a lone half of a
// surrogate pair), and a carriage return in text reaches the reader as a line feed unless escaped.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\x00-\x08\x0B-\x0D\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g;
const CARE =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0B-\x0D\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/;

/**
 * A cell's text as the content of a <t> element. Characters XML cannot carry (a stray control code
 * pasted from another system, a lone surrogate) are written as Excel's own _xHHHH_ escapes, and a
 * literal "_x0041_" typed by an officer has its underscore escaped, so all read back as they were.
 */
export function cellTextXml(text: string): string {
  let t = text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
  if (CARE.test(t)) {
    t = t
      .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
      .replace(NOT_XML, (ch) =>
        isPair(ch) ? ch : `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
      );
  }
  return escapeXml(t);
}

/** The reverse of cellTextXml's escapes, as Excel writes them ("_x000D_" for a carriage return). */
export function unescapeCellText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/**
 * Builds a large XML part as UTF-8 without holding it as one string: text gathers into chunks of
 * about a megabyte, each encoded once.
 */
export class Utf8Builder {
  private text = "";
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  add(piece: string): void {
    this.text += piece;
    if (this.text.length > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.text === "") return;
    const bytes = encoder.encode(this.text);
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.text = "";
  }

  bytes(): Uint8Array {
    this.flush();
    return joinBytes(this.chunks, this.size);
  }
}

/** ASCII markup as bytes, for AsciiWriter.raw. */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) throw new Error(`not ASCII: ${JSON.stringify(text)}`);
    out[i] = code;
  }
  return out;
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Markup written straight into bytes. A sheet's XML, once its text has gone to the shared strings,
 * is all tags, references and numbers: writing those as bytes skips building and encoding a string
 * for each of a million cells.
 */
export class AsciiWriter {
  private buffer = new Uint8Array(1 << 20);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.at + n));
    grown.set(this.buffer.subarray(0, this.at));
    this.buffer = grown;
  }

  /** Text known to be ASCII (markup, references, numbers); anything else is a mistake here. */
  ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) throw new Error(`not ASCII: ${JSON.stringify(text)}`);
      this.buffer[this.at++] = code;
    }
  }

  /** Bytes prepared once (see asciiBytes), for markup written a million times over. */
  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i];
    this.at = at;
  }

  /** A whole number of zero or more, digit by digit. */
  int(n: number): void {
    if (n >= 1e15) {
      this.ascii(String(n));
      return;
    }
    this.room(16);
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    let x = n;
    do {
      this.buffer[--at] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
  }

  /** Where the next byte goes: with rewind, lets a writer take back what it started. */
  get position(): number {
    return this.at;
  }

  rewind(position: number): void {
    this.at = position;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }
}
