/**
 * Charts as the Excel JavaScript API documents them (https://learn.microsoft.com/javascript/api/excel/excel.chart,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts):
 * - `worksheet.charts.add(type, sourceData, seriesBy)` makes a series per column ("Columns") or per
 *   row ("Rows") of the source; a series made so is named "Series1", "Series2"... until the add-in
 *   names it. How Excel splits a source holding text into names and categories, and what "Auto"
 *   chooses, is not documented: the double refuses to guess (NotModelledError);
 * - `series.add(name)` (ExcelApi 1.7) adds a series with no data; `setValues` and `setXAxisValues`
 *   (1.7) take one row or one column of the chart's sheet; `getItemAt` counts from 0;
 * - a series' fill is set with `format.fill.setSolidColor`, which takes "#RRGGBB", "RRGGBB" or an
 *   HTML colour name (https://learn.microsoft.com/javascript/api/excel/excel.chartfill#excel-excel-chartfill-setsolidcolor-member(1));
 *   anything else is InvalidArgument;
 * - data labels: `series.hasDataLabels` (1.7), `series.dataLabels` with `showValue` and
 *   `numberFormat` (1.8);
 * - the value axis takes `minimum`, `maximum`, `majorUnit` (1.1), `numberFormat` (1.8),
 *   `reversePlotOrder` and `setPositionAt` (1.7); a category axis takes `reversePlotOrder` and a
 *   title. What a category axis of text does with a minimum is not documented (NotModelledError);
 * - `legend.position` is one of Excel.ChartLegendPosition (else InvalidArgument), `legend.visible`;
 * - `chart.format.font` and `chart.title.format.font` (ChartFont) set the size of the chart's text;
 * - everything on a protected sheet is refused (AccessDenied), as for cells.
 */
import { type Area, parseAddress } from "./addresses";
import { NotModelledError, excelError } from "./errors";
import type { ChartAxisModel, ChartModel, ChartSeriesModel, Scalar, SheetModel } from "./model";
import type { RangeProxy } from "./objects";
import { type AnyProxy, ProxyBase, type Session, type Shape, defineScalars } from "./runtime";

const CHART_TYPES = new Set([
  "BarClustered",
  "BarStacked",
  "ColumnClustered",
  "ColumnStacked",
  "Pie",
  "Line",
]);

/** Excel.ChartLegendPosition. */
const LEGEND_POSITIONS = new Set(["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"]);

/** The HTML colour names the double knows; a real Excel knows more, none of which we use. */
const COLOUR_NAMES = new Set([
  "black",
  "white",
  "red",
  "green",
  "blue",
  "yellow",
  "orange",
  "gray",
  "grey",
  "purple",
]);

/** A colour as ChartFill.setSolidColor takes it: "#RRGGBB", "RRGGBB" or an HTML colour name. */
export function validColour(colour: string): boolean {
  return /^#?[0-9A-Fa-f]{6}$/.test(colour) || COLOUR_NAMES.has(colour.toLowerCase());
}

interface ChartTarget {
  readonly sheet: SheetModel;
  readonly chart: ChartModel;
}

interface SeriesTarget extends ChartTarget {
  readonly series: ChartSeriesModel;
}

interface AxisTarget extends ChartTarget {
  readonly axis: ChartAxisModel;
  readonly kind: "value" | "category";
}

function newAxis(): ChartAxisModel {
  return { title: "", numberFormat: "General", reversePlotOrder: false };
}

function newSeries(name: string, values?: Area): ChartSeriesModel {
  return {
    name,
    values,
    hasDataLabels: false,
    dataLabels: { showValue: false, numberFormat: "General" },
  };
}

/** A chart's change: refused on a protected sheet, as any change to it is. */
function editing<T extends ChartTarget>(location: string, apply: (t: T, v: unknown) => void) {
  return (t: T, v: unknown) => {
    t.sheet.assertEditable(location);
    apply(t, v);
  };
}

const isText = (v: Scalar) => typeof v === "string" && v !== "";

/** The series a chart made from `area` starts with: one per column or per row. */
function seriesFrom(sheet: SheetModel, area: Area, seriesBy: string): ChartSeriesModel[] {
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++)
      if (isText(sheet.value(r, c)))
        throw new NotModelledError(
          "a chart source holding text (how Excel splits it into names and categories)"
        );
  const out: ChartSeriesModel[] = [];
  if (seriesBy === "Columns") {
    for (let c = area.left; c <= area.right; c++)
      out.push(newSeries(`Series${out.length + 1}`, { ...area, left: c, right: c }));
  } else if (seriesBy === "Rows") {
    for (let r = area.top; r <= area.bottom; r++)
      out.push(newSeries(`Series${out.length + 1}`, { ...area, top: r, bottom: r }));
  } else {
    throw new NotModelledError(`charts.add with seriesBy "${seriesBy}" (Excel chooses by shape)`);
  }
  return out;
}

/** One row or one column of the chart's own sheet, as series data must be. */
function lineOf(source: RangeProxy, sheet: SheetModel, location: string): Area {
  const range = source._target(location);
  if (range.sheet !== sheet) throw new NotModelledError("a chart series from another sheet");
  const a = range.area;
  if (a.top !== a.bottom && a.left !== a.right)
    throw new NotModelledError(`${location} with a range of several rows and columns`);
  return a;
}

export class ChartCollectionProxy extends ProxyBase<SheetModel> {
  static readonly shape: Shape<SheetModel> = {
    type: "ChartCollection",
    scalars: {},
    collection: true,
  };

  constructor(session: Session, resolve: () => SheetModel | null) {
    super(session, ChartCollectionProxy.shape, resolve);
  }

  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    if (!CHART_TYPES.has(type)) throw new NotModelledError(`charts of type ${type}`);
    const made: { chart?: ChartModel; sheet?: SheetModel } = {};
    this._call("ChartCollection.add", [type, "range", seriesBy ?? "Auto"], undefined, (s) => {
      s.assertEditable("ChartCollection.add");
      const range = source._target("ChartCollection.add");
      if (range.sheet !== s) throw new NotModelledError("a chart whose data is on another sheet");
      const chart: ChartModel = {
        type,
        source: range.area,
        seriesBy: seriesBy ?? "Auto",
        title: "",
        legendPosition: "Right",
        legendVisible: true,
        series: seriesFrom(s, range.area, seriesBy ?? "Auto"),
        valueAxis: newAxis(),
        categoryAxis: newAxis(),
      };
      s.charts.push(chart);
      made.chart = chart;
      made.sheet = s;
    });
    return new ChartProxy(this._session, () => {
      if (!made.chart || !made.sheet) throw excelError("ItemNotFound", "ChartCollection.add");
      return { sheet: made.sheet, chart: made.chart };
    });
  }
}

/** A part of a chart with scalar properties only (a title's text, a font's size). */
class ChartPartProxy<T extends ChartTarget> extends ProxyBase<T> {
  constructor(session: Session, shape: Shape<T>, resolve: () => T | null) {
    super(session, shape, resolve);
  }
}

const TITLE_FONT: Shape<ChartTarget> = {
  type: "ChartFont",
  scalars: {
    size: {
      get: (t) => t.chart.titleFontSize ?? t.chart.fontSize ?? 10,
      set: editing("ChartFont.size", (t, v) => (t.chart.titleFontSize = Number(v))),
    },
  },
};
const AREA_FONT: Shape<ChartTarget> = {
  type: "ChartFont",
  scalars: {
    size: {
      get: (t) => t.chart.fontSize ?? 10,
      set: editing("ChartFont.size", (t, v) => (t.chart.fontSize = Number(v))),
    },
  },
};

class ChartFontProxy extends ChartPartProxy<ChartTarget> {}
defineScalars(ChartFontProxy, AREA_FONT);

/** ChartTitleFormat and ChartAreaFormat: a font, for what the double models. */
class ChartTextFormatProxy extends ProxyBase<ChartTarget> {
  constructor(
    session: Session,
    private readonly fontShape: Shape<ChartTarget>,
    type: string,
    resolve: () => ChartTarget | null
  ) {
    super(session, { type, scalars: {}, navs: ["font"] }, resolve);
  }

  get font(): ChartFontProxy {
    return this._child(
      "font",
      () => new ChartFontProxy(this._session, this.fontShape, () => this._bind())
    );
  }
}

const TITLE: Shape<ChartTarget> = {
  type: "ChartTitle",
  scalars: {
    text: {
      get: (t) => t.chart.title,
      set: editing("ChartTitle.text", (t, v) => (t.chart.title = String(v))),
    },
  },
  navs: ["format"],
};

class ChartTitleProxy extends ChartPartProxy<ChartTarget> {
  get format(): ChartTextFormatProxy {
    return this._child(
      "format",
      () =>
        new ChartTextFormatProxy(this._session, TITLE_FONT, "ChartTitleFormat", () => this._bind())
    );
  }
}
defineScalars(ChartTitleProxy, TITLE);

const LEGEND: Shape<ChartTarget> = {
  type: "ChartLegend",
  scalars: {
    position: {
      get: (t) => t.chart.legendPosition,
      set: editing("ChartLegend.position", (t, v) => {
        if (!LEGEND_POSITIONS.has(String(v)))
          throw excelError("InvalidArgument", "ChartLegend.position");
        t.chart.legendPosition = String(v);
      }),
    },
    visible: {
      get: (t) => t.chart.legendVisible,
      set: editing("ChartLegend.visible", (t, v) => (t.chart.legendVisible = Boolean(v))),
    },
  },
};
class ChartLegendProxy extends ChartPartProxy<ChartTarget> {}
defineScalars(ChartLegendProxy, LEGEND);

const AXIS_TITLE: Shape<AxisTarget> = {
  type: "ChartAxisTitle",
  scalars: {
    text: {
      get: (t) => t.axis.title,
      set: editing("ChartAxisTitle.text", (t: AxisTarget, v) => (t.axis.title = String(v))),
    },
  },
};
class ChartAxisTitleProxy extends ChartPartProxy<AxisTarget> {}
defineScalars(ChartAxisTitleProxy, AXIS_TITLE);

/** A number set on the value axis; a category axis of text takes none. */
const axisNumber = (name: "minimum" | "maximum" | "majorUnit") => ({
  get: (t: AxisTarget) => t.axis[name] ?? null,
  set: editing(`ChartAxis.${name}`, (t: AxisTarget, v) => {
    if (t.kind === "category") throw new NotModelledError(`ChartAxis.${name} on a category axis`);
    const n = Number(v);
    if (!Number.isFinite(n)) throw excelError("InvalidArgument", `ChartAxis.${name}`);
    t.axis[name] = n;
  }),
});

const AXIS: Shape<AxisTarget> = {
  type: "ChartAxis",
  scalars: {
    minimum: axisNumber("minimum"),
    maximum: axisNumber("maximum"),
    majorUnit: axisNumber("majorUnit"),
    numberFormat: {
      api: "1.8",
      get: (t) => t.axis.numberFormat,
      set: editing("ChartAxis.numberFormat", (t: AxisTarget, v) => {
        if (t.kind === "category")
          throw new NotModelledError("ChartAxis.numberFormat on a category axis");
        t.axis.numberFormat = String(v);
      }),
    },
    reversePlotOrder: {
      api: "1.7",
      get: (t) => t.axis.reversePlotOrder,
      set: editing(
        "ChartAxis.reversePlotOrder",
        (t: AxisTarget, v) => (t.axis.reversePlotOrder = Boolean(v))
      ),
    },
  },
  navs: ["title"],
};

class ChartAxisProxy extends ProxyBase<AxisTarget> {
  constructor(session: Session, resolve: () => AxisTarget | null) {
    super(session, AXIS, resolve);
  }

  get title(): ChartAxisTitleProxy {
    return this._child(
      "title",
      () => new ChartAxisTitleProxy(this._session, AXIS_TITLE, () => this._bind())
    );
  }

  /** Where the category axis crosses this one (ExcelApi 1.7). */
  setPositionAt(value: number): void {
    this._call("ChartAxis.setPositionAt", [value], "1.7", (t) => {
      t.sheet.assertEditable("ChartAxis.setPositionAt");
      if (t.kind === "category")
        throw new NotModelledError("ChartAxis.setPositionAt on a category axis");
      t.axis.crossesAt = value;
    });
  }
}
defineScalars(ChartAxisProxy, AXIS);

class ChartAxesProxy extends ProxyBase<ChartTarget> {
  constructor(session: Session, resolve: () => ChartTarget | null) {
    super(
      session,
      { type: "ChartAxes", scalars: {}, navs: ["valueAxis", "categoryAxis"] },
      resolve
    );
  }

  private axis(kind: AxisTarget["kind"]): ChartAxisProxy {
    return this._child(
      kind,
      () =>
        new ChartAxisProxy(this._session, () => {
          const t = this._bind();
          if (!t) return null;
          return { ...t, kind, axis: kind === "value" ? t.chart.valueAxis : t.chart.categoryAxis };
        })
    );
  }

  get valueAxis(): ChartAxisProxy {
    return this.axis("value");
  }

  get categoryAxis(): ChartAxisProxy {
    return this.axis("category");
  }
}

const FILL: Shape<SeriesTarget> = { type: "ChartFill", scalars: {} };

class ChartFillProxy extends ProxyBase<SeriesTarget> {
  constructor(session: Session, resolve: () => SeriesTarget | null) {
    super(session, FILL, resolve);
  }

  setSolidColor(color: string): void {
    this._call("ChartFill.setSolidColor", [color], undefined, (t) => {
      t.sheet.assertEditable("ChartFill.setSolidColor");
      if (!validColour(color)) throw excelError("InvalidArgument", "ChartFill.setSolidColor");
      t.series.fill = color;
    });
  }
}

class ChartSeriesFormatProxy extends ProxyBase<SeriesTarget> {
  constructor(session: Session, resolve: () => SeriesTarget | null) {
    super(session, { type: "ChartSeriesFormat", scalars: {}, navs: ["fill"] }, resolve);
  }

  get fill(): ChartFillProxy {
    return this._child("fill", () => new ChartFillProxy(this._session, () => this._bind()));
  }
}

const DATA_LABELS: Shape<SeriesTarget> = {
  type: "ChartDataLabels",
  scalars: {
    showValue: {
      get: (t) => t.series.dataLabels.showValue,
      set: editing(
        "ChartDataLabels.showValue",
        (t: SeriesTarget, v) => (t.series.dataLabels.showValue = Boolean(v))
      ),
    },
    numberFormat: {
      api: "1.8",
      get: (t) => t.series.dataLabels.numberFormat,
      set: editing(
        "ChartDataLabels.numberFormat",
        (t: SeriesTarget, v) => (t.series.dataLabels.numberFormat = String(v))
      ),
    },
  },
};
class ChartDataLabelsProxy extends ProxyBase<SeriesTarget> {}
defineScalars(ChartDataLabelsProxy, DATA_LABELS);

const SERIES: Shape<SeriesTarget> = {
  type: "ChartSeries",
  scalars: {
    name: {
      get: (t) => t.series.name,
      set: editing("ChartSeries.name", (t: SeriesTarget, v) => (t.series.name = String(v))),
    },
    hasDataLabels: {
      api: "1.7",
      get: (t) => t.series.hasDataLabels,
      set: editing(
        "ChartSeries.hasDataLabels",
        (t: SeriesTarget, v) => (t.series.hasDataLabels = Boolean(v))
      ),
    },
  },
  navs: ["format", "dataLabels"],
};

export class ChartSeriesProxy extends ProxyBase<SeriesTarget> {
  constructor(session: Session, resolve: () => SeriesTarget | null) {
    super(session, SERIES, resolve);
  }

  get format(): ChartSeriesFormatProxy {
    return this._child(
      "format",
      () => new ChartSeriesFormatProxy(this._session, () => this._bind())
    );
  }

  /** ExcelApi 1.8. */
  get dataLabels(): ChartDataLabelsProxy {
    return this._child(
      "dataLabels",
      () =>
        new ChartDataLabelsProxy(this._session, DATA_LABELS, () => {
          this._session.checkApi("1.8", "ChartSeries.dataLabels");
          return this._bind();
        })
    );
  }

  setValues(source: RangeProxy): void {
    this._call("ChartSeries.setValues", ["range"], "1.7", (t) => {
      t.sheet.assertEditable("ChartSeries.setValues");
      t.series.values = lineOf(source, t.sheet, "ChartSeries.setValues");
    });
  }

  setXAxisValues(source: RangeProxy): void {
    this._call("ChartSeries.setXAxisValues", ["range"], "1.7", (t) => {
      t.sheet.assertEditable("ChartSeries.setXAxisValues");
      t.series.xAxisValues = lineOf(source, t.sheet, "ChartSeries.setXAxisValues");
    });
  }
}
defineScalars(ChartSeriesProxy, SERIES);

const SERIES_COLLECTION: Shape<ChartTarget> = {
  type: "ChartSeriesCollection",
  scalars: { count: { get: (t) => t.chart.series.length } },
  collection: true,
};

class ChartSeriesCollectionProxy extends ProxyBase<ChartTarget> {
  constructor(session: Session, resolve: () => ChartTarget | null) {
    super(session, SERIES_COLLECTION, resolve);
  }

  override _items(t: ChartTarget): AnyProxy[] {
    return t.chart.series.map(
      (series) => new ChartSeriesProxy(this._session, () => ({ ...t, series }))
    );
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this._session, () => {
      const t = this._target("ChartSeriesCollection.getItemAt");
      const series = t.chart.series[index];
      if (!series)
        throw new NotModelledError(
          `getItemAt(${index}) past a chart's ${t.chart.series.length} series`
        );
      return { ...t, series };
    });
  }

  /** Adds a series with no data (ExcelApi 1.7); its values come from setValues. */
  add(name?: string, index?: number): ChartSeriesProxy {
    if (index !== undefined) throw new NotModelledError("ChartSeriesCollection.add at an index");
    const made: { series?: ChartSeriesModel } = {};
    this._call("ChartSeriesCollection.add", [name ?? null], "1.7", (t) => {
      t.sheet.assertEditable("ChartSeriesCollection.add");
      const series = newSeries(name ?? `Series${t.chart.series.length + 1}`);
      t.chart.series.push(series);
      made.series = series;
    });
    return new ChartSeriesProxy(this._session, () => {
      const t = this._bind();
      if (!t || !made.series) throw excelError("ItemNotFound", "ChartSeriesCollection.add");
      return { ...t, series: made.series };
    });
  }
}
defineScalars(ChartSeriesCollectionProxy, SERIES_COLLECTION);

export class ChartProxy extends ProxyBase<ChartTarget> {
  constructor(session: Session, resolve: () => ChartTarget | null) {
    super(
      session,
      { type: "Chart", scalars: {}, navs: ["title", "legend", "axes", "series", "format"] },
      resolve
    );
  }

  get title(): ChartTitleProxy {
    return this._child(
      "title",
      () => new ChartTitleProxy(this._session, TITLE, () => this._bind())
    );
  }

  get legend(): ChartLegendProxy {
    return this._child(
      "legend",
      () => new ChartLegendProxy(this._session, LEGEND, () => this._bind())
    );
  }

  get axes(): ChartAxesProxy {
    return this._child("axes", () => new ChartAxesProxy(this._session, () => this._bind()));
  }

  get series(): ChartSeriesCollectionProxy {
    return this._child(
      "series",
      () => new ChartSeriesCollectionProxy(this._session, () => this._bind())
    );
  }

  /** ChartAreaFormat: the font of the chart's text. */
  get format(): ChartTextFormatProxy {
    return this._child(
      "format",
      () =>
        new ChartTextFormatProxy(this._session, AREA_FONT, "ChartAreaFormat", () => this._bind())
    );
  }

  setPosition(startCell: string, endCell?: string): void {
    this._call("Chart.setPosition", [startCell, endCell ?? null], undefined, (t) => {
      t.sheet.assertEditable("Chart.setPosition");
      parseAddress(startCell);
      if (endCell) parseAddress(endCell);
      t.chart.position = [startCell, endCell ?? startCell];
    });
  }
}
