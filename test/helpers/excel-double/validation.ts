/**
 * Range.dataValidation (ExcelApi 1.8) as Excel documents it
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation,
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation):
 * - `type` is None where no cell has a rule, MixedCriteria where some cells have one and some
 *   not, Inconsistent where cells have different rules, else the rule's type (Excel.DataValidationType);
 * - a rule holds exactly one criterion; Between and NotBetween need formula2;
 * - setting `rule` over cells that do not share one validation fails with InvalidArgument
 *   (office-js issue 2594): Excel will not merge a new rule into a range where some cells have one;
 * - `clear()` removes the validation of the cells it covers, whoever set it;
 * - prompts default to hidden, error alerts to a shown Stop alert, ignoreBlanks to true;
 * - titles are at most 32 characters, a prompt at most 255, an error message at most 225
 *   (MS-XLSB 2.5.37 DValStrings; MS-OI29500 2.1.613);
 * - a protected sheet refuses all of it (AccessDenied).
 * What Excel answers for the rule or prompt of a range whose cells differ is not documented: the
 * double refuses to guess (NotModelledError).
 */
import { type Area, cellCount } from "./addresses";
import { NotModelledError, excelError } from "./errors";
import {
  type SheetModel,
  SheetModel as Sheet,
  type ValidationModel,
  type ValidationRule,
} from "./model";
import { ProxyBase, type Session, type Shape, clone, defineScalars } from "./runtime";

interface RangeTarget {
  readonly sheet: SheetModel;
  readonly area: Area;
}

export const DEFAULT_VALIDATION: ValidationModel = {
  rule: {},
  prompt: { showPrompt: false, title: "", message: "" },
  errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
  ignoreBlanks: true,
};

const CRITERIA: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};

const OPERATORS = new Set([
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
]);

const ALERT_STYLES = new Set(["Stop", "Warning", "Information"]);

/** Cells a rule may be written to at once before the double stops modelling it cell by cell. */
const MAX_CELLS = 200_000;

export function validationType(entry: ValidationModel | undefined): string {
  if (!entry) return "None";
  const key = Object.keys(entry.rule)[0];
  return key === undefined ? "None" : CRITERIA[key];
}

type Uniform =
  | { readonly kind: "none" }
  | { readonly kind: "one"; readonly entry: ValidationModel }
  | { readonly kind: "MixedCriteria" | "Inconsistent" };

/** What the cells of an area share: no validation, one validation, or neither. */
export function uniformIn(sheet: SheetModel, area: Area): Uniform {
  const entries: ValidationModel[] = [];
  for (const [key, entry] of sheet.validations) {
    const { row, column } = Sheet.cellOf(key);
    if (row >= area.top && row <= area.bottom && column >= area.left && column <= area.right)
      entries.push(entry);
  }
  if (entries.length === 0) return { kind: "none" };
  if (entries.length < cellCount(area)) return { kind: "MixedCriteria" };
  const first = JSON.stringify(entries[0]);
  return entries.every((e) => e === entries[0] || JSON.stringify(e) === first)
    ? { kind: "one", entry: entries[0] }
    : { kind: "Inconsistent" };
}

function checkRule(value: unknown, location: string): ValidationRule {
  if (typeof value !== "object" || value === null) throw excelError("InvalidArgument", location);
  const present = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && v !== null
  );
  // "No more than one of these properties may be present in any DataValidationRule object."
  if (present.length !== 1 || !(present[0][0] in CRITERIA))
    throw excelError("InvalidArgument", location);
  const [kind, criterion] = present[0] as [string, Record<string, unknown>];
  if (typeof criterion !== "object" || criterion === null)
    throw excelError("InvalidArgument", location);
  if (kind === "list") {
    if (typeof criterion.source !== "string") {
      if (criterion.source !== undefined)
        throw new NotModelledError("a list validation whose source is a Range");
      throw excelError("InvalidArgument", location);
    }
    if (criterion.source.trim() === "") throw excelError("InvalidArgument", location);
  } else if (kind === "custom") {
    if (typeof criterion.formula !== "string") throw excelError("InvalidArgument", location);
  } else {
    const op = criterion.operator;
    if (typeof op !== "string" || !OPERATORS.has(op)) throw excelError("InvalidArgument", location);
    if (criterion.formula1 === undefined) throw excelError("InvalidArgument", location);
    const ternary = op === "Between" || op === "NotBetween";
    if (ternary !== (criterion.formula2 !== undefined))
      throw excelError("InvalidArgument", location);
  }
  return { [kind]: clone(criterion) };
}

function within(text: unknown, max: number, location: string): string {
  if (text === undefined) return "";
  if (typeof text !== "string" || text.length > max) throw excelError("InvalidArgument", location);
  return text;
}

function assign(t: RangeTarget, entry: ValidationModel, location: string): void {
  t.sheet.assertEditable(location);
  if (cellCount(t.area) > MAX_CELLS)
    throw new NotModelledError(`${location} on more than ${MAX_CELLS} cells`);
  for (let r = t.area.top; r <= t.area.bottom; r++)
    for (let c = t.area.left; c <= t.area.right; c++)
      t.sheet.validations.set(Sheet.key(r, c), entry);
}

/** The one validation the cells share (or none): reading a part of it from differing cells is not modelled. */
function shared(t: RangeTarget, what: string): ValidationModel {
  const u = uniformIn(t.sheet, t.area);
  if (u.kind === "none") return DEFAULT_VALIDATION;
  if (u.kind === "one") return u.entry;
  throw new NotModelledError(`reading DataValidation.${what} of cells whose validations differ`);
}

/** Changes one part of the validation the cells share; cells with none get one of type None. */
function change(t: RangeTarget, what: string, patch: Partial<ValidationModel>): void {
  const location = `DataValidation.${what}`;
  t.sheet.assertEditable(location);
  const u = uniformIn(t.sheet, t.area);
  if (u.kind === "MixedCriteria" || u.kind === "Inconsistent")
    throw new NotModelledError(`setting ${location} over cells whose validations differ`);
  const base = u.kind === "one" ? u.entry : DEFAULT_VALIDATION;
  assign(t, { ...base, ...patch }, location);
}

export class DataValidationProxy extends ProxyBase<RangeTarget> {
  static readonly shape: Shape<RangeTarget> = {
    type: "DataValidation",
    scalars: {
      type: {
        api: "1.8",
        get: (t) => {
          const u = uniformIn(t.sheet, t.area);
          return u.kind === "none" ? "None" : u.kind === "one" ? validationType(u.entry) : u.kind;
        },
      },
      rule: {
        api: "1.8",
        get: (t) => clone(shared(t, "rule").rule),
        set: (t, value) => {
          const location = "DataValidation.rule";
          t.sheet.assertEditable(location);
          const rule = checkRule(value, location);
          const u = uniformIn(t.sheet, t.area);
          // office-js issue 2594: a rule over cells where only some have a validation fails.
          if (u.kind === "MixedCriteria" || u.kind === "Inconsistent")
            throw excelError("InvalidArgument", location);
          const base = u.kind === "one" ? u.entry : DEFAULT_VALIDATION;
          assign(t, { ...base, rule }, location);
        },
      },
      prompt: {
        api: "1.8",
        get: (t) => ({ ...shared(t, "prompt").prompt }),
        set: (t, value) => {
          const v = (value ?? {}) as Record<string, unknown>;
          const base = uniformIn(t.sheet, t.area);
          const old = base.kind === "one" ? base.entry.prompt : DEFAULT_VALIDATION.prompt;
          change(t, "prompt", {
            prompt: {
              showPrompt: v.showPrompt === undefined ? old.showPrompt : Boolean(v.showPrompt),
              title:
                v.title === undefined ? old.title : within(v.title, 32, "DataValidation.prompt"),
              message:
                v.message === undefined
                  ? old.message
                  : within(v.message, 255, "DataValidation.prompt"),
            },
          });
        },
      },
      errorAlert: {
        api: "1.8",
        get: (t) => ({ ...shared(t, "errorAlert").errorAlert }),
        set: (t, value) => {
          const v = (value ?? {}) as Record<string, unknown>;
          const base = uniformIn(t.sheet, t.area);
          const old = base.kind === "one" ? base.entry.errorAlert : DEFAULT_VALIDATION.errorAlert;
          const style = v.style === undefined ? old.style : String(v.style);
          if (!ALERT_STYLES.has(style))
            throw excelError("InvalidArgument", "DataValidation.errorAlert");
          change(t, "errorAlert", {
            errorAlert: {
              showAlert: v.showAlert === undefined ? old.showAlert : Boolean(v.showAlert),
              style,
              title:
                v.title === undefined
                  ? old.title
                  : within(v.title, 32, "DataValidation.errorAlert"),
              message:
                v.message === undefined
                  ? old.message
                  : within(v.message, 225, "DataValidation.errorAlert"),
            },
          });
        },
      },
      ignoreBlanks: {
        api: "1.8",
        get: (t) => shared(t, "ignoreBlanks").ignoreBlanks,
        set: (t, value) => change(t, "ignoreBlanks", { ignoreBlanks: Boolean(value) }),
      },
    },
  };

  constructor(session: Session, resolve: () => RangeTarget | null) {
    super(session, DataValidationProxy.shape, () => {
      session.checkApi("1.8", "Range.dataValidation");
      return resolve();
    });
  }

  /** Clears the validation of every cell in the range, the user's own included. */
  clear(): void {
    this._call("DataValidation.clear", [], "1.8", (t) => {
      t.sheet.assertEditable("DataValidation.clear");
      for (const key of [...t.sheet.validations.keys()]) {
        const { row, column } = Sheet.cellOf(key);
        if (
          row >= t.area.top &&
          row <= t.area.bottom &&
          column >= t.area.left &&
          column <= t.area.right
        )
          t.sheet.validations.delete(key);
      }
    });
  }
}
defineScalars(DataValidationProxy, DataValidationProxy.shape);
