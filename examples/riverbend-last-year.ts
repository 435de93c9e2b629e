/**
 * Last year's return of the bundled example (2024/25), for direction of travel:
 * `govcheck summarise examples/riverbend-local-code.xlsx --previous examples/riverbend-local-code-2024-25.xlsx`.
 * Built by `npm run example`. Against it, this year's return has scores up, down and the same, one
 * requirement new (C2), one gone (A4), and weak scores carried forward with no new action (B2, G2,
 * and (c) of the service-delivery dimension).
 */
import type { CellSpec, SheetSpec } from "../test/helpers/workbook-builder";

const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const header: CellSpec[] = [
  "Ref",
  "Behaviours and actions that demonstrate good governance in practice",
  "Evidence",
  "Score (1-5)",
  "Areas for improvement",
  "Responsible officer",
  "Target date",
];

const code: SheetSpec = {
  name: "Local Code 2024-25",
  rows: [
    ["Local Code of Corporate Governance: self-assessment 2024/25"],
    ["Based on Delivering Good Governance in Local Government (CIPFA/SOLACE 2016)"],
    [
      "Scoring: 1 = not in place, 2 = partly in place, 3 = in place, 4 = well established, 5 = fully embedded",
    ],
    [],
    header,
    [
      "Principle A: Behaving with integrity, demonstrating strong commitment to ethical values, and respecting the rule of law",
    ],
    [
      "A1",
      "Members and officers follow codes of conduct and declare interests promptly",
      "Codes",
      3,
      null,
      null,
      null,
    ],
    [
      "A2",
      "Ethical values are built into decision making and procurement",
      "Procurement rules",
      2,
      "Add an ethics check to the contract award report",
      "Head of Procurement",
      date(2025, 3, 31),
    ],
    [
      "A3",
      "The Monitoring Officer reports on the rule of law at least once a year",
      "Annual report",
      3,
      null,
      null,
      null,
    ],
    [
      "A4",
      "The whistleblowing policy is reviewed every two years",
      "Policy 2023",
      3,
      null,
      null,
      null,
    ],
    ["Principle B: Ensuring openness and comprehensive stakeholder engagement"],
    ["B1", "Decisions and the reasons for them are published", "Forward plan", 4, null, null, null],
    [
      "B2",
      "Residents and service users are consulted before major changes",
      "Consultation hub",
      2,
      "Review how the consultation hub is used",
      "Head of Communications",
      date(2024, 12, 31),
    ],
    [
      "B3",
      "Partnerships have written governance arrangements",
      "Partnership register",
      3,
      null,
      null,
      null,
    ],
    [
      "Principle C: Defining outcomes in terms of sustainable economic, social, and environmental benefits",
    ],
    ["C1", "The Council Plan sets measurable outcomes", "Council Plan", 3, null, null, null],
    [
      "Principle D: Determining the interventions necessary to optimise the achievement of the intended outcomes",
    ],
    [
      "D1",
      "Options appraisal is used for capital schemes",
      "Capital strategy",
      4,
      null,
      null,
      null,
    ],
    ["D2", "Medium-term financial plan links resources to priorities", "MTFP", 4, null, null, null],
    [
      "Principle E: Developing the entity's capacity, including the capability of its leadership and the individuals within it",
    ],
    [
      "E1",
      "Members receive induction and ongoing training",
      "Induction programme",
      2,
      "Survey members' training needs",
      "Head of Democratic Services",
      date(2025, 3, 31),
    ],
    [
      "E2",
      "Officers have annual appraisals linked to objectives",
      "Appraisal completion 85%",
      3,
      null,
      null,
      null,
    ],
    [
      "Principle F: Managing risks and performance through robust internal control and strong public financial management",
    ],
    [
      "F1",
      "Risk registers are reviewed every quarter",
      "Corporate risk register",
      2,
      "Bring service risk registers into the quarterly review",
      "Head of Audit and Risk",
      date(2025, 3, 31),
    ],
    ["F2", "Internal audit follows up agreed actions", "Audit tracker", 3, null, null, null],
    ["F3", "Counter-fraud arrangements are tested", "Fraud plan", 4, null, null, null],
    [
      "Principle G: Implementing good practices in transparency, reporting, and audit to deliver effective accountability",
    ],
    [
      "G1",
      "The Annual Governance Statement is published with the accounts",
      "AGS 2023/24",
      4,
      null,
      null,
      null,
    ],
    [
      "G2",
      "External audit recommendations are tracked to completion",
      "Audit findings report",
      2,
      "Set up a tracker for external audit recommendations",
      "Head of Finance",
      date(2024, 12, 31),
    ],
  ],
  merges: [6, 11, 15, 17, 20, 23, 27].map((r) => `A${r}:G${r}`),
};

const serviceDelivery: SheetSpec = {
  name: "Service Delivery",
  rows: [
    ["Dimension 2 : Service Delivery Arrangements"],
    [],
    ["- self assessment score (1 = need to improve, 2 = adequate and 3 = good)"],
    [],
    [
      "The local code should reflect the requirements to:",
      null,
      "Source documents/processes/other means that may be used to demonstrate compliance",
      "Self Assessment Score",
      "Action plan for improvement",
    ],
    [
      "(a)",
      "set standards and targets for every front-line service and publish them.",
      "Service plans",
      2,
      "Publish service standards",
    ],
    [
      "(b)",
      "report performance against targets to members and residents at least every quarter.",
      "Annual performance report",
      1,
      "Report performance to scrutiny every quarter",
    ],
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
      3,
      null,
    ],
  ],
};

export const RIVERBEND_LAST_YEAR_SHEETS: readonly SheetSpec[] = [code, serviceDelivery];
export const RIVERBEND_LAST_YEAR_FILE = "examples/riverbend-local-code-2024-25.xlsx";
