import ExcelJS from "exceljs";

const REQUIREMENTS = [
  "Members and officers follow the codes of conduct and declare interests promptly",
  "Decisions and the reasons for them are published within five working days",
  "Residents and service users are consulted before major changes to services",
  "The medium-term financial plan links resources to the priorities in the Council Plan",
  "Risk registers are reviewed every quarter by the management team and Audit Committee",
];

/**
 * A large return as a policy team receives it: one schedule of `rows` requirements on a 1-5
 * scale, a section every 50 rows, and about two findings in five rows (some scores "TBC", weak
 * scores without an action, a lead or a date, scores without evidence): 20,000 rows give about
 * 8,000 findings. Written by ExcelJS's streaming writer, so it costs little memory to make.
 */
export async function writeBigReturn(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: false,
  });
  const ws = workbook.addWorksheet("Local Code");
  ws.addRow(["Local Code of Corporate Governance: self-assessment (large return)"]).commit();
  ws.addRow([
    "Scoring: 1 = not in place, 2 = partly in place, 3 = in place, 4 = well established, 5 = fully embedded",
  ]).commit();
  ws.addRow([
    "Ref",
    "Requirement",
    "Evidence",
    "Score (1-5)",
    "Improvement action",
    "Lead officer",
    "Target date",
  ]).commit();
  for (let i = 0; i < rows; i++) {
    if (i % 50 === 0)
      ws.addRow([
        `Principle ${String.fromCharCode(65 + ((i / 50) % 7))}: section ${i / 50 + 1}`,
      ]).commit();
    const score = i % 60 === 7 ? "TBC" : ((i * 7) % 5) + 1;
    const action = i % 6 === 0 ? null : i % 6 === 3 ? "n/a" : "Introduce a quarterly review";
    const lead = i % 6 === 2 ? "TBC" : "Head of Policy";
    const evidence = i % 25 === 0 ? null : "Register of interests; committee minutes";
    const due = i % 12 === 5 ? null : "March 2027";
    ws.addRow([
      `R${i + 1}`,
      REQUIREMENTS[i % REQUIREMENTS.length],
      evidence,
      score,
      action,
      lead,
      due,
    ]).commit();
  }
  ws.commit();
  await workbook.commit();
}
