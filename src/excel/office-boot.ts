/**
 * Waiting for Office. Office.onReady can take many seconds on a slow start, so it is waited for as
 * long as it takes; the pane shows "Connecting to Excel..." meanwhile, with a way to open a file
 * instead. Only where office.js is absent (blocked, offline) or the page is not hosted by Office
 * (onReady answers with no host) does the pane run on a file by itself.
 */

export interface OfficeStart {
  /** "Excel" inside Excel; null where office.js is absent or the page is not in an Office host. */
  host: string | null;
  /** Office's theme says the task pane background is dark. */
  dark: boolean;
}

export interface OfficeLike {
  onReady: () => Promise<{ host: string | null }>;
  context?: { officeTheme?: { bodyBackgroundColor?: string } };
}

function isDark(colour: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export function officeOnPage(): OfficeLike | undefined {
  return (globalThis as unknown as { Office?: OfficeLike }).Office;
}

export async function whenOfficeReady(
  office: OfficeLike | undefined = officeOnPage()
): Promise<OfficeStart> {
  if (!office || typeof office.onReady !== "function") return { host: null, dark: false };
  let info: { host: string | null };
  try {
    info = await office.onReady();
  } catch {
    // office.js itself failed to start: there is no Excel to talk to.
    return { host: null, dark: false };
  }
  const host = info?.host ? String(info.host) : null;
  return { host, dark: host !== null && isDark(office.context?.officeTheme?.bodyBackgroundColor) };
}
