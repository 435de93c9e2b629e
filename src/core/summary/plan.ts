import { describeScale } from "../recognise/scale";
import { ukDate } from "./dates";
import { type CommitteeSummary, RAG_RULE, type Rag, shareText } from "./model";

/** A cell's value: text is always written as text, never read as a formula. */
export type PlanValue = string | number | null;

export interface PlanCell {
  /** 1-based row and column. */
  readonly row: number;
  readonly col: number;
  readonly value: PlanValue;
  readonly bold?: boolean;
  readonly fill?: string;
  readonly fontColor?: string;
  readonly wrap?: boolean;
  readonly numberFormat?: string;
  readonly size?: number;
}

/** A rectangle on the same sheet, 1-based and inclusive. */
export interface PlanRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** An Excel table (with filter buttons) whose first row is its header. */
export interface PlanTable {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly header: readonly string[];
  readonly rows: readonly (readonly PlanValue[])[];
  /** Columns (0-based within the table) that hold long text to wrap. */
  readonly wrapColumns: readonly number[];
}

export interface PlanChart {
  /** Horizontal bars: clustered for one value per section, stacked for a distribution. */
  readonly kind: "bar" | "stackedBar";
  readonly title: string;
  readonly categories: PlanRange;
  /** Each series: its name's cell and its values, one per category; series run down columns. */
  readonly series: readonly { name: string; nameCell: PlanRange; values: PlanRange }[];
  readonly anchor: PlanRange;
  readonly valueAxisTitle: string;
}

export interface SheetPlan {
  readonly key: "summary" | "actions";
  /** The name wanted; a host picks another where a user's sheet already has it. */
  readonly name: string;
  readonly columnWidths: readonly number[];
  readonly cells: readonly PlanCell[];
  readonly tables: readonly PlanTable[];
  readonly charts: readonly PlanChart[];
  readonly freezeRows: number;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
}

export const RAG_FILL: Readonly<Record<Rag, { fill: string; font: string; word: string }>> = {
  red: { fill: "#C50F1F", font: "#FFFFFF", word: "Red" },
  amber: { fill: "#F7C948", font: "#000000", word: "Amber" },
  green: { fill: "#107C10", font: "#FFFFFF", word: "Green" },
};

const HEADER_FILL = "#DEECF9";

/** "Principle A: Behaving with integrity ..." -> "Principle A"; a short label for chart axes. */
export function sectionLabel(section: string, schedule: string): string {
  const text = section || schedule;
  const head = /^(.{3,40}?)\s*[:\u2013\u2014-]\s/.exec(text);
  const label = head ? head[1] : text;
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

/** The two sheets the committee gets, as data both hosts render the same way. */
export function planCommitteeSheets(summary: CommitteeSummary): WorkbookPlan {
  const several = summary.sources.length > 1;
  const cells: PlanCell[] = [];
  const put = (
    row: number,
    col: number,
    value: PlanValue,
    style: Omit<PlanCell, "row" | "col" | "value"> = {}
  ) =>
    // Every cell with the same fields, written out: tens of thousands of them are read again by
    // each renderer, and objects of one shape read fastest.
    cells.push({
      row,
      col,
      value,
      bold: style.bold,
      fill: style.fill,
      fontColor: style.fontColor,
      wrap: style.wrap,
      numberFormat: style.numberFormat,
      size: style.size,
    });

  let row = 1;
  put(row++, 1, "Committee summary: governance self-assessment", { bold: true, size: 14 });
  put(row++, 1, `Source: ${summary.sources.map((s) => s || "this workbook").join(", ")}`);
  put(row++, 1, `Made: ${ukDate(summary.made)}`);
  for (const s of summary.schedules) {
    const worse = s.scale.direction === "ascending" ? "or lower" : "or higher";
    put(
      row++,
      1,
      `${several ? `${s.source}: ` : ""}${s.title} (${s.sheet}): scale ${describeScale(s.scale)}, weak at ${s.weakThreshold} ${worse}`
    );
  }
  put(
    row++,
    1,
    `Requirements scoring above the weak threshold: ${shareText(summary.aboveThreshold, summary.requirements)}` +
      (summary.notApplicable ? `; ${summary.notApplicable} not applicable` : ""),
    { bold: true }
  );
  row++;

  // Per-section table.
  put(row++, 1, "By section", { bold: true, size: 12 });
  const sectionHeader = [
    ...(several ? ["Return"] : []),
    "Section",
    "Schedule",
    "Requirements",
    "Scored",
    "Mean score",
    "Lowest score",
    "Weak scores",
    "Weak, no action",
    "Weak, no lead",
    "RAG",
  ];
  const headerRow = row;
  sectionHeader.forEach((h, i) =>
    put(headerRow, i + 1, h, { bold: true, fill: HEADER_FILL, wrap: true })
  );
  const first = headerRow + 1;
  const offset = several ? 1 : 0;
  summary.sections.forEach((s, i) => {
    const r = first + i;
    if (several) put(r, 1, s.source);
    put(r, offset + 1, sectionLabel(s.section, s.schedule));
    put(r, offset + 2, s.schedule);
    put(r, offset + 3, s.requirements);
    put(r, offset + 4, s.scored);
    put(r, offset + 5, s.mean === null ? null : Math.round(s.mean * 100) / 100, {
      numberFormat: "0.00",
    });
    put(r, offset + 6, s.lowest);
    put(r, offset + 7, s.weak);
    put(r, offset + 8, s.weakNoAction);
    put(r, offset + 9, s.weakNoLead);
    const rag = RAG_FILL[s.rag];
    put(r, offset + 10, rag.word, { bold: true, fill: rag.fill, fontColor: rag.font });
  });
  const last = first + Math.max(summary.sections.length, 1) - 1;
  row = last + 2;

  put(row++, 1, "Key", { bold: true });
  for (const rag of ["red", "amber", "green"] as const) {
    put(row, 1, RAG_FILL[rag].word, {
      bold: true,
      fill: RAG_FILL[rag].fill,
      fontColor: RAG_FILL[rag].font,
    });
    put(row++, 2, RAG_RULE[rag]);
  }
  row++;

  // Distribution table: sections down, scores across.
  const { min, max } = summary.distributionScale;
  put(row++, 1, "Distribution of scores by section", { bold: true, size: 12 });
  const distHeader = row;
  put(distHeader, 1, "Section", { bold: true, fill: HEADER_FILL });
  for (let v = min; v <= max; v++)
    put(distHeader, 2 + v - min, `Score ${v}`, { bold: true, fill: HEADER_FILL });
  summary.sections.forEach((s, i) => {
    const r = distHeader + 1 + i;
    put(r, 1, `${several ? `${s.source} / ` : ""}${sectionLabel(s.section, s.schedule)}`);
    const scheduleMin =
      summary.schedules.find((x) => x.title === s.schedule && (!several || x.source === s.source))
        ?.scale.min ?? min;
    for (let v = min; v <= max; v++) put(r, 2 + v - min, s.distribution[v - scheduleMin] ?? 0);
  });
  const distLast = distHeader + Math.max(summary.sections.length, 1);
  row = distLast + 2;

  // Charts sit beside the tables, to the right.
  const chartLeft = Math.max(sectionHeader.length, max - min + 2) + 2;
  const charts: PlanChart[] = [];
  if (summary.sections.length > 0) {
    const meanCol = offset + 5;
    const labelCol = offset + 1;
    charts.push({
      kind: "bar",
      title: "Mean score by section",
      categories: { top: first, left: labelCol, bottom: last, right: labelCol },
      series: [
        {
          name: "Mean score",
          nameCell: { top: headerRow, left: meanCol, bottom: headerRow, right: meanCol },
          values: { top: first, left: meanCol, bottom: last, right: meanCol },
        },
      ],
      anchor: { top: headerRow, left: chartLeft, bottom: headerRow + 18, right: chartLeft + 8 },
      valueAxisTitle: "Mean score",
    });
    const series = [];
    for (let v = min; v <= max; v++) {
      const col = 2 + v - min;
      series.push({
        name: `Score ${v}`,
        nameCell: { top: distHeader, left: col, bottom: distHeader, right: col },
        values: { top: distHeader + 1, left: col, bottom: distLast, right: col },
      });
    }
    charts.push({
      kind: "stackedBar",
      title: "Distribution of scores by section",
      categories: { top: distHeader + 1, left: 1, bottom: distLast, right: 1 },
      series,
      anchor: {
        top: headerRow + 20,
        left: chartLeft,
        bottom: headerRow + 40,
        right: chartLeft + 8,
      },
      valueAxisTitle: "Requirements",
    });
  }

  // Exceptions: what the committee must see.
  put(row++, 1, "Exceptions", { bold: true, size: 12 });
  // The wide columns (the first two) take the problem and the requirement's text.
  const exceptionHeader = [
    "Problem",
    "Requirement",
    "Section",
    "Ref",
    "Sheet",
    "Cell",
    ...(several ? ["Return"] : []),
  ];
  exceptionHeader.forEach((h, i) => put(row, i + 1, h, { bold: true, fill: HEADER_FILL }));
  row++;
  if (summary.exceptions.length === 0) {
    put(
      row++,
      1,
      "None: every requirement has a valid score, and every weak score an action and a lead officer."
    );
  }
  for (const e of summary.exceptions) {
    const values: PlanValue[] = [
      e.problem,
      e.requirement,
      sectionLabel(e.section, ""),
      e.ref,
      e.sheet,
      e.cell,
      ...(several ? [e.source] : []),
    ];
    values.forEach((v, i) => put(row, i + 1, v, { wrap: i < 2 }));
    row++;
  }

  const summarySheet: SheetPlan = {
    key: "summary",
    name: "Committee Summary",
    columnWidths: several
      ? [30, 34, 14, 13, 17, 11, 11, 11, 12, 12, 9]
      : [30, 34, 14, 9, 17, 11, 11, 12, 12, 9],
    cells,
    tables: [],
    charts,
    freezeRows: 0,
  };

  const actionHeader = [
    ...(several ? ["Return"] : []),
    "Lead officer",
    "Section",
    "Ref",
    "Requirement",
    "Score",
    "Improvement action",
    "Target date",
    "Status",
    "Sheet",
    "Cell",
  ];
  const labels = new Map<string, string>();
  const labelOf = (section: string) => {
    let label = labels.get(section);
    if (label === undefined) labels.set(section, (label = sectionLabel(section, "")));
    return label;
  };
  const actionRows = summary.actions.map((a) => [
    ...(several ? [a.source] : []),
    a.lead || "(none named)",
    labelOf(a.section),
    a.ref,
    a.requirement,
    a.score,
    a.action || "(none)",
    a.targetDate,
    a.status.length ? a.status.join(", ") : "In hand",
    a.sheet,
    a.cell,
  ]);
  const actionsSheet: SheetPlan = {
    key: "actions",
    name: "Action Plan",
    columnWidths: [...(several ? [18] : []), 26, 18, 7, 50, 7, 45, 13, 22, 18, 7],
    cells: [],
    tables: [
      {
        name: "GovcheckActionPlan",
        top: 1,
        left: 1,
        header: actionHeader,
        // A table needs a row under its header, even when no score is weak.
        rows: actionRows.length
          ? actionRows
          : [actionHeader.map((_h, i) => (i === 0 ? "No weak scores" : null))],
        wrapColumns: [offset + 3, offset + 5],
      },
    ],
    charts: [],
    freezeRows: 1,
  };
  return { sheets: [summarySheet, actionsSheet] };
}
