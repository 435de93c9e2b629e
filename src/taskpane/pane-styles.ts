import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The pane's page: a column filling the task pane, in the theme's colours. In a wide browser
 * window it stops at a readable width instead of stretching lines across the screen.
 */
export const usePaneStyles = makeStyles({
  page: {
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "46rem",
    marginLeft: "auto",
    marginRight: "auto",
    minWidth: 0,
  },
  /**
   * A button in a row of them: its label on one line where the pane has room (the row wraps
   * between buttons); in a pane narrower than the label (320 px, zoomed in) it takes the pane's
   * width and wraps its label rather than push the page sideways.
   */
  tool: { flexShrink: 0, maxWidth: "100%", whiteSpace: "normal", textAlign: "start" },
});
