import {
  type CellValue,
  type Grid,
  cellAt,
  cellText,
  isBlank,
  lastColumn,
  lastRow,
  validationListAt,
} from "../grid";
import { chooseScale } from "./choose-scale";
import { type HeaderLayout, readHeader, sameLayout } from "./header";
import { mergesStartingOn } from "./merge-index";
import { ASSESSED_ROLES, type ColumnRole } from "./roles";
import {
  endsSentence,
  isFooterText,
  looksLikeProse,
  looksLikeRef,
  looksLikeSectionTitle,
  looksLikeSubPrinciple,
  startsLowerCase,
} from "./row-kinds";
import { type ScaleHint, isLegend, scaleHintFromText } from "./scale";
import type { RequirementRecord, Schedule, ScaleSource } from "./schedule";
import { parseScore } from "./score-value";
import {
  type StatedItem,
  type WordScale,
  isNotApplicable,
  isRatingWord,
  normaliseWord,
  statedInline,
} from "./word-scales";

/** What a sheet's schedules may look up in the rest of the workbook. */
export interface RecogniseContext {
  /**
   * A key or guidance sheet elsewhere that places these rating words (normalised), other than
   * the schedule's own rows (`sheet`, rows `top` to `bottom`).
   */
  keyFor?: (
    words: readonly string[],
    sheet: string,
    top: number,
    bottom: number
  ) => WordScale | undefined;
}

/** Words that name a schedule rather than the council that owns it. */
const SCHEDULE_TITLE =
  /self[- ]?assessment|schedule|\bcode\b|governance|dimension|principle|review|framework|checklist|assurance|standards?\b/i;

interface Draft {
  layout: HeaderLayout;
  columns: Partial<Record<ColumnRole, number>>;
  title: string;
  hints: { hint: ScaleHint; source: ScaleSource }[];
  statedWords: { items: StatedItem[]; source: ScaleSource }[];
  records: RequirementRecord[];
  section: string;
  subSection: string;
  pending: RequirementRecord | undefined;
  lastRow: number;
}

const TEXT_FIELDS = [
  "ref",
  "requirement",
  "evidence",
  "action",
  "previousAction",
  "progress",
  "lead",
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

function textAt(grid: Grid, row: number, column: number | undefined): string {
  return column === undefined ? "" : cellText(cellAt(grid, row, column));
}

function valueAt(grid: Grid, row: number, column: number | undefined): CellValue {
  return column === undefined ? null : cellAt(grid, row, column);
}

/** Enough of a text row to read a title, section heading or legend from. */
const MAX_ROW_TEXT = 2_000;

interface BlockRow {
  row: number;
  /** The row's texts joined. */
  text: string;
  /** Its first non-blank text. */
  first: string;
  cells: number;
}

/** Rows kept from each end of a long run of text rows above a schedule. */
const BLOCK_KEPT = 1_000;

/**
 * A text row above a schedule; a run of a million keeps its first and latest rows only, and a
 * huge text only its start.
 */
function keepInBlock(block: BlockRow[], entry: BlockRow): void {
  if (entry.text.length > MAX_ROW_TEXT) entry.text = entry.text.slice(0, MAX_ROW_TEXT);
  if (entry.first.length > MAX_ROW_TEXT) entry.first = entry.first.slice(0, MAX_ROW_TEXT);
  block.push(entry);
  if (block.length > 2 * BLOCK_KEPT) block.splice(BLOCK_KEPT, BLOCK_KEPT);
}

/**
 * The non-blank texts of a row: how many, the first two (for footers split over two cells) and,
 * only when asked, all of them joined. Runs on every row, so it allocates as little as it can.
 */
class RowTexts {
  count = 0;
  first = "";
  second = "";
  private all: string | undefined;

  constructor(
    private readonly cells: readonly CellValue[] | undefined,
    private readonly width: number
  ) {
    if (!cells) return;
    for (let i = 0; i < cells.length && i < width; i++) {
      if (cells[i] === null) continue;
      const t = cellText(cells[i]);
      if (t === "") continue;
      if (this.count === 0) this.first = t;
      else if (this.count === 1) this.second = t;
      this.count++;
    }
  }

  /** The row's texts joined, up to MAX_ROW_TEXT characters (titles and legends are short). */
  get joined(): string {
    if (this.all === undefined) {
      const parts: string[] = [];
      let length = 0;
      for (let i = 0; this.cells && i < this.cells.length && i < this.width; i++) {
        if (length >= MAX_ROW_TEXT) break;
        const t = cellText(this.cells[i]);
        if (t !== "") {
          parts.push(t);
          length += t.length + 1;
        }
      }
      const all = parts.join(" ");
      this.all = all.length > MAX_ROW_TEXT ? all.slice(0, MAX_ROW_TEXT) : all;
    }
    return this.all;
  }
}

/**
 * Where the header's requirement label sits over a column of refs ("(a)", "(b)") and the text is
 * in the unlabelled column beside it, the refs get their own role and the text becomes the
 * requirement. Also picks an unlabelled prose column when no header named the requirement.
 */
function settleColumns(grid: Grid, layout: HeaderLayout): Partial<Record<ColumnRole, number>> {
  const columns = { ...layout.columns };
  const sampleEnd = Math.min(lastRow(grid), layout.bottom + 60);
  const labelled = new Set(Object.values(columns));
  const stats = (column: number) => {
    let refs = 0;
    let prose = 0;
    let filled = 0;
    for (let r = layout.bottom + 1; r <= sampleEnd; r++) {
      const t = cellText(cellAt(grid, r, column));
      if (t === "") continue;
      filled++;
      if (looksLikeRef(t)) refs++;
      else if (looksLikeProse(t)) prose++;
    }
    return { refs, prose, filled };
  };
  if (layout.requirementColumns.length > 1) {
    // Two columns named as the requirement: the one with more to say is it; the other is often a
    // principle name repeated on every row.
    const length = (column: number) => {
      let total = 0;
      for (let r = layout.bottom + 1; r <= sampleEnd; r++)
        total += cellText(cellAt(grid, r, column)).length;
      return total;
    };
    columns.requirement = layout.requirementColumns.reduce((a, b) =>
      length(b) > length(a) ? b : a
    );
  }
  const req = columns.requirement;
  if (req !== undefined) {
    const here = stats(req);
    const next = req + 1;
    if (
      here.filled > 0 &&
      here.refs >= here.filled * 0.6 &&
      !labelled.has(next) &&
      stats(next).prose > 0
    ) {
      if (columns.ref === undefined) columns.ref = req;
      columns.requirement = next;
    }
  } else {
    const scoreColumn = columns.score!;
    for (let c = grid.firstColumn; c < scoreColumn; c++) {
      if (labelled.has(c)) continue;
      const s = stats(c);
      if (s.prose > 0 && s.prose >= s.refs) {
        columns.requirement = c;
        break;
      }
      if (s.refs > 0 && columns.ref === undefined) columns.ref = c;
    }
  }
  return columns;
}

function blankRecord(row: number, section: string, subSection: string): RequirementRecord {
  return {
    rows: [row],
    scoreRow: row,
    section,
    subSection,
    ref: "",
    requirement: "",
    evidence: "",
    score: null,
    previousScore: null,
    action: "",
    previousAction: "",
    progress: "",
    lead: "",
    targetDate: null,
  };
}

/**
 * Texts joined over continuation rows stop growing at Excel's longest cell: the recogniser needs
 * only their start, and a long run of continuation rows stays linear.
 */
const MAX_JOINED_TEXT = 32_767;

function joinText(a: string, b: string): string {
  if (a === "") return b.length > MAX_JOINED_TEXT ? b.slice(0, MAX_JOINED_TEXT) : b;
  if (b === "" || a.length >= MAX_JOINED_TEXT) return a;
  const joined = `${a} ${b}`;
  return joined.length > MAX_JOINED_TEXT ? joined.slice(0, MAX_JOINED_TEXT) : joined;
}

/**
 * The last requirement text each record absorbed: whether the next row continues it depends on
 * how that text ends, and looking at it alone keeps the check from re-reading the joined whole.
 */
const lastRequirementText = new WeakMap<RequirementRecord, string>();

/** Marks that leave a tick box empty: a cross, a dash, "No" written in the box. */
const UNMARKED = /^(|-+|\.|n|no|false|0|x?\u2717|\u2718|\u00d7|\u00fb|\u2610)$/;

/** A cross: "not this one" beside a tick, but the mark itself where it is the only one in the row. */
const CROSS = /^(x?\u2717|\u2718|\u00d7|\u00fb)$/;

function isCross(value: CellValue): boolean {
  return typeof value === "string" && CROSS.test(normaliseWord(value));
}

/** Is a tick box marked: a tick, "x", "Y", a check mark, TRUE, or anything written in it? */
export function isMarked(value: CellValue): boolean {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value !== "string") return false;
  return !UNMARKED.test(normaliseWord(value));
}

function readRow(
  grid: Grid,
  row: number,
  columns: Partial<Record<ColumnRole, number>>,
  ticks?: HeaderLayout["ticks"]
) {
  const texts = {} as Record<TextField, string>;
  for (const f of TEXT_FIELDS) texts[f] = textAt(grid, row, columns[f]);
  let score = valueAt(grid, row, columns.score);
  let marks: string[] | undefined;
  if (ticks) {
    // The marked boxes stand for the score: one names its level; several are read as one entry.
    marks = ticks.filter((t) => isMarked(cellAt(grid, row, t.column))).map((t) => t.level);
    if (marks.length === 0) {
      const crossed = ticks.filter((t) => isCross(cellAt(grid, row, t.column)));
      if (crossed.length === 1) marks = [crossed[0].level];
    }
    score = marks.length ? marks.join(" and ") : null;
  }
  return {
    texts,
    score,
    marks,
    previousScore: valueAt(grid, row, columns.previousScore),
    targetDate: valueAt(grid, row, columns.targetDate),
  };
}

type RowRead = ReturnType<typeof readRow>;

function hasScore(v: CellValue): boolean {
  return !isBlank(v);
}

/** Is this row the rest of the requirement above it (a page break or a wrapped cell)? */
function continues(pending: RequirementRecord, read: RowRead): boolean {
  if (read.texts.ref !== "") return false;
  const rowScored = hasScore(read.score);
  const pendingScored = hasScore(pending.score);
  if (rowScored && pendingScored) return false;
  const req = read.texts.requirement;
  if (req === "") return !rowScored || pending.requirement !== "";
  return (
    startsLowerCase(req) && !endsSentence(lastRequirementText.get(pending) ?? pending.requirement)
  );
}

function absorb(pending: RequirementRecord, row: number, read: RowRead): void {
  pending.rows.push(row);
  if (read.texts.requirement !== "") lastRequirementText.set(pending, read.texts.requirement);
  for (const f of TEXT_FIELDS) pending[f] = joinText(pending[f], read.texts[f]);
  if (!hasScore(pending.score) && hasScore(read.score)) {
    pending.score = read.score;
    pending.scoreRow = row;
    if (read.marks) pending.marks = read.marks;
  }
  if (read.marks && !pending.marks) pending.marks = read.marks;
  if (isBlank(pending.previousScore)) pending.previousScore = read.previousScore;
  if (isBlank(pending.targetDate)) pending.targetDate = read.targetDate;
}

function startRecord(row: number, read: RowRead, draft: Draft): RequirementRecord {
  const rec = blankRecord(row, draft.section, draft.subSection);
  absorb(rec, row, read);
  rec.rows.splice(0, 1);
  return rec;
}

function flush(draft: Draft): void {
  if (draft.pending) draft.records.push(draft.pending);
  draft.pending = undefined;
}

/**
 * A row with only a ref and a short title, and nothing in the score, evidence, action or lead
 * columns, whose next row is scored and starts a sentence of its own, heads the rows below it.
 * (A title cut off by a page break goes on in lower case, and stays a requirement.)
 */
function headsTheRowsBelow(
  grid: Grid,
  row: number,
  bottom: number,
  layout: { columns: Partial<Record<ColumnRole, number>>; ticks?: HeaderLayout["ticks"] },
  read: RowRead
): boolean {
  const { columns } = layout;
  const t = read.texts;
  const ref = t.ref.replace(/\s/g, "");
  // Only a row with a ref of its own heads others: an unscored requirement without one stays a requirement.
  if (ref === "" || hasScore(read.score) || hasScore(read.targetDate)) return false;
  if (t.evidence || t.action || t.lead || t.previousAction || t.progress) return false;
  if (t.requirement.length > 120 || endsSentence(t.requirement)) return false;
  for (let r = row + 1; r <= bottom && r <= row + 3; r++) {
    const next = readRow(grid, r, columns, layout.ticks);
    if (TEXT_FIELDS.every((f) => next.texts[f] === "") && !hasScore(next.score)) continue;
    const nextRef = next.texts.ref.replace(/\s/g, "");
    const underIt = nextRef === "" || (nextRef !== ref && nextRef.startsWith(ref));
    return (
      underIt &&
      hasScore(next.score) &&
      next.texts.requirement !== "" &&
      !startsLowerCase(next.texts.requirement)
    );
  }
  return false;
}

/**
 * The texts of a row that finishes the header above it: short words only, no number, and nothing
 * in the ref or requirement columns. `undefined` when the row is anything else.
 */
function headerTail(
  grid: Grid,
  row: number,
  right: number,
  columns: Partial<Record<ColumnRole, number>>
): string[] | undefined {
  const cells = grid.rows[row - grid.firstRow];
  if (!cells) return undefined;
  if (textAt(grid, row, columns.requirement) !== "" || textAt(grid, row, columns.ref) !== "")
    return undefined;
  const texts: string[] = [];
  for (let i = 0; i < cells.length && grid.firstColumn + i <= right; i++) {
    const v = cells[i];
    if (v === null) continue;
    if (typeof v !== "string") return undefined;
    const t = cellText(v);
    if (t === "") continue;
    if (t.length > 40 || parseScore(v).kind === "number") return undefined;
    texts.push(t);
  }
  return texts.length ? texts : undefined;
}

/** A schedule is real when it has requirements and its scores are not a pivot's averages. */
function plausible(grid: Grid, draft: Draft): boolean {
  if (draft.records.length === 0) return false;
  // Numbered rows and a score alone are a table of measurements: a schedule says what is assessed,
  // on what evidence, or what is to be done.
  if (ASSESSED_ROLES.every((role) => draft.columns[role] === undefined)) return false;
  let fractions = 0;
  let numbers = 0;
  for (const r of draft.records) {
    const s = parseScore(r.score);
    if (s.kind === "number") numbers++;
    if (s.kind === "decimal") fractions++;
  }
  if (fractions > numbers) return false;
  // A summary counts: "Actions open 3", "Lead officers named 2", or RAG counts under "Green |
  // Amber | Red". A schedule's action and lead are words, and its tick boxes hold marks.
  const counted = (values: readonly string[]) => {
    const filled = values.filter((v) => v !== "");
    return (
      filled.length > 0 &&
      filled.filter((v) => /^\d+(\.\d+)?$/.test(v)).length >= filled.length * 0.6
    );
  };
  if (counted(draft.records.map((r) => r.action)) || counted(draft.records.map((r) => r.lead)))
    return false;
  if (draft.layout.ticks) {
    const cells = draft.records.flatMap((r) =>
      draft.layout.ticks!.map((t) => cellAt(grid, r.scoreRow, t.column))
    );
    if (cells.some((v) => typeof v === "number" && v !== 0 && v !== 1)) return false;
  }
  return true;
}

/** The drop-down list on the schedule's score cells: on the first rows that have one. */
function scoreList(grid: Grid, draft: Draft): readonly string[] | undefined {
  const column = draft.columns.score!;
  const rows = [draft.layout.bottom + 1, ...draft.records.slice(0, 20).map((r) => r.scoreRow)];
  for (const row of rows) {
    const list = validationListAt(grid, row, column);
    if (list) return list.values;
  }
  return undefined;
}

/** What names the header: its texts, folded, so the same header on sibling sheets matches. */
function signatureOf(layout: HeaderLayout): string {
  return [...layout.texts.entries()]
    .map(([c, t]) => `${c}:${t.toLowerCase().replace(/\s+/g, " ")}`)
    .join("|");
}

function finish(grid: Grid, draft: Draft, out: Schedule[], context: RecogniseContext): void {
  flush(draft);
  if (!plausible(grid, draft)) return;
  const choice = chooseScale({
    hints: draft.hints,
    statedWords: draft.statedWords,
    list: scoreList(grid, draft),
    ticks: draft.layout.ticks,
    // A column headed "RAG" is rated Red / Amber / Green, even before anyone has typed a colour.
    headerWords: /\b(rag|r\/a\/g)\b/i.test(draft.layout.labels.score ?? "")
      ? [{ text: "Red" }, { text: "Amber" }, { text: "Green" }]
      : undefined,
    scores: draft.records.map((r) => r.score),
    keyFor: context.keyFor
      ? (words) => context.keyFor!(words, grid.name, draft.layout.top, draft.lastRow)
      : undefined,
  });
  // One row of words under a header is a listing's field names, not a schedule to report.
  if (choice.unplaced && draft.records.length < 2) return;
  const sections = [...new Set(draft.records.map((r) => r.section).filter((t) => t !== ""))];
  out.push({
    id: `${grid.name}!${draft.layout.top}`,
    sheet: grid.name,
    title: draft.title || grid.name,
    headerRow: draft.layout.top,
    columns: draft.columns,
    labels: draft.layout.labels,
    scale: choice.scale,
    scaleSource: choice.source,
    records: draft.records,
    sections,
    lastRow: draft.lastRow,
    ticks: draft.layout.ticks,
    unplacedWords: choice.unplaced,
    openScale:
      choice.open && choice.observed
        ? {
            signature: signatureOf(draft.layout),
            hints: draft.hints.map((h) => h.hint),
            observed: choice.observed,
          }
        : undefined,
  });
}

/**
 * Rating words a legend or key above a schedule states: inline ("RAG: Red = not in place; Amber
 * ..."), or one a row ("Green | Fully in place", "Amber | Partly in place", ...).
 */
function statedWordsIn(block: readonly BlockRow[]): StatedItem[][] {
  const out: StatedItem[][] = [];
  for (const b of block) {
    const items = statedInline(b.text);
    if (items) out.push(items);
  }
  let run: StatedItem[] = [];
  const close = () => {
    if (run.length >= 2) out.push(run);
    run = [];
  };
  for (const b of block) {
    if (b.first.length <= 30 && isRatingWord(b.first, true) && !isNotApplicable(b.first))
      run.push({ text: b.first, description: b.text.slice(b.first.length).trim() });
    else close();
  }
  close();
  return out;
}

/**
 * A legend written a number a row ("6 | Excellent", "5 | Very good", ...): the short rows above
 * the header read as one text.
 */
function legendOverRows(block: readonly BlockRow[]): ScaleHint | undefined {
  const short = block.filter((b) => b.text.length <= 80 && /^\d{1,2}\b/.test(b.text));
  if (short.length < 3) return undefined;
  const hint = scaleHintFromText(short.map((b) => b.text).join("; "));
  return hint.min !== undefined && hint.max !== undefined && (hint.names?.size ?? 0) >= 3
    ? hint
    : undefined;
}

/**
 * "1. Vision and leadership", "2) Governance": a numbered heading on a row of its own, when the
 * rows under it are numbered within it ("1.1") or carry the scores.
 */
function numberedHeading(
  grid: Grid,
  row: number,
  bottom: number,
  text: string,
  columns: Partial<Record<ColumnRole, number>>,
  ticks: HeaderLayout["ticks"]
): boolean {
  const m = /^(\d{1,2})[.)]?\s+([A-Z][^.;:!?]{1,78})$/.exec(text);
  if (!m) return false;
  const n = Number(m[1]);
  for (let r = row + 1; r <= bottom && r <= row + 3; r++) {
    const next = readRow(grid, r, columns, ticks);
    const first = (next.texts.ref || next.texts.requirement).replace(/\s/g, "");
    if (first === "" && !hasScore(next.score)) continue;
    if (new RegExp(`^\\(?${n}[.]\\d|^\\(?${n}[a-z]\\b`).test(first)) return true;
    if (new RegExp(`^\\(?${n + 1}[.)]?$|^\\(?${n + 1}[.)]?[A-Z]`).test(first)) return false;
    return hasScore(next.score);
  }
  return false;
}

/**
 * A row whose one text sits in a cell merged across three or more of the schedule's columns: a
 * section heading, whatever it says ("Functions of the committee").
 */
function mergedAcross(grid: Grid, row: number, layout: HeaderLayout): boolean {
  const used = [...layout.texts.keys()];
  const span = used.length ? Math.max(...used) - Math.min(...used) + 1 : 0;
  return mergesStartingOn(grid, row).some(
    (m) =>
      m.right - m.left + 1 >= Math.min(3, Math.max(2, span)) && cellAt(grid, m.top, m.left) !== null
  );
}

/**
 * Finds every schedule on a sheet. Rows are walked once, top to bottom: a header starts a
 * schedule (or, repeated after a page break, is skipped); section headings label the rows under
 * them; a footer ends the schedule; a legend or a different header starts the next one.
 */
export function findSchedules(grid: Grid, context: RecogniseContext = {}): Schedule[] {
  const out: Schedule[] = [];
  const right = lastColumn(grid);
  const bottom = lastRow(grid);
  let draft: Draft | undefined;
  let ended = false;
  /** Text rows since the last schedule's last requirement: title, preamble, legend. */
  let block: BlockRow[] = [];
  let legendSinceRecord = false;
  let lookahead: { row: number; header: ReturnType<typeof readHeader> } | undefined;

  for (let row = grid.firstRow; row <= bottom; row++) {
    // The row below was read as a header on the last turn when this one was a header candidate.
    let header = lookahead?.row === row ? lookahead.header : readHeader(grid, row, right);
    lookahead = undefined;
    if (header) {
      // A band row ("Ref | Requirement | Self-assessment") can pass as a header on its own; the
      // row below that reads it as its band is the fuller header.
      const below = readHeader(grid, row + 1, right);
      lookahead = { row: row + 1, header: below };
      if (below && below.top === row) header = below;
    }
    if (header) {
      if (draft && !ended && !legendSinceRecord && sameLayout(draft.layout, header)) {
        const hint = scaleHintFromText(header.labels.score ?? "");
        if (hint.min !== undefined) draft.hints.push({ hint, source: "header" });
        const tail = headerTail(grid, header.bottom + 1, right, draft.columns);
        if (tail && tail.some((t) => scaleHintFromText(t).min !== undefined))
          row = header.bottom + 1;
        continue;
      }
      if (draft) finish(grid, draft, out, context);
      const titles = block.filter((b) => !isLegend(b.text) && b.cells === 1);
      const titleRow = titles.find((b) => SCHEDULE_TITLE.test(b.text)) ?? titles[0];
      const sectionRow = [...block]
        .reverse()
        .find((b) => b.cells === 1 && looksLikeSectionTitle(b.text));
      const hints: Draft["hints"] = [];
      for (const b of block) {
        const hint = scaleHintFromText(b.text);
        if (hint.min !== undefined && isLegend(b.text)) hints.push({ hint, source: "legend" });
      }
      if (!hints.some((h) => h.hint.max !== undefined)) {
        const overRows = legendOverRows(block);
        if (overRows) hints.push({ hint: overRows, source: "legend" });
      }
      for (const text of header.texts.values()) {
        const hint = scaleHintFromText(text);
        if (hint.min !== undefined) hints.push({ hint, source: "header" });
      }
      const statedWords: Draft["statedWords"] = statedWordsIn(block).map((items) => ({
        items,
        source: "legend",
      }));
      const scoreLabel = header.labels.score ?? "";
      const inHeader = header.ticks ? undefined : statedInline(scoreLabel);
      if (inHeader) statedWords.unshift({ items: inHeader, source: "header" });

      const section = sectionRow?.text ?? "";
      draft = {
        layout: header,
        columns: settleColumns(grid, header),
        title: titleRow?.text ?? "",
        hints,
        statedWords,
        records: [],
        section,
        subSection: "",
        pending: undefined,
        lastRow: header.bottom,
      };
      ended = false;
      legendSinceRecord = false;
      block = [];
      row = header.bottom;
      // A header pasted from a PDF may spill onto the next row ("Self Assessment Score" over "(1-3)").
      const tail = headerTail(grid, row + 1, right, draft.columns);
      if (tail) {
        for (const t of tail) {
          const hint = scaleHintFromText(t);
          if (hint.min !== undefined) draft.hints.push({ hint, source: "header" });
        }
        row++;
      }
      continue;
    }

    const texts = new RowTexts(grid.rows[row - grid.firstRow], right - grid.firstColumn + 1);
    if (texts.count === 0) continue;

    if (!draft || ended) {
      keepInBlock(block, { row, text: texts.joined, first: texts.first, cells: texts.count });
      continue;
    }
    const columns = draft.columns;
    const scoreValue = valueAt(grid, row, columns.score);

    if (
      isFooterText(texts.first) ||
      (texts.count > 1 && isFooterText(texts.first + texts.second))
    ) {
      flush(draft);
      ended = true;
      block = [];
      continue;
    }
    if (texts.count === 1 && isBlank(scoreValue) && isLegend(texts.first)) {
      // The next schedule's legend: this one is over.
      flush(draft);
      legendSinceRecord = true;
      keepInBlock(block, { row, text: texts.first, first: texts.first, cells: 1 });
      continue;
    }
    if (texts.count === 1 && isBlank(scoreValue)) {
      const text = texts.first;
      if (looksLikeSubPrinciple(text) && text.length <= 160) {
        flush(draft);
        draft.subSection = text;
        keepInBlock(block, { row, text, first: text, cells: 1 });
        continue;
      }
      if (
        (looksLikeSectionTitle(text) && text.length <= 300) ||
        (text.length <= 200 && mergedAcross(grid, row, draft.layout)) ||
        numberedHeading(grid, row, bottom, text, columns, draft.layout.ticks)
      ) {
        flush(draft);
        draft.section = text;
        draft.subSection = "";
        keepInBlock(block, { row, text, first: text, cells: 1 });
        continue;
      }
    }

    const read = readRow(grid, row, columns, draft.layout.ticks);
    const anyContent =
      hasScore(read.score) ||
      TEXT_FIELDS.some((f) => read.texts[f] !== "") ||
      hasScore(read.targetDate);
    if (!anyContent) {
      // Text outside the schedule's columns (a note in the margin) belongs to nobody.
      keepInBlock(block, { row, text: texts.joined, first: texts.first, cells: texts.count });
      continue;
    }
    block = [];
    if (draft.pending && continues(draft.pending, read)) {
      absorb(draft.pending, row, read);
    } else {
      const starts = read.texts.requirement !== "" || read.texts.ref !== "" || hasScore(read.score);
      if (!starts) {
        keepInBlock(block, { row, text: texts.joined, first: texts.first, cells: texts.count });
        continue;
      }
      flush(draft);
      if (headsTheRowsBelow(grid, row, bottom, { columns, ticks: draft.layout.ticks }, read)) {
        // "A1 | Behaving with integrity" over scored rows: a sub-heading, not an unscored requirement.
        draft.subSection = [read.texts.ref, read.texts.requirement].filter((t) => t).join(" ");
        continue;
      }
      draft.pending = startRecord(row, read, draft);
    }
    draft.lastRow = row;
  }
  if (draft) finish(grid, draft, out, context);
  return out;
}
