/**
 * Events as Excel raises them to an add-in (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events):
 * a handler is registered with `add` in a request (it takes effect when that request runs), keeps
 * the RequestContext it was registered with, and is removed only through that context
 * (`Excel.run(result.context, ...)`); handlers are called asynchronously after the change, and a
 * handler on a deleted sheet no longer runs. Changes made by users and by add-in code both raise
 * events ("Event triggers"); from ExcelApi 1.14 `triggerSource` says which.
 */
import { type Area, areaText, cellCount } from "./addresses";
import type { Scalar, SheetModel } from "./model";
import { ProxyBase, type Session, type Shape } from "./runtime";

export type EventKind = "changed" | "selection";

export interface Listener {
  readonly kind: EventKind;
  sheet: SheetModel | null;
  readonly handler: (args: unknown) => unknown;
  readonly session: Session;
  removed: boolean;
}

/** Who made a data change: the user (in Excel's grid) or this add-in's own code. */
export type ChangeOrigin = "user" | "addin";

const valueType = (v: Scalar): string =>
  v === ""
    ? "Empty"
    : typeof v === "object"
      ? "Error"
      : typeof v === "boolean"
        ? "Boolean"
        : typeof v === "number"
          ? "Double"
          : "String";

const shown = (v: Scalar): unknown => (typeof v === "object" ? v.error : v);

/**
 * Excel.WorksheetChangedEventArgs for a change to `area`, with what the host's requirement sets
 * give: `details` (ExcelApi 1.9) only for a single cell; `triggerSource` (1.14); `getRange` (1.8).
 */
export function changedArgs(
  supports: (version: string) => boolean,
  sheet: SheetModel,
  area: Area,
  origin: ChangeOrigin,
  before: Scalar | undefined
): Record<string, unknown> {
  const address = areaText(area);
  const args: Record<string, unknown> = {
    type: "WorksheetChanged",
    address,
    worksheetId: sheet.id,
    source: "Local",
    changeType: "RangeEdited",
  };
  if (supports("1.8")) {
    args.getRange = (ctx: Excel.RequestContext) =>
      ctx.workbook.worksheets.getItem(sheet.id).getRange(address);
    args.getRangeOrNullObject = (ctx: Excel.RequestContext) =>
      ctx.workbook.worksheets.getItem(sheet.id).getRange(address);
  }
  if (supports("1.9") && cellCount(area) === 1 && before !== undefined) {
    const after = sheet.value(area.top, area.left);
    args.details = {
      valueBefore: shown(before),
      valueAfter: shown(after),
      valueTypeBefore: valueType(before),
      valueTypeAfter: valueType(after),
    };
  }
  if (supports("1.14")) args.triggerSource = origin === "addin" ? "ThisLocalAddin" : "Unknown";
  return args;
}

export function selectionArgs(sheet: SheetModel, area: Area): Record<string, unknown> {
  return { type: "WorksheetSelectionChanged", address: areaText(area), worksheetId: sheet.id };
}

/** What `EventHandlers.add` returns: the handler's registration, removable in its own context. */
export class EventHandlerResultDouble {
  constructor(
    private readonly session: Session,
    private readonly listener: Listener
  ) {}

  get context(): unknown {
    return (this.session as unknown as { context: unknown }).context;
  }

  /** Queued in the registering context: outside `Excel.run(result.context, ...)` it fails. */
  remove(): void {
    this.session.enqueue("EventHandlerResult.remove", [], () => {
      this.listener.removed = true;
    });
  }
}

/** Worksheet.onChanged and Worksheet.onSelectionChanged (ExcelApi 1.7). */
export class EventHandlersProxy extends ProxyBase<SheetModel> {
  constructor(
    session: Session,
    shape: Shape<SheetModel>,
    private readonly kind: EventKind,
    private readonly api: string,
    resolve: () => SheetModel | null
  ) {
    super(session, shape, resolve);
  }

  add(handler: (args: unknown) => unknown): EventHandlerResultDouble {
    const listener: Listener = {
      kind: this.kind,
      sheet: null,
      handler,
      session: this._session,
      removed: false,
    };
    this._call(`${this._shape.type}.add`, [], this.api, (sheet) => {
      listener.sheet = sheet;
      this._session.host.listeners.push(listener);
    });
    return new EventHandlerResultDouble(this._session, listener);
  }
}

export const CHANGED_SHAPE: Shape<SheetModel> = { type: "Worksheet.onChanged", scalars: {} };
export const SELECTION_SHAPE: Shape<SheetModel> = {
  type: "Worksheet.onSelectionChanged",
  scalars: {},
};
