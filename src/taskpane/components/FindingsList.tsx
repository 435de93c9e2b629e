import {
  Badge,
  Button,
  Caption1,
  Field,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { measureElement as measuredSize, useWindowVirtualizer } from "@tanstack/react-virtual";
import {
  type KeyboardEvent,
  type ReactNode,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { FindingInContext } from "../../core/finding-context";
import {
  type Finding,
  RULE_DESCRIPTIONS,
  type RuleId,
  SEVERITY_WORDS,
  severityCounts,
} from "../../core/findings";
import { plural } from "../../core/words";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  counts: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  countButton: {
    width: "100%",
    justifyContent: "space-between",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
  },
  countText: { overflowWrap: "anywhere" },
  countOn: {
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  select: { width: "auto", maxWidth: "100%", minWidth: 0 },
  focusable: {
    ":focus-within": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  // Rows of the virtual list: no gaps or margins between them, so measured heights add up.
  list: { listStyleType: "none", margin: 0, padding: 0 },
  sheetHeading: {
    margin: 0,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  sectionHeading: {
    margin: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  item: { paddingBottom: tokens.spacingVerticalXXS },
  finding: {
    width: "100%",
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
  },
  chosen: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  findingText: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  findingHead: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
  },
  cell: { fontWeight: tokens.fontWeightSemibold },
});

const SEVERITY_COLOUR = { error: "danger", warning: "warning", info: "informative" } as const;
const ALL = "all";
/** A keyboard jump (Page Up, Page Down) moves this many findings. */
const PAGE = 10;

const ESTIMATES = { sheet: 40, section: 28, finding: 76 } as const;

type Row =
  | { kind: "sheet"; key: string; sheet: string; count: number }
  | { kind: "section"; key: string; sheet: string; section: string; count: number }
  | {
      kind: "finding";
      key: string;
      item: FindingInContext;
      /** Position among the findings shown (for the keyboard). */
      position: number;
      /** Position within its section, from 1, and the section's size (for screen readers). */
      inGroup: number;
      groupSize: number;
      sheet: string;
      section: string;
    };

function startOf(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Flattens the findings into rows: a heading per sheet, one per section, then its findings. */
function rowsOf(shown: readonly FindingInContext[]): Row[] {
  const bySheet = new Map<string, Map<string, FindingInContext[]>>();
  for (const f of shown) {
    let sections = bySheet.get(f.finding.sheet);
    if (!sections) bySheet.set(f.finding.sheet, (sections = new Map()));
    const list = sections.get(f.section);
    if (list) list.push(f);
    else sections.set(f.section, [f]);
  }
  const rows: Row[] = [];
  let position = 0;
  for (const [sheet, sections] of bySheet) {
    let count = 0;
    for (const items of sections.values()) count += items.length;
    rows.push({ kind: "sheet", key: `s\u0000${sheet}`, sheet, count });
    for (const [section, items] of sections) {
      if (section)
        rows.push({
          kind: "section",
          key: `g\u0000${sheet}\u0000${section}`,
          sheet,
          section,
          count: items.length,
        });
      items.forEach((item, i) => {
        const f = item.finding;
        rows.push({
          kind: "finding",
          key: `f\u0000${f.sheet}\u0000${f.cell}\u0000${f.rule}\u0000${position}`,
          item,
          position: position++,
          inGroup: i + 1,
          groupSize: items.length,
          sheet,
          section,
        });
      });
    }
  }
  return rows;
}

/** The rows on screen, nested again as sheet > section > findings, for headings and lists. */
interface SheetBlock {
  sheet: string;
  heading: Row | null;
  sections: { key: string; section: string; heading: Row | null; findings: Row[] }[];
}

function nest(rows: readonly Row[]): SheetBlock[] {
  const blocks: SheetBlock[] = [];
  for (const row of rows) {
    let block = blocks[blocks.length - 1];
    if (!block || block.sheet !== row.sheet) {
      block = { sheet: row.sheet, heading: null, sections: [] };
      blocks.push(block);
    }
    if (row.kind === "sheet") {
      block.heading = row;
      continue;
    }
    const section = row.section;
    let group = block.sections[block.sections.length - 1];
    if (!group || group.section !== section || row.kind === "section") {
      group = { key: `${row.sheet}\u0000${section}`, section, heading: null, findings: [] };
      block.sections.push(group);
    }
    if (row.kind === "section") group.heading = row;
    else group.findings.push(row);
  }
  return blocks;
}

export interface FindingsListProps {
  findings: readonly FindingInContext[];
  /** The finding chosen last: marked, and (in file mode) with its preview under it. */
  chosen: Finding | null;
  onChoose: (finding: Finding) => void;
  /** "Go to" in Excel; "Show" where there is no sheet to select. */
  selectVerb: string;
  /** The chosen finding's row preview (file mode), shown right under it. */
  preview?: { id: string; node: ReactNode; onClose: () => void } | null;
  /** Changes when focus should go back to the chosen finding (the preview was closed). */
  focusChosen?: number;
  /**
   * Changes when the chosen finding should be scrolled into view without taking focus (its cell
   * was selected in Excel, where the officer is typing).
   */
  revealChosen?: number;
}

/**
 * Counts by rule (buttons that filter), a filter, and the findings grouped by sheet and section.
 * Only the rows near the screen are in the page: a return with 8,000 findings costs a few hundred
 * elements. The findings are one stop for Tab; the arrow keys, Home, End, Page Up and Page Down
 * move between them (a roving tabindex), Enter chooses one and Escape closes its preview.
 */
export function FindingsList({
  findings,
  chosen,
  onChoose,
  selectVerb,
  preview,
  focusChosen,
  revealChosen,
}: FindingsListProps) {
  const styles = useStyles();
  const [rule, setRule] = useState<string>(ALL);
  // A cell selected in Excel whose finding the rule filter hides: the filter gives way, so the
  // list can show what the officer is looking at.
  const [revealBefore, setRevealBefore] = useState(revealChosen);
  if (revealChosen !== revealBefore) {
    setRevealBefore(revealChosen);
    if (chosen && rule !== ALL && chosen.rule !== rule) setRule(ALL);
  }
  const counts = useMemo(() => {
    const m = new Map<RuleId, number>();
    for (const f of findings) m.set(f.finding.rule, (m.get(f.finding.rule) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  }, [findings]);
  const severities = useMemo(() => severityCounts(findings.map((f) => f.finding)), [findings]);
  // A filter for a rule that no longer has findings (after a new check) shows them all.
  const filter = counts.some(([id]) => id === rule) ? rule : ALL;
  const shown = useMemo(
    () => (filter === ALL ? findings : findings.filter((f) => f.finding.rule === filter)),
    [findings, filter]
  );
  const rows = useMemo(() => rowsOf(shown), [shown]);
  const rowOfPosition = useMemo(() => {
    const at: number[] = [];
    rows.forEach((r, i) => {
      if (r.kind === "finding") at[r.position] = i;
    });
    return at;
  }, [rows]);

  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (i) => ESTIMATES[rows[i].kind],
    getItemKey: (i) => rows[i].key,
    overscan: 6,
    scrollMargin,
    // Where nothing is laid out (a hidden pane, jsdom) an element measures 0: keep the estimate.
    measureElement: (element, entry, instance) => {
      const size = measuredSize(element, entry, instance);
      if (size > 0) return size;
      const index = Number(element.getAttribute("data-index"));
      return ESTIMATES[rows[index]?.kind ?? "finding"];
    },
  });

  // The list starts below the schedules, settings and messages, which come and go: whenever the
  // page changes size, see where it starts now.
  useLayoutEffect(() => {
    const measure = () => {
      const top = (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setScrollMargin((before) => (Math.abs(top - before) > 0.5 ? top : before));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);

  // The roving tabindex: the finding that Tab lands on. It follows the chosen one.
  const [active, setActive] = useState<Finding | null>(null);
  const [chosenBefore, setChosenBefore] = useState<Finding | null>(chosen);
  if (chosen !== chosenBefore) {
    setChosenBefore(chosen);
    if (chosen) setActive(chosen);
  }
  let activePosition = shown.findIndex((f) => f.finding === active);
  if (activePosition < 0) activePosition = 0;

  /** A finding the keyboard moved to, focused once it has been rendered. */
  const pendingFocus = useRef<number | null>(null);
  // Back to the chosen finding when asked (its preview was closed), scrolling to it if need be.
  const handledFocus = useRef(focusChosen);
  useLayoutEffect(() => {
    if (focusChosen === handledFocus.current) return;
    handledFocus.current = focusChosen;
    const p = shown.findIndex((f) => f.finding === chosen);
    if (p < 0) return;
    pendingFocus.current = p;
    virtualizer.scrollToIndex(rowOfPosition[p], { align: "auto" });
  }, [focusChosen, shown, chosen, rowOfPosition, virtualizer]);
  // To the chosen finding, leaving focus where it is (in Excel's grid).
  const handledReveal = useRef(revealChosen);
  useLayoutEffect(() => {
    if (revealChosen === handledReveal.current) return;
    handledReveal.current = revealChosen;
    const p = shown.findIndex((f) => f.finding === chosen);
    if (p >= 0) virtualizer.scrollToIndex(rowOfPosition[p], { align: "center" });
  }, [revealChosen, shown, chosen, rowOfPosition, virtualizer]);
  useLayoutEffect(() => {
    const position = pendingFocus.current;
    if (position === null) return;
    const button = listRef.current?.querySelector<HTMLElement>(`[data-finding="${position}"]`);
    if (button) {
      pendingFocus.current = null;
      button.focus();
    }
  });

  const moveTo = (position: number) => {
    if (shown.length === 0) return;
    const p = Math.max(0, Math.min(shown.length - 1, position));
    setActive(shown[p].finding);
    pendingFocus.current = p;
    virtualizer.scrollToIndex(rowOfPosition[p], { align: "auto" });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = (e.target as HTMLElement).getAttribute("data-finding");
    if (at === null) return;
    const position = Number(at);
    const moves: Record<string, number> = {
      ArrowDown: position + 1,
      ArrowUp: position - 1,
      Home: 0,
      End: shown.length - 1,
      PageDown: position + PAGE,
      PageUp: position - PAGE,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]);
    } else if (e.key === "Escape" && preview) {
      e.preventDefault();
      preview.onClose();
    }
  };

  if (findings.length === 0) return <Text role="status">No problems found.</Text>;

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - virtualizer.options.scrollMargin : 0;
  const after = last
    ? virtualizer.getTotalSize() - (last.end - virtualizer.options.scrollMargin)
    : 0;
  const onScreen = items.map((v) => ({ row: rows[v.index], index: v.index }));
  const indexOf = new Map(onScreen.map((r) => [r.row, r.index]));
  // If the active finding is off screen, Tab lands on the first finding that is on it.
  const rendered = onScreen.filter((r) => r.row.kind === "finding");
  const tabStop = rendered.some(
    (r) => r.row.kind === "finding" && r.row.position === activePosition
  )
    ? activePosition
    : rendered[0]?.row.kind === "finding"
      ? rendered[0].row.position
      : -1;

  const measure = virtualizer.measureElement;
  const findingRow = (row: Extract<Row, { kind: "finding" }>) => {
    const { finding, ref, requirement } = row.item;
    const isChosen = finding === chosen;
    const word = SEVERITY_WORDS[finding.severity];
    const hasPreview = isChosen && preview;
    return (
      <li
        key={row.key}
        ref={measure}
        data-index={indexOf.get(row)}
        className={styles.item}
        aria-setsize={row.groupSize}
        aria-posinset={row.inGroup}
      >
        <Button
          appearance="subtle"
          className={mergeClasses(styles.finding, isChosen && styles.chosen)}
          data-finding={row.position}
          tabIndex={row.position === tabStop ? 0 : -1}
          onClick={() => {
            setActive(finding);
            onChoose(finding);
          }}
          aria-current={isChosen ? "true" : undefined}
          aria-expanded={preview !== undefined && isChosen ? Boolean(hasPreview) : undefined}
          aria-controls={hasPreview ? preview.id : undefined}
          aria-label={`${selectVerb} ${finding.sheet} cell ${finding.cell}, ${word}: ${finding.message}`}
        >
          <span className={styles.findingText}>
            <span className={styles.findingHead}>
              <Badge appearance="tint" color={SEVERITY_COLOUR[finding.severity]} size="medium">
                {word[0].toUpperCase() + word.slice(1)}
              </Badge>
              <span className={styles.cell}>{finding.cell}</span>
            </span>
            <span>{finding.message}</span>
            {(ref || requirement) && (
              <Caption1>{startOf(`${ref ? `${ref} ` : ""}${requirement}`)}</Caption1>
            )}
          </span>
        </Button>
        {hasPreview && preview.node}
      </li>
    );
  };

  return (
    <div className={styles.root}>
      <Text>
        {plural(findings.length, "finding")}: {severities}
      </Text>
      <ul className={styles.counts} aria-label="Findings by rule">
        {counts.map(([id, n]) => (
          <li key={id}>
            <Button
              size="small"
              appearance="subtle"
              className={mergeClasses(styles.countButton, filter === id && styles.countOn)}
              aria-pressed={filter === id}
              aria-label={`${RULE_DESCRIPTIONS[id]}: ${plural(n, "finding")}`}
              onClick={() => setRule(filter === id ? ALL : id)}
            >
              <span className={styles.countText}>{RULE_DESCRIPTIONS[id]}</span>
              <Badge appearance="ghost" color="brand" size="medium">
                {n}
              </Badge>
            </Button>
          </li>
        ))}
      </ul>
      <Field label="Show">
        {/* A native select: screen readers and keyboards know it without help. */}
        <Select
          className={mergeClasses(styles.select, styles.focusable)}
          value={filter}
          onChange={(_e, data) => setRule(data.value)}
        >
          <option value={ALL}>{`All findings (${findings.length})`}</option>
          {counts.map(([id, n]) => (
            <option key={id} value={id}>{`${RULE_DESCRIPTIONS[id]} (${n})`}</option>
          ))}
        </Select>
      </Field>
      <div ref={listRef} onKeyDown={onKeyDown} data-testid="findings-list">
        <div style={{ height: before }} aria-hidden="true" />
        {nest(onScreen.map((r) => r.row)).map((block) => (
          <section key={block.sheet} aria-label={`Findings on ${block.sheet}`}>
            {block.heading && block.heading.kind === "sheet" && (
              <h4
                ref={measure}
                data-index={indexOf.get(block.heading)}
                className={styles.sheetHeading}
              >
                {block.sheet} ({plural(block.heading.count, "finding")})
              </h4>
            )}
            {block.sections.map((group) => (
              <div key={group.key}>
                {group.heading && group.heading.kind === "section" && (
                  <h5
                    ref={measure}
                    data-index={indexOf.get(group.heading)}
                    className={styles.sectionHeading}
                  >
                    {startOf(group.section, 120)}
                  </h5>
                )}
                {group.findings.length > 0 && (
                  <ul
                    className={styles.list}
                    aria-label={group.section ? startOf(group.section, 120) : block.sheet}
                  >
                    {group.findings.map((row) => row.kind === "finding" && findingRow(row))}
                  </ul>
                )}
              </div>
            ))}
          </section>
        ))}
        <div style={{ height: after }} aria-hidden="true" />
      </div>
    </div>
  );
}
