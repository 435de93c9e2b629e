import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Converts a file with LibreOffice headless (`format`: "ods", "pdf", ...) into `outDir`. Each call
 * gets a profile of its own: two soffice processes sharing one profile hand work to each other or
 * fail, and test suites (and checkouts) run side by side.
 */
export function convertWithLibreOffice(input: string, format: string, outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), "govcheck-lo-profile-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        input,
      ],
      { stdio: "pipe", timeout: 120_000 }
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
