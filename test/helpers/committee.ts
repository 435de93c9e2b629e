import { execFileSync } from "node:child_process";
import { lastYearReturn } from "../../src/core/facts/last-year";
import { type Settings, defaultSettings } from "../../src/core/settings";
import { type CommitteeSummary, buildSummary } from "../../src/core/summary/model";
import { scoreGrids, validateGrids } from "../../src/core/validate";
import { gridsFromSpecs } from "./fake-host";
import type { CellSpec, SheetSpec } from "./workbook-builder";

/** The committee the bundled example is drafted for: target dates are judged as at this day. */
export const AS_AT = new Date(Date.UTC(2026, 2, 2));
export const MADE = new Date(Date.UTC(2026, 2, 2, 9, 30));

export interface ReturnSpec {
  readonly source: string;
  readonly sheets: readonly SheetSpec[];
  /** Last year's workbook for this return. */
  readonly lastYear?: readonly SheetSpec[];
  /** Last year's file name, as the paper names it ("last-year.xlsx" where not given). */
  readonly lastYearSource?: string;
}

/** The committee summary of one or more returns, each checked as the pane and the CLI check it. */
export function summaryOf(
  returns: readonly ReturnSpec[],
  settings: Settings = defaultSettings()
): CommitteeSummary {
  return buildSummary(
    returns.map((r) => ({
      source: r.source,
      settings,
      result: validateGrids(gridsFromSpecs(r.sheets), {
        settings,
        asAt: AS_AT,
        lastYear: r.lastYear
          ? lastYearReturn(
              r.lastYearSource ?? "last-year.xlsx",
              scoreGrids(gridsFromSpecs(r.lastYear), { settings }).schedules,
              settings
            )
          : undefined,
      }),
    })),
    MADE
  );
}

const REQUIREMENTS = [
  "Members and officers follow the codes of conduct and declare their interests promptly",
  "Decisions and the reasons for them are published within five working days of the meeting",
  "Residents and service users are consulted before major changes to the services they use",
  "The medium-term financial plan links resources to the priorities in the Council Plan",
  "Risk registers are reviewed every quarter by the management team and the Audit Committee",
  "Internal audit recommendations are followed up until every one of them is complete",
  "The Annual Governance Statement is published with the accounts and explains each gap",
];
const ACTIONS = [
  "Introduce a quarterly review of the register",
  "Report progress to the Audit Committee each quarter",
  "Train every new member within three months",
];
const LEADS = ["Head of Policy", "Monitoring Officer", "Chief Finance Officer", "Head of Audit"];

/**
 * A return of `requirements` requirements on a 1-5 scale, `perSection` to a section, named
 * "Principle A: ..." to "Principle G: ..." in turn; scores cycle through the scale, so three in
 * five are weak, and about one weak score in six lacks an action, a lead or a date.
 */
export function syntheticSchedule(
  name: string,
  requirements: number,
  perSection: number,
  shift = 0
): SheetSpec {
  const rows: CellSpec[][] = [
    [`Local Code of Corporate Governance: ${name}`],
    [
      "Scoring: 1 = not in place, 2 = partly in place, 3 = in place, 4 = well established, 5 = fully embedded",
    ],
    [
      "Ref",
      "Requirement",
      "Evidence",
      "Score (1-5)",
      "Areas for improvement",
      "Responsible officer",
      "Target date",
    ],
  ];
  for (let i = 0; i < requirements; i++) {
    if (i % perSection === 0) {
      const n = i / perSection;
      rows.push([`Principle ${String.fromCharCode(65 + (n % 7))}: section ${n + 1} of the code`]);
    }
    const score = ((i * 7 + shift) % 5) + 1;
    rows.push([
      `R${i + 1}`,
      REQUIREMENTS[i % REQUIREMENTS.length],
      "Minutes and reports",
      score,
      i % 13 === 5 ? null : ACTIONS[i % ACTIONS.length],
      i % 17 === 3 ? "TBC" : LEADS[i % LEADS.length],
      i % 11 === 2 ? null : "March 2027",
    ]);
  }
  return { name, rows };
}

/** A word of a printed page: its text, box (points, from the top left) and page (1-based). */
export interface PrintedWord {
  readonly page: number;
  readonly text: string;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly height: number;
}

/** What a PDF prints: its pages (size and count) and every word with its box, by poppler. */
export function readPdf(pdf: string): {
  pages: number;
  pageSize: string;
  words: PrintedWord[];
} {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const pageSize = /^Page size:\s+(.+)$/m.exec(info)?.[1] ?? "";
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const words: PrintedWord[] = [];
  let page = 0;
  const pattern =
    /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(pattern)) {
    if (m[0] === "<page") {
      page++;
      continue;
    }
    const text = m[5]
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
    words.push({
      page,
      text,
      x: Number(m[1]),
      right: Number(m[3]),
      y: Number(m[2]),
      height: Number(m[4]) - Number(m[2]),
    });
  }
  return { pages, pageSize, words };
}

/** Each printed page's text, words joined by spaces in reading order. */
export function pageTexts(words: readonly PrintedWord[], pages: number): string[] {
  const out: string[] = [];
  for (let p = 1; p <= pages; p++)
    out.push(
      words
        .filter((w) => w.page === p)
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .map((w) => w.text)
        .join(" ")
    );
  return out;
}
