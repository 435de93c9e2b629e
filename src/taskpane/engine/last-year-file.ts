import { type LastYearReturn, lastYearReturn } from "../../core/facts/last-year";
import type { HostProgress } from "../../core/host";
import type { Settings } from "../../core/settings";
import { recogniseGrids } from "../../core/validate";
import { type ReadErrorKind, WorkbookReadError } from "../../file/read-error";
import type { LastYearSource } from "./protocol";

/**
 * Last year's workbook could not be compared with: the message is a sentence for the officer.
 * `kind` is the reader's, where the reader refused it: the pane asks for the password of a
 * protected one ("password-required", "password-wrong") as it does for this year's.
 */
export class LastYearError extends Error {
  constructor(
    message: string,
    readonly kind?: ReadErrorKind
  ) {
    super(message);
    this.name = "LastYearError";
  }
}

function refused(name: string, err: WorkbookReadError): LastYearError {
  if (err.kind === "password-required")
    return new LastYearError(
      `Last year's workbook ${name} is protected with a password: give its password to compare with it`,
      err.kind
    );
  if (err.kind === "password-wrong")
    return new LastYearError(
      `The password given does not open last year's workbook ${name}. Passwords are case-sensitive`,
      err.kind
    );
  return new LastYearError(
    `Last year's workbook ${name} could not be read: ${err.message}`,
    err.kind
  );
}

/**
 * Reads last year's workbook (a file the user picked) in the engine, as the command line's
 * `--previous` does: its schedules scored on the same settings, reduced to what direction of
 * travel and carried-forward actions compare. It is never sent to the pane.
 */
export async function readLastYearFile(
  { file, password }: LastYearSource,
  settings: Settings,
  onProgress: (p: HostProgress) => void,
  signal?: AbortSignal
): Promise<LastYearReturn> {
  const { openFileInEngine } = await import(
    /* webpackChunkName: "engine-file-reader" */ "./open-file"
  );
  let grids;
  try {
    const host = openFileInEngine(file, { password, signal });
    ({ grids } = await host.readWorkbook(onProgress));
  } catch (err) {
    // Cancel ends the whole check as it does for this year's file; anything else the reader
    // refuses is said as last year's, keeping its kind.
    if (err instanceof WorkbookReadError && err.kind !== "aborted") throw refused(file.name, err);
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
