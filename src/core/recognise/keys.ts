import { type Grid, cellAt, cellText, lastColumn, lastRow } from "../grid";
import {
  type StatedItem,
  type WordScale,
  isNotApplicable,
  levelMatcher,
  normaliseWord,
  orderStated,
} from "./word-scales";

/** A column of short words on a sheet, each once, that may be a key: "Red", "Amber", "Green", "Blue". */
interface KeyRun {
  readonly sheet: string;
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
  readonly items: readonly StatedItem[];
  readonly match: (entry: string) => number;
}

/** How far into a sheet a key is looked for: keys are small and near the top. */
const KEY_ROWS = 300;
const KEY_COLUMNS = 30;

/** The heading over a key's words, not one of them. */
const KEY_HEADING =
  /^(key|keys|rating|ratings|rag|rag rating|rag status|level|levels|score|scores|scoring|status|grade|grades|assessment|meaning|definition|definitions|description|colour|color|assurance|compliance|maturity|guidance)( (key|level|levels|rating|ratings|definitions?|guide))?$/;

/** Sheets named for keys, guidance and the lists behind drop-downs. */
const KEY_SHEET =
  /key|guid|legend|scor|rating|\blists?\b|lookup|drop|valid|definition|instruction/i;

function isKeyWord(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 1 &&
    t.length <= 40 &&
    !/^[+-]?\d+(\.\d+)?$/.test(t) &&
    !KEY_HEADING.test(normaliseWord(t)) &&
    !isNotApplicable(t)
  );
}

/** The number beside a key's word, on its left ("3 | Green") or in front of it ("3 - Green"). */
function itemAt(grid: Grid, row: number, column: number, text: string): StatedItem {
  const left = column > grid.firstColumn ? cellAt(grid, row, column - 1) : null;
  const right = cellText(cellAt(grid, row, column + 1));
  const numbered = /^(\d{1,2})\s*[-\u2013:=.)]\s*(\S.*)$/.exec(text);
  if (numbered) return { text: numbered[2], number: Number(numbered[1]), description: right };
  const number = typeof left === "number" && Number.isInteger(left) ? left : undefined;
  return { text, number, description: right };
}

function runsOf(grid: Grid): KeyRun[] {
  const runs: KeyRun[] = [];
  const bottom = Math.min(lastRow(grid), grid.firstRow + KEY_ROWS - 1);
  const right = Math.min(lastColumn(grid), grid.firstColumn + KEY_COLUMNS - 1);
  for (let c = grid.firstColumn; c <= right; c++) {
    let items: StatedItem[] = [];
    let top = 0;
    let last = 0;
    let gap = 0;
    const close = () => {
      // A key names each level once: a column with repeats is data, not a key. And it reads as
      // a key: a heading over it, a meaning beside most words, or a sheet named for keys.
      const words = items.map((i) => normaliseWord(i.text));
      const above = top > grid.firstRow ? cellText(cellAt(grid, top - 1, c)) : "";
      const described = items.filter((i) => (i.description ?? "").length >= 3).length;
      const keyLike =
        KEY_HEADING.test(normaliseWord(above)) ||
        KEY_SHEET.test(grid.name) ||
        described * 2 >= items.length;
      if (
        keyLike &&
        items.length >= 2 &&
        items.length <= 12 &&
        new Set(words).size === words.length
      ) {
        const texts = items.map((i) => i.text);
        runs.push({
          sheet: grid.name,
          column: c,
          top,
          bottom: last,
          items,
          match: levelMatcher(texts),
        });
      }
      items = [];
      gap = 0;
    };
    for (let r = grid.firstRow; r <= bottom; r++) {
      const v = cellAt(grid, r, c);
      const text = typeof v === "string" ? cellText(v) : "";
      if (text !== "" && isKeyWord(text)) {
        if (items.length === 0) top = r;
        items.push(itemAt(grid, r, c, text));
        last = r;
        gap = 0;
      } else if (items.length && (v !== null || ++gap > 1)) close();
    }
    close();
  }
  return runs;
}

/**
 * The keys a workbook holds: on a key or guidance sheet, or beside or below a schedule. Built
 * once per workbook; `keyFor` finds the run of words that places most of a schedule's rating
 * words (at least two, or the only one there is), outside the schedule's own rows.
 */
export function workbookKeys(
  grids: readonly Grid[]
): (words: readonly string[], sheet: string, top: number, bottom: number) => WordScale | undefined {
  let runs: KeyRun[] | undefined;
  return (words, sheet, top, bottom) => {
    runs ??= grids.flatMap(runsOf);
    let best: { run: KeyRun; placed: number } | undefined;
    for (const run of runs) {
      if (run.sheet === sheet && run.top <= bottom && run.bottom >= top) continue;
      let placed = 0;
      for (const w of words) if (run.match(w) >= 0) placed++;
      if (placed > 0 && (!best || placed > best.placed)) best = { run, placed };
    }
    if (!best || best.placed < Math.min(2, words.length)) return undefined;
    return orderStated(best.run.items);
  };
}
