/**
 * The bundled example: Riverbend Borough Council (a fictional council) and its annual review of
 * the Local Code of Corporate Governance. Built into examples/riverbend-local-code.xlsx by
 * `npm run example`. It carries a handful of the problems govcheck exists to catch.
 */
import type { CellSpec, SheetSpec } from "../test/helpers/workbook-builder";

const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const cover: SheetSpec = {
  name: "Cover",
  rows: [
    ["Riverbend Borough Council"],
    [],
    ["Annual review of the Local Code of Corporate Governance 2025/26"],
    ["Return from: Corporate Policy and Governance"],
    ["Status: draft for Audit and Standards Committee, March 2026"],
    [],
    [
      "Complete every row of the schedule. Where a requirement scores 1 or 2, give the improvement action, the lead officer and a target date.",
    ],
  ],
};

const key: SheetSpec = {
  name: "Scoring key",
  rows: [
    ["Score", "Meaning", "What it looks like"],
    [1, "Not in place", "No arrangements, or arrangements that are not followed"],
    [2, "Partly in place", "Arrangements exist but gaps are known"],
    [3, "In place", "Arrangements work and are followed"],
    [4, "Well established", "Arrangements are reviewed and improved"],
    [5, "Fully embedded", "Arrangements are part of how the council works"],
  ],
};

const header: CellSpec[] = [
  "Ref",
  "Behaviours and actions that demonstrate good governance in practice",
  "Evidence",
  "Score (1-5)",
  "Areas for improvement",
  "Responsible officer",
  "Target date",
];

const principle = (title: string): CellSpec[] => [title];

const code: SheetSpec = {
  name: "Local Code 2025-26",
  rows: [
    ["Local Code of Corporate Governance: self-assessment 2025/26"],
    ["Based on Delivering Good Governance in Local Government (CIPFA/SOLACE 2016)"],
    [
      "Scoring: 1 = not in place, 2 = partly in place, 3 = in place, 4 = well established, 5 = fully embedded",
    ],
    [],
    header,
    principle(
      "Principle A: Behaving with integrity, demonstrating strong commitment to ethical values, and respecting the rule of law"
    ),
    [
      "A1",
      "Members and officers follow codes of conduct and declare interests promptly",
      "Member and officer codes; register of interests checked quarterly",
      4,
      null,
      null,
      null,
    ],
    [
      "A2",
      "Ethical values are built into decision making and procurement",
      "Procurement rules; report template asks for ethical implications",
      2,
      "Add an ethics check to the contract award report",
      "Head of Procurement",
      date(2026, 9, 30),
    ],
    [
      "A3",
      "The Monitoring Officer reports on the rule of law at least once a year",
      "Annual Monitoring Officer report",
      3,
      "Add a mid-year legal update to the Audit Committee work plan",
      "Monitoring Officer",
      date(2026, 12, 31),
    ],
    principle("Principle B: Ensuring openness and comprehensive stakeholder engagement"),
    [
      "B1",
      "Decisions and the reasons for them are published",
      "Forward plan; decision notices",
      4,
      null,
      null,
      null,
    ],
    [
      "B2",
      "Residents and service users are consulted before major changes",
      "Consultation hub",
      2,
      "n/a",
      "Head of Communications",
      null,
    ],
    [
      "B3",
      "Partnerships have written governance arrangements",
      "Partnership register",
      "TBC",
      null,
      null,
      null,
    ],
    principle(
      "Principle C: Defining outcomes in terms of sustainable economic, social, and environmental benefits"
    ),
    [
      "C1",
      "The Council Plan sets measurable outcomes",
      "Council Plan 2024-2028",
      4,
      null,
      null,
      null,
    ],
    [
      "C2",
      "Climate impact is assessed for key decisions",
      "Climate impact tool",
      2,
      "Make the climate impact tool mandatory for key decisions",
      "TBC",
      date(2025, 12, 31),
    ],
    principle(
      "Principle D: Determining the interventions necessary to optimise the achievement of the intended outcomes"
    ),
    [
      "D1",
      "Options appraisal is used for capital schemes",
      "Capital strategy; gateway reviews",
      3,
      "Extend gateway reviews to every scheme over £250,000",
      "Head of Projects",
      date(2027, 3, 31),
    ],
    [
      "D2",
      "Medium-term financial plan links resources to priorities",
      "MTFP 2025-2029",
      4,
      null,
      null,
      null,
    ],
    principle(
      "Principle E: Developing the entity's capacity, including the capability of its leadership and the individuals within it"
    ),
    [
      "E1",
      "Members receive induction and ongoing training",
      "Member development programme",
      1,
      "Relaunch member development with a training needs survey",
      "Head of Democratic Services",
      null,
    ],
    [
      "E2",
      "Officers have annual appraisals linked to objectives",
      "Appraisal completion 92%",
      4,
      null,
      null,
      null,
    ],
    principle(
      "Principle F: Managing risks and performance through robust internal control and strong public financial management"
    ),
    [
      "F1",
      "Risk registers are reviewed every quarter",
      "Corporate risk register; Audit Committee minutes",
      3,
      "Bring service risk registers into the quarterly review",
      "Head of Audit and Risk",
      date(2027, 3, 31),
    ],
    ["F2", "Internal audit follows up agreed actions", "Audit tracker", 6, null, null, null],
    ["F3", "Counter-fraud arrangements are tested", null, 4, null, null, null],
    principle(
      "Principle G: Implementing good practices in transparency, reporting, and audit to deliver effective accountability"
    ),
    [
      "G1",
      "The Annual Governance Statement is published with the accounts",
      "AGS 2024/25",
      5,
      null,
      null,
      null,
    ],
    [
      "G2",
      "External audit recommendations are tracked to completion",
      "Audit findings report",
      2,
      null,
      null,
      null,
    ],
  ],
  merges: [6, 10, 14, 17, 20, 23, 27].map((r) => `A${r}:G${r}`),
};

const dimensionHeader: CellSpec[] = [
  "The local code should reflect the requirements to:",
  null,
  "Source documents/processes/other means that may be used to demonstrate compliance",
  "Self Assessment Score",
  "Action plan for improvement",
];

const serviceDelivery: SheetSpec = {
  name: "Service Delivery",
  rows: [
    ["Dimension 2 : Service Delivery Arrangements"],
    [],
    ["How the principles of corporate governance apply to services"],
    [],
    [
      "The council should make sure services improve and decisions are carried out by keeping arrangements which:",
    ],
    ["- set standards for every service and measure performance against them"],
    ["- treat service users fairly and explain how to complain"],
    ["- self assessment score (1 = need to improve, 2 = adequate and 3 = good)"],
    [],
    dimensionHeader,
    [
      "(a)",
      "set standards and targets for every front-line service and publish them.",
      "Service plans; customer charter",
      3,
      null,
    ],
    [
      "(b)",
      "report performance against targets to members and",
      "Quarterly performance report",
      1,
      "Move to monthly performance clinics for red measures",
    ],
    [null, "residents at least every quarter.", "(Overview and Scrutiny)", null, null],
    [
      "(c)",
      "review how services are delivered and consider sharing them where that gives better value.",
      "Shared services options paper",
      2,
      null,
    ],
    [
      "(d)",
      "act on the findings of inspectors and external auditors.",
      "Inspection action tracker",
      null,
      null,
    ],
    [],
    ["Ref", "erence documents", "Tools to assist local authorities for self assessment purposes"],
    [null, "Local Government Act 1999 (Best Value duty)"],
  ],
};

export const RIVERBEND_SHEETS: readonly SheetSpec[] = [cover, key, code, serviceDelivery];
export const RIVERBEND_FILE = "examples/riverbend-local-code.xlsx";
