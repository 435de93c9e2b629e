import { RIVERBEND_SHEETS } from "../examples/riverbend";
import { RIVERBEND_LAST_YEAR_SHEETS } from "../examples/riverbend-last-year";
import { EXCEPTION_ORDER } from "../src/core/facts/exceptions";
import { matchLastYear, lastYearReturn } from "../src/core/facts/last-year";
import { defaultRagRule, defaultSettings, parseSettings } from "../src/core/settings";
import { sectionLabel } from "../src/core/summary/labels";
import { scaleLevels } from "../src/core/summary/levels";
import { type CommitteeSummary, shareText } from "../src/core/summary/model";
import { levelColours } from "../src/core/summary/blocks";
import { planCommitteeSheets } from "../src/core/summary/plan";
import { PRINTABLE_UNITS, unitsFor, wrappedLines } from "../src/core/summary/print";
import type { SheetPlan } from "../src/core/summary/sheet-plan";
import { freeSheetName } from "../src/core/summary/sheet-names";
import { ragKey } from "../src/core/summary/words";
import { scoreGrids, validateGrids } from "../src/core/validate";
import { sheetLeftUnread } from "./fixtures/cases/sheet-left-unread";
import { CASES } from "./fixtures/cases";
import { notApplicable } from "./fixtures/cases/not-applicable";
import { ragLegend } from "./fixtures/cases/rag-legend";
import { tickColumns } from "./fixtures/cases/tick-columns";
import { unplacedWords } from "./fixtures/cases/unplaced-words";
import { AS_AT, type ReturnSpec, summaryOf, syntheticSchedule } from "./helpers/committee";
import { gridsFromSpecs } from "./helpers/fake-host";
import type { SheetSpec } from "./helpers/workbook-builder";

const riverbend = (settings = defaultSettings()) =>
  summaryOf([{ source: "riverbend-local-code.xlsx", sheets: RIVERBEND_SHEETS }], settings);
const withLastYear = () =>
  summaryOf([
    {
      source: "riverbend-local-code.xlsx",
      sheets: RIVERBEND_SHEETS,
      lastYear: RIVERBEND_LAST_YEAR_SHEETS,
    },
  ]);

function sectionRows(s: CommitteeSummary) {
  return s.groups.flatMap((g) =>
    g.sections.map((x) => [
      x.label,
      x.requirements,
      x.scored,
      x.mean,
      x.worst,
      x.weak,
      x.weakNoAction,
      x.weakNoLead,
      x.exceptions,
      x.rag,
    ])
  );
}

/** The text of every cell in a planned sheet, by row. */
function rowsOf(sheet: SheetPlan): string[] {
  const rows = new Map<number, string[]>();
  for (const c of [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    if (c.value === null || c.value === "") continue;
    const list = rows.get(c.row) ?? [];
    list.push(String(c.value));
    rows.set(c.row, list);
  }
  return [...rows.values()].map((r) => r.join(" | "));
}

describe("committee summary model (Riverbend figures checked by hand)", () => {
  it("summarises each section: counts, mean, worst score, weak scores, exceptions and RAG", () => {
    const s = riverbend();
    expect(sectionRows(s)).toEqual([
      ["Principle A", 3, 3, 3, 2, 2, 0, 0, 0, "amber"],
      ["Principle B", 3, 2, 3, 2, 1, 1, 0, 2, "red"],
      ["Principle C", 2, 2, 3, 2, 1, 0, 1, 1, "red"],
      ["Principle D", 2, 2, 3.5, 3, 1, 0, 0, 0, "amber"],
      // E1 scores 1, "not in place": the worst level of the scale makes the section red.
      ["Principle E", 2, 2, 2.5, 1, 1, 0, 0, 1, "red"],
      ["Principle F", 3, 2, 3.5, 3, 1, 0, 0, 1, "amber"],
      ["Principle G", 2, 2, 3.5, 2, 1, 1, 1, 1, "red"],
      ["Dimension 2", 4, 3, 2, 1, 2, 1, 2, 3, "red"],
    ]);
    expect(s.groups[0].sections[0].levels).toEqual([0, 1, 1, 1, 0]);
    expect(s.groups[1].sections[0].levels).toEqual([1, 1, 1]);
    expect(s.groups.map((g) => [g.total.requirements, g.total.weak, g.total.rag])).toEqual([
      [17, 8, "red"],
      [4, 2, "red"],
    ]);
    expect(shareText(s.aboveThreshold, s.requirements)).toBe("8 of 21 (38%)");
    // Nothing to compare with: no direction of travel at all, rather than "New" everywhere.
    expect(s.travel).toBeNull();
  });

  it("applies the RAG rule in force, and the key states it", () => {
    const settings = defaultSettings();
    const red = (s: CommitteeSummary) =>
      s.groups.flatMap((g) => g.sections.filter((x) => x.rag === "red").map((x) => x.label));
    expect(red(riverbend(settings))).toEqual([
      "Principle B",
      "Principle C",
      "Principle E",
      "Principle G",
      "Dimension 2",
    ]);
    // Completeness only: a section scoring 1 with an action and a lead is amber.
    settings.rag = { ...defaultRagRule(), redAtWorstLevel: false };
    expect(red(riverbend(settings))).toEqual([
      "Principle B",
      "Principle C",
      "Principle G",
      "Dimension 2",
    ]);
    // Performance only, by share: half or more of the scores weak.
    settings.rag = {
      redAtWorstLevel: false,
      redWhenActionOrLeadMissing: false,
      redWhenDatePassed: false,
      redWhenCarriedForward: false,
      redAtWeakShare: 50,
    };
    const byShare = riverbend(settings);
    expect(red(byShare)).toEqual([
      "Principle A",
      "Principle B",
      "Principle C",
      "Principle D",
      "Principle E",
      "Principle F",
      "Principle G",
      "Dimension 2",
    ]);
    const key = rowsOf(planCommitteeSheets(byShare).sheets[0]).filter((r) =>
      /^(Red|Amber|Green) \|/.test(r)
    );
    expect(key).toEqual([
      "Red | at least one of: 50% or more of the scores weak.",
      "Amber | there are weak scores, and none of the red conditions applies.",
      "Green | no weak scores.",
    ]);
  });

  it("states the default rule with each scale's worst level", () => {
    const scales = riverbend().groups.map((g) => g.scale);
    expect(ragKey(defaultRagRule(), scales).red).toBe(
      "at least one of: a score at the worst level of its scale (1 on 1-5 (5 best); 1 on 1-3 (3 best)); a weak score with no improvement action or no lead officer."
    );
  });

  it("lists every weak score and every exception in the action plan, those lacking an action or lead first", () => {
    const s = riverbend();
    expect(s.actions.map((a) => [a.ref, a.lead, a.rules.join(", ")])).toEqual([
      ["B2", "Head of Communications", "low-score-no-action, low-score-no-date"],
      ["(b)", "", "low-score-no-lead"],
      ["(c)", "", "low-score-no-action, low-score-no-lead"],
      ["C2", "", "low-score-no-lead, target-date-passed"],
      ["G2", "", "low-score-no-action, low-score-no-lead, low-score-no-date"],
      ["F1", "Head of Audit and Risk", ""],
      ["E1", "Head of Democratic Services", "low-score-no-date"],
      ["A2", "Head of Procurement", ""],
      ["D1", "Head of Projects", ""],
      ["A3", "Monitoring Officer", ""],
      ["(d)", "", "score-missing"],
      ["B3", "", "score-invalid"],
      ["F2", "", "score-out-of-range"],
    ]);
  });

  it("sorts leads and sections as a reader would: case ignored, numbers in order, none named last", () => {
    const rows = [
      ["Ref", "Requirement", "Evidence", "Score (1-5)", "Improvement action", "Lead officer"],
      ["Principle B: Openness"],
      ["R10", "Publish decisions.", "Website", 2, "Review", "head of policy"],
      ["R2", "Consult residents.", "Hub", 1, "Review", "Head of Policy"],
      ["R3", "Keep a register.", "Register", 2, "Review", "Chief Executive"],
      ["Principle A: Integrity"],
      ["R1", "Declare interests.", "Register", 2, "Review", "Head of Policy"],
      ["R4", "Train members.", "Records", 1, "Review", "TBC"],
    ];
    const s = summaryOf([{ source: "a.xlsx", sheets: [{ name: "Code", rows }] }]);
    expect(s.actions.map((a) => a.ref)).toEqual(["R4", "R3", "R1", "R2", "R10"]);
  });

  it("orders exceptions by what most needs a member's attention", () => {
    const s = riverbend();
    const rank = (r: string) => EXCEPTION_ORDER.indexOf(r as (typeof EXCEPTION_ORDER)[number]);
    const first = s.exceptions.map((e) => Math.min(...e.rules.map(rank)));
    expect(first).toEqual([...first].sort((a, b) => a - b));
    expect(s.exceptions.map((e) => `${e.sheet}!${e.cell}`)).toEqual([
      "Local Code 2025-26!D12",
      "Local Code 2025-26!D29",
      "Service Delivery!D14",
      "Local Code 2025-26!D16",
      "Service Delivery!D12",
      "Service Delivery!D15",
      "Local Code 2025-26!D13",
      "Local Code 2025-26!D25",
      "Local Code 2025-26!D21",
    ]);
  });
});

describe("word scales and N/A on the paper", () => {
  it("counts N/A as not applicable, never as invalid, weak or in the share above the threshold", () => {
    const s = summaryOf([{ source: "a.xlsx", sheets: notApplicable.sheets }]);
    const [section] = s.groups[0].sections;
    expect([section.requirements, section.scored, section.notApplicable]).toEqual([5, 2, 3]);
    expect(s.notApplicable).toBe(3);
    // Two requirements apply: one scores 3 (above the weak 2), one scores 2.
    expect([s.aboveThreshold, s.requirements]).toEqual([1, 2]);
    expect(s.actions.map((a) => `${a.cell} ${a.rules.join(",")}`)).toEqual([
      "C8 low-score-no-lead",
    ]);
    const summary = rowsOf(planCommitteeSheets(s).sheets[0]);
    expect(summary).toContain(
      "Requirements scoring above the weak threshold: 1 of 2 (50%); 3 not applicable."
    );
    // The section's row counts the scores of the requirements that apply, and says how many do not.
    expect(summary.some((r) => r.startsWith("Dimension 4 : Partnerships | 2 of 2 (3 N/A) |"))).toBe(
      true
    );
  });

  it("summarises a word scale on its level numbers, and names its levels in words", () => {
    const s = summaryOf([{ source: "a.xlsx", sheets: ragLegend.sheets }]);
    const group = s.groups[0];
    const [section] = group.sections;
    // Green 3, Amber 2, Red 1, Amber 2, Green 3 (g): Amber/Green invalid, N/A apart, one missing.
    expect(section.levels).toEqual([1, 2, 2]);
    expect(section.mean).toBeCloseTo(11 / 5);
    expect([section.notApplicable, section.weak, section.worst]).toEqual([1, 3, 1]);
    // "Red" is the worst level, so the default rule makes the section Red.
    expect(section.rag).toBe("red");
    // Those lacking an action or lead first (the named lead before none), then the rest.
    expect(s.actions.map((a) => a.level ?? a.entered)).toEqual([
      "Amber",
      "Red",
      "Amber",
      "Amber/Green",
      "",
    ]);
    const plan = planCommitteeSheets(s);
    const summary = rowsOf(plan.sheets[0]);
    expect(summary).toContain(
      "Audit Committee self-assessment of good practice 2025/26 (Audit Committee): rated Red, Amber, Green (worst to best); weak at Amber or worse."
    );
    expect(summary.some((r) => r.includes('Weak rating "Red": no lead officer'))).toBe(true);
    expect(summary.some((r) => r.includes('Rating "Amber/Green" is not on the scale'))).toBe(true);
    // The charts' table heads its columns with the levels' names, and the key names the worst.
    expect(summary).toContain("Section | Mean level | Red (worst) | Amber | Green (best)");
    expect(summary.some((r) => r.includes("Red on Red, Amber, Green (worst to best)"))).toBe(true);
    const [mean, levels] = plan.sheets[0].charts;
    expect(mean.valueAxis).toMatchObject({
      min: 1,
      max: 3,
      title: "Mean level (1 = Red to 3 = Green)",
    });
    expect(levels.series.map((x) => x.name)).toEqual(["Red (worst)", "Amber", "Green (best)"]);
    // The Action Plan gives the rating in words.
    const table = plan.sheets[1].tables[0];
    const score = table.header.indexOf("Score");
    expect(table.rows.map((r) => r[score])).toEqual(["Amber", "Red", "Amber", "Amber/Green", ""]);
  });

  it("gives a rating in words a column its longest word fits, in the section table and the Action Plan", () => {
    const c = CASES.find((x) => x.name.startsWith("Financial Management Code"))!;
    const plan = planCommitteeSheets(summaryOf([{ source: "a.xlsx", sheets: c.sheets }]));
    const table = plan.sheets[1].tables[0];
    const score = table.header.indexOf("Score");
    const width = plan.sheets[1].columnWidths[table.left - 1 + score];
    const words = table.rows.flatMap((r) => String(r[score] ?? "").split(" "));
    expect(words).toContain("compliant");
    for (const w of words) expect(unitsFor(w, table.textSize)).toBeLessThanOrEqual(width);
    const summary = plan.sheets[0];
    const worst = summary.cells.filter((c) => c.value === "Not compliant" && c.wrap);
    expect(worst.length).toBeGreaterThan(0);
  });

  it("calls two ticked boxes what the rule calls them", () => {
    const s = summaryOf([{ source: "a.xlsx", sheets: tickColumns.sheets }]);
    const twoTicks = s.exceptions.filter((e) => e.rules.includes("score-invalid"));
    expect(twoTicks.length).toBeGreaterThan(0);
    const plan = rowsOf(planCommitteeSheets(s).sheets[0]);
    expect(plan.some((r) => /2 boxes are marked \(\w+, \w+\): one is the rating/.test(r))).toBe(
      true
    );
  });

  it("compares word ratings with last year's by their level numbers", () => {
    const lastYear: SheetSpec[] = [
      {
        name: "Audit Committee",
        rows: [
          ["Audit Committee self-assessment 2024/25"],
          ["RAG rating: Red = not in place; Amber = partly in place; Green = fully in place"],
          ["No.", "Good practice question", "RAG rating", "Action to improve", "Lead"],
          ["1", "Does the committee report annually?", "Amber", "Report in July", "Head of Audit"],
          ["2", "Is there an independent member?", "Red", "Recruit one", "Head of Audit"],
          ["3", "Is the work programme published?", "Green", null, null],
        ],
      },
    ];
    const thisYear: SheetSpec[] = [
      {
        name: "Audit Committee",
        rows: [
          ["Audit Committee self-assessment 2025/26"],
          ["RAG rating: Red = not in place; Amber = partly in place; Green = fully in place"],
          ["No.", "Good practice question", "RAG rating", "Action to improve", "Lead"],
          ["1", "Does the committee report annually?", "Green", null, null],
          ["2", "Is there an independent member?", "Red", "Recruit one", "Head of Audit"],
          ["3", "Is the work programme published?", "Amber", "Publish it", "Head of Audit"],
        ],
      },
    ];
    const s = summaryOf([{ source: "t.xlsx", sheets: thisYear, lastYear }]);
    expect(s.actions.map((a) => `${a.ref} ${a.travel} ${a.lastYearLevel}->${a.level}`)).toEqual([
      "2 same Red->Red",
      "3 down Green->Amber",
    ]);
    expect(s.travel).toEqual({ up: 1, down: 1, same: 1, new: 0 });
    expect(s.carriedForward.map((a) => a.ref)).toEqual(["2"]);
    const findings = validateGrids(gridsFromSpecs(thisYear), {
      asAt: AS_AT,
      lastYear: lastYearReturn(
        "l.xlsx",
        scoreGrids(gridsFromSpecs(lastYear)).schedules,
        defaultSettings()
      ),
    }).findings;
    expect(findings.find((f) => f.rule === "carried-forward")?.message).toBe(
      "Weak last year (Red) and still weak (Red), with no new action or target date: carried forward"
    );
    const actions = planCommitteeSheets(s).sheets[1].tables[0];
    const direction = actions.header.indexOf("Direction");
    expect(actions.rows.map((r) => r[direction])).toEqual(["→ Same from Red", "↓ Down from Green"]);
  });
});

describe("never a silent pass on the paper", () => {
  const cover: SheetSpec[] = [
    { name: "Cover", rows: [["Riverbend Council"], ["Annual governance review"]] },
  ];

  it("a return with no schedule read is named on the paper, not summarised as clean", () => {
    const s = summaryOf([
      { source: "audit.xlsx", sheets: ragLegend.sheets },
      { source: "cover.xlsx", sheets: cover },
    ]);
    expect(rowsOf(planCommitteeSheets(s).sheets[0])).toContain(
      "Not in this summary: no schedule could be read from cover.xlsx (its no-schedule-found finding says why)."
    );
  });

  it("a summary of nothing says so, and never 'No exceptions' or 'No weak scores'", () => {
    const plan = planCommitteeSheets(summaryOf([{ source: "cover.xlsx", sheets: cover }]));
    const summary = rowsOf(plan.sheets[0]);
    expect(summary).toContain("Nothing to summarise: no requirement was read.");
    expect(summary.join("\n")).not.toMatch(/No exceptions/);
    expect(plan.sheets[1].tables[0].rows[0][0]).toBe("No requirement read");
  });

  it("a sheet that looks like a schedule but could not be read is named beside those read", () => {
    const medals = unplacedWords.sheets.find((sh) => sh.name === "Partnerships")!;
    const s = summaryOf([{ source: "a.xlsx", sheets: [...ragLegend.sheets, medals] }]);
    const line = rowsOf(planCommitteeSheets(s).sheets[0]).find((r) =>
      r.startsWith("Not in this summary")
    );
    expect(line).toBe(
      "Not in this summary: no schedule could be read from sheet 'Partnerships' (its no-schedule-found finding says why)."
    );
  });

  it("so is a sheet in which no schedule was found though its headers describe one", () => {
    const s = summaryOf([{ source: "a.xlsx", sheets: sheetLeftUnread.sheets }]);
    expect(s.notRead).toEqual(["sheet 'FM Code'"]);
  });
});

describe("one computation: each exception on the paper is a finding with its rule", () => {
  const cases: [string, readonly SheetSpec[], readonly SheetSpec[] | undefined][] = [
    ["the example", RIVERBEND_SHEETS, undefined],
    ["the example against last year's", RIVERBEND_SHEETS, RIVERBEND_LAST_YEAR_SHEETS],
    ...CASES.map((c) => [c.name, c.sheets, undefined] as [string, SheetSpec[], undefined]),
  ];
  it.each(cases)("%s", (_name, sheets, lastYear) => {
    const settings = defaultSettings();
    const s = summaryOf([{ source: "x.xlsx", sheets, lastYear }], settings);
    const onPaper = s.exceptions
      .flatMap((e) => e.rules.map((r) => `${e.sheet}!${/\d+$/.exec(e.cell)![0]} ${r}`))
      .sort();
    const last = lastYear
      ? lastYearReturn(
          "last-year.xlsx",
          scoreGrids(gridsFromSpecs(lastYear), { settings }).schedules,
          settings
        )
      : undefined;
    const result = validateGrids(gridsFromSpecs(sheets), { settings, asAt: AS_AT, lastYear: last });
    const rules = new Set<string>(EXCEPTION_ORDER);
    const findings = result.findings
      .filter((f) => rules.has(f.rule))
      .map((f) => `${f.sheet}!${f.row} ${f.rule}`)
      .sort();
    expect(onPaper).toEqual(findings);
  });

  it('a target date of "TBC" is no date, for the rules and the paper alike', () => {
    const sheets: SheetSpec[] = [
      {
        name: "Code",
        rows: [
          [
            "Ref",
            "Requirement",
            "Score (1-5)",
            "Improvement action",
            "Lead officer",
            "Target date",
          ],
          ["1", "Publish the code.", 2, "Review it", "Head of Policy", "TBC"],
        ],
      },
    ];
    const s = summaryOf([{ source: "a.xlsx", sheets }]);
    expect(s.actions[0].rules).toEqual(["low-score-no-date"]);
    const findings = validateGrids(gridsFromSpecs(sheets), { asAt: AS_AT }).findings;
    expect(findings.map((f) => f.rule)).toEqual(["low-score-no-date"]);
  });
});

describe("direction of travel", () => {
  it("matches last year's requirements by ref and says Up, Down, Same or New for each", () => {
    const s = withLastYear();
    const travel = Object.fromEntries(
      s.actions.map((a) => [a.ref, `${a.travel} ${a.lastYear ?? "-"}->${a.score ?? a.entered}`])
    );
    expect(travel).toMatchObject({
      A2: "same 2->2",
      A3: "same 3->3",
      B2: "same 2->2",
      C2: "new -->2",
      D1: "down 4->3",
      E1: "down 2->1",
      F1: "up 2->3",
      G2: "same 2->2",
      "(b)": "same 1->1",
      "(c)": "same 2->2",
    });
    // Invalid this year: no direction, rather than a guess.
    expect(s.actions.find((a) => a.ref === "B3")?.travel).toBeNull();
    expect(s.travel).toEqual({ up: 6, down: 2, same: 9, new: 1 });
    expect(s.lastYear?.removed.map((r) => `${r.ref} ${r.sheet}!${r.cell}`)).toEqual([
      "A4 Local Code 2024-25!D10",
    ]);
  });

  it("compares each section's mean with last year's for the same requirements", () => {
    const s = withLastYear();
    const rows = s.groups.flatMap((g) =>
      g.sections.map((x) => [
        x.label,
        x.mean,
        x.lastYearMean && Math.round(x.lastYearMean * 100) / 100,
        x.travel,
      ])
    );
    expect(rows).toEqual([
      ["Principle A", 3, 2.67, "up"],
      ["Principle B", 3, 3, "same"],
      ["Principle C", 3, 3, "same"],
      ["Principle D", 3.5, 4, "down"],
      ["Principle E", 2.5, 2.5, "same"],
      ["Principle F", 3.5, 3, "up"],
      ["Principle G", 3.5, 3, "up"],
      ["Dimension 2", 2, 2, "same"],
    ]);
  });

  it("carries forward last year's weak requirements still weak without a new action or date", () => {
    const s = withLastYear();
    expect(s.carriedForward.map((a) => `${a.ref} ${a.rules.join(",")}`)).toEqual([
      "B2 low-score-no-action,low-score-no-date,carried-forward",
      "G2 low-score-no-action,low-score-no-lead,low-score-no-date,carried-forward",
      "(c) low-score-no-action,low-score-no-lead,carried-forward",
    ]);
    // A2 keeps last year's action but has a new date; E1 has a new action: both are followed up.
    expect(s.actions.find((a) => a.ref === "A2")?.rules).toEqual([]);
    expect(s.actions.find((a) => a.ref === "E1")?.rules).toEqual(["low-score-no-date"]);
  });

  it("matches by the requirement's text where refs changed, and pairs a renamed sheet by its title", () => {
    const lastYear: SheetSpec[] = [
      {
        name: "Self-assessment 2024",
        rows: [
          ["Governance self-assessment 2024/25"],
          ["Ref", "Requirement", "Score (1-5)", "Improvement action", "Lead officer"],
          ["1.1", "The council publishes its governance code.", 4, null, null],
          [
            "1.2",
            "The Audit Committee meets without officers once a year!",
            2,
            "Arrange it",
            "Chief Internal Auditor",
          ],
          ["1.3", "Risk registers are reviewed every quarter.", 2, null, null],
        ],
      },
    ];
    const thisYear: SheetSpec[] = [
      {
        name: "Self-assessment 2025",
        rows: [
          ["Governance self-assessment 2025/26"],
          ["Ref", "Requirement", "Score (1-5)", "Improvement action", "Lead officer"],
          // Renumbered: the text (case, spacing and punctuation aside) is what matches.
          ["A", "The council publishes its  governance code", 5, null, null],
          [
            "B",
            "the audit committee meets without officers once a year",
            2,
            "Arrange it",
            "Chief Internal Auditor",
          ],
          ["C", "Counter-fraud arrangements are tested.", 4, null, null],
        ],
      },
    ];
    const s = summaryOf([{ source: "t.xlsx", sheets: thisYear, lastYear }]);
    const last = lastYearReturn(
      "l.xlsx",
      scoreGrids(gridsFromSpecs(lastYear)).schedules,
      defaultSettings()
    );
    const schedules = scoreGrids(gridsFromSpecs(thisYear)).schedules.map((c) => c.schedule);
    const match = matchLastYear(schedules, last);
    expect(match.perSchedule[0].map((r) => r?.ref ?? null)).toEqual(["1.1", "1.2", null]);
    expect(s.travel).toEqual({ up: 1, down: 0, same: 1, new: 1 });
    expect(s.lastYear?.removed.map((r) => r.ref)).toEqual(["1.3"]);
    // B is weak both years with last year's action and no date: carried forward.
    expect(s.carriedForward.map((a) => a.ref)).toEqual(["B"]);
  });

  it("reads last year's score from the schedule's own column where there is no workbook", () => {
    const c = CASES.find((x) => x.name.startsWith("last year's score beside"))!;
    const s = summaryOf([{ source: "a.xlsx", sheets: c.sheets }]);
    expect(s.actions.concat().map((a) => [a.ref, a.travel])).toEqual(
      expect.arrayContaining([["1.2", "down"]])
    );
    expect(s.travel).toEqual({ up: 2, down: 1, same: 0, new: 0 });
  });

  it("shows direction in words with an arrow in the section table and the Action Plan", () => {
    const plan = planCommitteeSheets(withLastYear());
    const [summary, actions] = plan.sheets;
    const text = rowsOf(summary).join("\n");
    expect(text).toMatch(
      /Principle A: Behaving with integrity.* \| 3 of 3 \| 3 \| 2\.67 \| ↑ Up \|/
    );
    expect(text).toMatch(/Principle D: .* \| ↓ Down \|/);
    expect(text).toContain(
      "Direction of travel against last year's return (last-year.xlsx): 6 up, 2 down, 9 the same, 1 new."
    );
    const table = actions.tables[0];
    const direction = table.header.indexOf("Direction");
    expect(direction).toBeGreaterThan(0);
    const byRef = new Map(table.rows.map((r) => [String(r[1]), r[direction]]));
    expect(byRef.get("Principle D D1")).toBe("↓ Down from 4");
    expect(byRef.get("Principle C C2")).toBe("★ New");
    expect(byRef.get("Principle A A2")).toBe("→ Same from 2");
  });
});

describe("consolidated returns", () => {
  const directorates = [
    "Adults",
    "Children",
    "Place",
    "Resources",
    "Housing",
    "Public Health",
    "Legal",
    "Finance",
    "HR",
    "Digital",
    "Planning",
    "Waste",
  ];
  const returns: ReturnSpec[] = directorates.map((d, i) => ({
    source: `${d}.xlsx`,
    sheets: [syntheticSchedule(`self-assessment ${d}`, 21, 3, i)],
  }));

  it("aggregates each section across returns, and gives each return a row with its RAG", () => {
    const s = summaryOf(returns);
    expect(s.groups).toHaveLength(1);
    const a = s.groups[0].sections[0];
    expect(a.section).toBe("Principle A: section 1 of the code");
    expect([a.returns, a.requirements, a.scored]).toEqual([12, 36, 36]);
    expect(s.groups[0].sections).toHaveLength(7);
    expect(s.returns.map((r) => r.source)).toEqual(directorates.map((d) => `${d}.xlsx`));
    expect(s.returns.every((r) => r.rag === "red")).toBe(true);
    const total = s.returns.reduce((n, r) => n + r.tally.requirements, 0);
    expect(total).toBe(12 * 21);
    const sheet = planCommitteeSheets(s).sheets[0];
    expect(rowsOf(sheet).some((r) => r.startsWith("Adults.xlsx | 1 |"))).toBe(true);
  });

  it("300 returns still make a summary of a few pages, sections aggregated", () => {
    const many: ReturnSpec[] = Array.from({ length: 300 }, (_v, i) => ({
      source: `school-${String(i + 1).padStart(3, "0")}.xlsx`,
      sheets: [syntheticSchedule("school governance", 40, 4, i)],
    }));
    const s = summaryOf(many);
    // Ten sections, each across all 300 returns.
    expect(s.groups[0].sections.map((x) => x.returns)).toEqual(new Array(10).fill(300));
    expect(s.returns).toHaveLength(300);
    const [summary, actions] = planCommitteeSheets(s).sheets;
    expect(summary.page.pages).toBeLessThanOrEqual(7);
    expect(actions.tables[0].rows.length).toBe(s.actions.length);
  });
});

describe("a huge return", () => {
  it("keeps the summary to a few pages: sections aggregated, exceptions capped", () => {
    const sheet = syntheticSchedule("Local Code 2025-26", 20_000, 5);
    const s = summaryOf([{ source: "huge.xlsx", sheets: [sheet] }]);
    const group = s.groups[0];
    expect(group.aggregated).toBe(true);
    expect(group.sections.map((x) => x.label)).toEqual(
      ["A", "B", "C", "D", "E", "F", "G"].map(
        (p, i) => `Principle ${p} (${Math.ceil((4000 - i) / 7).toLocaleString("en-GB")})`
      )
    );
    expect(group.total.requirements).toBe(20_000);
    const plan = planCommitteeSheets(s);
    const [summary] = plan.sheets;
    const text = rowsOf(summary);
    expect(text).toContain(
      `and ${(s.exceptions.length - 15).toLocaleString("en-GB")} more in the Action Plan.`
    );
    expect(summary.page.pages).toBeLessThanOrEqual(4);
    expect(plan.sheets[1].tables[0].rows).toHaveLength(s.actions.length);
  }, 60_000);

  it("aggregates sections without a shared heading into the ones needing most attention and the rest", () => {
    const rows: (string | number | null)[][] = [
      ["Ref", "Requirement", "Score (1-5)", "Improvement action", "Lead officer"],
    ];
    for (let i = 0; i < 60; i++) {
      rows.push([`Area ${i + 1}`]);
      rows.push([`${i}.1`, "Keep a register.", i % 3 === 0 ? 1 : 4, "Review", "Head of Policy"]);
    }
    const s = summaryOf([{ source: "a.xlsx", sheets: [{ name: "Areas", rows }] }]);
    const labels = s.groups[0].sections.map((x) => x.label);
    expect(labels).toHaveLength(20);
    expect(labels[labels.length - 1]).toBe("Other sections (41)");
    expect(s.groups[0].sections.slice(0, 19).every((x) => x.rag === "red")).toBe(true);
    expect(s.groups[0].sections.reduce((n, x) => n + x.requirements, 0)).toBe(60);
  });
});

describe("the plan", () => {
  it("aligns each header as its values, numbers right and text left", () => {
    const [summary] = planCommitteeSheets(withLastYear()).sheets;
    const header = summary.cells.filter((c) => c.value === "Mean score" || c.value === "Section");
    expect(header.map((c) => [c.value, c.align])).toEqual(
      expect.arrayContaining([
        ["Section", "left"],
        ["Mean score", "right"],
      ])
    );
    for (const h of summary.cells.filter((c) => c.fill === "#DEECF9")) {
      const below = summary.cells.find((c) => c.col === h.col && c.row === h.row + 1);
      if (below && below.value !== null && !below.fill)
        expect([h.value, below.align]).toEqual([h.value, h.align]);
    }
  });

  it("prints section titles and the schedule's title in full", () => {
    const [summary] = planCommitteeSheets(riverbend()).sheets;
    const text = rowsOf(summary).join("\n");
    expect(text).toContain(
      "Principle A: Behaving with integrity, demonstrating strong commitment to ethical values, and respecting the rule of law"
    );
    expect(text).toContain(
      "Local Code of Corporate Governance: self-assessment 2025/26 (Local Code 2025-26): scored 1-5, 5 best; weak at 3 or lower."
    );
  });

  it("never starts a page with a section table's total: it stays with the rows it adds up", () => {
    const plans = [
      summaryOf([
        {
          source: "riverbend-local-code.xlsx",
          sheets: RIVERBEND_SHEETS,
          lastYear: RIVERBEND_LAST_YEAR_SHEETS,
          // The file `npm run demo` compares with: its name takes two lines, which puts the
          // total at the foot of the first page.
          lastYearSource: "riverbend-local-code-2024-25.xlsx",
        },
      ]),
      ...CASES.map((c) => summaryOf([{ source: "a.xlsx", sheets: c.sheets }])),
    ].map((summary) => planCommitteeSheets(summary).sheets[0]);
    let breaks = 0;
    for (const sheet of plans)
      for (const b of sheet.page.rowBreaks) {
        breaks++;
        // After a break: the repeated header (if any), then the first row of the page.
        const firstRows = [b + 1, b + 2].map(
          (row) => sheet.cells.find((c) => c.row === row && c.col === 1)?.value
        );
        expect(firstRows).not.toContain("All sections");
      }
    expect(breaks).toBeGreaterThan(0);
  });

  it("cuts no text short: a text wider than its cell (merged span included) wraps, on every fixture's pack", () => {
    const clipped: string[] = [];
    const returns: ReturnSpec[][] = [
      [
        {
          source: "riverbend-local-code.xlsx",
          sheets: RIVERBEND_SHEETS,
          lastYear: RIVERBEND_LAST_YEAR_SHEETS,
        },
      ],
      ...CASES.map((c) => [{ source: "a.xlsx", sheets: c.sheets }]),
    ];
    for (const r of returns)
      for (const sheet of planCommitteeSheets(summaryOf(r)).sheets)
        for (const c of sheet.cells) {
          if (typeof c.value !== "string" || c.value === "" || c.wrap) continue;
          const m = sheet.merges.find(
            (x) => x.top <= c.row && c.row <= x.bottom && x.left <= c.col && c.col <= x.right
          );
          const width = sheet.columnWidths
            .slice((m?.left ?? c.col) - 1, m?.right ?? c.col)
            .reduce((a, b) => a + b, 0);
          if (unitsFor(c.value, c.size, c.bold) > width)
            clipped.push(`${sheet.name}!R${c.row}C${c.col}: ${c.value}`);
        }
    expect(clipped).toEqual([]);
  });

  it("charts each scale on its own terms: axis from its minimum to its maximum, colours red to green", () => {
    const [summary] = planCommitteeSheets(riverbend()).sheets;
    const means = summary.charts.filter((c) => c.kind === "bar");
    expect(means.map((c) => c.valueAxis)).toEqual([
      expect.objectContaining({ min: 1, max: 5, majorUnit: 1, reversed: false }),
      expect.objectContaining({ min: 1, max: 3, majorUnit: 1, reversed: false }),
    ]);
    const distributions = summary.charts.filter((c) => c.kind === "stackedBar");
    expect(distributions[1].series.map((x) => [x.name, x.colour])).toEqual([
      ["1 (worst)", "C50F1F"],
      ["2", "F7C948"],
      ["3 (best)", "107C10"],
    ]);
    // The charts read the table's own cells.
    const chart = means[0];
    const at = (r: number, c: number) =>
      summary.cells.find((x) => x.row === r && x.col === c)?.value;
    expect(at(chart.categories.top, chart.categories.left)).toBe("Principle A");
    expect(at(chart.series[0].values.bottom, chart.series[0].values.left)).toBe(3.5);
    expect(at(chart.series[0].nameCell.top, chart.series[0].nameCell.left)).toBe("Mean score");
  });

  it("runs a scale where 1 is best from worst to best too: red for its worst level, axis reversed", () => {
    const c = CASES.find((x) => x.name.startsWith("descending scale"))!;
    const s = summaryOf([{ source: "a.xlsx", sheets: c.sheets }]);
    expect(scaleLevels(s.groups[0].scale).map((l) => l.label)).toEqual(["4", "3", "2", "1"]);
    const [summary] = planCommitteeSheets(s).sheets;
    const [mean, distribution] = summary.charts;
    expect(mean.valueAxis).toMatchObject({ min: 1, max: 4, reversed: true });
    expect(distribution.series.map((x) => [x.name, x.colour])).toEqual([
      ["4 (worst)", "C50F1F"],
      ["3", levelColours(4)[1]],
      ["2", levelColours(4)[2]],
      ["1 (best)", "107C10"],
    ]);
  });

  it("grades colours from red through amber to green for any number of levels", () => {
    expect(levelColours(3)).toEqual(["C50F1F", "F7C948", "107C10"]);
    expect(levelColours(5)).toEqual(["C50F1F", "F7630C", "F7C948", "8CBD18", "107C10"]);
    expect(levelColours(10)).toHaveLength(10);
  });

  it("fits the printable width, and plans the Action Plan with title, source and date above its table", () => {
    const plan = planCommitteeSheets(withLastYear());
    for (const sheet of plan.sheets)
      expect(sheet.columnWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
        PRINTABLE_UNITS + 0.01
      );
    const actions = plan.sheets[1];
    const table = actions.tables[0];
    expect(table.top).toBeGreaterThan(3);
    const above = rowsOf(actions).slice(0, 2);
    expect(above[0]).toBe("Action plan: weak scores and exceptions to follow up");
    expect(above[1]).toBe("Source: riverbend-local-code.xlsx. Made 02/03/2026.");
    expect(table.header.slice(-2)).toEqual(["Sheet", "Cell"]);
    expect(actions.page.printTitleRows).toEqual({ top: table.top, bottom: table.top });
    expect(actions.freezeRows).toBe(table.top);
    const status = table.header.indexOf("Status");
    expect(table.rows.map((r) => r[status])).toContain(
      "No action; No target date; Carried forward"
    );
    expect(table.rows.map((r) => r[status])).toContain("In hand");
  });

  it("puts title, source, date made and the page count in each sheet's header and footer", () => {
    for (const sheet of planCommitteeSheets(riverbend()).sheets) {
      expect(sheet.page).toMatchObject({ paper: "A4", orientation: "landscape", scale: 100 });
      expect(sheet.page.header.center).toEqual(["Source: riverbend-local-code.xlsx"]);
      expect(sheet.page.header.right).toEqual(["Made 02/03/2026"]);
      expect(sheet.page.footer.right).toEqual([
        "Page ",
        { field: "page" },
        " of ",
        { field: "pages" },
      ]);
    }
  });

  it("measures wrapped text by words, as a printer lays it out", () => {
    expect(wrappedLines("short", 10)).toBe(1);
    expect(wrappedLines("a".repeat(200), 10)).toBeGreaterThan(5);
    const text = "Residents and service users are consulted before major changes";
    expect(wrappedLines(text, 60)).toBe(1);
    expect(wrappedLines(text, 20)).toBe(3);
  });

  it("names section labels and sheets as before", () => {
    expect(sectionLabel("Principle A: Behaving with integrity")).toBe("Principle A");
    expect(sectionLabel("Dimension 2 : Service Delivery")).toBe("Dimension 2");
    expect(freeSheetName("Committee Summary", ["committee summary"])).toBe("Committee Summary (2)");
    expect(freeSheetName("Audit: 2025/26 [draft] * summary?", [])).toBe(
      "Audit 2025 26 draft summary"
    );
  });
});

describe("the RAG rule setting", () => {
  it("is kept from version 3 on, checked, and older settings take the default", () => {
    expect(parseSettings({ version: 2, actionPlaceholders: ["n/a"] }).settings.rag).toEqual(
      defaultRagRule()
    );
    const saved = parseSettings({
      version: 3,
      rag: { redAtWorstLevel: false, redWhenDatePassed: true, redAtWeakShare: 40 },
    });
    expect(saved.problems).toEqual([]);
    expect(saved.settings.rag).toEqual({
      ...defaultRagRule(),
      redAtWorstLevel: false,
      redWhenDatePassed: true,
      redAtWeakShare: 40,
    });
    const bad = parseSettings({
      version: 3,
      rag: { redWhenDatePassed: "yes", redAtWeakShare: 150 },
    });
    expect(bad.problems).toEqual([
      'rag.redWhenDatePassed must be true or false (got "yes").',
      "rag.redAtWeakShare must be a whole percentage from 1 to 100, or empty (got 150).",
    ]);
    expect(bad.settings.rag).toEqual(defaultRagRule());
  });

  it("is one version 3 with the word scales: both kept, saved and read back as they were", () => {
    const saved = {
      version: 3,
      weakThreshold: 2,
      schedules: { "Audit!4": { scale: { levels: ["Red", "Amber", "Green"] }, weakThreshold: 1 } },
      rag: { redWhenCarriedForward: true, redAtWeakShare: 25 },
    };
    const { settings, problems } = parseSettings(saved);
    expect(problems).toEqual([]);
    expect(settings.schedules["Audit!4"].scale?.levels).toEqual(["Red", "Amber", "Green"]);
    expect(settings.rag).toEqual({
      ...defaultRagRule(),
      redWhenCarriedForward: true,
      redAtWeakShare: 25,
    });
    // What the pane saves is what it reads next time.
    const again = parseSettings(JSON.parse(JSON.stringify(settings)) as unknown);
    expect(again).toEqual({ settings, problems: [] });
    // Version 1 is brought to version 3's shape: its words join both lists, the rule is the default.
    const old = parseSettings({ lowThreshold: 9000, placeholders: ["to follow up"] });
    expect(old.problems).toEqual(["lowThreshold must be a whole number from 0 to 100 (got 9000)."]);
    expect(old.settings.leadPlaceholders).toContain("to follow up");
    expect(old.settings.rag).toEqual(defaultRagRule());
  });
});
