/**
 * The features for officers typing in Excel, measured on the Excel double with Excel on the
 * web's 5 MB rule on: the round trips a re-check of one schedule takes after an edit (the issue
 * asks for at most 2) against a whole read of the same workbook, and the round trips score
 * drop-downs, problem notes and the Findings sheet take for 1 and 10 schedules (constant, asked).
 */
import { findingsInContext } from "../src/core/finding-context";
import { patchGrid, regionToRead } from "../src/core/recheck";
import { planScoreDropDowns } from "../src/core/score-dropdowns";
import { validateGrids } from "../src/core/validate";
import { createExcelHost } from "../src/excel/excel-host";
import { type SheetSeed, WEB_PAYLOAD_LIMIT, createExcelDouble } from "../test/helpers/excel-double";

function schedule(name: string, rows: number): SheetSeed {
  const values: (string | number)[][] = [
    ["Self-assessment of the Local Code 2025/26"],
    ["Score each requirement: 1 = not in place, 3 = partly in place and 5 = fully embedded"],
    [
      "Ref",
      "Requirement",
      "Evidence",
      "Score (1-5)",
      "Areas for improvement",
      "Responsible officer",
    ],
  ];
  for (let i = 1; i <= rows; i++)
    values.push([
      `R${i}`,
      "Members and officers follow the codes of conduct and declare interests promptly",
      "Register of interests",
      (i % 5) + 1,
      i % 4 ? "Refresh training" : "",
      i % 7 ? "Monitoring Officer" : "",
    ]);
  return { name, values };
}

interface Figures {
  readonly label: string;
  readonly fullReadSyncs: number;
  readonly recheckSyncs: number;
  readonly recheckCells: number;
  readonly fullCells: number;
  readonly recheckMs: number;
  readonly fullMs: number;
  readonly same: boolean;
  /** Round trips to bring the edited sheet's highlights, then its notes, up to date. */
  readonly highlightSyncs: number;
  readonly notesSyncs: number;
}

/** One edit in the first schedule of a workbook of `sheets` schedules of 200 requirements. */
async function recheck(sheets: number): Promise<Figures> {
  const excel = createExcelDouble({
    sheets: Array.from({ length: sheets }, (_, i) => schedule(`Schedule ${i + 1}`, 200)),
    api: "1.18",
  });
  const restore = excel.installGlobals();
  try {
    const host = createExcelHost();
    let started = Date.now();
    const read = await host.readWorkbook();
    const fullMs = Date.now() - started;
    const fullReadSyncs = excel.syncs();
    const whole = validateGrids(read.grids);
    const sheet = read.grids[0];
    excel.userEdit(sheet.name, "D100", "TBC");
    const before = excel.syncs();
    started = Date.now();
    const area = regionToRead(
      sheet,
      whole.schedules.filter((c) => c.schedule.sheet === sheet.name).map((c) => c.schedule),
      [{ top: 100, left: 4, bottom: 100, right: 4 }]
    )!;
    const region = await host.readRegion(sheet.name, area);
    const patched = patchGrid(sheet, region.area, region.rows);
    // As the engine does: only the region was read again; the whole workbook is checked again.
    const merged = validateGrids(read.grids.map((g) => (g.name === sheet.name ? patched : g)));
    const recheckMs = Date.now() - started;
    const recheckSyncs = excel.syncs() - before;
    const truth = validateGrids((await createExcelHost().readWorkbook()).grids).findings;
    const onSheet = merged.findings.filter((f) => f.sheet === sheet.name);
    let mark = excel.syncs();
    await host.highlight(onSheet, [sheet.name]);
    const highlightSyncs = excel.syncs() - mark;
    mark = excel.syncs();
    await host.showProblemNotes(onSheet, [sheet.name]);
    const notesSyncs = excel.syncs() - mark;
    return {
      label: `${sheets} schedule${sheets === 1 ? "" : "s"} x 200 requirements`,
      fullReadSyncs,
      recheckSyncs,
      recheckCells: (area.bottom - area.top + 1) * (area.right - area.left + 1),
      fullCells: read.grids.reduce((n, g) => n + g.rows.length * 6, 0),
      recheckMs,
      fullMs,
      same: JSON.stringify(merged.findings) === JSON.stringify(truth),
      highlightSyncs,
      notesSyncs,
    };
  } finally {
    restore();
  }
}

/** Round trips of drop-downs, notes and the Findings sheet for `n` schedules of 200 requirements. */
async function writes(n: number) {
  const excel = createExcelDouble({
    sheets: Array.from({ length: n }, (_, i) => schedule(`Schedule ${i + 1}`, 200)),
    api: "1.18",
  });
  const restore = excel.installGlobals();
  try {
    const host = createExcelHost();
    const read = await host.readWorkbook();
    const result = validateGrids(read.grids);
    const plans = planScoreDropDowns(result.schedules, read.grids);
    const count = async (work: () => Promise<unknown>) => {
      const before = excel.syncs();
      await work();
      return excel.syncs() - before;
    };
    return {
      schedules: n,
      findings: result.findings.length,
      addDropDowns: await count(() => host.addScoreDropDowns(plans)),
      removeDropDowns: await count(() => host.removeScoreDropDowns()),
      notes: await count(() => host.showProblemNotes(result.findings)),
      clearNotes: await count(() => host.clearProblemNotes()),
      findingsSheet: await count(() => host.exportFindings(findingsInContext(result))),
      maxRequestMb: excel.maxRequestBytes() / 1e6,
      maxResponseMb: excel.maxResponseBytes() / 1e6,
      refused: excel.log.filter((l) => l.error).length,
    };
  } finally {
    restore();
  }
}

export async function liveExcelReport(): Promise<void> {
  console.log(
    `\nChecking as officers type, on the Excel double (5 MB rule on: ${WEB_PAYLOAD_LIMIT / 1e6} MB a request or response, UTF-8)\n`
  );
  const rows = [await recheck(1), await recheck(10)];
  console.log(
    [
      "workbook".padStart(34),
      "full read syncs",
      "re-check syncs",
      "cells read",
      "of",
      "re-check ms",
      "full read ms",
      "same as a whole check",
      "+highlights",
      "+notes",
    ].join("  ")
  );
  for (const r of rows)
    console.log(
      [
        r.label.padStart(34),
        String(r.fullReadSyncs).padStart(15),
        String(r.recheckSyncs).padStart(14),
        String(r.recheckCells).padStart(10),
        String(r.fullCells).padStart(6),
        String(r.recheckMs).padStart(11),
        String(r.fullMs).padStart(12),
        (r.same ? "yes" : "NO").padStart(21),
        String(r.highlightSyncs).padStart(11),
        String(r.notesSyncs).padStart(6),
      ].join("  ")
    );
  const worst = Math.max(...rows.map((r) => r.recheckSyncs));
  console.log(
    `re-check of one 200-requirement schedule after an edit: ${worst} sync${worst === 1 ? "" : "s"} (target <= 2) ${worst <= 2 ? "OK" : "MISSED"}; with 10 schedules it reads ${rows[1].recheckCells} of ${rows[1].fullCells} cells (${((rows[1].recheckCells / rows[1].fullCells) * 100).toFixed(0)}%)`
  );
  console.log(
    `where the officer has highlights or notes on, bringing that sheet's up to date takes ${rows[0].highlightSyncs} and ${rows[0].notesSyncs} more syncs, each in an Excel.run of its own`
  );

  const one = await writes(1);
  const ten = await writes(10);
  console.log(
    `\n${"schedules".padStart(10)}  findings  add drop-downs  remove  notes  clear notes  Findings sheet  max req MB  max resp MB  refused`
  );
  for (const w of [one, ten])
    console.log(
      [
        String(w.schedules).padStart(10),
        String(w.findings).padStart(8),
        String(w.addDropDowns).padStart(14),
        String(w.removeDropDowns).padStart(6),
        String(w.notes).padStart(5),
        String(w.clearNotes).padStart(11),
        String(w.findingsSheet).padStart(14),
        w.maxRequestMb.toFixed(2).padStart(10),
        w.maxResponseMb.toFixed(2).padStart(11),
        String(w.refused).padStart(7),
      ].join("  ")
    );
  const constant =
    one.addDropDowns === ten.addDropDowns &&
    one.removeDropDowns === ten.removeDropDowns &&
    one.notes === ten.notes &&
    one.clearNotes === ten.clearNotes;
  console.log(
    `score drop-downs on 1 and 10 schedules: ${one.addDropDowns} and ${ten.addDropDowns} syncs to add, ${one.removeDropDowns} and ${ten.removeDropDowns} to remove (${constant ? "constant: OK" : "NOT constant"})`
  );
}
