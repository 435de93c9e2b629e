import ExcelJS from "exceljs";

const REQUIREMENTS = [
  "Members and officers follow the codes of conduct and declare interests promptly",
  "Decisions and the reasons for them are published within five working days",
  "Residents and service users are consulted before major changes to services",
  "The medium-term financial plan links resources to the priorities in the Council Plan",
  "Risk registers are reviewed every quarter by the management team and Audit Committee",
  "Internal audit recommendations are followed up until they are complete",
];
const EVIDENCE = [
  "Register of interests",
  "Forward plan; decision notices",
  "Consultation hub",
  "MTFP 2025-2029",
  "Corporate risk register",
  "Audit tracker",
];
/**
 * Writes one schedule sheet of `rows` requirements (plus a section row every 50) with the streaming
 * writer. `lastYear` writes the return a year earlier: the same requirements, other scores, and
 * targets a year sooner.
 */
function writeSchedule(ws: ExcelJS.Worksheet, rows: number, lastYear = false): void {
  ws.addRow(["Local Code self-assessment (benchmark data)"]).commit();
  ws.addRow([
    "Scoring: 1 = not in place, 2 = partly in place, 3 = in place, 4 = well established, 5 = fully embedded",
  ]).commit();
  ws.addRow([
    "Ref",
    "Requirement",
    "Evidence",
    "Score (1-5)",
    "Areas for improvement",
    "Responsible officer",
    "Target date",
  ]).commit();
  for (let i = 0; i < rows; i++) {
    if (i % 50 === 0)
      ws.addRow([
        `Principle ${String.fromCharCode(65 + ((i / 50) % 7))}: section ${i / 50 + 1}`,
      ]).commit();
    const k = i % 6;
    // About one row in ten has something to report, as in a real return.
    const score = i % 97 === 0 ? "TBC" : ((i * 7 + (lastYear ? 2 : 0)) % 5) + 1;
    const action = i % 20 === 7 ? "n/a" : i % 20 === 13 ? null : "Introduce a quarterly review";
    const lead = i % 25 === 3 ? "TBC" : "Head of Policy";
    const evidence = i % 30 === 0 ? null : EVIDENCE[k];
    const due = i % 10 === 0 ? null : lastYear ? "March 2026" : "March 2027";
    ws.addRow([`R${i + 1}`, REQUIREMENTS[k], evidence, score, action, lead, due]).commit();
  }
  ws.commit();
}

/** A workbook with `sheets` schedule sheets of `rowsPerSheet` requirements each. */
export async function writeBenchWorkbook(
  path: string,
  sheets: number,
  rowsPerSheet: number,
  lastYear = false
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: false,
  });
  for (let s = 0; s < sheets; s++)
    writeSchedule(workbook.addWorksheet(`Schedule ${s + 1}`), rowsPerSheet, lastYear);
  await workbook.commit();
}
