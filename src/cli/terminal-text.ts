/**
 * Text from a workbook (sheet names, cell text) made safe to print on a terminal: control
 * characters are shown as escapes, so a workbook cannot move the cursor, clear the screen, change
 * colours, or start a new line that looks like part of the report. Bidirectional overrides and
 * line separators are escaped too, since they can make one line read as another.
 */
// Control characters are exactly what this looks for.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 9) return "\\t";
    if (code === 10) return "\\n";
    if (code === 13) return "\\r";
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}
