/**
 * How Office.js talks to Excel, as the double plays it: proxy objects queue their loads, property
 * sets and method calls; `context.sync()` sends the queue as one request, Excel runs it in order and
 * stops at the first failure (what ran before it stays done), and loaded values reach the proxies
 * only when the whole request succeeded. Properties read before they were loaded throw
 * PropertyNotLoaded; *OrNullObject results answer `isNullObject` after the next sync.
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 */
import type { Area } from "./addresses";
import { NotModelledError, RichApiError, excelError } from "./errors";
import type { ChangeOrigin, Listener } from "./events";
import type { Scalar, SheetModel, WorkbookModel } from "./model";

export interface SyncRecord {
  /** UTF-8 bytes of the request: every queued action with its arguments, as JSON. */
  requestBytes: number;
  /** UTF-8 bytes of the response: every loaded property and its value, as JSON. */
  responseBytes: number;
  actions: number;
  error?: string;
}

export interface RunOptions {
  delayForCellEdit?: boolean;
}

/** What the runtime asks of the double that owns it. */
export interface RuntimeHost {
  readonly workbook: WorkbookModel;
  /** Bytes a request or response may carry, or null where there is no cap (desktop). */
  readonly payloadLimit: number | null;
  readonly log: SyncRecord[];
  supports(version: string): boolean;
  /** Resolves when Excel will take a request; rejects when cell edit mode refuses it. */
  admit(options: RunOptions): Promise<void>;
  /** A failure armed by a test for the next action at this location, if any (taken once). */
  takeFault(location: string): string | undefined;
  /** The author Excel gives notes the add-in writes: the signed-in user. */
  readonly userName: string;
  /** Event handlers add-ins registered (Worksheet.onChanged, onSelectionChanged). */
  readonly listeners: Listener[];
  /** Data in `area` changed: raises onChanged on the sheet (single cells carry what they held before). */
  dataChanged(sheet: SheetModel, area: Area, origin: ChangeOrigin, before?: Scalar): void;
  /** The add-in selected `area`: raises onSelectionChanged on the sheet, as Excel does. */
  selected(
    sheet: SheetModel,
    area: Area,
    before: { sheet: string; address: string } | undefined
  ): void;
}

/** What the runtime needs of any proxy, whatever model object it stands for. */
export interface AnyProxy {
  _collect(paths: string[][], exec: Exec): void;
  _bind(): unknown;
  readonly _loaded: Map<string, unknown>;
}

export interface Exec {
  stage(apply: () => void, bytes: number): void;
}

interface Action {
  readonly location: string;
  readonly bytes: number;
  run(exec: Exec): void;
}

/** The JSON framing each action costs in a request (its object path, name and ids). */
const ACTION_OVERHEAD = 48;

/** A copy of what the add-in sent (plain data), as Excel receives it; jsdom lacks structuredClone. */
export function clone<T>(value: T): T {
  return typeof structuredClone === "function"
    ? structuredClone(value)
    : (JSON.parse(JSON.stringify(value)) as T);
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "null", "utf8");
}

/** One Excel.run: a request context and its queue. */
export class Session {
  private queue: Action[] = [];
  private nullables: AnyProxy[] = [];
  closed = false;

  constructor(
    readonly host: RuntimeHost,
    readonly options: RunOptions
  ) {}

  enqueue(location: string, args: unknown, run: (exec: Exec) => void): void {
    if (this.closed) throw excelError("InvalidRequestContext", location);
    this.queue.push({ location, bytes: ACTION_OVERHEAD + jsonBytes(args), run });
  }

  watchNull(proxy: AnyProxy): void {
    this.nullables.push(proxy);
  }

  get pending(): boolean {
    return this.queue.length > 0 || this.nullables.length > 0;
  }

  checkApi(version: string | undefined, location: string): void {
    if (version && !this.host.supports(version)) throw excelError("ApiNotFound", location);
  }

  async sync(): Promise<void> {
    if (this.closed) throw excelError("InvalidRequestContext", "RequestContext.sync");
    const actions = this.queue.splice(0);
    const nullables = this.nullables.splice(0);
    await this.host.admit(this.options);
    const record: SyncRecord = {
      requestBytes: actions.reduce((n, a) => n + a.bytes, 0),
      responseBytes: 0,
      actions: actions.length,
    };
    this.host.log.push(record);
    // A macrotask, as a real round trip is: code that forgets to await a sync shows it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const limit = this.host.payloadLimit;
    if (limit !== null && record.requestBytes > limit) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw excelError("RequestPayloadSizeLimitExceeded", "RequestContext.sync");
    }
    const applies: (() => void)[] = [];
    const exec: Exec = {
      stage: (apply, bytes) => {
        applies.push(apply);
        record.responseBytes += bytes;
      },
    };
    for (const action of actions) {
      try {
        const fault = this.host.takeFault(action.location);
        if (fault) throw excelError(fault, action.location);
        action.run(exec);
      } catch (err) {
        if (err instanceof RichApiError) {
          record.error = err.code;
          if (!err.debugInfo.errorLocation) err.debugInfo.errorLocation = action.location;
        }
        throw err;
      }
    }
    for (const proxy of nullables) {
      const target = proxy._bind();
      exec.stage(() => proxy._loaded.set("isNullObject", target === null), 24);
    }
    if (limit !== null && record.responseBytes > limit) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      throw excelError("ResponsePayloadSizeLimitExceeded", "RequestContext.sync");
    }
    for (const apply of applies) apply();
  }
}

export interface ScalarSpec<M> {
  get?: (m: M, self: ProxyBase<M>) => unknown;
  set?: (m: M, value: unknown, self: ProxyBase<M>) => void;
  /** The ExcelApi requirement set that brought the property, e.g. "1.12". */
  api?: string;
  /** Loaded by a load() that names no properties (numberFormatCategories is not). */
  bare?: boolean;
}

export interface Shape<M> {
  readonly type: string;
  readonly scalars: Readonly<Record<string, ScalarSpec<M>>>;
  /** Navigation properties: child objects a load path may go through ("format/font/bold"). */
  readonly navs?: readonly string[];
  /** A collection: load("items/...") loads its items. */
  readonly collection?: boolean;
}

/** Reads code may make on any object without the double modelling them (await, jest, JSON). */
const PASSTHROUGH = new Set([
  "then",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "inspect",
]);

const strictHandler: ProxyHandler<ProxyBase<unknown>> = {
  get(target, p, receiver) {
    if (typeof p === "symbol" || p in target) return Reflect.get(target, p, receiver);
    if (p.startsWith("_") || PASSTHROUGH.has(p)) return undefined;
    throw new NotModelledError(`${target._shape.type}.${p}`);
  },
  set(target, p, value, receiver) {
    if (typeof p === "string" && p.startsWith("_")) {
      (target as unknown as Record<string, unknown>)[p] = value;
      return true;
    }
    if (!(p in target)) throw new NotModelledError(`setting ${target._shape.type}.${String(p)}`);
    const spec = target._shape.scalars[String(p)];
    if (spec && !spec.set)
      throw new NotModelledError(`setting read-only ${target._shape.type}.${String(p)}`);
    return Reflect.set(target, p, value, receiver);
  },
};

function parseLoad(arg: unknown, type: string): string[][] {
  if (arg === undefined || arg === null) return [];
  const list =
    typeof arg === "string"
      ? arg.split(",")
      : Array.isArray(arg) && arg.every((a) => typeof a === "string")
        ? (arg as string[]).flatMap((a) => a.split(","))
        : undefined;
  if (!list) throw new NotModelledError(`${type}.load with an options object`);
  return list
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => p.split("/"));
}

/**
 * A proxy object: bound to its model object the first time a request needs it, and bound to
 * the same object for the rest of the Excel.run (as tracked objects are).
 */
export abstract class ProxyBase<M = unknown> {
  _loaded = new Map<string, unknown>();
  _bound: { m: M | null } | undefined;
  _children = new Map<string, unknown>();

  constructor(
    readonly _session: Session,
    readonly _shape: Shape<M>,
    readonly _resolve: () => M | null,
    readonly _nullable = false
  ) {
    if (_nullable) _session.watchNull(this);

    return new Proxy(this, strictHandler as ProxyHandler<this>);
  }

  get context(): unknown {
    return (this._session as unknown as { context: unknown }).context;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    return this._read("isNullObject") as boolean;
  }

  /** The model object, resolved once; null for a null object. */
  _bind(): M | null {
    if (!this._bound) this._bound = { m: this._resolve() };
    return this._bound.m;
  }

  _dead(m: M): boolean {
    const d = m as unknown as { deleted?: boolean; sheet?: { deleted?: boolean } };
    return Boolean(d.deleted || d.sheet?.deleted);
  }

  /** The live model object an action works on; a null or deleted object is not found. */
  _target(location: string): M {
    const m = this._bind();
    if (m === null || this._dead(m)) throw excelError("ItemNotFound", location);
    return m;
  }

  _read(name: string): unknown {
    if (!this._loaded.has(name))
      throw excelError(
        "PropertyNotLoaded",
        `${this._shape.type}.${name}`,
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    return this._loaded.get(name);
  }

  _write(name: string, value: unknown): void {
    const spec = this._shape.scalars[name];
    const location = `${this._shape.type}.${name}`;
    // What the code set is sent as it was at the time of the set.
    const copy: unknown = typeof value === "object" && value !== null ? clone(value) : value;
    this._session.enqueue(location, copy, () => {
      this._session.checkApi(spec.api, location);
      spec.set!(this._target(location), copy, this);
    });
  }

  /** Queues a method call that acts on the model when the request runs. */
  _call(location: string, args: unknown, api: string | undefined, run: (m: M) => void): void {
    this._session.enqueue(location, args, () => {
      this._session.checkApi(api, location);
      run(this._target(location));
    });
  }

  _child<C>(name: string, make: () => C): C {
    if (!this._children.has(name)) this._children.set(name, make());
    return this._children.get(name) as C;
  }

  /** A collection's items, made when a load of "items" runs. */
  _items(_m: M): AnyProxy[] {
    throw new NotModelledError(`${this._shape.type}.items`);
  }

  load(arg?: unknown): this {
    const paths = parseLoad(arg, this._shape.type);
    this._session.enqueue(`${this._shape.type}.load`, arg ?? "", (exec) =>
      this._collect(paths, exec)
    );
    return this;
  }

  _collect(paths: string[][], exec: Exec): void {
    const m = this._bind();
    if (m === null) {
      if (!this._nullable) throw excelError("ItemNotFound", `${this._shape.type}.load`);
      exec.stage(() => this._loaded.set("isNullObject", true), 24);
      return;
    }
    if (this._dead(m)) throw excelError("ItemNotFound", `${this._shape.type}.load`);
    if (this._nullable) exec.stage(() => this._loaded.set("isNullObject", false), 24);
    const wanted =
      paths.length > 0
        ? paths
        : Object.entries(this._shape.scalars)
            .filter(
              ([, s]) => s.bare !== false && s.get && (!s.api || this._session.host.supports(s.api))
            )
            .map(([name]) => [name]);
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of wanted) {
      const g = groups.get(head) ?? [];
      g.push(rest);
      groups.set(head, g);
    }
    for (const [head, rests] of groups) {
      const spec = this._shape.scalars[head];
      const location = `${this._shape.type}.${head}`;
      if (spec) {
        if (!spec.get || rests.some((r) => r.length > 0))
          throw new NotModelledError(
            `loading ${location}${rests[0]?.length ? `/${rests[0].join("/")}` : ""}`
          );
        this._session.checkApi(spec.api, location);
        const value = spec.get(m, this);
        exec.stage(() => this._loaded.set(head, value), jsonBytes(head) + jsonBytes(value) + 2);
      } else if (this._shape.navs?.includes(head)) {
        const child = (this as unknown as Record<string, AnyProxy>)[head];
        const sub = rests.some((r) => r.length === 0) ? [] : rests;
        child._collect(sub, exec);
      } else if (head === "items" && this._shape.collection) {
        const items = this._items(m);
        exec.stage(() => this._loaded.set("items", items), 10);
        const sub = rests.some((r) => r.length === 0) ? [] : rests;
        for (const item of items) item._collect(sub, exec);
      } else {
        throw new NotModelledError(`loading ${location}`);
      }
    }
  }

  get items(): unknown[] {
    if (!this._shape.collection) throw new NotModelledError(`${this._shape.type}.items`);
    return this._read("items") as unknown[];
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** Puts a getter (and a setter where the spec has one) on the prototype for each scalar. */
export function defineScalars<M>(cls: { prototype: object }, shape: Shape<M>): void {
  for (const [name, spec] of Object.entries(shape.scalars)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: ProxyBase<M>) {
        return this._read(name);
      },
      set: spec.set
        ? function (this: ProxyBase<M>, value: unknown) {
            this._write(name, value);
          }
        : undefined,
    });
  }
}
