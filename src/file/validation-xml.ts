import type { ListRule } from "../core/validation-lists";
import type { XmlHandler } from "./xml-tokenizer";
import { attribute } from "./xml-tokenizer";

/** Rules kept from one `<dataValidations>` (or `<extLst>`): a schedule's drop-downs are a handful. */
const MAX_RULES = 1000;
/** A list's source and the cells it covers are short; a hostile file could stream them endlessly. */
const MAX_RULE_TEXT = 20_000;
/** Ranges one rule's sqref may name before the rest are dropped (as `parseSqref` does). */
const MAX_RANGES_PER_RULE = 200;

/** How many ranges a sqref ("D5:D40 F5") names, as far as `parseSqref` reads them. */
function rangesIn(sqref: string): number {
  return Math.min(sqref.trim().split(/\s+/).length, MAX_RANGES_PER_RULE);
}

/**
 * Picks a worksheet's drop-down lists out of its XML as it streams past: the classic
 * `<dataValidation type="list" sqref="D5:D40"><formula1>"Red,Amber,Green"</formula1>` and the
 * Excel 2010 form Excel writes for lists on another sheet, inside `<extLst>`:
 * `<x14:dataValidation type="list"><x14:formula1><xm:f>Key!$A$2:$A$5</xm:f></x14:formula1>
 * <xm:sqref>D5:D40</xm:sqref></x14:dataValidation>`. It is fed the tokenizer's events (names
 * without their prefix) for one `<dataValidations>` or `<extLst>` child of `<worksheet>`;
 * `keep(n)` is told of every range kept, against the workbook's cap.
 */
export class ValidationListCollector implements XmlHandler {
  readonly rules: ListRule[] = [];
  wantText = false;
  private current: { list: boolean; sqref: string; formula: string } | undefined;
  private capture: "formula" | "sqref" | undefined;
  private inFormula1 = false;

  constructor(private readonly keep: (n: number) => void = () => undefined) {}

  open(local: string, attrs: string): void {
    switch (local) {
      case "dataValidation":
        this.current = {
          list: attribute(attrs, "type") === "list",
          sqref: attribute(attrs, "sqref") ?? "",
          formula: "",
        };
        break;
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
    this.wantText = this.capture !== undefined && this.current?.list === true;
  }

  text(t: string): void {
    if (!this.current || !this.capture) return;
    if (this.current.formula.length + this.current.sqref.length > MAX_RULE_TEXT) return;
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
      case "dataValidation": {
        const rule = this.current;
        if (rule?.list && rule.sqref && rule.formula && this.rules.length < MAX_RULES) {
          this.keep(rangesIn(rule.sqref));
          this.rules.push({ sqref: rule.sqref, formula: rule.formula });
        }
        this.current = undefined;
        this.capture = undefined;
        this.inFormula1 = false;
        break;
      }
      default:
        break;
    }
    this.wantText = this.capture !== undefined && this.current?.list === true;
  }
}

/** Names kept from workbook.xml, and characters of each: a list's source name is short. */
const MAX_NAMES = 10_000;
const MAX_NAME_TEXT = 10_000;

/**
 * `<definedName name="RAGList">Key!$A$2:$A$5</definedName>` in workbook.xml: the names a drop-down
 * list may give as its source. Fed the same events; `countText(n)` is told of every character kept.
 */
export class DefinedNameCollector implements XmlHandler {
  readonly names: { name: string; refersTo: string }[] = [];
  wantText = false;
  private current: { name: string; refersTo: string } | undefined;

  constructor(private readonly countText: (n: number) => void = () => undefined) {}

  open(local: string, attrs: string): void {
    if (local !== "definedName") return;
    const name = attribute(attrs, "name");
    this.current =
      name !== undefined && this.names.length < MAX_NAMES ? { name, refersTo: "" } : undefined;
    this.wantText = this.current !== undefined;
  }

  text(t: string): void {
    if (!this.current) return;
    const room = MAX_NAME_TEXT - this.current.refersTo.length;
    if (room <= 0) return;
    const kept = t.length > room ? t.slice(0, room) : t;
    this.countText(kept.length);
    this.current.refersTo += kept;
  }

  close(local: string): void {
    if (local !== "definedName") return;
    if (this.current) this.names.push(this.current);
    this.current = undefined;
    this.wantText = false;
  }
}
