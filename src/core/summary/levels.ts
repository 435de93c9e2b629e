import { type Scale, levelLabel } from "../recognise/scale";

export { levelLabel };

/** One level of a scale, as the paper shows it. */
export interface ScaleLevel {
  readonly value: number;
  readonly label: string;
}

/** Every level of a scale, worst first, whichever way round the scale runs. */
export function scaleLevels(scale: Scale): ScaleLevel[] {
  const levels: ScaleLevel[] = [];
  for (let v = scale.min; v <= scale.max; v++)
    levels.push({ value: v, label: levelLabel(scale, v) });
  return scale.direction === "descending" ? levels.reverse() : levels;
}

/** The worst score on a scale. */
export function worstLevel(scale: Scale): number {
  return scale.direction === "ascending" ? scale.min : scale.max;
}

/** Schedules share a group (and a chart) across returns only where their scales are the same. */
export function scaleKey(scale: Scale): string {
  const words = scale.levels ? `-${scale.levels.map((l) => l.toLowerCase()).join("/")}` : "";
  return `${scale.min}-${scale.max}-${scale.direction}${words}`;
}
