import { realpathSync } from "node:fs";
import { basename, resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { targetDay } from "../core/dates";
import type { LastYearReturn } from "../core/facts/last-year";
import type { Finding } from "../core/findings";
import type { Grid } from "../core/grid";
import { type Settings, SettingsError, defaultSettings, parseScaleOption } from "../core/settings";
import { type SummaryInput, buildSummary, shareText } from "../core/summary/model";
import { planCommitteeSheets } from "../core/summary/plan";
import {
  type RecognisedWorkbook,
  type ScoredWorkbook,
  recogniseGrids,
  validateGrids,
  withFacts,
} from "../core/validate";
import { plural } from "../core/words";
import { type LastYearReply, readLastYear } from "./last-year";
import { committeeWorkbook } from "../file/committee-workbook";
import { nodeZipCodec } from "./node-zip-codec";
import { WorkbookReadError, readWorkbookFileContents } from "../file";
import { OutputError, checkOutput, writeAtomically } from "./output-file";
import { askPassword } from "./password-prompt";
import { ProgressBar } from "./progress";
import { type FileReportJson, reportJson } from "./report-json";
import { reportText, totalLine } from "./report-text";
import { terminalSafe } from "./terminal-text";

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

interface ReadFlags {
  low?: number;
  scale?: string;
  asAt?: Date;
  previous?: string[];
  /** Ask for the password of protected workbooks (GOVCHECK_PASSWORD gives it without asking). */
  password?: boolean;
}

interface ValidateFlags extends ReadFlags {
  json?: boolean;
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks for a password without echoing it. */
  askPassword?: (question: string) => Promise<string>;
  /** The environment: GOVCHECK_PASSWORD, GOVCHECK_DEBUG. */
  env?: Readonly<Record<string, string | undefined>>;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  askPassword: (question) => askPassword(question),
  env: process.env,
};

/** A bug rather than a bad file: one line asking for a report, the stack only when debugging. */
function unexpected(io: Io, where: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  io.err(
    `govcheck: ${terminalSafe(where)}unexpected problem (${terminalSafe(message.split("\n")[0].slice(0, 200))}): please report this, with the file if you can\n`
  );
  if (io.env?.GOVCHECK_DEBUG === "1" && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
}

function wholeNumber(value: string): number {
  if (!/^\d{1,3}$/.test(value.trim()))
    throw new InvalidArgumentError("give a whole number, such as 2.");
  return Number(value);
}

/** "02/03/2026" or "2026-03-02": the day target dates are judged against. */
function dayOption(value: string): Date {
  const day = targetDay(value.trim());
  if (!day || !/^\d/.test(value.trim()))
    throw new InvalidArgumentError("give a date as dd/mm/yyyy or yyyy-mm-dd, such as 02/03/2026.");
  return day;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function settingsFrom(flags: { low?: number; scale?: string }): Settings {
  const settings = defaultSettings();
  if (flags.low !== undefined) settings.weakThreshold = flags.low;
  if (flags.scale !== undefined) settings.scale = parseScaleOption(flags.scale);
  return settings;
}

/** The password for protected workbooks: GOVCHECK_PASSWORD, or asked for once with --password. */
class PasswordSource {
  private asked: Promise<string> | undefined;

  constructor(
    private readonly flags: ReadFlags,
    private readonly io: Io
  ) {}

  /** The password already known without asking (the environment), if any. */
  get known(): string | undefined {
    return this.io.env?.GOVCHECK_PASSWORD || undefined;
  }

  /** Will `ask` ask (--password given)? */
  get willAsk(): boolean {
    return this.flags.password === true && this.io.askPassword !== undefined;
  }

  /** Asks (once) when --password was given; undefined when it was not. */
  async ask(file: string): Promise<string | undefined> {
    if (this.known !== undefined) return this.known;
    if (!this.flags.password || !this.io.askPassword) return undefined;
    this.asked ??= this.io.askPassword(`Password for ${terminalSafe(basename(file))}: `);
    // Nothing typed (Enter, or empty input) is no password: no workbook opens with "".
    return (await this.asked) || undefined;
  }
}

/** The one line for a workbook that cannot be read, with what to do on the command line. */
function readErrorText(err: WorkbookReadError, flags: ReadFlags): string {
  if (err.kind === "password-required")
    return flags.password
      ? "the workbook is password-protected and no password was given"
      : "the workbook is password-protected: add --password to be asked for it (or set GOVCHECK_PASSWORD)";
  return err.message;
}

/**
 * Reads each file in turn, with a progress bar on a terminal, and hands its grids on. A file that
 * cannot be read gets its one line on stderr and the rest are still read. Returns how many failed.
 */
async function readEach(
  files: readonly string[],
  io: Io,
  flags: ReadFlags,
  passwords: PasswordSource,
  use: (file: string, grids: Grid[], index: number) => void,
  failed: (file: string, message: string) => void = () => undefined,
  suffix = ""
): Promise<number> {
  let unreadable = 0;
  for (const [index, file] of files.entries()) {
    const bar = new ProgressBar(`reading ${terminalSafe(file)}`);
    const onProgress = (done: number, total: number) => bar.update(done, total);
    try {
      let contents;
      try {
        contents = await readWorkbookFileContents(file, { onProgress, password: passwords.known });
      } catch (err) {
        let password: string | undefined;
        if (err instanceof WorkbookReadError && err.kind === "password-required")
          password = await passwords.ask(file).catch(() => undefined);
        if (password === undefined) throw err;
        contents = await readWorkbookFileContents(file, { onProgress, password });
      }
      bar.done();
      for (const note of contents.notes)
        io.err(`govcheck: ${terminalSafe(file)}: note: ${terminalSafe(note)}\n`);
      use(file, contents.grids, index);
    } catch (err) {
      bar.done();
      unreadable++;
      if (err instanceof WorkbookReadError) {
        const message = readErrorText(err, flags);
        io.err(`govcheck: ${terminalSafe(file)}: ${terminalSafe(message)}${suffix}\n`);
        failed(file, message);
      } else {
        unexpected(io, `${file}: `, err);
        failed(file, "unexpected problem: please report this");
      }
    }
  }
  return unreadable;
}

interface SummariseFlags extends ReadFlags {
  output: string;
  force?: boolean;
}

/**
 * Starts reading last year's workbooks, one per return in the order given, while this year's are
 * read. `read` resolves to null when one cannot be read, after saying why on stderr: one line per
 * file, ending with `suffix` (what the command does not do because of it).
 */
function lastYears(
  files: readonly string[],
  previous: readonly string[],
  settings: Settings,
  io: Io,
  passwords: PasswordSource
): {
  readonly check: string | null;
  readonly read: (suffix?: string) => Promise<(LastYearReturn | undefined)[] | null>;
} {
  if (previous.length === 0) return { check: null, read: async () => files.map(() => undefined) };
  if (previous.length !== files.length)
    return {
      check: `give one --previous for each return (${plural(files.length, "return")}, ${previous.length} --previous), in the same order.`,
      read: async () => null,
    };
  const clash = previous.find((p) => files.some((f) => sameFile(f, p)));
  if (clash)
    return {
      check: `--previous ${terminalSafe(clash)} is also one of this year's returns: give last year's workbook.`,
      read: async () => null,
    };
  const replies: Promise<LastYearReply>[] = previous.map((p) =>
    readLastYear(p, basename(p), settings, passwords.known).then(async (reply) => {
      // Protected, and no password known: the one asked for (once, for every file) is tried.
      if (!("locked" in reply && reply.locked)) return reply;
      const password = await passwords.ask(p).catch(() => undefined);
      if (password === undefined)
        return {
          unreadable: passwords.willAsk
            ? `${reply.unreadable} and no password was given`
            : `${reply.unreadable}: add --password to be asked for it (or set GOVCHECK_PASSWORD)`,
        };
      return readLastYear(p, basename(p), settings, password);
    })
  );
  return {
    check: null,
    read: async (suffix = "") => {
      const out: (LastYearReturn | undefined)[] = [];
      let failed = false;
      for (const [i, reply] of (await Promise.all(replies)).entries()) {
        if ("ok" in reply) out.push(reply.ok);
        else {
          failed = true;
          const why =
            "unreadable" in reply ? reply.unreadable : `unexpected problem: ${reply.failed}`;
          io.err(`govcheck: ${terminalSafe(previous[i])}: ${terminalSafe(why)}${suffix}\n`);
        }
      }
      return failed ? null : out;
    },
  };
}

/**
 * Last year's workbook with no requirement in common with the return is more likely the wrong
 * file than a new framework: a note on stderr says so (the paper shows 0 matched).
 */
function noteNothingMatched(io: Io, previous: string | undefined, result: ScoredWorkbook): void {
  if (previous === undefined || result.schedules.length === 0 || result.lastYear?.matched !== 0)
    return;
  io.err(
    `govcheck: ${terminalSafe(previous)}: note: no requirement matched this year's by ref or by wording, so nothing was compared: is it last year's return?\n`
  );
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
  // The output is checked before any input is read: a mistake costs nothing.
  try {
    await checkOutput(flags.output, [...files, ...(flags.previous ?? [])], flags.force ?? false);
  } catch (err) {
    if (!(err instanceof OutputError)) throw err;
    io.err(`govcheck: ${terminalSafe(err.message)}\n`);
    return EXIT_UNREADABLE;
  }
  const passwords = new PasswordSource(flags, io);
  const previous = lastYears(files, flags.previous ?? [], settings, io, passwords);
  if (previous.check) {
    io.err(`govcheck: ${previous.check}\n`);
    return EXIT_UNREADABLE;
  }
  const made = new Date();
  const asAt = flags.asAt ?? made;
  // Last year's workbooks are read alongside this year's, which are recognised as they come in:
  // last year's are needed only for the facts.
  const recognised: RecognisedWorkbook[] = [];
  let nothingRead = 0;
  let leftOut = 0;
  const unreadable = await readEach(
    files,
    io,
    flags,
    passwords,
    (file, grids) => {
      const found = recogniseGrids(grids, { settings });
      // Never a silent pass: a return with no schedule read says so, and says why; so does a
      // sheet left out of the summary beside schedules that were read.
      if (found.schedules.length === 0) nothingRead++;
      if (found.schedules.length === 0 || found.unread.length || found.unreadSheets.length) {
        for (const f of validateGrids(grids, { settings }).findings)
          if (f.rule === "no-schedule-found") {
            leftOut++;
            io.err(`govcheck: ${terminalSafe(file)}: ${terminalSafe(f.message)}\n`);
          }
      }
      recognised.push(found);
    },
    undefined,
    "; no summary written"
  );
  // Waited for even when a return failed: last year's readers finish before the command ends.
  // A workbook of either year that could not be read has said so on its own line, as the reason
  // no summary was written.
  const last = await previous.read("; no summary written");
  if (unreadable || last === null) return EXIT_UNREADABLE;
  // A pack of nothing would only repeat, on paper, what each return's line has said.
  if (nothingRead === files.length) {
    io.err(
      `govcheck: no schedule was read from ${files.length === 1 ? "the return" : `any of the ${files.length} returns`}; no summary written\n`
    );
    return EXIT_FINDINGS;
  }
  const inputs: SummaryInput[] = files.map((file, i) => ({
    source: basename(file),
    result: withFacts(recognised[i], { asAt, lastYear: last[i] }),
    settings,
  }));
  inputs.forEach((input, i) => noteNothingMatched(io, flags.previous?.[i], input.result));
  const summary = buildSummary(inputs, made);
  const plan = planCommitteeSheets(summary);
  const bytes = await committeeWorkbook(plan, "Committee summary", { codec: nodeZipCodec });
  try {
    await writeAtomically(flags.output, bytes);
  } catch (err) {
    if (!(err instanceof OutputError)) throw err;
    io.err(`govcheck: ${terminalSafe(err.message)}\n`);
    return EXIT_UNREADABLE;
  }
  const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
  io.out(
    `wrote ${terminalSafe(flags.output)}: ${plan.sheets.map((s) => s.name).join(" and ")}, ${charts} charts; ` +
      `${summary.groups.reduce((n, g) => n + g.total.sections, 0)} sections, ${summary.actions.length} items in the action plan, ${summary.exceptions.length} exceptions; ` +
      `requirements above the weak threshold: ${shareText(summary.aboveThreshold, summary.requirements)}.\n`
  );
  return leftOut ? EXIT_FINDINGS : EXIT_CLEAN;
}

async function validateCommand(files: string[], flags: ValidateFlags, io: Io): Promise<number> {
  const settings = settingsFrom(flags);
  const passwords = new PasswordSource(flags, io);
  const previous = lastYears(files, flags.previous ?? [], settings, io, passwords);
  if (previous.check) {
    io.err(`govcheck: ${previous.check}\n`);
    return EXIT_UNREADABLE;
  }
  const last = await previous.read();
  if (last === null) return EXIT_UNREADABLE;
  const reports: (FileReportJson | { file: string; error: string })[] = [];
  const all: Finding[] = [];
  const texts: string[] = [];
  const unreadable = await readEach(
    files,
    io,
    flags,
    passwords,
    (file, grids, index) => {
      const result = validateGrids(grids, {
        settings,
        asAt: flags.asAt,
        lastYear: last[index],
      });
      noteNothingMatched(io, flags.previous?.[index], result);
      for (const f of result.findings) all.push(f);
      reports.push(reportJson(file, result));
      if (!flags.json) texts.push(reportText(terminalSafe(file), result));
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

const SCALE_FLAG = "--scale <min-max|words>";
const SCALE_HELP =
  "the scoring scale for every schedule: numbers such as 1-5 (5-1 when 1 is best), or rating words worst first, such as Red,Amber,Green";

const PASSWORD_FLAG = "--password";
const PASSWORD_HELP =
  "ask for the password of password-protected workbooks (without echo; GOVCHECK_PASSWORD gives it instead)";

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
    .option(SCALE_FLAG, SCALE_HELP)
    .option(
      "--as-at <date>",
      "judge target dates as at this day (dd/mm/yyyy or yyyy-mm-dd; default today)",
      dayOption
    )
    .option(
      "--previous <last.xlsx>",
      "last year's workbook, for carried-forward actions (one per file, in order)",
      collect
    )
    .option(PASSWORD_FLAG, PASSWORD_HELP)
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
    .option(SCALE_FLAG, SCALE_HELP)
    .option(
      "--previous <last.xlsx>",
      "last year's workbook: direction of travel and carried-forward actions (one per return, in order)",
      collect
    )
    .option(
      "--as-at <date>",
      "judge target dates as at this day (dd/mm/yyyy or yyyy-mm-dd; default today)",
      dayOption
    )
    .option(PASSWORD_FLAG, PASSWORD_HELP)
    .option("--force", "replace the output file even if govcheck did not write it")
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
    unexpected(io, "", err);
    return EXIT_UNREADABLE;
  }
}
