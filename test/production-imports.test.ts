/**
 * ExcelJS and the packages it brings (its zip and XML readers) are the tests' independent second
 * reader, never govcheck's: the CLI and the pane read with govcheck's own streaming reader. This
 * proves it from the source, where a minified bundle cannot hide a name: no runtime dependency
 * names them, and nothing the production code imports (every file under src/, and every file
 * outside it that one of them imports, followed through relative imports) imports them, by any
 * form of import.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "src");

/** The second reader and its own parts: dev dependencies only. */
const TEST_ONLY = ["exceljs", "jszip", "saxes", "unzipper"];

/** Every module a source file names: static and type imports, re-exports, import() and require(). */
function importsOf(sourceText: string): string[] {
  return ts.preProcessFile(sourceText, true, true).importedFiles.map((f) => f.fileName);
}

/** The test-only package a module specifier reaches, if any ("exceljs/dist/x" is exceljs). */
function testOnlyPackage(specifier: string): string | undefined {
  return TEST_ONLY.find((p) => specifier === p || specifier.startsWith(`${p}/`));
}

function sourceFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFilesUnder(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** A relative import resolved to its file, as webpack and tsc resolve it. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    ...[".ts", ".tsx", ".js", ".mjs", ".cjs"].map((ext) => base + ext),
    ...["index.ts", "index.tsx", "index.js"].map((index) => join(base, index)),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * Walks the import graph from every file under src/ (following relative imports out of it): each
 * import of a test-only package, as "file imports package", and how many files were read.
 */
function testOnlyImports(): { files: number; found: string[] } {
  const seen = new Set<string>();
  const found: string[] = [];
  const queue = sourceFilesUnder(SRC);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of importsOf(readFileSync(file, "utf8"))) {
      const pkg = testOnlyPackage(specifier);
      if (pkg) found.push(`${relative(ROOT, file)} imports ${specifier}`);
      if (specifier.startsWith(".")) {
        const target = resolveRelative(file, specifier);
        if (target) queue.push(target);
      }
    }
  }
  return { files: seen.size, found };
}

describe("ExcelJS stays out of production", () => {
  it("the detector finds every form of import of the test-only packages", () => {
    const source = [
      'import ExcelJS from "exceljs";',
      'import type { Workbook } from "exceljs";',
      'import * as zip from "jszip";',
      'export { SaxesParser } from "saxes";',
      'const unzip = require("unzipper");',
      'async function later() { return import("exceljs/dist/exceljs.min.js"); }',
      'import "./side-effect";',
      'import { x } from "exceljs-but-another-package";',
    ].join("\n");
    expect(importsOf(source).map(testOnlyPackage)).toEqual([
      "exceljs",
      "exceljs",
      "jszip",
      "saxes",
      "unzipper",
      "exceljs",
      undefined,
      undefined,
    ]);
  });

  it("is no runtime dependency of the package", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    for (const group of [
      "dependencies",
      "optionalDependencies",
      "peerDependencies",
      "bundleDependencies",
    ])
      for (const name of TEST_ONLY)
        expect({ group, name, in: name in (pkg[group] ?? {}) }).toEqual({
          group,
          name,
          in: false,
        });
    // Still there for the tests, as their second reader.
    expect(Object.keys(pkg.devDependencies ?? {})).toEqual(expect.arrayContaining(["exceljs"]));
  });

  it("is imported by nothing the CLI or the pane is built from", () => {
    const { files, found } = testOnlyImports();
    // The walk really read the source: the CLI, the pane and the reader are all under src/.
    expect(files).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
