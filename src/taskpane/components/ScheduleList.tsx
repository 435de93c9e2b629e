import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { describeScale, weakAt } from "../../core/recognise/scale";
import { plural } from "../../core/words";
import type { ScheduleView } from "../engine/protocol";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: "flex",
    flexDirection: "column",
    overflowWrap: "anywhere",
  },
});

export interface ScheduleListProps {
  schedules: readonly ScheduleView[];
}

/** What was recognised: each schedule's sheet, title, scale and weak threshold. */
export function ScheduleList({ schedules }: ScheduleListProps) {
  const styles = useStyles();
  if (schedules.length === 0) {
    return (
      <Text>
        No self-assessment schedule could be read, so nothing was checked: the finding below says
        which sheet came closest and what it lacks.
      </Text>
    );
  }
  return (
    <ul className={styles.list} aria-label="Schedules found">
      {schedules.map((s) => (
        <li key={s.id} className={styles.item}>
          <Text weight="semibold">{s.title}</Text>
          <Caption1>
            {s.sheet}, header row {s.headerRow}: {plural(s.requirements, "requirement")}, scale{" "}
            {describeScale(s.scale)}, weak at {weakAt(s.scale, s.weakThreshold)}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
