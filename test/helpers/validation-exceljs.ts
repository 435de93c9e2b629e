import { columnLetters, parseA1 } from "../../src/core/grid";
import type { ListRule } from "../../src/core/validation-lists";

/** One data validation as ExcelJS models it, shared by every cell it covers. */
interface ExcelJsValidation {
  readonly type?: string;
  readonly formulae?: readonly unknown[];
}

/**
 * A sheet's drop-down lists from ExcelJS's model of its data validations, which keeps one entry
 * per cell (the same object for every cell of one rule): the cells are gathered back into
 * column runs, one `sqref` per rule. ExcelJS does not read the Excel 2010 form that Excel writes
 * for a list on another sheet (`x14:dataValidation`); govcheck's reader does.
 */
export function listRulesFromExcelJs(
  model: Readonly<Record<string, unknown>> | undefined
): ListRule[] {
  if (!model) return [];
  const cellsByRule = new Map<ExcelJsValidation, { row: number; column: number }[]>();
  for (const [address, value] of Object.entries(model)) {
    const v = value as ExcelJsValidation;
    if (!v || v.type !== "list" || typeof v.formulae?.[0] !== "string") continue;
    const at = parseA1(address);
    if (!at) continue;
    const cells = cellsByRule.get(v) ?? [];
    cells.push(at);
    cellsByRule.set(v, cells);
  }
  const rules: ListRule[] = [];
  for (const [v, cells] of cellsByRule) {
    cells.sort((a, b) => a.column - b.column || a.row - b.row);
    const parts: string[] = [];
    let start = cells[0];
    let prev = cells[0];
    const close = () =>
      parts.push(
        start.row === prev.row
          ? `${columnLetters(start.column)}${start.row}`
          : `${columnLetters(start.column)}${start.row}:${columnLetters(prev.column)}${prev.row}`
      );
    for (const cell of cells.slice(1)) {
      if (cell.column === prev.column && cell.row === prev.row + 1) {
        prev = cell;
        continue;
      }
      close();
      start = prev = cell;
    }
    close();
    rules.push({ sqref: parts.slice(0, 200).join(" "), formula: v.formulae![0] as string });
  }
  return rules;
}

/** ExcelJS's defined names (`workbook.definedNames.model`) as name and what it refers to. */
export function definedNamesFromExcelJs(model: unknown): { name: string; refersTo: string }[] {
  if (!Array.isArray(model)) return [];
  const out: { name: string; refersTo: string }[] = [];
  for (const d of model as { name?: unknown; ranges?: unknown }[]) {
    const range = Array.isArray(d.ranges) ? d.ranges[0] : undefined;
    if (typeof d.name === "string" && typeof range === "string")
      out.push({ name: d.name, refersTo: range });
  }
  return out;
}
