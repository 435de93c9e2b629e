import { realpathSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import type { Finding } from "../core/findings";
import type { Grid } from "../core/grid";
import { type Settings, SettingsError, defaultSettings, parseScaleOption } from "../core/settings";
import { type SummaryInput, buildSummary, shareText } from "../core/summary/model";
import { planCommitteeSheets } from "../core/summary/plan";
import { scoreGrids, validateGrids } from "../core/validate";
import { committeeWorkbook } from "../file/committee-workbook";
import { nodeZipCodec } from "./node-zip-codec";
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

function settingsFrom(flags: { low?: number; scale?: string }): Settings {
  const settings = defaultSettings();
  if (flags.low !== undefined) settings.weakThreshold = flags.low;
  if (flags.scale !== undefined) settings.scale = parseScaleOption(flags.scale);
  return settings;
}

/**
 * Reads each file in turn, with a progress bar on a terminal, and hands its grids on. A file that
 * cannot be read gets its one line on stderr and the rest are still read. Returns how many failed.
 */
async function readEach(
  files: readonly string[],
  io: Io,
  use: (file: string, grids: Grid[]) => void,
  failed: (file: string, message: string) => void = () => undefined
): Promise<number> {
  let unreadable = 0;
  for (const file of files) {
    const bar = new ProgressBar(`reading ${file}`);
    try {
      const grids = await readWorkbookFile(file, {
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.done();
      use(file, grids);
    } catch (err) {
      bar.done();
      if (!(err instanceof WorkbookReadError)) throw err;
      unreadable++;
      io.err(`govcheck: ${file}: ${err.message}\n`);
      failed(file, err.message);
    }
  }
  return unreadable;
}

interface SummariseFlags {
  output: string;
  low?: number;
  scale?: string;
}

/** The same file, even when named another way (a relative path, a link). */
function sameFile(a: string, b: string): boolean {
  const resolved = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return resolved(a) === resolved(b);
}

async function summariseCommand(files: string[], flags: SummariseFlags, io: Io): Promise<number> {
  const settings = settingsFrom(flags);
  const clash = files.find((f) => sameFile(f, flags.output));
  if (clash) {
    io.err(
      `govcheck: -o ${flags.output} is one of the input files; govcheck never writes to a file it reads. Choose another output name.\n`
    );
    return EXIT_UNREADABLE;
  }
  if (!/\.xlsx$/i.test(flags.output)) {
    io.err(`govcheck: -o ${flags.output} should end in .xlsx.\n`);
    return EXIT_UNREADABLE;
  }
  const inputs: SummaryInput[] = [];
  let nothingRead = 0;
  const unreadable = await readEach(files, io, (file, grids) => {
    const result = scoreGrids(grids, { settings });
    // Never a silent pass: a return with no schedule read says so, and says why.
    if (result.schedules.length === 0) {
      nothingRead++;
      for (const f of validateGrids(grids, { settings }).findings)
        if (f.rule === "no-schedule-found") io.err(`govcheck: ${file}: ${f.message}\n`);
    }
    inputs.push({ source: files.length > 1 ? basename(file) : "", result, settings });
  });
  if (unreadable) {
    io.err("govcheck: no summary written, because not every return could be read.\n");
    return EXIT_UNREADABLE;
  }
  const summary = buildSummary(inputs, new Date());
  const plan = planCommitteeSheets(
    files.length === 1 ? { ...summary, sources: [basename(files[0])] } : summary
  );
  const bytes = await committeeWorkbook(plan, "Committee summary", { codec: nodeZipCodec });
  writeFileSync(flags.output, bytes);
  const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
  io.out(
    `wrote ${flags.output}: ${plan.sheets.map((s) => s.name).join(" and ")}, ${charts} charts; ` +
      `${summary.sections.length} sections, ${summary.actions.length} actions, ${summary.exceptions.length} exceptions; ` +
      `requirements above the weak threshold: ${shareText(summary.aboveThreshold, summary.requirements)}.\n`
  );
  return nothingRead ? EXIT_FINDINGS : EXIT_CLEAN;
}

async function validateCommand(files: string[], flags: ValidateFlags, io: Io): Promise<number> {
  const settings = settingsFrom(flags);
  const reports: (FileReportJson | { file: string; error: string })[] = [];
  const all: Finding[] = [];
  const texts: string[] = [];
  const unreadable = await readEach(
    files,
    io,
    (file, grids) => {
      const result = validateGrids(grids, { settings });
      for (const f of result.findings) all.push(f);
      reports.push(reportJson(file, result));
      texts.push(reportText(file, result));
    },
    (file, message) => reports.push({ file, error: message })
  );
  if (flags.json) {
    io.out(`${JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2)}\n`);
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
  cmd
    .command("summarise")
    .alias("summarize")
    .description(
      "write the committee summary and action plan (with charts) for one or more returns to a new workbook"
    )
    .argument("<file...>", ".xlsx workbooks (several: one consolidated summary)")
    .requiredOption("-o, --output <out.xlsx>", "the workbook to write (never one of the inputs)")
    .option("--low <n>", "scores at N or worse are weak, on every schedule", wholeNumber)
    .option(
      "--scale <min-max>",
      "the scoring scale for every schedule, such as 1-5 (5-1 when 1 is best)"
    )
    .action(async (files: string[], flags: SummariseFlags) => {
      setCode(await summariseCommand(files, flags, io));
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
