import {
  Badge,
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { FindingInContext } from "../../core/finding-context";
import { type Finding, RULE_DESCRIPTIONS, type RuleId } from "../../core/findings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  finding: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  findingText: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
  },
  section: { color: tokens.colorNeutralForeground3 },
});

const SEVERITY_COLOUR = { error: "danger", warning: "warning", info: "informative" } as const;
const ALL = "all";
/**
 * Findings drawn at first, and added by each "Show more": a 200,000-row return can carry tens of
 * thousands, and drawing them all at once takes the pane tens of seconds and gigabytes.
 */
const PAGE = 500;

export interface FindingsListProps {
  findings: readonly FindingInContext[];
  onSelect: (finding: Finding) => void;
  /** "Go to" in Excel; "Show" where there is no sheet to select. */
  selectVerb: string;
}

function startOf(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Counts by rule, a filter by rule, and the findings grouped by sheet and then by section. */
export function FindingsList({ findings, onSelect, selectVerb }: FindingsListProps) {
  const styles = useStyles();
  const [rule, setRule] = useState<string>(ALL);
  const [limit, setLimit] = useState(PAGE);
  const counts = useMemo(() => {
    const m = new Map<RuleId, number>();
    for (const f of findings) m.set(f.finding.rule, (m.get(f.finding.rule) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  }, [findings]);
  const matching = useMemo(
    () => (rule === ALL ? findings : findings.filter((f) => f.finding.rule === rule)),
    [findings, rule]
  );
  const shown = useMemo(() => matching.slice(0, limit), [matching, limit]);
  const groups = useMemo(() => {
    const bySheet = new Map<string, Map<string, FindingInContext[]>>();
    for (const f of shown) {
      let sections = bySheet.get(f.finding.sheet);
      if (!sections) bySheet.set(f.finding.sheet, (sections = new Map()));
      const list = sections.get(f.section) ?? [];
      list.push(f);
      sections.set(f.section, list);
    }
    return bySheet;
  }, [shown]);

  if (findings.length === 0) return <Text role="status">No problems found.</Text>;
  return (
    <div className={styles.root}>
      <ul className={styles.counts} aria-label="Findings by rule">
        {counts.map(([id, n]) => (
          <li key={id}>
            <Badge appearance="tint" color="brand">
              {RULE_DESCRIPTIONS[id]}: {n}
            </Badge>
          </li>
        ))}
      </ul>
      <Field label="Show">
        {/* A native select: screen readers and keyboards know it without help. */}
        <Select
          value={rule}
          onChange={(_e, data) => {
            setRule(data.value);
            setLimit(PAGE);
          }}
        >
          <option value={ALL}>{`All findings (${findings.length})`}</option>
          {counts.map(([id, n]) => (
            <option key={id} value={id}>{`${RULE_DESCRIPTIONS[id]} (${n})`}</option>
          ))}
        </Select>
      </Field>
      {[...groups.entries()].map(([sheet, sections]) => (
        <section key={sheet} className={styles.group} aria-label={`Findings on ${sheet}`}>
          <Subtitle2 as="h3">{sheet}</Subtitle2>
          {[...sections.entries()].map(([section, items]) => (
            <div key={section} className={styles.group}>
              {section && (
                <Caption1 as="h4" className={styles.section}>
                  {startOf(section, 90)}
                </Caption1>
              )}
              <ul className={styles.list}>
                {items.map(({ finding, ref, requirement }) => (
                  <li key={`${finding.cell}-${finding.rule}`}>
                    <Button
                      appearance="subtle"
                      className={styles.finding}
                      onClick={() => onSelect(finding)}
                      aria-label={`${selectVerb} ${finding.sheet} cell ${finding.cell}: ${finding.message}`}
                    >
                      <span className={styles.findingText}>
                        <span>
                          <Badge
                            appearance="filled"
                            color={SEVERITY_COLOUR[finding.severity]}
                            size="small"
                          >
                            {finding.cell}
                          </Badge>{" "}
                          {finding.message}
                        </span>
                        {(ref || requirement) && (
                          <Caption1>{startOf(`${ref ? `${ref} ` : ""}${requirement}`)}</Caption1>
                        )}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {matching.length > shown.length && (
        <Button onClick={() => setLimit((n) => n + PAGE)}>
          {`Show ${Math.min(PAGE, matching.length - shown.length)} more (${matching.length - shown.length} not shown)`}
        </Button>
      )}
    </div>
  );
}
