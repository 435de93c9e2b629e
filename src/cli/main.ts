import { Command, CommanderError, InvalidArgumentError } from "commander";
import type { Finding } from "../core/findings";
import { type Settings, SettingsError, defaultSettings, parseScaleOption } from "../core/settings";
import { validateGrids } from "../core/validate";
import { WorkbookReadError, readWorkbookFile } from "../file";
import { ProgressBar } from "./progress";
import { type FileReportJson, reportJson } from "./report-json";
import { reportText, totalLine } from "./report-text";

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

interface ValidateFlags {
  json?: boolean;
  low?: number;
  scale?: string;
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function wholeNumber(value: string): number {
  if (!/^\d{1,3}$/.test(value.trim()))
    throw new InvalidArgumentError("give a whole number, such as 2.");
  return Number(value);
}

function settingsFrom(flags: ValidateFlags): Settings {
  const settings = defaultSettings();
  if (flags.low !== undefined) settings.weakThreshold = flags.low;
  if (flags.scale !== undefined) settings.scale = parseScaleOption(flags.scale);
  return settings;
}

async function validateCommand(files: string[], flags: ValidateFlags, io: Io): Promise<number> {
  const settings = settingsFrom(flags);
  const reports: (FileReportJson | { file: string; error: string })[] = [];
  const all: Finding[] = [];
  let unreadable = 0;
  const texts: string[] = [];
  for (const file of files) {
    const bar = new ProgressBar(`reading ${file}`);
    try {
      const grids = await readWorkbookFile(file, {
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.done();
      const result = validateGrids(grids, { settings });
      for (const f of result.findings) all.push(f);
      reports.push(reportJson(file, result));
      texts.push(reportText(file, result));
    } catch (err) {
      bar.done();
      if (!(err instanceof WorkbookReadError)) throw err;
      unreadable++;
      io.err(`govcheck: ${file}: ${err.message}\n`);
      reports.push({ file, error: err.message });
    }
  }
  if (flags.json) {
    const readable = reports;
    io.out(`${JSON.stringify(files.length === 1 ? readable[0] : readable, null, 2)}\n`);
  } else {
    if (texts.length) io.out(`${texts.join("\n\n")}\n\n`);
    if (unreadable < files.length)
      io.out(`${totalLine(all, files.length - unreadable, unreadable)}\n`);
  }
  if (unreadable) return EXIT_UNREADABLE;
  return all.length ? EXIT_FINDINGS : EXIT_CLEAN;
}

function program(io: Io, setCode: (code: number) => void): Command {
  const cmd = new Command("govcheck")
    .description("Checks council governance self-assessment schedules in Excel workbooks.")
    .version("0.1.0")
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  cmd
    .command("validate")
    .description(
      "find the schedules in each workbook and report problems with their scores, actions and leads"
    )
    .argument("<file...>", ".xlsx workbooks to check")
    .option("--json", "print one JSON object per file (an array for several files)")
    .option("--low <n>", "scores at N or worse are weak, on every schedule", wholeNumber)
    .option(
      "--scale <min-max>",
      "the scoring scale for every schedule, such as 1-5 (5-1 when 1 is best)"
    )
    .action(async (files: string[], flags: ValidateFlags) => {
      setCode(await validateCommand(files, flags, io));
    });
  return cmd;
}

/** Runs the CLI and returns its exit code: 0 clean, 1 findings, 2 unreadable input or bad usage. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = EXIT_CLEAN;
  const cmd = program(io, (c) => {
    code = c;
  });
  try {
    await cmd.parseAsync([...argv]);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with code 0; usage mistakes are input errors.
      return err.exitCode === 0 ? EXIT_CLEAN : EXIT_UNREADABLE;
    }
    if (err instanceof SettingsError) {
      io.err(`govcheck: ${err.message}\n`);
      return EXIT_UNREADABLE;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`govcheck: unexpected problem: ${message.split("\n")[0]}\n`);
    return EXIT_UNREADABLE;
  }
}
