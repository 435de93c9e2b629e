/** Keys under which the add-in keeps its state in the workbook (workbook.settings, ExcelApi 1.4). */
export const SETTINGS_KEY = "govcheck.settings";
export const OWN_SHEETS_KEY = "govcheck.ownSheets";
/** The Findings sheet's id, name and title, where worksheet custom properties are missing. */
export const FINDINGS_SHEET_KEY = "govcheck.findingsSheet";

/** Queues a read of one setting; its `value` is readable after the next sync. */
export function queueSetting(context: Excel.RequestContext, key: string): Excel.Setting {
  const setting = context.workbook.settings.getItemOrNullObject(key);
  setting.load("value");
  return setting;
}

/** The setting's value, or undefined where it was never saved. Call after the sync. */
export function settingValue(setting: Excel.Setting): unknown {
  if (setting.isNullObject) return undefined;
  const value: unknown = setting.value;
  // Older builds hand back the JSON text rather than the object that was stored.
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

export function queueSave(context: Excel.RequestContext, key: string, value: unknown): void {
  context.workbook.settings.add(key, value);
}
