import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { type Grid, cellAt, cellText, columnLetters, lastColumn } from "../../core/grid";
import type { Finding } from "../../core/findings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalXS,
    verticalAlign: "top",
    maxWidth: "14em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  marked: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
});

export interface RowPreviewProps {
  grid: Grid;
  finding: Finding;
  /** The schedule's header row, shown above the finding's row. */
  headerRow: number;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The finding's row as a small table under its header, with the cell to fix marked. */
export function RowPreview({ grid, finding, headerRow }: RowPreviewProps) {
  const styles = useStyles();
  const ref = useRef<HTMLElement>(null);
  // The finding was clicked further down the list: bring its row into view.
  useEffect(() => ref.current?.scrollIntoView?.({ block: "nearest" }), [finding]);
  const columns: number[] = [];
  for (let c = grid.firstColumn; c <= lastColumn(grid); c++) columns.push(c);
  return (
    <section ref={ref} className={styles.root} aria-label="Row preview">
      <Subtitle2 as="h2">
        {finding.sheet}, row {finding.row}
      </Subtitle2>
      <Caption1>{finding.message}. The cell to fix is marked.</Caption1>
      <div className={styles.scroller}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
                Row
              </th>
              {columns.map((c) => (
                <th
                  key={c}
                  scope="col"
                  className={mergeClasses(styles.cell, styles.head)}
                  title={cellText(cellAt(grid, headerRow, c))}
                >
                  {columnLetters(c)}: {clip(cellText(cellAt(grid, headerRow, c)), 30)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className={mergeClasses(styles.cell, styles.head)}>
                {finding.row}
              </th>
              {columns.map((c) => {
                const marked = c === finding.column;
                return (
                  <td
                    key={c}
                    className={mergeClasses(styles.cell, marked && styles.marked)}
                    aria-current={marked ? "true" : undefined}
                    aria-label={
                      marked
                        ? `Cell ${finding.cell}, the cell to fix: ${cellText(cellAt(grid, finding.row, c)) || "empty"}`
                        : undefined
                    }
                  >
                    {clip(cellText(cellAt(grid, finding.row, c))) || (marked ? "(empty)" : "")}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
