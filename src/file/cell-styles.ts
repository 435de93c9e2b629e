import { PAGE } from "../core/summary/print";
import type { CellLook } from "../core/summary/sheet-plan";
import { escapeXml } from "./xml-text";

/** Formats Excel numbers itself; anything else is written into the styles part with an id from 164. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "@": 49,
};

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/**
 * The styles part of a workbook, built as cells ask for looks: each distinct look becomes one
 * cell format (xf), and a cell refers to it by index. Index 0 is the plain cell.
 */
export class CellStyles {
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private readonly xfs: string[] = [];
  private readonly byLook = new Map<string, number>();

  constructor() {
    this.font({});
    this.index({});
  }

  private font(look: CellLook): number {
    const xml =
      `<font>${look.bold ? "<b/>" : ""}<sz val="${look.size ?? PAGE.bodySize}"/>` +
      `${look.fontColor ? `<color rgb="${argb(look.fontColor)}"/>` : ""}` +
      `<name val="Calibri"/><family val="2"/></font>`;
    return this.add(this.fonts, xml);
  }

  private fill(hex: string | undefined): number {
    if (!hex) return 0;
    // Fills 0 and 1 are the two every styles part must begin with (none, gray125).
    return (
      2 +
      this.add(
        this.fills,
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`
      )
    );
  }

  private format(code: string | undefined): number {
    if (code === undefined) return 0;
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    return 164 + this.add(this.formats, code);
  }

  private add(map: Map<string, number>, key: string): number {
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = map.size));
    return id;
  }

  /** The xf index of a look, added on first use. */
  index(look: CellLook): number {
    const key = `${look.bold ? 1 : 0}|${look.size ?? ""}|${look.fontColor ?? ""}|${look.fill ?? ""}|${look.wrap ? 1 : 0}|${look.numberFormat ?? ""}|${look.align ?? ""}|${look.indent ?? ""}`;
    let id = this.byLook.get(key);
    if (id !== undefined) return id;
    const font = this.font(look);
    const fill = this.fill(look.fill);
    const format = this.format(look.numberFormat);
    const applied =
      (font ? ` applyFont="1"` : "") +
      (fill ? ` applyFill="1"` : "") +
      (format ? ` applyNumberFormat="1"` : "");
    // Every cell sits at the top of its row: beside a wrapped requirement, a row's ref and lead
    // officer then line up with its first line rather than its last. A header is aligned as the
    // numbers or text under it.
    const horizontal = look.align ? ` horizontal="${look.align}"` : "";
    const indent = look.indent ? ` indent="${look.indent}"` : "";
    const alignment = `<alignment${horizontal} vertical="top"${look.wrap ? ` wrapText="1"` : ""}${indent}/>`;
    this.xfs.push(
      `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applied} applyAlignment="1">${alignment}</xf>`
    );
    id = this.xfs.length - 1;
    this.byLook.set(key, id);
    return id;
  }

  /** xl/styles.xml */
  xml(): string {
    const formats = [...this.formats.keys()]
      .map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`)
      .join("");
    const fills = [...this.fills.keys()];
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (formats ? `<numFmts count="${this.formats.size}">${formats}</numFmts>` : "") +
      `<fonts count="${this.fonts.size}">${[...this.fonts.keys()].join("")}</fonts>` +
      `<fills count="${fills.length + 2}"><fill><patternFill patternType="none"/></fill>` +
      `<fill><patternFill patternType="gray125"/></fill>${fills.join("")}</fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
      `</styleSheet>`
    );
  }
}
