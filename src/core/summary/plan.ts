import { ukDate } from "../dates";
import {
  carriedForwardBlock,
  chartsBlock,
  exceptionsBlock,
  keyBlock,
  removedBlock,
  returnsBlock,
  sectionsBlock,
  sourceText,
  titleBlock,
} from "./blocks";
import { sectionLabel } from "./labels";
import { scaleLevels } from "./levels";
import { type Column, SheetBuilder, pagesFor, textAfterNumbers, widestWord } from "./layout";
import type { ActionItem, CommitteeSummary } from "./model";
import { INDENT_UNITS, MIN_TEXT_SIZE, PAGE, rowHeightFor, wrappedLines } from "./print";
import type {
  Align,
  HeaderFooterLine,
  PageSetup,
  PlanTable,
  PlanValue,
  SheetPlan,
  WorkbookPlan,
} from "./sheet-plan";
import { statusText, travelText } from "./words";

export type * from "./sheet-plan";
export { RAG_LOOK } from "./words";
export { sectionLabel } from "./labels";

export const SUMMARY_TITLE = "Committee summary: governance self-assessment";
export const ACTION_PLAN_TITLE = "Action plan: weak scores and exceptions to follow up";

/**
 * The Action Plan is a register of many rows and eleven columns: its table is set at 9 pt (the
 * smallest the paper allows) so that a row's requirement and action take two lines, not three.
 */
const REGISTER_SIZE = MIN_TEXT_SIZE;

/** Title, source and date made in the header; the sheet and "Page N of M" in the footer. */
function headerFooter(
  summary: CommitteeSummary,
  title: string,
  sheet: string
): { header: HeaderFooterLine; footer: HeaderFooterLine } {
  // Excel caps a header's three parts at 255 characters together: a long list of returns is cut.
  let source = `Source: ${sourceText(summary)}`;
  if (source.length > 90) source = `${source.slice(0, 89)}…`;
  return {
    header: { left: [title], center: [source], right: [`Made ${ukDate(summary.made)}`] },
    footer: {
      left: [sheet],
      center: [],
      right: ["Page ", { field: "page" }, " of ", { field: "pages" }],
    },
  };
}

function pageSetup(
  lines: { header: HeaderFooterLine; footer: HeaderFooterLine },
  rowBreaks: readonly number[],
  pages: number,
  printTitleRows: PageSetup["printTitleRows"]
): PageSetup {
  return {
    paper: "A4",
    orientation: "landscape",
    scale: 100,
    margins: PAGE.margins,
    header: lines.header,
    footer: lines.footer,
    textSize: PAGE.headerFooterSize,
    printTitleRows,
    rowBreaks,
    pages,
  };
}

/** The summary sheet: tables first, then each group's charts below them or on a page of their own. */
function summarySheet(summary: CommitteeSummary): SheetPlan {
  const name = "Committee Summary";
  const b = new SheetBuilder();
  titleBlock(b, summary, SUMMARY_TITLE);
  sectionsBlock(b, summary);
  keyBlock(b, summary);
  returnsBlock(b, summary);
  exceptionsBlock(b, summary);
  carriedForwardBlock(b, summary);
  removedBlock(b, summary);
  const charts = chartsBlock(b, summary);
  const built = b.build();
  return {
    key: "summary",
    name,
    columnWidths: built.columnWidths,
    cells: built.cells,
    merges: built.merges,
    tables: [],
    charts,
    rowHeights: built.rowHeights,
    defaultRowHeight: rowHeightFor(1),
    freezeRows: 0,
    page: pageSetup(headerFooter(summary, SUMMARY_TITLE, name), built.rowBreaks, built.pages, null),
  };
}

/** The Action Plan: title, source and date above a table with filters; sheet and cell at the right end. */
function actionsSheet(summary: CommitteeSummary): SheetPlan {
  const name = "Action Plan";
  const several = summary.sources.length > 1;
  const compared = summary.travel !== null;
  const b = new SheetBuilder();
  b.text(ACTION_PLAN_TITLE, { bold: true, size: 14 });
  b.text(`Source: ${sourceText(summary)}. Made ${ukDate(summary.made)}.`);
  b.text(
    "Status says what needs doing: no action, no lead officer, no target date, target date passed, " +
      "carried forward from last year, no progress on last year's action, or a score to correct; " +
      '"In hand" where a weak score has all it needs. Those without an action or a lead come first, then by lead officer.'
  );
  b.gap(6);

  const labels = new Map<string, string>();
  const labelOf = (section: string) => {
    let label = labels.get(section);
    if (label === undefined) labels.set(section, (label = sectionLabel(section)));
    return label;
  };
  // Wide enough for the longest word of any lead's title ("Communications"), within reason.
  const leadWidth = Math.min(
    16,
    Math.max(
      12,
      widestWord(
        summary.actions.map((a) => a.lead),
        REGISTER_SIZE
      ) + 1
    )
  );
  const sectionWords = new Set<string>();
  for (const a of summary.actions) {
    if (sectionWords.size > 1000) break;
    sectionWords.add(labelOf(a.section));
  }
  const levels = new Set<string>();
  for (const s of summary.schedules)
    for (const l of s.scale.levels ? scaleLevels(s.scale) : []) levels.add(l.label);
  const scoreWidth = Math.min(14, Math.max(6, widestWord(levels, REGISTER_SIZE) + 1));
  const columns: Column<ActionItem>[] = [
    {
      header: "Lead officer",
      width: leadWidth,
      align: "left",
      wrap: true,
      value: (a) => a.lead || "(none named)",
    },
    {
      header: "Section and ref",
      // Wide enough for a heading's longest word ("Organisational"), within reason.
      width: Math.min(14, Math.max(10, widestWord(sectionWords, REGISTER_SIZE) + 1)),
      align: "left",
      wrap: true,
      value: (a) => [labelOf(a.section), a.ref].filter((t) => t !== "").join(" "),
    },
    {
      header: "Requirement",
      width: 20,
      flex: true,
      align: "left",
      wrap: true,
      value: (a) => a.requirement,
    },
    {
      header: "Score",
      // A rating in words wraps between its words, never inside one ("Partially compliant").
      width: scoreWidth,
      align: "right",
      wrap: true,
      value: (a) => a.level ?? a.score ?? a.entered,
    },
    ...(compared
      ? [
          {
            header: "Direction",
            width: 8,
            align: "left",
            wrap: true,
            value: (a) => travelText(a.travel, a.lastYearLevel ?? a.lastYear),
          } as Column<ActionItem>,
        ]
      : []),
    {
      header: "Improvement action",
      width: 21,
      align: "left",
      wrap: true,
      value: (a) => a.action || "(none)",
    },
    { header: "Target date", width: 10, align: "right", value: (a) => a.targetDate },
    { header: "Status", width: 12, align: "left", wrap: true, value: statusText },
    ...(several
      ? [
          {
            header: "Return",
            width: 10,
            align: "left",
            wrap: true,
            value: (a) => a.source,
          } as Column<ActionItem>,
        ]
      : []),
    { header: "Sheet", width: 10, align: "left", wrap: true, value: (a) => a.sheet },
    { header: "Cell", width: 5, align: "left", value: (a) => a.cell },
  ];
  const widths = b.columnWidths(columns, REGISTER_SIZE);
  // The title block spans the table's width, so its merges match the table's columns.
  const edges = [0];
  for (const w of widths) edges.push(edges[edges.length - 1] + w);
  for (const x of edges) b.edge(x);
  const built = b.build();
  const top = built.rowHeights.length;

  const rows: PlanValue[][] = summary.actions.map((a) => columns.map((c) => c.value(a)));
  // A table needs a row under its header, even when nothing needs following up.
  const empty =
    summary.requirements + summary.notApplicable === 0 ? "No requirement read" : "No weak scores";
  if (rows.length === 0) rows.push(columns.map((_c, i) => (i === 0 ? empty : null)));
  const wrap = columns.flatMap((c, i) => (c.wrap ? [i] : []));
  const table: PlanTable = {
    name: "GovcheckActionPlan",
    top,
    left: 1,
    header: columns.map((c) => c.header),
    rows,
    wrapColumns: wrap,
    align: columns.map((c) => c.align as Align),
    indent: textAfterNumbers(columns),
    textSize: REGISTER_SIZE,
  };
  const rowHeights = [...built.rowHeights, ...tableRowHeights(table, widths)];
  const headerHeight = rowHeights[top];
  return {
    key: "actions",
    name,
    columnWidths: widths,
    cells: built.cells,
    merges: built.merges,
    tables: [table],
    charts: [],
    rowHeights,
    defaultRowHeight: rowHeightFor(1),
    freezeRows: top,
    page: pageSetup(
      headerFooter(summary, ACTION_PLAN_TITLE, name),
      [],
      pagesFor(rowHeights, 1, headerHeight),
      { top, bottom: top }
    ),
  };
}

/** Heights of a table's header and rows: enough lines for the longest wrapped cell. */
export function tableRowHeights(table: PlanTable, widths: readonly number[]): number[] {
  const widthOf = (i: number) =>
    (widths[table.left - 1 + i] ?? 10) - (table.indent[i] ?? 0) * INDENT_UNITS;
  const size = table.textSize;
  const header = Math.max(...table.header.map((h, i) => wrappedLines(h, widthOf(i), size, true)));
  const heights = [rowHeightFor(header, size)];
  // Officers' entries repeat ("Head of Policy", the same requirement in many returns): measure each
  // text once per column.
  const known = table.wrapColumns.map(() => new Map<string, number>());
  for (const values of table.rows) {
    let lines = 1;
    table.wrapColumns.forEach((i, k) => {
      const v = values[i];
      if (typeof v !== "string" || v === "") return;
      let n = known[k].get(v);
      if (n === undefined) {
        n = wrappedLines(v, widthOf(i), size);
        if (known[k].size < 50_000) known[k].set(v, n);
      }
      if (n > lines) lines = n;
    });
    heights.push(rowHeightFor(lines, size));
  }
  return heights;
}

/** The two sheets the committee gets, as data both hosts render the same way. */
export function planCommitteeSheets(summary: CommitteeSummary): WorkbookPlan {
  return { sheets: [summarySheet(summary), actionsSheet(summary)] };
}
