import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The JavaScript taskpane.html loads before a file is opened, from the production build in dist/. */
export function bundleReport(dist: string): void {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]+src="?([^"\s>]+)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const size = (file: string) => {
    const bytes = readFileSync(join(dist, file));
    return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  };
  const initial = scripts
    .map(size)
    .reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }), { raw: 0, gz: 0 });
  const lazy = readdirSync(dist).filter(
    (f) => f.endsWith(".js") && !scripts.includes(f) && !f.startsWith("commands.")
  );
  const lazyTotal = lazy
    .map(size)
    .reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }), { raw: 0, gz: 0 });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log("\nTask pane bundle (production build)\n");
  console.log(
    `initial JavaScript of taskpane.html: ${scripts.join(", ")}: ${kb(initial.raw)}, ${kb(initial.gz)} gzipped (budget 400 KB gzipped) ${initial.gz <= 400 * 1024 ? "OK" : "MISSED"}`
  );
  console.log(
    `loaded only in file mode (as it starts, while the officer finds the file): ${lazy.length} chunks, ${kb(lazyTotal.raw)}, ${kb(lazyTotal.gz)} gzipped (the file host and its reader)`
  );
}
