import { carriedForward } from "./carried-forward";
import type { Rule } from "./context";
import { duplicateRef } from "./duplicate-ref";
import { evidenceMissing } from "./evidence-missing";
import { leadColumnMissing } from "./lead-column-missing";
import { lowScoreNoAction } from "./low-score-no-action";
import { lowScoreNoDate } from "./low-score-no-date";
import { lowScoreNoLead } from "./low-score-no-lead";
import { type WorkbookRule, noScheduleFound } from "./no-schedule-found";
import { progressMissing } from "./progress-missing";
import { scoreInvalid } from "./score-invalid";
import { scoreMissing } from "./score-missing";
import { scoreOutOfRange } from "./score-out-of-range";
import { targetDatePassed } from "./target-date-passed";

export const RULES: readonly Rule[] = [
  scoreMissing,
  scoreInvalid,
  scoreOutOfRange,
  lowScoreNoAction,
  lowScoreNoLead,
  leadColumnMissing,
  lowScoreNoDate,
  evidenceMissing,
  duplicateRef,
  targetDatePassed,
  carriedForward,
  progressMissing,
];

/** Rules on the workbook as a whole, run once after the schedules' rules. */
export const WORKBOOK_RULES: readonly WorkbookRule[] = [noScheduleFound];
