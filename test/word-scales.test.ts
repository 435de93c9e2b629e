import type { Grid } from "../src/core/grid";
import { completeScale, describeScale, scaleHintFromText } from "../src/core/recognise/scale";
import { readScore } from "../src/core/recognise/score-value";
import {
  isNotApplicable,
  levelMatcher,
  orderStated,
  scaleFromVocabulary,
  statedInline,
} from "../src/core/recognise/word-scales";
import { SETTINGS_VERSION, parseScaleOption, parseSettings } from "../src/core/settings";
import { validateGrids } from "../src/core/validate";

const entries = (...words: string[]) => {
  const m = new Map<string, { count: number; text: string }>();
  for (const w of words) {
    const key = w.toLowerCase().trim();
    const e = m.get(key);
    if (e) e.count++;
    else m.set(key, { count: 1, text: w });
  }
  return m;
};

describe("word scales", () => {
  it("puts a stated list in order, worst first, whichever way it was written", () => {
    expect(orderStated([{ text: "Green" }, { text: "Amber" }, { text: "Red" }])?.levels).toEqual([
      "Red",
      "Amber",
      "Green",
    ]);
    expect(
      orderStated(
        ["Substantial", "Reasonable", "Limited", "No assurance"].map((text) => ({ text }))
      )?.levels
    ).toEqual(["No assurance", "Limited", "Reasonable", "Substantial"]);
    // A key may add levels the vocabulary only allows when stated: Blue, Amber/Green.
    expect(
      orderStated(["Blue", "Green", "Amber/Green", "Amber", "Red"].map((text) => ({ text })))
        ?.levels
    ).toEqual(["Red", "Amber", "Amber/Green", "Green", "Blue"]);
    // Words no vocabulary knows: turned round when they read best first.
    expect(
      orderStated(
        ["Leading", "Embedded", "Established", "Developing", "Initial"].map((text) => ({ text }))
      )?.levels
    ).toEqual(["Initial", "Developing", "Established", "Embedded", "Leading"]);
    // Numbers decide where every item has one; the words say which end is good.
    expect(
      orderStated([
        { text: "Fully compliant", number: 1 },
        { text: "Partly compliant", number: 2 },
        { text: "Not compliant", number: 3 },
      ])
    ).toEqual({
      levels: ["Not compliant", "Partly compliant", "Fully compliant"],
      numbers: { min: 1, max: 3, ascending: false },
    });
    expect(orderStated([{ text: "Red" }, { text: "R" }])).toBeUndefined();
    // Words that do not say which is better make no scale: field names, medals.
    expect(
      orderStated(
        ["item_weight", "import_designation", "esrb_age_rating"].map((text) => ({ text }))
      )
    ).toBeUndefined();
    expect(orderStated(["Gold", "Silver", "Bronze"].map((text) => ({ text })))).toBeUndefined();
  });

  it("reads levels stated inline in a legend or header, and ignores prose", () => {
    expect(
      statedInline(
        "RAG rating: Red = not in place; Amber = partly in place; Green = fully in place"
      )?.map((i) => i.text)
    ).toEqual(["Red", "Amber", "Green"]);
    expect(statedInline("Compliant? (Yes / Partly / No)")?.map((i) => i.text)).toEqual([
      "Yes",
      "Partly",
      "No",
    ]);
    expect(
      statedInline("Key: Red, Red/Amber, Amber, Amber/Green, Green")?.map((i) => i.text)
    ).toEqual(["Red", "Red/Amber", "Amber", "Amber/Green", "Green"]);
    expect(statedInline("Compliance (Green/Amber/Red)")?.map((i) => i.text)).toEqual([
      "Green",
      "Amber",
      "Red",
    ]);
    expect(statedInline("The council reduced red tape and opened green spaces.")).toBeUndefined();
  });

  it("knows the vocabularies in the data, and places no more than it knows", () => {
    expect(scaleFromVocabulary(entries("Green", "g", "AMBER", "Red", "red"))?.levels).toEqual([
      "Red",
      "Amber",
      "Green",
    ]);
    expect(scaleFromVocabulary(entries("Non-compliant", "Partially", "Compliant"))?.levels).toEqual(
      ["Non-compliant", "Partially", "Compliant"]
    );
    expect(scaleFromVocabulary(entries("Y", "P", "n", "Yes"))?.levels).toEqual([
      "No",
      "Partly",
      "Yes",
    ]);
    // Blue needs a key to say where it goes; Moderate is not on the four-level assurance scale.
    expect(scaleFromVocabulary(entries("Blue", "Blue", "Green"))).toBeUndefined();
    expect(scaleFromVocabulary(entries("Gold", "Silver", "Bronze"))).toBeUndefined();
  });

  it("matches an entry to its level in any case, spacing or spelling of the same level", () => {
    const match = levelMatcher(["Not compliant", "Partially compliant", "Fully compliant"]);
    expect(
      [
        "non compliant",
        " NOT-COMPLIANT",
        "Partially",
        "partly compliant",
        "Compliant ",
        "fully",
      ].map(match)
    ).toEqual([0, 0, 1, 1, 2, 2]);
    expect(match("Amber")).toBe(-1);
    expect(levelMatcher(["Red", "Amber", "Green"])("Green - fully in place")).toBe(2);
  });

  it("N/A in any spelling is not applicable", () => {
    for (const t of ["N/A", "n/a", " NA ", "Not applicable", "N/A - no companies", "n.a."])
      expect(isNotApplicable(t)).toBe(true);
    for (const t of ["No", "Nathan", "Annual"]) expect(isNotApplicable(t)).toBe(false);
  });

  it("reads score cells on a word scale: words, letters, numbered words, numbers, N/A", () => {
    const rag = {
      min: 1,
      max: 3,
      direction: "ascending" as const,
      levels: ["Red", "Amber", "Green"],
    };
    expect(readScore("amber ", rag)).toEqual({ kind: "number", value: 2, word: "Amber" });
    expect(readScore("G", rag)).toEqual({ kind: "number", value: 3, word: "Green" });
    expect(readScore("1 - Red", rag)).toEqual({ kind: "number", value: 1, word: "Red" });
    expect(readScore(2, rag)).toEqual({ kind: "text", text: "2" });
    expect(readScore("N/A", rag)).toEqual({ kind: "notApplicable" });
    const maturity = {
      min: 1,
      max: 4,
      direction: "ascending" as const,
      levels: ["Initial", "Developing", "Established", "Embedded"],
      numbered: true,
    };
    expect(readScore("2 - Developing", maturity)).toMatchObject({ value: 2, word: "Developing" });
    expect(readScore("Established", maturity)).toMatchObject({ value: 3, word: "Established" });
    expect(readScore(4, maturity)).toEqual({ kind: "number", value: 4 });
    expect(describeScale(rag)).toBe("Red, Amber, Green (worst to best)");
    expect(describeScale(maturity)).toBe("1-4 (4 best), in words Initial to Embedded");
  });
});

describe("numeric scales from legends and data", () => {
  it("reads a legend written best first, number first, without signs", () => {
    const hint = scaleHintFromText(
      "6 Excellent, 5 Very good, 4 Good, 3 Adequate, 2 Weak, 1 Unsatisfactory"
    );
    expect([hint.min, hint.max, hint.direction]).toEqual([1, 6, "ascending"]);
    expect(hint.names?.get(2)).toBe("Weak");
    // A numbered list of headings is not a scale.
    expect(scaleHintFromText("1 Purpose, 2 Summary, 3 Recommendations").min).toBeUndefined();
  });

  it("snaps a scale read from data to 3, 4, 5, 6 or 10; strays past 10 and a lone 0 are out of range", () => {
    expect(completeScale([], [1, 2, 6, 5])).toEqual({ min: 1, max: 6, direction: "ascending" });
    expect(completeScale([{ min: 1 }], [7, 8, 9, 11])).toMatchObject({ max: 10 });
    expect(completeScale([], [0, 3, 4, 5, 6, 2])).toMatchObject({ min: 1, max: 6 });
    expect(completeScale([], [0, 0, 1, 2, 3])).toMatchObject({ min: 0, max: 3 });
    // A 0-100 percentage scale is not strays.
    expect(completeScale([], [45, 60, 80, 95])).toMatchObject({ max: 95 });
  });
});

describe("word scales in settings", () => {
  it("keeps a word scale, checks its levels, and reads version 2 settings unchanged", () => {
    expect(SETTINGS_VERSION).toBe(3);
    const { settings, problems } = parseSettings({
      version: 3,
      schedules: { "Audit!4": { scale: { levels: ["Red", "Amber", "Green"] }, weakThreshold: 1 } },
    });
    expect(problems).toEqual([]);
    expect(settings.schedules["Audit!4"].scale).toEqual({
      min: 1,
      max: 3,
      direction: "ascending",
      levels: ["Red", "Amber", "Green"],
    });
    const bad = parseSettings({
      version: 3,
      schedules: {
        A: { scale: { levels: ["Red"] } },
        B: { scale: { levels: ["Red", " red "] } },
        C: { scale: { levels: ["Yes", "N/A", "No"] } },
        D: { scale: { levels: "Red, Amber" } },
      },
    });
    expect(bad.problems).toEqual([
      'schedules["A"].scale.levels needs from 2 to 12 levels (got 1).',
      'schedules["B"].scale.levels: "red" is given twice.',
      'schedules["C"].scale.levels: "N/A" means not applicable, so it cannot be a level.',
      'schedules["D"].scale.levels must be a list of words, worst first.',
    ]);
    const v2 = parseSettings({ version: 2, scale: { min: 1, max: 4, direction: "descending" } });
    expect(v2.problems).toEqual([]);
    expect(v2.settings.scale).toEqual({ min: 1, max: 4, direction: "descending" });
    expect(v2.settings.version).toBe(3);
  });

  it("--scale takes words, worst first", () => {
    expect(parseScaleOption("Red,Amber,Green")).toEqual({
      min: 1,
      max: 3,
      direction: "ascending",
      levels: ["Red", "Amber", "Green"],
    });
    expect(parseScaleOption("No/Partly/Yes").levels).toEqual(["No", "Partly", "Yes"]);
  });
});

describe("rating words with their meaning written after them", () => {
  it("reads 'Green - on track' and 'Amber (see note)' as their level", () => {
    const entries = new Map([
      ["green-on track", { count: 2, text: "Green - on track" }],
      ["amber (see note", { count: 1, text: "Amber (see note)" }],
      ["red", { count: 1, text: "Red" }],
    ]);
    expect(scaleFromVocabulary(entries)?.levels).toEqual(["Red", "Amber", "Green"]);
    const rag = {
      min: 1,
      max: 3,
      direction: "ascending" as const,
      levels: ["Red", "Amber", "Green"],
    };
    expect(readScore("Green - on track", rag)).toEqual({ kind: "number", value: 3, word: "Green" });
  });
});

describe("numbers stated, words typed", () => {
  const sheet = (scoreHeader: string, entries: (string | number)[]): Grid => ({
    name: "S",
    hidden: false,
    firstRow: 1,
    firstColumn: 1,
    merges: [],
    rows: [
      ["Ref", "Requirement", "Evidence", scoreHeader, "Action", "Lead officer"],
      ...entries.map((e, i) => [
        `R${i + 1}`,
        `Requirement ${i + 1}.`,
        "Evidence",
        e,
        "Act",
        "Lead",
      ]),
    ],
  });

  it("a header that states numbers keeps them: quality words typed in it are invalid", () => {
    const result = validateGrids([sheet("Score (1-5)", ["Good", "Good", "Adequate", 4])]);
    expect(result.schedules[0].scale).toEqual({ min: 1, max: 5, direction: "ascending" });
    expect(result.findings.map((f) => f.rule)).toEqual([
      "score-invalid",
      "score-invalid",
      "score-invalid",
    ]);
  });

  it("a legend that names its numbers takes the names too", () => {
    const result = validateGrids([
      sheet("Assessment (1 = Red, 2 = Amber, 3 = Green)", ["Amber", 3, "red", "Green"]),
    ]);
    expect(result.schedules[0].scale).toEqual({
      min: 1,
      max: 3,
      direction: "ascending",
      levels: ["Red", "Amber", "Green"],
      numbered: true,
    });
    expect(
      result.schedules[0].scored.map((s) => (s.score.kind === "number" ? s.score.value : 0))
    ).toEqual([2, 3, 1, 3]);
  });
});
