import type { Finding } from "../findings";
import { type Grid, a1 } from "../grid";
import { closestToSchedule } from "../recognise/near-miss";
import type { Schedule } from "../recognise/schedule";
import type { ScoredWorkbook } from "../validate";
import { plural } from "../words";

/** What a workbook-wide rule sees: every sheet read, and what was recognised in them. */
export interface WorkbookRuleContext {
  readonly grids: readonly Grid[];
  readonly result: ScoredWorkbook;
  /** Sheets never checked: hidden ones and the add-in's own. */
  readonly skipped: ReadonlySet<string>;
}

export type WorkbookRule = (ctx: WorkbookRuleContext) => Finding[];

function finding(sheet: string, row: number, column: number, message: string): Finding {
  return {
    sheet,
    row,
    column,
    cell: a1(row, column),
    rule: "no-schedule-found",
    severity: "error",
    message,
  };
}

/** Why a schedule that was found could not be checked, in words. */
export function unreadReason(schedule: Schedule): string {
  const words = schedule.unplacedWords ?? [];
  const shown = words.slice(0, 5).map((w) => `"${w}"`);
  const more = words.length > 5 ? ` and ${words.length - 5} more` : "";
  const label = schedule.labels.score ?? "the score column";
  return (
    `its ratings under "${label}" (${shown.join(", ")}${more}) are words on no scale the workbook states ` +
    "or govcheck knows: state the scale in a legend, a key or a drop-down list, or set the schedule's rating words in Settings"
  );
}

/**
 * Never a silent pass. A workbook in which no schedule is read gets one finding, on the row that
 * came closest to a schedule's header, saying what it lacked; each sheet that looks like a
 * schedule but cannot be read (rated in words nothing places) gets one finding on its score
 * header instead, even where other schedules were read; so does each sheet in which nothing was
 * found though its headers describe a self-assessment.
 */
export const noScheduleFound: WorkbookRule = ({ grids, result, skipped }) => {
  const sheets = new Set<string>();
  const once = result.unread.filter(({ schedule }) => {
    if (sheets.has(schedule.sheet)) return false;
    sheets.add(schedule.sheet);
    return true;
  });
  const unread = once.map(({ schedule }) =>
    finding(
      schedule.sheet,
      schedule.headerRow,
      schedule.columns.score!,
      `Sheet '${schedule.sheet}' row ${schedule.headerRow} looks like a schedule but could not be read: ${unreadReason(schedule)}`
    )
  );
  const missed = result.unreadSheets.map((m) =>
    finding(m.sheet, m.row, m.column, `Not checked, though it looks like a schedule: ${m.what}`)
  );
  if (result.schedules.length > 0) return [...unread, ...missed];
  if (unread.length > 0)
    return [...unread, ...missed].map((f) => ({
      ...f,
      message: `No schedule could be read. ${f.message}`,
    }));
  const visible = grids.filter((g) => !skipped.has(g.name));
  const closest = closestToSchedule(visible);
  if (closest)
    return [
      finding(
        closest.sheet,
        closest.row,
        closest.column,
        `No self-assessment schedule found: ${closest.what}`
      ),
    ];
  const where = visible[0] ?? grids[0];
  const looked = visible.length
    ? `${plural(visible.length, "visible sheet")} looked at`
    : "every sheet is hidden";
  return [
    finding(
      where?.name ?? "",
      1,
      1,
      `No self-assessment schedule found: no sheet has a header row naming a score or rating column and what it rates (${looked})`
    ),
  ];
};
