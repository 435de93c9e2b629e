/**
 * A test page's script (bundled by test/e2e/reader.e2e.test.ts, never shipped): exposes the
 * browser's reader and the engine, so the test can read a package in Chromium exactly as the
 * pane's file mode does, and compare the grids and findings with Node's.
 */
import { validateGrids } from "../../src/core/validate";
import { readWorkbookBlob } from "../../src/file/read-workbook-blob";

interface ReadResult {
  grids?: unknown;
  notes?: string[];
  findings?: string[];
  error?: string;
  kind?: string;
  ms?: number;
  readMs?: number;
}

async function read(base64: string, password?: string, withGrids = true): Promise<ReadResult> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const started = performance.now();
  try {
    const { grids, notes } = await readWorkbookBlob(new Blob([bytes]), { password });
    const readMs = performance.now() - started;
    const findings = validateGrids(grids).findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
    // Dates cross to the test as ISO strings, as JSON writes them.
    const ms = performance.now() - started;
    return {
      grids: withGrids ? JSON.parse(JSON.stringify(grids)) : undefined,
      notes,
      findings,
      ms,
      readMs,
    };
  } catch (err) {
    return {
      error: err instanceof Error ? err.message : String(err),
      kind: (err as { kind?: string }).kind,
    };
  }
}

(window as unknown as { govcheckReader: { read: typeof read } }).govcheckReader = { read };
