/**
 * The reader's parts on their own: the XML tokenizer split at every position, text decoded across
 * chunk boundaries of any size, relationship targets, encrypted packages opened with Node's crypto
 * and with WebCrypto, the package mark, progress and cancelling.
 */
import * as zlib from "node:zlib";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { RIVERBEND_FILE } from "../examples/riverbend";
import { bytesSource } from "../src/file/byte-source";
import { decryptPackage } from "../src/file/encryption/office-decrypt";
import { readCompoundFile } from "../src/file/encryption/compound-file";
import { nodeDecryptCrypto } from "../src/file/encryption/node-crypto";
import { webDecryptCrypto } from "../src/file/encryption/web-crypto";
import { nodeReaderPlatform } from "../src/file/node-platform";
import { isGovcheckPackage } from "../src/file/package-mark";
import { resolveTarget } from "../src/file/package-parts";
import { readWorkbookBlob } from "../src/file/read-workbook-blob";
import { isoDate } from "../src/file/sheet-reader";
import { webReaderPlatform } from "../src/file/web-platform";
import { type ReaderPlatform, readWorkbook } from "../src/file/workbook-reader";
import { type XmlHandler, XmlTokenizer } from "../src/file/xml-tokenizer";
import { partKey } from "../src/file/zip-reader";
import { committeeWorkbook } from "../src/file/committee-workbook";
import { readWorkbookFile } from "../src/file";
import { defaultSettings } from "../src/core/settings";
import { buildSummary } from "../src/core/summary/model";
import { planCommitteeSheets } from "../src/core/summary/plan";
import { validateGrids } from "../src/core/validate";
import { nodeZipCodec } from "../src/cli/node-zip-codec";
import { encryptedWorkbook } from "./helpers/bad-files";
import { spreadsheetPackage, worksheetXml } from "./helpers/raw-package";
import { buildWorkbook } from "./helpers/workbook-builder";

function events(chunks: readonly string[]): string[] {
  const out: string[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push(`text ${text}`);
    text = "";
  };
  const handler: XmlHandler = {
    wantText: true,
    open(local, attrs) {
      flush();
      out.push(`open ${local} ${attrs.trim()}`);
    },
    close(local) {
      flush();
      out.push(`close ${local}`);
    },
    text(t) {
      text += t;
    },
  };
  const tokenizer = new XmlTokenizer(handler, "test.xml");
  for (const c of chunks) tokenizer.write(c);
  tokenizer.end();
  flush();
  return out;
}

const SAMPLE =
  `<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment with <tags> -->` +
  `<x:sst xmlns:x="urn:x" count="2"><x:si><x:t xml:space="preserve"> A &amp; B &lt;C&gt; &#x1F600; &#169;</x:t></x:si>` +
  `<x:si><x:t><![CDATA[<raw> & ]]]]></x:t></x:si><x:numFmt formatCode="[&gt;100]0;&quot;q&quot;" other='a>b'/>` +
  `<mc:AlternateContent xmlns:mc="urn:mc"><mc:Choice Requires="x14"><x:t>chosen</x:t></mc:Choice>` +
  `<mc:Fallback><x:t>fallback</x:t></mc:Fallback></mc:AlternateContent></x:sst>`;

describe("the XML tokenizer", () => {
  const whole = events([SAMPLE]);

  it("reads names without prefixes, entities, CDATA, '>' in attributes, and markup-compatibility fallbacks", () => {
    expect(whole).toEqual([
      'open sst xmlns:x="urn:x" count="2"',
      "open si ",
      'open t xml:space="preserve"',
      "text  A & B <C> \u{1F600} \u00a9",
      "close t",
      "close si",
      "open si ",
      "open t ",
      "text <raw> & ]]",
      "close t",
      "close si",
      `open numFmt formatCode="[&gt;100]0;&quot;q&quot;" other='a>b'`,
      "close numFmt",
      "open t ",
      "text fallback",
      "close t",
      "close sst",
    ]);
  });

  it("gives the same events however the text is cut into chunks", () => {
    for (let i = 0; i <= SAMPLE.length; i++)
      expect(events([SAMPLE.slice(0, i), SAMPLE.slice(i)])).toEqual(whole);
    fc.assert(
      fc.property(fc.array(fc.nat(SAMPLE.length), { maxLength: 12 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, k) => SAMPLE.slice(from, at[k] ?? SAMPLE.length));
        expect(events(chunks)).toEqual(whole);
      })
    );
  });

  it("reads CR LF and a lone CR in text as LF, as XML does, but keeps an escaped carriage return", () => {
    const xml = "<a>one\r\ntwo\rthree&#13;four<![CDATA[five\r\nsix]]></a>";
    const want = ["open a ", "text one\ntwo\nthree\rfourfive\nsix", "close a"];
    for (let i = 0; i <= xml.length; i++)
      expect(events([xml.slice(0, i), xml.slice(i)])).toEqual(want);
  });

  it("refuses what is not well-formed, and entity declarations", () => {
    expect(() => events(["<a><b></a>"])).toThrow(/not well-formed XML \(<b> closed by <\/a>\)/);
    expect(() => events(["<a>"])).toThrow(/ends before its elements close/);
    expect(() => events(["<a>&nbsp;</a>"])).toThrow(/an entity XML does not define/);
    expect(() => events(['<!DOCTYPE a [<!ENTITY x "y">]><a/>'])).toThrow(/declares XML entities/);
    expect(events(["<!DOCTYPE a><a/>"])).toEqual(["open a ", "close a"]);
  });
});

/** Node's zlib, but its output handed on a few bytes at a time. */
function tinyChunks(size: number): ReaderPlatform {
  return {
    ...nodeReaderPlatform,
    inflateRawWhole: undefined,
    async *inflateRaw(compressed) {
      for await (const chunk of nodeReaderPlatform.inflateRaw(compressed))
        for (let i = 0; i < chunk.length; i += size) yield chunk.subarray(i, i + size);
    },
  };
}

describe("text across chunk boundaries", () => {
  const words = ["Ежедневник", "治理", "👍🏽 Gwerthusiad", "Ελληνικά", "plain"];
  const xml = worksheetXml(
    words
      .map(
        (w, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${w}</t></is></c></row>`
      )
      .join("")
  );

  it.each([1, 2, 3, 5, 7])(
    "decodes exactly when the part arrives %i bytes at a time",
    async (size) => {
      const pkg = spreadsheetPackage({ sheets: [{ name: "Text", xml }] });
      const { grids } = await readWorkbook(bytesSource(pkg), tinyChunks(size));
      expect(grids[0].rows.map((r) => r[0])).toEqual(words);
    }
  );

  it("reads UTF-16 big-endian too", async () => {
    const be = Buffer.from(xml.replace("UTF-8", "UTF-16"), "utf16le").swap16();
    const pkg = spreadsheetPackage({
      sheets: [{ name: "Text", xml: Buffer.concat([Buffer.from([0xfe, 0xff]), be]) }],
    });
    const { grids } = await readWorkbook(bytesSource(pkg), tinyChunks(3));
    expect(grids[0].rows.map((r) => r[0])).toEqual(words);
  });
});

describe("package paths", () => {
  it("resolves relative and absolute targets, and notices ones that leave the package", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml").path).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml").path).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "./worksheets/../sharedStrings.xml").path).toBe(
      "xl/sharedStrings.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "../../etc/passwd")).toEqual({
      path: undefined,
      outside: true,
    });
    expect(resolveTarget("xl/workbook.xml", "file:///etc/passwd")).toEqual({
      path: undefined,
      outside: false,
    });
  });

  it("looks parts up whatever their case, backslashes or percent-encoding", () => {
    expect(partKey("XL\\Worksheets\\Sheet%201.xml")).toBe(partKey("/xl/worksheets/sheet 1.xml"));
  });

  it("reads ISO 8601 dates as the wall-clock time Excel shows", () => {
    expect(isoDate("2026-03-31")).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(isoDate("2026-03-31T09:30:05.250")).toEqual(
      new Date(Date.UTC(2026, 2, 31, 9, 30, 5, 250))
    );
    expect(isoDate("2026-03-31T09:30:00Z")).toEqual(new Date(Date.UTC(2026, 2, 31, 9, 30)));
    expect(isoDate("not a date")).toBeUndefined();
  });
});

describe("password-protected workbooks", () => {
  const plain = readFileSync(RIVERBEND_FILE);
  // Encrypting spins a hash 100,000 times in plain JavaScript: each fixture is made once.
  const made = new Map<string, Buffer>();
  const encrypted = (kind: "agile" | "standard", password: string) => {
    const key = `${kind}/${password}`;
    if (!made.has(key)) made.set(key, encryptedWorkbook(plain, password, kind));
    return made.get(key)!;
  };

  it.each([
    ["agile", "Node's crypto", nodeDecryptCrypto],
    ["agile", "WebCrypto", webDecryptCrypto],
    ["standard", "Node's crypto", nodeDecryptCrypto],
    ["standard", "WebCrypto", webDecryptCrypto],
  ] as const)(
    "opens %s encryption with %s",
    async (kind, _name, crypto) => {
      const ole = readCompoundFile(encrypted(kind, "Pa55 wörd"));
      const opened = await decryptPackage(ole, {
        passwords: ["Pa55 wörd"],
        passwordGiven: true,
        crypto,
      });
      expect(Buffer.from(opened).equals(plain)).toBe(true);
    },
    60_000
  );

  it.each(["agile", "standard"] as const)(
    "says when the password for %s encryption is wrong or missing",
    async (kind) => {
      const ole = readCompoundFile(encrypted(kind, "Pa55 wörd"));
      const crypto = nodeDecryptCrypto;
      await expect(
        decryptPackage(ole, {
          passwords: ["pa55 wörd", "VelvetSweatshop"],
          passwordGiven: true,
          crypto,
        })
      ).rejects.toMatchObject({ kind: "password-wrong" });
      await expect(
        decryptPackage(ole, { passwords: ["VelvetSweatshop"], passwordGiven: false, crypto })
      ).rejects.toMatchObject({ kind: "password-required" });
    },
    60_000
  );

  it("opens a workbook protected only with Excel's default password, without asking", async () => {
    const { grids } = await readWorkbookBlob(
      new Blob([new Uint8Array(encrypted("standard", "VelvetSweatshop"))])
    );
    expect(grids.map((g) => g.name)).toContain("Local Code 2025-26");
  }, 60_000);

  it("asks for the password in the browser reader, and opens with it", async () => {
    const blob = new Blob([new Uint8Array(encrypted("standard", "Pa55 wörd"))]);
    await expect(readWorkbookBlob(blob)).rejects.toMatchObject({ kind: "password-required" });
    const { grids } = await readWorkbookBlob(blob, { password: "Pa55 wörd" });
    expect(grids.length).toBeGreaterThan(1);
  }, 60_000);
});

describe("reading in the browser's way", () => {
  it("reports progress up to the sheets' whole size, and stops when aborted", async () => {
    const blob = new Blob([new Uint8Array(readFileSync(RIVERBEND_FILE))]);
    const seen: [number, number][] = [];
    await readWorkbookBlob(blob, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(0);
    const [done, total] = seen[seen.length - 1];
    expect(done).toBe(total);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
    const controller = new AbortController();
    controller.abort();
    await expect(readWorkbookBlob(blob, { signal: controller.signal })).rejects.toMatchObject({
      kind: "aborted",
    });
  });

  it("inflates with DecompressionStream like zlib does, also for a part that is not deflate", async () => {
    const data = Buffer.from("<row/>".repeat(100_000));
    const chunks: Uint8Array[] = [];
    async function* one() {
      yield zlib.deflateRawSync(data);
    }
    for await (const c of webReaderPlatform.inflateRaw(one())) chunks.push(c);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    async function* junk() {
      yield new Uint8Array([0xff, 0xff, 0xff, 0xff]);
    }
    await expect(
      (async () => {
        for await (const c of webReaderPlatform.inflateRaw(junk())) chunks.push(c);
      })()
    ).rejects.toBeDefined();
  });
});

describe("the package mark", () => {
  it("is on what govcheck writes and on nothing else", async () => {
    const settings = defaultSettings();
    const result = validateGrids(await readWorkbookFile(RIVERBEND_FILE), { settings });
    const plan = planCommitteeSheets(buildSummary([{ source: "", result, settings }], new Date()));
    const ours = await committeeWorkbook(plan, "t", { codec: nodeZipCodec });
    expect(await isGovcheckPackage(bytesSource(ours), nodeReaderPlatform)).toBe(true);
    const theirs = await buildWorkbook([{ name: "Committee Summary", rows: [["x"]] }]);
    expect(await isGovcheckPackage(bytesSource(theirs), nodeReaderPlatform)).toBe(false);
    expect(await isGovcheckPackage(bytesSource(Buffer.from("not a zip")), nodeReaderPlatform)).toBe(
      false
    );
  });
});
