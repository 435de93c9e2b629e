import type { Scale } from "../recognise/scale";

/** One level of a scale, as the paper shows it. */
export interface ScaleLevel {
  readonly value: number;
  readonly label: string;
}

/**
 * A level's name: its number on a numeric scale. Word scales (levels numbered 1 = worst) name
 * their levels; when Scale carries them this is the one line that reads them.
 */
export function levelLabel(_scale: Scale, value: number): string {
  return String(value);
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

export function scaleKey(scale: Scale): string {
  return `${scale.min}-${scale.max}-${scale.direction}`;
}
