/**
 * Runs govcheck exactly as bin/govcheck.js does, then writes the process's peak memory (resident
 * set, in kilobytes) on file descriptor 3, for the hostile-files suite and the benchmark.
 */
import { writeSync } from "node:fs";
import { main } from "../src/cli/main";

void main(process.argv).then((code) => {
  process.exitCode = code;
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // Run without a third descriptor: nothing to report to.
  }
});
