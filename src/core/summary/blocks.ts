import { sectionLabel } from "./labels";
import { type Column, type SheetBuilder, headerLook } from "./layout";
import { levelLabel, scaleLevels } from "./levels";
import {
  type ActionItem,
  type CommitteeSummary,
  type ReturnSummary,
  type SectionSummary,
  shareText,
} from "./model";
import { lineHeight, unitsFor } from "./print";
import type { CellLook, PlanChart, PlanValue } from "./sheet-plan";
import { RAG_LOOK, TRAVEL_WORDS, madeText, problemText, ragKey, scaleWords } from "./words";
import { listAnd } from "../words";

/**
 * The committee summary's blocks, each one function over the summary that adds its lines to the
 * sheet: the title, the sections, the RAG key, the returns, the exceptions, what is carried forward,
 * what is no longer in the return, and each group's chart data with its two charts.
 */

/** Rows a list may take on the summary before the rest is left to the Action Plan. */
export const SUMMARY_LIST_CAP = 15;

/** The cap for a consolidated summary, whose rows also name their return. */
const cap = (summary: CommitteeSummary) => (summary.sources.length > 1 ? 10 : SUMMARY_LIST_CAP);

const ragCell = (rag: SectionSummary["rag"]): CellLook => ({
  bold: true,
  fill: RAG_LOOK[rag].fill,
  fontColor: RAG_LOOK[rag].font,
  align: "center",
});

/** "12 of 14"; "2 of 2 (3 N/A)" where requirements marked "N/A" are left out. */
const scoredText = (t: { scored: number; requirements: number; notApplicable: number }) =>
  `${t.scored.toLocaleString("en-GB")} of ${(t.requirements - t.notApplicable).toLocaleString("en-GB")}` +
  (t.notApplicable ? ` (${t.notApplicable.toLocaleString("en-GB")} N/A)` : "");

const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** The sources, as a heading names them. */
export function sourceText(summary: CommitteeSummary): string {
  const named = summary.sources.map((s) => s || "this workbook");
  if (named.length === 1) return named[0];
  if (named.length <= 4) return `${named.length} returns (${named.join(", ")})`;
  return `${named.length.toLocaleString("en-GB")} returns`;
}

export function titleBlock(b: SheetBuilder, summary: CommitteeSummary, title: string): void {
  b.text(title, { bold: true, size: 14 });
  b.text(`Source: ${sourceText(summary)}. ${madeText(summary.made, summary.asAt)}.`);
  const notApplicable = summary.notApplicable
    ? `; ${summary.notApplicable.toLocaleString("en-GB")} not applicable`
    : "";
  b.text(
    `Requirements scoring above the weak threshold: ${shareText(summary.aboveThreshold, summary.requirements)}${notApplicable}.`,
    { bold: true }
  );
  if (summary.travel) {
    const t = summary.travel;
    const against = summary.lastYear
      ? `last year's return (${summary.lastYear.sources.join(", ")})`
      : "last year's scores in the schedule";
    let line = `Direction of travel against ${against}: ${t.up} up, ${t.down} down, ${t.same} the same, ${t.new} new.`;
    const removed = summary.lastYear?.removed.length ?? 0;
    if (removed)
      line += ` ${removed} of last year's requirements ${removed === 1 ? "is" : "are"} not in this return.`;
    b.text(line);
  }
  if (summary.notRead.length > 0) {
    const names = summary.notRead;
    b.text(
      `Not in this summary: no schedule could be read from ${listAnd(names)} (${names.length === 1 ? "its no-schedule-found finding says" : "their no-schedule-found findings say"} why).`,
      { bold: true }
    );
  }
  const n = summary.exceptions.length;
  const nothingRead = summary.requirements + summary.notApplicable === 0;
  b.text(
    nothingRead
      ? "Nothing to summarise: no requirement was read."
      : n === 0
        ? "No exceptions: every requirement has a valid score, and every weak score an action, a lead officer and a date still to come."
        : `${n.toLocaleString("en-GB")} requirement${n === 1 ? " has" : "s have"} exceptions; the Action Plan lists all ${summary.actions.length.toLocaleString("en-GB")} items to follow up.`
  );
}

/** One table per group (a schedule, or schedules on one scale across returns), sections in full. */
export function sectionsBlock(b: SheetBuilder, summary: CommitteeSummary): void {
  b.gap();
  b.heading("Scores by section");
  const several = summary.sources.length > 1;
  const compared = summary.travel !== null;
  for (const group of summary.groups) {
    const count = group.sections.reduce((n, s) => n + s.sections, 0);
    // On a word scale the worst score is a level's name: text, so left-aligned as text is, in a
    // column as wide as its longest word ("Partially compliant" wraps between its words).
    const named = group.scale.levels !== undefined;
    const levelWords = scaleLevels(group.scale).flatMap((l) => l.label.split(" "));
    // Measured bold: the group's total row is bold.
    const levelWidth = named
      ? Math.min(
          16,
          Math.max(
            7,
            Math.ceil(Math.max(...levelWords.map((w) => unitsFor(w, undefined, true)))) + 1
          )
        )
      : 7;
    // "7 of 7 (1 N/A)" stays on one line.
    const rows = group.sections.length > 1 ? [...group.sections, group.total] : group.sections;
    const scoredWidth = Math.max(
      8,
      Math.ceil(Math.max(...rows.map((r) => unitsFor(scoredText(r))))) + 1
    );
    const note = group.aggregated
      ? ` Its ${count.toLocaleString("en-GB")} sections are grouped by heading.`
      : "";
    b.text(
      `${group.title} (${group.where}): ${scaleWords(group.scale, group.weakThreshold)}.${note}`,
      {
        bold: true,
      },
      true
    );
    const columns: Column<SectionSummary>[] = [
      {
        header: "Section",
        width: 24,
        flex: true,
        align: "left",
        wrap: true,
        value: (s) => s.section,
      },
      ...(several
        ? [
            {
              header: "Returns",
              width: 7,
              align: "right",
              value: (s) => s.returns,
            } as Column<SectionSummary>,
          ]
        : []),
      { header: "Scored", width: scoredWidth, align: "right", value: scoredText },
      {
        header: named ? "Mean level" : "Mean score",
        width: 7,
        align: "right",
        numberFormat: "0.00",
        value: (s) => round2(s.mean),
      },
      ...(compared
        ? ([
            {
              header: "Last year",
              width: 7,
              align: "right",
              numberFormat: "0.00",
              value: (s) => round2(s.lastYearMean),
            },
            {
              header: "Direction",
              width: 9,
              align: "left",
              value: (s) => (s.travel ? TRAVEL_WORDS[s.travel] : ""),
            },
          ] as Column<SectionSummary>[])
        : []),
      {
        header: "Worst score",
        width: levelWidth,
        align: named ? "left" : "right",
        wrap: named,
        value: (s) => (s.worst === null || !named ? s.worst : levelLabel(group.scale, s.worst)),
      },
      { header: "Weak scores", width: 7, align: "right", value: (s) => s.weak },
      { header: "Weak, no action", width: 7, align: "right", value: (s) => s.weakNoAction },
      { header: "Weak, no lead", width: 7, align: "right", value: (s) => s.weakNoLead },
      { header: "Exceptions", width: 8, align: "right", value: (s) => s.exceptions },
      {
        header: "RAG",
        width: 8,
        align: "center",
        value: (s) => RAG_LOOK[s.rag].word,
        look: (s) => ragCell(s.rag),
      },
    ];
    b.table(columns, rows, {
      totalLast: rows.length > group.sections.length,
      rowLook: (s) => (s === group.total ? { bold: true } : undefined),
    });
  }
}

/** The key states the RAG rule in force, from the settings. */
export function keyBlock(b: SheetBuilder, summary: CommitteeSummary): void {
  b.gap();
  b.text("RAG key (the rule in force, set in Settings)", { bold: true, size: 11 }, true);
  const key = ragKey(
    summary.rule,
    summary.groups.map((g) => g.scale)
  );
  const rags = ["red", "amber", "green"] as const;
  rags.forEach((rag, i) =>
    b.line(
      [
        { x0: 0, x1: 8, value: RAG_LOOK[rag].word, look: ragCell(rag) },
        { x0: 8, x1: b.width, value: key[rag], look: { wrap: true } },
      ],
      { keepWithNext: i < rags.length - 1 }
    )
  );
}

/** One row per return, its RAG beside it; side by side when there are many. */
export function returnsBlock(b: SheetBuilder, summary: CommitteeSummary): void {
  if (summary.returns.length === 0) return;
  b.gap();
  b.heading(`Returns (${summary.returns.length.toLocaleString("en-GB")})`);
  const compared = summary.travel !== null;
  // Many returns go several to a row, each with its weak scores and RAG: as many to a row as
  // their names allow on one line (four for names such as "school-001.xlsx").
  const longest = Math.max(...summary.returns.map((r) => unitsFor(r.source)));
  const across =
    summary.returns.length <= 40
      ? 1
      : ([4, 3, 2].find((n) => Math.floor(b.width / n) - 14 >= longest) ?? 2);
  const columns: Column<ReturnSummary>[] =
    across === 1
      ? [
          {
            header: "Return",
            width: 24,
            flex: true,
            align: "left",
            wrap: true,
            value: (r) => r.source,
          },
          { header: "Schedules", width: 9, align: "right", value: (r) => r.schedules },
          { header: "Scored", width: 10, align: "right", value: (r) => scoredText(r.tally) },
          { header: "Weak scores", width: 7, align: "right", value: (r) => r.tally.weak },
          { header: "Exceptions", width: 8, align: "right", value: (r) => r.tally.exceptions },
          ...(compared
            ? [
                {
                  header: "Direction",
                  width: 9,
                  align: "left",
                  value: (r) => (r.travel ? TRAVEL_WORDS[r.travel] : ""),
                } as Column<ReturnSummary>,
              ]
            : []),
          {
            header: "RAG",
            width: 8,
            align: "center",
            value: (r) => RAG_LOOK[r.rag].word,
            look: (r) => ragCell(r.rag),
          },
        ]
      : [
          {
            header: "Return",
            width: 14,
            flex: true,
            align: "left",
            wrap: true,
            value: (r) => r.source,
          },
          { header: "Weak", width: 6, align: "right", value: (r) => r.tally.weak },
          {
            header: "RAG",
            width: 8,
            align: "center",
            value: (r) => RAG_LOOK[r.rag].word,
            look: (r) => ragCell(r.rag),
          },
        ];
  // Exception reporting: the returns that most need attention first.
  const order = { red: 0, amber: 1, green: 2 };
  const returns = [...summary.returns].sort((a, b) => order[a.rag] - order[b.rag]);
  if (across === 1) {
    b.table(columns, returns);
    return;
  }
  // Several returns to a row, left to right: each set of columns is the same table again.
  const setWidth = Math.floor(b.width / across);
  const widths = b.columnWidths(columns).map((w, i) => (i === 0 ? 0 : w));
  widths[0] = setWidth - widths.reduce((n, w) => n + w, 0);
  const edges = [0];
  for (const w of widths) edges.push(edges[edges.length - 1] + w);
  const at = (set: number, i: number) => set * setWidth + edges[i];
  const cellsFor = (
    set: number,
    values: (c: Column<ReturnSummary>) => PlanValue,
    look: (c: Column<ReturnSummary>) => CellLook
  ) =>
    columns.map((c, i) => ({
      x0: at(set, i),
      x1: at(set, i + 1),
      value: values(c),
      look: look(c),
    }));
  const headerCells = [];
  for (let s = 0; s < across; s++)
    headerCells.push(
      ...cellsFor(
        s,
        (c) => c.header,
        (c) => headerLook(c.align)
      )
    );
  const header = b.line(headerCells, { keepWithNext: true });
  for (let i = 0; i < returns.length; i += across) {
    const cells = [];
    for (let s = 0; s < across && i + s < returns.length; s++) {
      const r = returns[i + s];
      cells.push(
        ...cellsFor(
          s,
          (c) => c.value(r),
          (c) => ({ align: c.align, wrap: c.wrap, ...c.look?.(r) })
        )
      );
    }
    b.line(cells, { header });
  }
}

function requirementText(a: ActionItem): string {
  return a.ref ? `${a.ref} ${a.requirement}` : a.requirement;
}

/** The requirement and its section: the first columns of the exceptions and carried forward. */
const REQUIREMENT_COLUMNS: readonly Column<ActionItem>[] = [
  {
    header: "Requirement",
    width: 24,
    flex: true,
    align: "left",
    wrap: true,
    value: requirementText,
  },
  {
    header: "Section",
    width: 12,
    align: "left",
    wrap: true,
    value: (a) => sectionLabel(a.section),
  },
];

function capped(b: SheetBuilder, total: number, shown: number, where = "in the Action Plan"): void {
  if (total > shown)
    b.text(`and ${(total - shown).toLocaleString("en-GB")} more ${where}.`, { bold: true });
}

/** Where each exception is, for officers: the sheet and cell (and return) at the right end. */
function placeColumns(several: boolean): Column<ActionItem>[] {
  return [
    ...(several
      ? [
          {
            header: "Return",
            width: 12,
            align: "left",
            wrap: true,
            value: (a) => a.source,
          } as Column<ActionItem>,
        ]
      : []),
    { header: "Sheet", width: 10, align: "left", wrap: true, value: (a) => a.sheet },
    { header: "Cell", width: 6, align: "left", value: (a) => a.cell },
  ];
}

export function exceptionsBlock(b: SheetBuilder, summary: CommitteeSummary): void {
  const n = summary.exceptions.length;
  if (n === 0) return;
  b.gap();
  b.heading(
    `Exceptions: ${n.toLocaleString("en-GB")} requirement${n === 1 ? " needs" : "s need"} attention`
  );
  const several = summary.sources.length > 1;
  const scales = new Map(summary.schedules.map((s) => [`${s.source}\u0000${s.sheet}`, s.scale]));
  const columns: Column<ActionItem>[] = [
    ...REQUIREMENT_COLUMNS,
    {
      header: "What needs attention",
      width: 30,
      align: "left",
      wrap: true,
      value: (a) => problemText(a, scales.get(`${a.source}\u0000${a.sheet}`)),
    },
    { header: "Rule", width: 18, align: "left", wrap: true, value: (a) => a.rules.join(", ") },
    ...placeColumns(several),
  ];
  const shown = summary.exceptions.slice(0, cap(summary));
  b.table(columns, shown);
  capped(b, n, shown.length);
}

export function carriedForwardBlock(b: SheetBuilder, summary: CommitteeSummary): void {
  const n = summary.carriedForward.length;
  if (n === 0) return;
  b.gap();
  b.heading(`Carried forward from last year: ${n.toLocaleString("en-GB")}`);
  const columns: Column<ActionItem>[] = [
    ...REQUIREMENT_COLUMNS,
    {
      header: "Last year",
      width: 7,
      align: "right",
      wrap: true,
      value: (a) => a.lastYearLevel ?? a.lastYear,
    },
    {
      header: "This year",
      width: 7,
      align: "right",
      wrap: true,
      value: (a) => a.level ?? a.score ?? a.entered,
    },
    {
      header: "Why",
      width: 26,
      align: "left",
      wrap: true,
      value: (a) =>
        a.rules.includes("carried-forward")
          ? "Weak both years, with no new action or target date"
          : "Last year's action has no progress reported",
    },
    {
      header: "Lead officer",
      width: 14,
      align: "left",
      wrap: true,
      value: (a) => a.lead || "(none named)",
    },
    ...placeColumns(summary.sources.length > 1),
  ];
  const shown = summary.carriedForward.slice(0, cap(summary));
  b.table(columns, shown);
  capped(b, n, shown.length);
}

export function removedBlock(b: SheetBuilder, summary: CommitteeSummary): void {
  const removed = summary.lastYear?.removed ?? [];
  if (removed.length === 0) return;
  b.gap();
  b.heading(`In last year's return but not in this one: ${removed.length.toLocaleString("en-GB")}`);
  type Removed = (typeof removed)[number];
  const columns: Column<Removed>[] = [
    {
      header: "Requirement",
      width: 24,
      flex: true,
      align: "left",
      wrap: true,
      value: (r) => (r.ref ? `${r.ref} ${r.requirement}` : r.requirement),
    },
    {
      header: "Section",
      width: 16,
      align: "left",
      wrap: true,
      value: (r) => sectionLabel(r.section),
    },
    { header: "Score last year", width: 9, align: "right", value: (r) => r.level ?? r.score },
    {
      header: "Where last year",
      width: 22,
      align: "left",
      wrap: true,
      value: (r) => `${r.sheet}!${r.cell}`,
    },
  ];
  const shown = removed.slice(0, cap(summary));
  b.table(columns, shown);
  capped(b, removed.length, shown.length, "in last year's return");
}

/** Red (worst) to green (best), through amber, for any number of levels. */
export function levelColours(count: number): string[] {
  const stops = ["C50F1F", "F7630C", "F7C948", "8CBD18", "107C10"].map((h) => [
    parseInt(h.slice(0, 2), 16),
    parseInt(h.slice(2, 4), 16),
    parseInt(h.slice(4, 6), 16),
  ]);
  if (count <= 1) return ["107C10"];
  return Array.from({ length: count }, (_v, i) => {
    const at = (i / (count - 1)) * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(at));
    const t = at - k;
    return stops[k]
      .map((c, j) =>
        Math.round(c + (stops[k + 1][j] - c) * t)
          .toString(16)
          .padStart(2, "0")
      )
      .join("")
      .toUpperCase();
  });
}

/** A step between ticks that gives at most about eight whole-number ticks. */
function tickStep(max: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000])
    if (max / step <= 8) return step;
  return Math.pow(10, Math.ceil(Math.log10(max / 8)));
}

/** Each group's chart data (a small table, kept whole) and its two charts, side by side below it. */
export function chartsBlock(b: SheetBuilder, summary: CommitteeSummary): PlanChart[] {
  const charts: PlanChart[] = [];
  const withScores = summary.groups.filter((g) => g.total.scored > 0);
  if (withScores.length === 0) return charts;
  b.gap();
  b.heading("Charts, and the figures they show");
  const half = Math.floor(b.width / 2);
  b.edge(half);
  b.edge(half + 1);
  for (const group of withScores) {
    const levels = scaleLevels(group.scale);
    const colours = levelColours(levels.length);
    // A word scale charts its levels by name, and its mean on the levels' numbers (1 = worst).
    const named = group.scale.levels !== undefined;
    const meanHeader = named ? "Mean level" : "Mean score";
    b.text(`${group.title}: ${scaleWords(group.scale, group.weakThreshold)}`, { bold: true }, true);
    const columns: Column<SectionSummary>[] = [
      // A schedule without sections is labelled by its title, longer than the column: it wraps.
      { header: "Section", width: 24, align: "left", wrap: true, value: (s) => s.label },
      {
        header: meanHeader,
        width: 7,
        align: "right",
        numberFormat: "0.00",
        value: (s) => round2(s.mean),
      },
      ...levels.map(
        (l, i) =>
          ({
            header: `${l.label}${i === 0 ? " (worst)" : i === levels.length - 1 ? " (best)" : ""}`,
            width: named ? 9 : 6,
            align: "right",
            value: (s) => s.levels[i],
          }) as Column<SectionSummary>
      ),
    ];
    const table = b.table(columns, group.sections, { together: true });
    const n = group.sections.length;
    const height = Math.max(170, 100 + 18 * n);
    const step = lineHeight() + 3;
    const first = b.line([], { height: step, keepWithNext: true });
    const rows = Math.ceil(height / step);
    for (let i = 1; i < rows; i++) b.line([], { height: step, keepWithNext: i < rows - 1 });
    const lastLine = first + rows - 1;
    const edges = table.edges;
    b.then((at) => {
      const top = at.row(table.first);
      const bottom = at.row(table.last);
      const header = at.row(table.header);
      const column = (i: number) => at.column(edges[i]);
      const labels = { top, bottom, left: column(0), right: column(0) };
      const anchorTop = at.row(first);
      const anchorBottom = at.row(lastLine);
      const scale = group.scale;
      charts.push({
        kind: "bar",
        title: `${meanHeader} by section, ${scaleWords(scale, null)}`,
        categories: labels,
        series: [
          {
            name: meanHeader,
            nameCell: { top: header, bottom: header, left: column(1), right: column(1) },
            values: { top, bottom, left: column(1), right: column(1) },
            colour: "0F6CBD",
          },
        ],
        anchor: { top: anchorTop, bottom: anchorBottom, left: 1, right: at.columnBefore(half) },
        valueAxis: {
          title: named
            ? `${meanHeader} (${levels[0].value} = ${levels[0].label} to ${levels[levels.length - 1].value} = ${levels[levels.length - 1].label})`
            : `${meanHeader} (${scale.min} to ${scale.max})`,
          min: scale.min,
          max: scale.max,
          majorUnit: 1,
          reversed: scale.direction === "descending",
          numberFormat: "0",
        },
        legend: false,
        valueLabels: true,
        textSize: 10,
      });
      const most = Math.max(1, ...group.sections.map((s) => s.scored));
      charts.push({
        kind: "stackedBar",
        title: "Requirements at each level, worst to best",
        categories: labels,
        series: levels.map((_l, i) => ({
          name: columns[2 + i].header,
          nameCell: { top: header, bottom: header, left: column(2 + i), right: column(2 + i) },
          values: { top, bottom, left: column(2 + i), right: column(2 + i) },
          colour: colours[i],
        })),
        anchor: {
          top: anchorTop,
          bottom: anchorBottom,
          left: at.column(half + 1),
          right: at.columnBefore(b.width),
        },
        valueAxis: {
          title: "Requirements",
          min: 0,
          max: Math.ceil(most / tickStep(most)) * tickStep(most),
          majorUnit: tickStep(most),
          numberFormat: "0",
        },
        legend: true,
        valueLabels: false,
        textSize: 10,
      });
    });
  }
  return charts;
}
