import {
  Button,
  Caption1,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useLayoutEffect, useRef } from "react";
import type { Finding } from "../../core/findings";
import type { RowView } from "../engine/protocol";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  head: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { overflowWrap: "anywhere" },
  // The row scrolls sideways inside the preview; the page itself never does.
  scroller: {
    position: "relative",
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalXS,
    verticalAlign: "top",
    textAlign: "left",
    minWidth: "8em",
    maxWidth: "20em",
    // Long requirements wrap inside their column; nothing is cut short.
    whiteSpace: "pre-wrap",
    overflowWrap: "break-word",
  },
  head2: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  rowNumber: { minWidth: "3em", width: "3em" },
  marked: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
});

export interface RowPreviewProps {
  id: string;
  finding: Finding;
  /** null while the row is fetched from the engine. */
  row: RowView | null;
  onClose: () => void;
}

/** The finding's row under its schedule's header, with the cell to fix marked and in view. */
export function RowPreview({ id, finding, row, onClose }: RowPreviewProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const marked = useRef<HTMLTableCellElement>(null);

  // A narrow pane shows two or three columns: scroll the row sideways so the marked cell is in
  // the middle. (scrollIntoView would also move the page, and returns a Promise in Chromium.)
  useLayoutEffect(() => {
    const box = scroller.current;
    const cell = marked.current;
    if (!box || !cell) return;
    const left = cell.offsetLeft - (box.clientWidth - cell.offsetWidth) / 2;
    box.scrollLeft = Math.max(0, left);
  }, [row]);

  return (
    <section
      id={id}
      className={styles.root}
      aria-label="Row preview"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className={styles.head}>
        <Text weight="semibold" className={styles.title}>
          {finding.sheet}, row {finding.row}
        </Text>
        <Button
          size="small"
          appearance="subtle"
          icon={<DismissRegular />}
          aria-label="Close the preview"
          onClick={onClose}
        />
      </div>
      <Caption1>
        {finding.message}. The cell to fix, {finding.cell}, is marked
        {row ? `; the header is row ${row.headerRow}.` : "."}
      </Caption1>
      {!row ? (
        <Spinner size="tiny" label="Reading the row…" labelPosition="after" />
      ) : (
        <div
          ref={scroller}
          className={styles.scroller}
          // A region that scrolls must be reachable by keyboard to be scrolled.
          tabIndex={0}
          role="group"
          aria-label={`Row ${row.row}, scrolls sideways`}
        >
          <table className={styles.table}>
            <thead>
              <tr>
                <th
                  scope="col"
                  className={mergeClasses(styles.cell, styles.head2, styles.rowNumber)}
                >
                  Row
                </th>
                {row.cells.map((c) => (
                  <th
                    key={c.column}
                    scope="col"
                    className={mergeClasses(styles.cell, styles.head2)}
                  >
                    {c.letter}
                    {c.header ? `: ${c.header}` : ""}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th
                  scope="row"
                  className={mergeClasses(styles.cell, styles.head2, styles.rowNumber)}
                >
                  {row.row}
                </th>
                {row.cells.map((c) => {
                  const isMarked = c.column === finding.column;
                  return (
                    <td
                      key={c.column}
                      ref={isMarked ? marked : undefined}
                      className={mergeClasses(styles.cell, isMarked && styles.marked)}
                      aria-current={isMarked ? "true" : undefined}
                      aria-label={
                        isMarked
                          ? `Cell ${finding.cell}, the cell to fix: ${c.text || "empty"}`
                          : undefined
                      }
                    >
                      {c.text || (isMarked ? "(empty)" : "")}
                    </td>
                  );
                })}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
