/**
 * Waiting for Office, without hanging when it never comes: office.js may fail to load (no network,
 * a blocked CDN) or the page may be open in an ordinary browser.
 */

export interface OfficeStart {
  /** "Excel" inside Excel; null in a plain browser or when Office did not start in time. */
  host: string | null;
  /** Office's theme says the task pane background is dark. */
  dark: boolean;
}

interface OfficeLike {
  onReady: () => Promise<{ host: string | null }>;
  context?: { officeTheme?: { bodyBackgroundColor?: string } };
}

function isDark(colour: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export async function whenOfficeReady(
  timeoutMs: number,
  office: OfficeLike | undefined = (globalThis as unknown as { Office?: OfficeLike }).Office
): Promise<OfficeStart> {
  if (!office || typeof office.onReady !== "function") return { host: null, dark: false };
  const timeout = new Promise<{ host: null }>((resolve) =>
    setTimeout(() => resolve({ host: null }), timeoutMs)
  );
  try {
    // A half-loaded office.js (its helper scripts blocked) may throw or never settle.
    const ready = Promise.resolve()
      .then(() => office.onReady())
      .catch(() => ({ host: null }));
    const info = await Promise.race([ready, timeout]);
    const host = info.host ? String(info.host) : null;
    return {
      host,
      dark: host !== null && isDark(office.context?.officeTheme?.bodyBackgroundColor),
    };
  } catch {
    return { host: null, dark: false };
  }
}
