import fc from "fast-check";
import { type CellValue, type Grid, a1, lastColumn, lastRow } from "../src/core/grid";
import { validateGrids } from "../src/core/validate";
import { CASES } from "./fixtures/cases";
import { checkFixture, readFixture } from "./helpers/check-fixture";

/** Words that make the recogniser work: header names, placeholders, section titles, footers. */
const VOCABULARY = [
  "Ref",
  "Requirement",
  "Evidence",
  "Score",
  "Score 1-",
  "Score (1-5)",
  "Self Assessment Score",
  "Rating",
  "Action plan for improvement",
  "Specific actions for Continuous Improvement",
  "Progress of last year plans",
  "Lead Officer",
  "Responsible officer",
  "Target date",
  "PRINCIPLE ONE: PURPOSE",
  "Principle A: Integrity",
  "A1 Behaving with integrity",
  "Reference documents",
  "Tools to assist local authorities",
  "1 = poor, 2 = fair, 3 = good",
  "1 = excellent, 4 = poor",
  "n/a",
  "TBC",
  "-",
  "No specific actions",
  "(a)",
  "continued text",
  "Publish the annual governance statement.",
  "RAG status",
  "Compliant?",
  "Status",
  "Red",
  "Amber",
  "Green",
  "Amber/Green",
  "Yes",
  "Partly",
  "No",
  "N/A",
  "Substantial",
  "Limited",
  "x",
  "\u2713",
  "2 - Developing",
  "",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 3, arbitrary: fc.integer({ min: -2, max: 12 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: "#N/A" }, { error: "#DIV/0!" }) }
);

const grid = (name: string): fc.Arbitrary<Grid> =>
  fc
    .record({
      rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 40 }),
      hidden: fc.boolean(),
      merges: fc.array(
        fc
          .record({
            top: fc.integer({ min: 1, max: 40 }),
            left: fc.integer({ min: 1, max: 9 }),
            h: fc.nat(3),
            w: fc.nat(6),
          })
          .map((m) => ({
            top: m.top,
            left: m.left,
            bottom: m.top + m.h,
            right: m.left + m.w,
          })),
        { maxLength: 4 }
      ),
    })
    .map((g) => ({
      name,
      hidden: g.hidden,
      firstRow: 1,
      firstColumn: 1,
      rows: g.rows,
      merges: g.merges,
    }));

/** A random workbook, with a fixed header placed on some sheets so schedules are found. */
const workbook = fc
  .array(fc.tuple(grid("x"), fc.boolean()), { minLength: 1, maxLength: 4 })
  .map((sheets) =>
    sheets.map(([g, withHeader], i) => ({
      ...g,
      name: `Sheet ${i + 1}`,
      rows: withHeader
        ? [
            [
              "Ref",
              "Requirement",
              "Evidence",
              "Score (1-5)",
              "Improvement action",
              "Lead officer",
              "Target date",
            ],
            ...g.rows,
          ]
        : g.rows,
    }))
  );

describe("properties of the engine", () => {
  it("never throws on any grid of values", () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        validateGrids(grids);
      }),
      { numRuns: 400 }
    );
  });

  it("every finding points at a cell that exists on its sheet", () => {
    let seen = 0;
    fc.assert(
      fc.property(workbook, (grids) => {
        const result = validateGrids(grids);
        seen += result.findings.length;
        for (const f of result.findings) {
          const sheet = grids.find((g) => g.name === f.sheet);
          expect(sheet).toBeDefined();
          expect(f.row).toBeGreaterThanOrEqual(1);
          // no-schedule-found on a workbook of empty sheets sits on A1 of the first.
          expect(f.row).toBeLessThanOrEqual(Math.max(lastRow(sheet!), 1));
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(Math.max(lastColumn(sheet!), 1));
          expect(f.cell).toBe(a1(f.row, f.column));
          expect(f.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 }
    );
    // The random workbooks must exercise the rules, or this property proves nothing.
    expect(seen).toBeGreaterThan(100);
  });

  it("shuffling non-schedule sheets into a workbook changes no finding", async () => {
    const fixtures = await Promise.all(
      CASES.filter((c) => c.expect.schedules.length > 0 && !c.settings).map(async (c) => ({
        c,
        grids: await readFixture(c, "govcheck"),
      }))
    );
    const notSchedules = await readFixture(
      CASES.find((c) => c.name.startsWith("cover, contents"))!,
      "govcheck"
    );
    const noise = fc.array(
      fc.oneof(
        fc.constantFrom(...notSchedules),
        // A sheet with no schedule in it that raises nothing beside one: a sheet that looks like
        // a schedule but cannot be read is named wherever it is, so it is not noise.
        grid("noise").filter((g) => {
          const sheet = { ...g, hidden: false };
          const alone = validateGrids([sheet]);
          if (alone.schedules.length > 0 || alone.unread.length > 0) return false;
          const beside = validateGrids([...fixtures[0].grids, sheet]);
          return !beside.findings.some((f) => f.sheet === sheet.name);
        })
      ),
      { maxLength: 5 }
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        noise,
        fc.infiniteStream(fc.nat()),
        ({ c, grids }, extra, positions) => {
          const baseline = checkFixture(c, grids).findings;
          const mixed = [...grids];
          extra.forEach((g, i) => {
            const named = { ...g, name: `Extra ${i} ${g.name}` };
            mixed.splice(positions.next().value % (mixed.length + 1), 0, named);
          });
          const after = checkFixture(c, mixed).findings;
          expect(after).toEqual(baseline);
        }
      ),
      { numRuns: 120 }
    );
  });
});

/** The ways an officer types a word: any case, stray spaces, a non-breaking space, spaced "/". */
const retyped = (word: string): fc.Arbitrary<string> =>
  fc
    .record({
      cases: fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
      before: fc.constantFrom("", " ", "  ", "\u00a0"),
      after: fc.constantFrom("", " ", "\t", "\u00a0 "),
      inner: fc.constantFrom(" ", "  ", "\u00a0"),
      slash: fc.constantFrom("/", " / ", "/ "),
    })
    .map(({ cases, before, after, inner, slash }) => {
      const cased = [...word].map((ch, i) => (cases[i] ? ch.toUpperCase() : ch.toLowerCase()));
      return before + cased.join("").replace(/ /g, inner).replace(/\//g, slash) + after;
    });

const SCALES: readonly (readonly string[])[] = [
  ["Red", "Amber", "Green"],
  ["Not compliant", "Partially compliant", "Fully compliant"],
  ["Not met", "Partly met", "Met"],
  ["No assurance", "Limited", "Reasonable", "Substantial"],
  ["No", "Partly", "Yes"],
];

describe("properties of word scales and of never passing silently", () => {
  it("any permutation of a word scale's case and spacing reads the same", () => {
    const schedule = fc
      .constantFrom(...SCALES)
      .chain((levels) =>
        fc
          .array(fc.nat(levels.length - 1), { minLength: 3, maxLength: 12 })
          .chain((picks) =>
            fc.tuple(
              fc.constant(levels),
              fc.constant(picks),
              fc.tuple(...picks.map((p) => retyped(levels[p]))),
              fc.boolean()
            )
          )
      );
    const gridOf = (
      levels: readonly string[],
      entries: readonly string[],
      legend: boolean
    ): Grid => ({
      name: "Return",
      hidden: false,
      firstRow: 1,
      firstColumn: 1,
      merges: [],
      rows: [
        [legend ? `Rating: ${levels.join(" / ")}` : "Self-assessment"],
        ["Ref", "Requirement", "Evidence", "Rating", "Improvement action", "Lead officer"],
        ...entries.map((e, i) => [
          `R${i + 1}`,
          `Requirement number ${i + 1}.`,
          "Evidence",
          e,
          null,
          null,
        ]),
      ],
    });
    fc.assert(
      fc.property(schedule, ([levels, picks, typed, legend]) => {
        const plain = validateGrids([
          gridOf(
            levels,
            picks.map((p) => levels[p]),
            legend
          ),
        ]);
        const again = validateGrids([gridOf(levels, typed, legend)]);
        const keys = (r: typeof plain) => r.findings.map((f) => `${f.cell} ${f.rule}`);
        expect(keys(again)).toEqual(keys(plain));
        // The same levels (named as the column spells them) and the same level for every entry.
        const [a] = plain.schedules;
        const [b] = again.schedules;
        expect(b.scale.levels?.length).toBe(a.scale.levels?.length);
        const levelOf = (s: (typeof a.scored)[number]) =>
          s.score.kind === "number" ? s.score.value : s.score.kind;
        expect(b.scored.map(levelOf)).toEqual(a.scored.map(levelOf));
      }),
      { numRuns: 300 }
    );
  });

  it("a workbook never passes silently: it has schedules, or a no-schedule-found finding", () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        const result = validateGrids(grids);
        const noSchedule = result.findings.filter((f) => f.rule === "no-schedule-found");
        if (result.schedules.length === 0) expect(noSchedule.length).toBeGreaterThanOrEqual(1);
        // Each sheet that looks like a schedule but cannot be read says so.
        for (const { schedule } of result.unread)
          expect(noSchedule.some((f) => f.sheet === schedule.sheet)).toBe(true);
        // "No problems found" only ever means that schedules were read and are clean.
        if (result.findings.length === 0) expect(result.schedules.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 }
    );
  });

  it("beside a schedule that was read, a sheet whose header describes one is read too, or named", () => {
    const sheetOf = (name: string, header: CellValue[], rows: CellValue[][]): Grid => ({
      name,
      hidden: false,
      firstRow: 1,
      firstColumn: 1,
      rows: [header, ...rows],
      merges: [],
    });
    const readable = sheetOf(
      "Local Code",
      ["Ref", "Requirement", "Evidence", "Score (1-3)", "Action", "Lead officer"],
      [["A1", "The Code of Conduct is published.", "Intranet", 3, null, null]]
    );
    const rating = fc.constantFrom<CellValue>(
      "Score (1-5)",
      "Level",
      "Judgement",
      "Position",
      "Progress (1-4)",
      "Rank",
      "RAG",
      null
    );
    const entry = fc.oneof(
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom<CellValue>("Red", "Amber", "Green", "Met", "Meh", null)
    );
    fc.assert(
      fc.property(
        rating,
        fc.array(fc.tuple(entry, fc.constantFrom<CellValue>(null, "Review it", "Publish it")), {
          minLength: 1,
          maxLength: 12,
        }),
        (ratingHeader, entries) => {
          const other = sheetOf(
            "Other",
            ["Ref", "Standard", "Evidence", ratingHeader, "Action", "Owner", "Target date"],
            entries.map(([score, action], i) => [
              `R${i + 1}`,
              `Requirement ${i + 1}: the council keeps proper records.`,
              "Minutes",
              score,
              action,
              null,
              null,
            ])
          );
          const result = validateGrids([readable, other]);
          const read = result.schedules.some((c) => c.schedule.sheet === "Other");
          const named = result.findings.some(
            (f) => f.sheet === "Other" && f.rule === "no-schedule-found"
          );
          expect(read || named).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });
});
