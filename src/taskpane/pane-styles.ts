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
});
