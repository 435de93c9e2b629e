import type { SaxesTagPlain } from "saxes";
import type { ListRule } from "../core/validation-lists";

/**
 * Picks a worksheet's drop-down lists out of its XML as it streams past: the classic
 * `<dataValidation type="list" sqref="D5:D40"><formula1>"Red,Amber,Green"</formula1>` and the
 * Excel 2010 form Excel writes for lists on another sheet, inside `<extLst>`:
 * `<x14:dataValidation type="list"><x14:formula1><xm:f>Key!$A$2:$A$5</xm:f></x14:formula1>
 * <xm:sqref>D5:D40</xm:sqref></x14:dataValidation>`. Feed it every open tag, text and close.
 */
export class ValidationListCollector {
  readonly rules: ListRule[] = [];
  private current: { list: boolean; sqref: string; formula: string } | undefined;
  private capture: "formula" | "sqref" | undefined;
  private inFormula1 = false;

  open(tag: SaxesTagPlain, local: string): void {
    switch (local) {
      case "dataValidation": {
        const type = tag.attributes.type;
        const sqref = tag.attributes.sqref;
        this.current = {
          list: type === "list",
          sqref: typeof sqref === "string" ? sqref : "",
          formula: "",
        };
        break;
      }
      case "formula1":
        if (this.current) {
          this.inFormula1 = true;
          this.capture = "formula";
        }
        break;
      case "f":
        // x14: <x14:formula1><xm:f>...</xm:f>; a cell's formula <f> is outside any dataValidation.
        if (this.current && this.inFormula1) this.capture = "formula";
        break;
      case "sqref":
        if (this.current) this.capture = "sqref";
        break;
      default:
        break;
    }
  }

  text(t: string): void {
    if (!this.current || !this.capture) return;
    // A hostile file could stream an endless formula: a list's source is short.
    if (this.current.formula.length + this.current.sqref.length > 20_000) return;
    if (this.capture === "formula") this.current.formula += t;
    else this.current.sqref += (this.current.sqref ? " " : "") + t.trim();
  }

  close(local: string): void {
    switch (local) {
      case "formula1":
        this.inFormula1 = false;
        this.capture = undefined;
        break;
      case "f":
      case "sqref":
        this.capture = undefined;
        break;
      case "dataValidation":
        if (
          this.current?.list &&
          this.current.sqref &&
          this.current.formula &&
          this.rules.length < 1000
        )
          this.rules.push({ sqref: this.current.sqref, formula: this.current.formula });
        this.current = undefined;
        this.capture = undefined;
        this.inFormula1 = false;
        break;
      default:
        break;
    }
  }
}

/** `<definedName name="RAGList">Key!$A$2:$A$5</definedName>` in workbook.xml: fed the same way. */
export class DefinedNameCollector {
  readonly names: { name: string; refersTo: string }[] = [];
  private current: { name: string; refersTo: string } | undefined;

  open(tag: SaxesTagPlain, local: string): void {
    if (local !== "definedName") return;
    const name = tag.attributes.name;
    this.current = typeof name === "string" ? { name, refersTo: "" } : undefined;
  }

  text(t: string): void {
    if (this.current && this.current.refersTo.length < 10_000) this.current.refersTo += t;
  }

  close(local: string): void {
    if (local !== "definedName") return;
    if (this.current && this.names.length < 10_000) this.names.push(this.current);
    this.current = undefined;
  }
}
