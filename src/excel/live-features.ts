/**
 * Which features for officers typing in Excel this Excel has, by requirement set, and one
 * sentence for the pane where a feature is missing.
 */
import type { Availability, LiveFeatures } from "../core/host";

const AVAILABLE: Availability = { available: true };

function needs(have: boolean, reason: string): Availability {
  return have ? AVAILABLE : { available: false, reason };
}

/** `supports("1.8")`: whether Excel has that ExcelApi requirement set. */
export function liveFeatures(supports: (version: string) => boolean): LiveFeatures {
  return {
    checkAsYouType: needs(
      supports("1.7"),
      "Checking as you type needs a newer Excel (ExcelApi 1.7, for change events): use Check schedules after editing."
    ),
    dropDowns: needs(
      supports("1.8"),
      "Score drop-downs need a newer Excel (ExcelApi 1.8, for data validation)."
    ),
    notes: needs(
      supports("1.18"),
      "Problems as notes need a newer Excel (ExcelApi 1.18, for notes): highlight the cells instead."
    ),
    findingsSheet: needs(
      supports("1.9"),
      "Exporting the findings to a sheet needs a newer Excel (ExcelApi 1.9, for links and fast writes)."
    ),
  };
}
