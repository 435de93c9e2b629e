import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest, unresolvedResids } from "../scripts/validate-manifest";

const ROOT = join(__dirname, "..");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  it("is valid against the vendored Office add-in schemas and every resid resolves", async () => {
    const check = await checkManifest(manifest);
    expect(check.problems).toEqual([]);
  });

  it("asks for what the add-in needs: en-GB, Workbook, ExcelApi 1.9, ReadWriteDocument, a Home tab button", () => {
    expect(manifest).toMatch(
      /<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/
    );
    expect(manifest).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
    expect(manifest).toContain("<DefaultLocale>en-GB</DefaultLocale>");
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
    expect(manifest).toMatch(/<SupportUrl DefaultValue="https:\/\//);
  });

  it("catches a schema error and a resid that names nothing", async () => {
    const swapped = manifest.replace(/(<Id>.*<\/Id>)\s*(<Version>.*<\/Version>)/, "$2\n  $1");
    expect((await checkManifest(swapped)).valid).toBe(false);
    const dangling = manifest.replace('resid="Button.Tooltip"', 'resid="Button.Missing"');
    expect(unresolvedResids(dangling)).toEqual(["Button.Missing"]);
    expect((await checkManifest(dangling)).problems).toContain(
      'manifest.xml: resid "Button.Missing" names no resource'
    );
  });

  it("every icon it names is in assets/ at the size it claims", () => {
    const icons = [...manifest.matchAll(/https:\/\/localhost:3000\/assets\/icon-(\d+)\.png/g)].map(
      (m) => Number(m[1])
    );
    expect(new Set(icons)).toEqual(new Set([16, 32, 64, 80]));
    for (const size of icons) {
      const png = readFileSync(join(ROOT, "assets", `icon-${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe("the production build's manifest (dist/, made by npm run build before jest)", () => {
  const built = readFileSync(join(ROOT, "dist", "manifest.xml"), "utf8");

  it("points every address at the public URL, and stays valid", async () => {
    expect(built).not.toContain("localhost");
    expect(built).toContain(
      '<SourceLocation DefaultValue="https://govcheck.example.org/taskpane.html"/>'
    );
    expect(built).toContain("<AppDomain>https://govcheck.example.org</AppDomain>");
    expect((await checkManifest(built, "dist/manifest.xml")).problems).toEqual([]);
  });
});
