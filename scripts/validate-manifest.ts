import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { validateXML } from "xmllint-wasm";

/** The project root, whether this runs from scripts/ (ts) or build/scripts/ (compiled). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const SCHEMA_DIR = join(projectRoot(), "vendor", "manifest-schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

export interface ManifestCheck {
  valid: boolean;
  problems: string[];
}

/** Every resid used in the manifest must name a resource (an image, URL or string) it defines. */
export function unresolvedResids(xml: string): string[] {
  const defined = new Set(
    [...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1])
  );
  const used = [...xml.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(used.filter((id) => !defined.has(id)))];
}

/** Checks a manifest offline: the XSDs (vendored with their notice) and the resids. */
export async function checkManifest(
  xml: string,
  fileName = "manifest.xml"
): Promise<ManifestCheck> {
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd"));
  const read = (f: string) => ({
    fileName: f,
    contents: readFileSync(join(SCHEMA_DIR, f), "utf8"),
  });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [read(MAIN_SCHEMA)],
    preload: files.filter((f) => f !== MAIN_SCHEMA).map(read),
  });
  const problems = result.errors.map((e) => e.rawMessage);
  for (const id of unresolvedResids(xml))
    problems.push(`${fileName}: resid "${id}" names no resource`);
  return { valid: problems.length === 0, problems };
}

async function main(): Promise<void> {
  const paths = process.argv.slice(2);
  if (paths.length === 0) paths.push("manifest.xml");
  let failed = false;
  for (const path of paths) {
    const check = await checkManifest(readFileSync(path, "utf8"), path);
    if (check.valid)
      process.stdout.write(
        `${path}: valid against the Office add-in schemas; every resid resolves\n`
      );
    else {
      failed = true;
      for (const p of check.problems) process.stderr.write(`${p}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

if (require.main === module) void main();
