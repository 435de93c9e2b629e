import { PassThrough } from "node:stream";
import { targetDay, ukDate } from "../src/core/dates";
import { ProgressBar } from "../src/cli/progress";
import { roleOfHeader } from "../src/core/recognise/roles";
import {
  completeScale,
  defaultWeakThreshold,
  scaleHintFromText,
} from "../src/core/recognise/scale";
import { parseScore } from "../src/core/recognise/score-value";
import {
  DEFAULT_ACTION_PLACEHOLDERS,
  SETTINGS_VERSION,
  defaultSettings,
  isPlaceholder,
  parseScaleOption,
  parseSettings,
} from "../src/core/settings";

describe("header roles", () => {
  it.each([
    ["The local code should reflect the requirements to:", "requirement"],
    [
      "Source documents/processes/other means that may be used to demonstrate compliance",
      "evidence",
    ],
    ["Self Assessment Score", "score"],
    ["Score 1-", "score"],
    ["Action plan for improvement", "action"],
    ["Improvement Plans reported For 2009/10 assessment", "previousAction"],
    ["Progress of 2009/10 Improvements Plans", "progress"],
    ["Specific actions for Continuous Improvement for 2010/11", "action"],
    ["Lead Officer for Improvement Actions", "lead"],
    ["Responsible officer", "lead"],
    ["By whom", "lead"],
    ["Accountable officer", "lead"],
    ["Owner", "lead"],
    ["By when", "targetDate"],
    ["Deadline", "targetDate"],
    ["Due date", "targetDate"],
    ["Behaviours and actions that demonstrate good governance in practice", "requirement"],
    ["Areas for improvement", "action"],
    ["Planned action", "action"],
    ["Previous score", "previousScore"],
    ["Rating", "score"],
    ["Ref", "ref"],
    ["No.", "ref"],
  ])("%s -> %s", (text, role) => {
    expect(roleOfHeader(text)).toBe(role);
  });

  it("names nothing for prose and RAG columns", () => {
    expect(roleOfHeader("RAG")).toBeUndefined();
    expect(roleOfHeader("x".repeat(200))).toBeUndefined();
    expect(roleOfHeader("")).toBeUndefined();
  });
});

describe("scales", () => {
  it.each([
    [
      "self assessment score (1 = need to improve, 2 = adequate and 3 = good)",
      { min: 1, max: 3, direction: "ascending" },
    ],
    ["Score (1-5)", { min: 1, max: 5 }],
    ["Score 1-", { min: 1 }],
    [
      "Rating key: 1 = Excellent, 2 = Good, 3 = Adequate, 4 = Poor",
      { min: 1, max: 4, direction: "descending" },
    ],
    ["Scores run from 1 (poor) to 4 (excellent).", { min: 1, max: 4, direction: "ascending" }],
    [
      "scored 1 to 4 where 1 is excellent and 4 is poor",
      { min: 1, max: 4, direction: "descending" },
    ],
    ["Rating: 1 = fully compliant, 4 = not compliant", { min: 1, max: 4, direction: "descending" }],
    ["Score 2024/25", {}],
  ])("%s", (text, hint) => {
    // The words a legend gives its numbers are checked in word-scales.test.ts.
    const read = { ...scaleHintFromText(text) };
    delete read.names;
    expect(read).toEqual(hint);
  });

  it("completes a cut-short scale from the data, rounded up to a usual top", () => {
    expect(completeScale([{ min: 1 }], [7, 9, 8])).toEqual({
      min: 1,
      max: 10,
      direction: "ascending",
    });
    expect(completeScale([{ min: 1 }], [2, 3])).toEqual({ min: 1, max: 3, direction: "ascending" });
    expect(completeScale([], [])).toEqual({ min: 1, max: 3, direction: "ascending" });
  });

  it("weak by default means the bottom half, on the scale's own terms", () => {
    // The middle point of an odd scale counts as weak: 2 of 1-3, 3 of 1-5.
    expect(defaultWeakThreshold({ min: 1, max: 3, direction: "ascending" })).toBe(2);
    expect(defaultWeakThreshold({ min: 1, max: 5, direction: "ascending" })).toBe(3);
    expect(defaultWeakThreshold({ min: 1, max: 10, direction: "ascending" })).toBe(5);
    expect(defaultWeakThreshold({ min: 1, max: 4, direction: "descending" })).toBe(3);
  });
});

describe("score values", () => {
  it("reads numbers typed as text and keeps every other kind", () => {
    expect(parseScore("3")).toEqual({ kind: "number", value: 3 });
    expect(parseScore(" 2 ")).toEqual({ kind: "number", value: 2 });
    expect(parseScore("3 - Good")).toEqual({ kind: "number", value: 3 });
    expect(parseScore("2.5")).toEqual({ kind: "decimal", value: 2.5 });
    expect(parseScore("TBC")).toEqual({ kind: "text", text: "TBC" });
    expect(parseScore(" ")).toEqual({ kind: "missing" });
    expect(parseScore({ error: "#REF!" })).toEqual({ kind: "error", code: "#REF!" });
    expect(parseScore(new Date(0))).toEqual({ kind: "date" });
    expect(parseScore(false)).toEqual({ kind: "boolean", value: false });
  });
});

describe("target dates", () => {
  it("reads the days officers type, and no day that does not exist as another day", () => {
    const day = (text: string) => {
      const d = targetDay(text);
      return d && ukDate(d);
    };
    expect(day("31/03/2026")).toBe("31/03/2026");
    expect(day("2026-03-31")).toBe("31/03/2026");
    expect(day("29/02/2028")).toBe("29/02/2028");
    expect(day("1.4.26")).toBe("01/04/2026");
    // Excel keeps these as text; read as dates they rolled on ("31/02/2026" as 03/03/2026).
    expect(day("31/02/2026")).toBeUndefined();
    expect(day("29/02/2027")).toBeUndefined();
    expect(day("45/13/2020")).toBeUndefined();
    expect(day("00/03/2026")).toBeUndefined();
    expect(day("2026-02-30")).toBeUndefined();
    expect(day("2026-13-01")).toBeUndefined();
  });
});

describe("settings", () => {
  it("placeholders ignore case and end punctuation, and know 'No specific actions ...'", () => {
    for (const text of [
      "N/A",
      "none.",
      "None identified",
      "No specific actions but current standards to be maintained",
      " - ",
      "TBC",
    ]) {
      expect(isPlaceholder(text, DEFAULT_ACTION_PLACEHOLDERS)).toBe(true);
    }
    for (const text of ["Nominate a deputy", "Review the policy", "Non-executive briefing"]) {
      expect(isPlaceholder(text, DEFAULT_ACTION_PLACEHOLDERS)).toBe(false);
    }
  });

  it("reads version 1 settings, reports bad values and keeps going", () => {
    const old = parseSettings({ lowThreshold: 3, placeholders: ["to be agreed"] });
    expect(old.problems).toEqual([]);
    expect(old.settings.weakThreshold).toBe(3);
    expect(old.settings.actionPlaceholders).toContain("to be agreed");

    const bad = parseSettings({
      version: 2,
      weakThreshold: 2.5,
      scale: { min: 5, max: 1 },
      schedules: { "Sheet1!4": { weakThreshold: 2 } },
    });
    expect(bad.problems).toHaveLength(2);
    expect(bad.settings.weakThreshold).toBeUndefined();
    expect(bad.settings.schedules["Sheet1!4"].weakThreshold).toBe(2);

    expect(parseSettings({ version: 99 }).problems[0]).toMatch(/newer govcheck/);
    const notAList = parseSettings({ version: 2, actionPlaceholders: "none" });
    expect(notAList.problems).toEqual([expect.stringMatching(/list of words/)]);
    expect(notAList.settings.actionPlaceholders).toEqual(defaultSettings().actionPlaceholders);
  });

  it("keeps the choices for Excel (version 3), gives version 2 settings their defaults, and reports a wrong value", () => {
    const v2 = parseSettings({ version: 2, weakThreshold: 2 });
    expect(v2.problems).toEqual([]);
    expect(v2.settings).toMatchObject({ checkAsYouType: true, problemNotes: false });
    const saved = { ...defaultSettings(), checkAsYouType: false, problemNotes: true };
    expect(parseSettings(JSON.parse(JSON.stringify(saved)) as unknown).settings).toEqual(saved);
    const bad = parseSettings({ version: 3, checkAsYouType: "yes", problemNotes: 1 });
    expect(bad.problems).toEqual([
      'checkAsYouType must be true or false (got "yes").',
      "problemNotes must be true or false (got 1).",
    ]);
    expect(bad.settings).toMatchObject({ checkAsYouType: true, problemNotes: false });
    expect(SETTINGS_VERSION).toBe(3);
  });

  it("parses --scale, where a reversed range means 1 is best", () => {
    expect(parseScaleOption("1-5")).toEqual({ min: 1, max: 5, direction: "ascending" });
    expect(parseScaleOption("4-1")).toEqual({ min: 1, max: 4, direction: "descending" });
    expect(() => parseScaleOption("five")).toThrow(/MIN-MAX/);
  });
});

describe("progress bar", () => {
  function capture(isTTY: boolean) {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean };
    stream.isTTY = isTTY;
    let text = "";
    (stream as unknown as PassThrough).setEncoding("utf8").on("data", (c: string) => (text += c));
    return { stream, read: () => text };
  }

  it("draws only on a terminal and only after the delay", async () => {
    const tty = capture(true);
    const bar = new ProgressBar("reading big.xlsx", tty.stream, 0);
    bar.update(50, 100);
    bar.done();
    await new Promise((r) => setImmediate(r));
    expect(tty.read()).toMatch(/reading big\.xlsx \[#{12}\.{12}\] 50%/);

    const piped = capture(false);
    const quiet = new ProgressBar("x", piped.stream, 0);
    quiet.update(50, 100);
    quiet.done();
    const slow = new ProgressBar("y", tty.stream, 60_000);
    slow.update(1, 2);
    await new Promise((r) => setImmediate(r));
    expect(piped.read()).toBe("");
    expect(tty.read()).not.toMatch(/y \[/);
  });
});
