import { damaged, exhausting } from "./read-error";

/**
 * A small streaming XML tokenizer for the parts of a workbook. It takes text in chunks of any size
 * (a tag, an entity or a CDATA section may be split anywhere), checks that elements nest, and hands
 * on element starts, ends and character data. Names reach the handler without their namespace
 * prefix, so Transitional and Strict Open XML (and any prefix a producer chose) read alike.
 *
 * What it refuses: a document type that declares entities (the way to an entity-expansion bomb;
 * Open XML packages never use a DTD), an unknown entity reference, mismatched or unclosed
 * elements, and any single tag, comment or CDATA section longer than MAX_TOKEN characters.
 */

export interface XmlHandler {
  /** Whether character data is wanted now: text nobody wants is skipped without being copied. */
  wantText: boolean;
  /** An element starts. `attrs` is the raw attribute text (read it with `attribute`). */
  open(local: string, attrs: string): void;
  /** An element ends (also called straight after `open` for an empty element `<x/>`). */
  close(local: string): void;
  /** Character data, entities decoded; one run of text may come in several calls. */
  text(text: string): void;
}

/** The longest tag, comment, CDATA section or entity the tokenizer holds while waiting for its end. */
const MAX_TOKEN = 32 * 1024 * 1024;
/** Elements deeper than this are not a spreadsheet. */
const MAX_DEPTH = 2000;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQUOTE = 34;
const SQUOTE = 39;

function isNameEnd(code: number): boolean {
  // white space, '/', '>'
  return code === 32 || code === 9 || code === 10 || code === 13 || code === SLASH || code === GT;
}

/** Whether `buffer` holds `name` at `at` (a character loop: names are short, and this runs per tag). */
function holds(buffer: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++)
    if (buffer.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * XML's end-of-line handling: CR LF and a lone CR are read as LF (a carriage return a cell really
 * holds is written as &#13; or Excel's _x000D_, which are not touched).
 */
function lineEnds(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code >= 0xc0;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/** Replaces entity and character references. `where` names the part, for the error message. */
export function decodeEntities(text: string, where = "a part"): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&([^;&\s]{1,12});/g, (_m, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code =
        ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88
          ? parseInt(ref.slice(2), 16)
          : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff)
        throw damaged(`${where} holds a character reference that is not a character (&${ref};)`);
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[ref];
    if (named === undefined)
      throw damaged(`${where} refers to an entity XML does not define (&${ref};)`);
    return named;
  });
}

interface CachedName {
  readonly qualified: string;
  readonly local: string;
}

export class XmlTokenizer {
  private buffer = "";
  private pos = 0;
  /** The open elements, `depth` of them (an array kept at its size: no push and pop per tag). */
  private readonly stack: CachedName[] = new Array<CachedName>(MAX_DEPTH);
  private depth = 0;
  private seenRoot = false;
  /** Element names seen, by a hash of their characters: tags repeat, so names are not re-sliced. */
  private readonly names: (CachedName | undefined)[] = new Array(512);
  /** Depth inside a markup-compatibility Choice being skipped (0: not skipping). */
  private skipping = 0;
  /** Chunks held while a cut-off token waits for its '>'. */
  private readonly stash: string[] = [];
  private stashLength = 0;

  constructor(
    private readonly handler: XmlHandler,
    private readonly part: string
  ) {}

  write(chunk: string): void {
    if (
      this.pos < this.buffer.length &&
      this.buffer.charCodeAt(this.pos) === LT &&
      chunk.indexOf(">") < 0
    ) {
      // Every token ends with '>': a chunk without one cannot finish the token cut off before it,
      // so it waits (a very long tag costs its length once, not once per chunk).
      this.stash.push(chunk);
      this.stashLength += chunk.length;
      if (this.buffer.length - this.pos + this.stashLength > MAX_TOKEN)
        throw exhausting(`${this.part} has a tag or text run longer than ${MAX_TOKEN} characters`);
      return;
    }
    if (this.stash.length) {
      chunk = this.stash.join("") + chunk;
      this.stash.length = 0;
      this.stashLength = 0;
    }
    if (this.pos < this.buffer.length) {
      // A token cut off at the last chunk's end. Joining it to the whole chunk would make a rope
      // that every character read then has to go through: it is finished on the chunk's text up to
      // the next '<' instead, and the rest of the chunk is read as it came.
      const leftover = this.buffer.slice(this.pos);
      const next = leftover.startsWith("<!") ? -1 : chunk.indexOf("<");
      if (next > 0) {
        this.buffer = leftover + chunk.slice(0, next);
        this.pos = 0;
        this.run();
        const still = this.buffer.slice(this.pos);
        chunk = still ? still + chunk.slice(next) : chunk.slice(next);
      } else chunk = leftover + chunk;
    }
    this.buffer = chunk;
    this.pos = 0;
    this.run();
    if (this.buffer.length - this.pos > MAX_TOKEN)
      throw exhausting(`${this.part} has a tag or text run longer than ${MAX_TOKEN} characters`);
  }

  end(): void {
    const rest = this.buffer.slice(this.pos) + this.stash.join("");
    if (rest.trim() !== "") {
      if (rest.indexOf("<") >= 0) throw damaged(`${this.part} ends in the middle of a tag`);
      // Text after the root element: harmless, as other readers find.
    }
    if (this.depth) throw damaged(`${this.part} ends before its elements close`);
    if (!this.seenRoot) throw damaged(`${this.part} is empty`);
    this.buffer = "";
    this.pos = 0;
  }

  private wantsText(): boolean {
    return this.skipping === 0 && this.handler.wantText && this.depth > 0;
  }

  /** Hands on text up to `end`, keeping back an entity reference cut off by the chunk's end. */
  private textUpTo(end: number, final: boolean): number {
    if (!this.wantsText()) return end;
    const buffer = this.buffer;
    let stop = end;
    if (!final) {
      const amp = buffer.lastIndexOf("&", end - 1);
      if (amp >= this.pos && buffer.indexOf(";", amp) < 0) stop = amp;
      // A carriage return may be the first half of a CR LF the next chunk finishes.
      if (stop > this.pos && buffer.charCodeAt(stop - 1) === 13) stop--;
    }
    if (stop > this.pos)
      this.handler.text(decodeEntities(lineEnds(buffer.slice(this.pos, stop)), this.part));
    return stop;
  }

  /** The element name at [from, to) of the buffer, from the cache when it has been seen before. */
  private name(from: number, to: number): CachedName {
    const buffer = this.buffer;
    const length = to - from;
    const hash =
      (length * 31 +
        buffer.charCodeAt(from) * 7 +
        buffer.charCodeAt(to - 1) * 3 +
        buffer.charCodeAt(from + (length >> 1))) &
      511;
    const cached = this.names[hash];
    if (cached && cached.qualified.length === length && holds(buffer, from, cached.qualified))
      return cached;
    const qualified = buffer.slice(from, to);
    const fresh = { qualified, local: localName(qualified) };
    this.names[hash] = fresh;
    return fresh;
  }

  private openElement(name: CachedName, attrs: string, empty: boolean): void {
    const local = name.local;
    if (this.skipping) {
      if (!empty) this.skipping++;
      return;
    }
    // Markup compatibility: a Choice's content is skipped, a Fallback's read in its place.
    if (local === "AlternateContent" || local === "Fallback") return;
    if (local === "Choice") {
      if (!empty) this.skipping = 1;
      return;
    }
    this.handler.open(local, attrs);
    if (empty) this.handler.close(local);
  }

  private closeElement(local: string): void {
    if (this.skipping) {
      this.skipping--;
      return;
    }
    if (local === "AlternateContent" || local === "Fallback") return;
    this.handler.close(local);
  }

  private run(): void {
    for (;;) {
      const buffer = this.buffer;
      const lt = buffer.indexOf("<", this.pos);
      if (lt < 0) {
        this.pos = this.textUpTo(buffer.length, false);
        return;
      }
      if (lt > this.pos) this.pos = this.textUpTo(lt, true);
      const length = buffer.length;
      if (lt + 1 >= length) return;
      const next = buffer.charCodeAt(lt + 1);
      if (next === SLASH) {
        const gt = buffer.indexOf(">", lt);
        if (gt < 0) return;
        const open = this.depth > 0 ? this.stack[this.depth - 1] : undefined;
        let nameEnd = gt;
        while (nameEnd > lt + 2 && buffer.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
        if (
          open === undefined ||
          nameEnd - (lt + 2) !== open.qualified.length ||
          !holds(buffer, lt + 2, open.qualified)
        ) {
          const qualified = buffer.slice(lt + 2, nameEnd);
          throw damaged(
            open === undefined
              ? `${this.part} closes an element it never opened (</${qualified.slice(0, 40)}>)`
              : `${this.part} is not well-formed XML (<${open.qualified}> closed by </${qualified.slice(0, 40)}>)`
          );
        }
        this.depth--;
        this.pos = gt + 1;
        this.closeElement(open.local);
        continue;
      }
      if (next === BANG) {
        if (!this.special(lt)) return;
        continue;
      }
      if (next === QUESTION) {
        const end = buffer.indexOf("?>", lt + 2);
        if (end < 0) return;
        this.pos = end + 2;
        continue;
      }
      // A start tag: find its '>' outside quoted attribute values (which may hold '>').
      let i = lt + 1;
      while (i < length && !isNameEnd(buffer.charCodeAt(i))) i++;
      if (i >= length) return;
      const nameEnd = i;
      let gt = -1;
      for (; i < length; i++) {
        const c = buffer.charCodeAt(i);
        if (c === GT) {
          gt = i;
          break;
        }
        if (c === DQUOTE || c === SQUOTE) {
          const close = buffer.indexOf(c === DQUOTE ? '"' : "'", i + 1);
          if (close < 0) {
            i = length;
            break;
          }
          i = close;
        } else if (c === LT)
          throw damaged(`${this.part} is not well-formed XML (a '<' inside a tag)`);
      }
      if (gt < 0) return;
      if (nameEnd === lt + 1 || !isNameStart(next))
        throw damaged(`${this.part} is not well-formed XML (a '<' that starts no tag)`);
      const name = this.name(lt + 1, nameEnd);
      const empty = buffer.charCodeAt(gt - 1) === SLASH;
      const attrs = gt - nameEnd > 1 || !empty ? buffer.slice(nameEnd, empty ? gt - 1 : gt) : "";
      this.pos = gt + 1;
      if (this.depth === 0) {
        if (this.seenRoot) throw damaged(`${this.part} has more than one root element`);
        this.seenRoot = true;
      }
      if (!empty) {
        if (this.depth >= MAX_DEPTH)
          throw exhausting(`${this.part} nests elements more than ${MAX_DEPTH} deep`);
        this.stack[this.depth++] = name;
      }
      this.openElement(name, attrs, empty);
    }
  }

  /** `<!--`, `<![CDATA[` or `<!DOCTYPE` at `lt`. False when its end has not arrived yet. */
  private special(lt: number): boolean {
    const buffer = this.buffer;
    if (buffer.startsWith("<!--", lt)) {
      const end = buffer.indexOf("-->", lt + 4);
      if (end < 0) return false;
      this.pos = end + 3;
      return true;
    }
    if (buffer.startsWith("<![CDATA[", lt)) {
      const end = buffer.indexOf("]]>", lt + 9);
      if (end < 0) return false;
      if (this.wantsText()) this.handler.text(lineEnds(buffer.slice(lt + 9, end)));
      this.pos = end + 3;
      return true;
    }
    if (buffer.length - lt < 9) return false;
    if (buffer.startsWith("<!DOCTYPE", lt)) {
      // Declarations inside [...] may hold '>': the doctype ends at the first '>' after them.
      const open = buffer.indexOf("[", lt);
      const firstGt = buffer.indexOf(">", lt);
      if (firstGt < 0) return false;
      let end = firstGt;
      if (open >= 0 && open < firstGt) {
        const close = buffer.indexOf("]", open);
        if (close < 0) return false;
        const subset = buffer.slice(open, close);
        if (/<!ENTITY/i.test(subset))
          throw exhausting(
            `${this.part} declares XML entities (the shape of an entity-expansion bomb; Excel never writes them)`
          );
        end = buffer.indexOf(">", close);
        if (end < 0) return false;
      }
      this.pos = end + 1;
      return true;
    }
    throw damaged(`${this.part} is not well-formed XML (an unknown '<!' declaration)`);
  }
}

/**
 * The value of attribute `name` in a tag's raw attribute text, entities decoded; `undefined` when
 * absent. A name with a prefix ("r:id") matches only with that prefix; use `prefixedAttribute` to
 * find one whatever prefix the producer chose.
 */
export function attribute(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? 32 : attrs.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let i = from;
    while (i < attrs.length && attrs.charCodeAt(i) <= 32) i++;
    if (attrs.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (i < attrs.length && attrs.charCodeAt(i) <= 32) i++;
    const quote = attrs.charCodeAt(i);
    if (quote !== DQUOTE && quote !== SQUOTE) return undefined;
    const end = attrs.indexOf(quote === DQUOTE ? '"' : "'", i + 1);
    if (end < 0) return undefined;
    const raw = attrs.slice(i + 1, end);
    return raw.indexOf("&") < 0 ? raw : decodeEntities(raw);
  }
}

/**
 * Reads the attributes named in `names` from a tag's raw attribute text in one pass, into `out`
 * (same order; `undefined` when absent). For the tags read once per cell.
 */
export function readAttributes(
  attrs: string,
  names: readonly string[],
  out: (string | undefined)[]
): void {
  for (let k = 0; k < names.length; k++) out[k] = undefined;
  const length = attrs.length;
  let i = 0;
  while (i < length) {
    while (i < length && attrs.charCodeAt(i) <= 32) i++;
    if (i >= length) return;
    const start = i;
    while (i < length && attrs.charCodeAt(i) !== 61 && attrs.charCodeAt(i) > 32) i++;
    const name = attrs.slice(start, i);
    while (i < length && attrs.charCodeAt(i) <= 32) i++;
    if (attrs.charCodeAt(i) !== 61) return;
    i++;
    while (i < length && attrs.charCodeAt(i) <= 32) i++;
    const quote = attrs.charCodeAt(i);
    if (quote !== DQUOTE && quote !== SQUOTE) return;
    const end = attrs.indexOf(quote === DQUOTE ? '"' : "'", i + 1);
    if (end < 0) return;
    const k = names.indexOf(name);
    if (k >= 0) {
      const raw = attrs.slice(i + 1, end);
      out[k] = raw.indexOf("&") < 0 ? raw : decodeEntities(raw);
    }
    i = end + 1;
  }
}

/** Every attribute of a tag as [qualified name, value] pairs. */
export function attributes(attrs: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) {
    const raw = m[2] ?? m[3] ?? "";
    out.push([m[1], raw.indexOf("&") < 0 ? raw : decodeEntities(raw)]);
  }
  return out;
}

/** An attribute with this local name and some namespace prefix, such as `r:id` in any spelling. */
export function prefixedAttribute(attrs: string, local: string): string | undefined {
  for (const [name, value] of attributes(attrs)) {
    const colon = name.indexOf(":");
    if (colon > 0 && name.slice(colon + 1) === local && !name.startsWith("xmlns")) return value;
  }
  return undefined;
}
