import type { CellValue } from "../core/grid";

/**
 * ExcelJS's cell values as engine values: formulas read as their cached result, rich text and
 * hyperlinks as their text, error results as error values.
 */
export function fromExcelJs(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return value;
    case "boolean":
      return value;
    case "number":
      return Number.isNaN(value) ? { error: "#VALUE!" } : value;
    case "object":
      break;
    default:
      return null;
  }
  if (value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return { error: v.error };
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[])
      .map((run) => (typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  if ("formula" in v || "sharedFormula" in v) return fromExcelJs(v.result);
  if ("text" in v) return fromExcelJs(v.text);
  return null;
}

/** Drops the empty cells at the end of a row, so sparse sheets stay small. */
export function trimRow(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  if (end < cells.length) cells.length = end;
  return cells;
}
