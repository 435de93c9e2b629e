import { a1, parseA1 } from "../../src/core/grid";
import type { SeedValue, SheetSeed } from "./excel-double";
import type { CellSpec, SheetSpec } from "./workbook-builder";

/** A fixture's defined names as Office.js lists them (NamedItem name and value). */
export function officeNames(sheets: readonly SheetSpec[]): { name: string; value: string }[] {
  return sheets.flatMap((s) => s.names ?? []).map((n) => ({ name: n.name, value: n.refersTo }));
}

/**
 * A fixture sheet as Excel holds it, for the Excel double: dates as serial numbers under a date
 * format, formulas as their cached results, errors as error values, rich text as its text.
 */
export function officeSheet(spec: SheetSpec, id?: string): SheetSeed {
  const numberFormats: Record<string, string> = {};
  const toValue = (cell: CellSpec, row: number, column: number): SeedValue => {
    if (cell === null) return "";
    if (cell instanceof Date) {
      numberFormats[a1(row, column)] = "m/d/yyyy";
      return cell.getTime() / 86_400_000 + 25_569;
    }
    if (typeof cell !== "object") return cell;
    if ("formula" in cell) return cell.result === undefined ? "" : cell.result;
    if ("error" in cell) return { error: cell.error };
    if ("richText" in cell) return cell.richText.map((r) => r.text).join("");
    return cell.text;
  };
  const rows: SeedValue[][] = spec.rows.map((r, i) => r.map((c, j) => toValue(c, i + 1, j + 1)));
  if (spec.table) {
    const at = parseA1(spec.table.at.split(":")[0])!;
    while (rows.length < at.row - 1) rows.push([]);
    const pad = (r: SeedValue[]) => [...new Array<SeedValue>(at.column - 1).fill(""), ...r];
    rows.push(pad(spec.table.header));
    spec.table.rows.forEach((r, i) =>
      rows.push(pad(r.map((c, j) => toValue(c, at.row + 1 + i, at.column + j))))
    );
  }
  return {
    name: spec.name,
    id,
    visibility: spec.hidden ? "Hidden" : "Visible",
    values: rows,
    numberFormats,
    merged: spec.merges ?? [],
    // Office.js gives a literal list as its entries joined by commas, a range or name as a formula.
    validations: (spec.validations ?? []).map((v) => ({
      address: v.range,
      rule: {
        list: {
          inCellDropDown: true,
          source: Array.isArray(v.list) ? v.list.join(",") : `=${v.list}`,
        },
      },
    })),
  };
}
