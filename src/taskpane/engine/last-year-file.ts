import { type LastYearReturn, lastYearReturn } from "../../core/facts/last-year";
import type { HostProgress } from "../../core/host";
import type { Settings } from "../../core/settings";
import { recogniseGrids } from "../../core/validate";
import { WorkbookReadError } from "../../file/read-error";

/** Last year's workbook could not be compared with: the message is a sentence for the officer. */
export class LastYearError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LastYearError";
  }
}

/**
 * Reads last year's workbook (a file the user picked) in the engine, as the command line's
 * `--previous` does: its schedules scored on the same settings, reduced to what direction of
 * travel and carried-forward actions compare. It is never sent to the pane.
 */
export async function readLastYearFile(
  file: File,
  settings: Settings,
  onProgress: (p: HostProgress) => void,
  signal?: AbortSignal
): Promise<LastYearReturn> {
  const { openFileInEngine } = await import(
    /* webpackChunkName: "engine-file-reader" */ "./open-file"
  );
  let grids;
  try {
    const host = openFileInEngine(file, { signal });
    ({ grids } = await host.readWorkbook(onProgress));
  } catch (err) {
    // Cancel ends the whole check as it does for this year's file; anything else the reader
    // refuses is said as last year's.
    if (err instanceof WorkbookReadError && err.kind !== "aborted")
      throw new LastYearError(
        `Last year's workbook ${file.name} could not be read: ${err.message}`
      );
    throw err;
  }
  // Last year's scores and entries are all that is compared: no facts of its own are needed.
  const { schedules } = recogniseGrids(grids, { settings });
  if (schedules.length === 0)
    throw new LastYearError(
      `No self-assessment schedule was found in ${file.name}, so there is nothing to compare with`
    );
  return lastYearReturn(file.name, schedules, settings);
}
