/** What a cell's number format says about its value, for both readers (files and Excel). */

/** A format code that shows a date or a time ("dd/mm/yyyy", "d-mmm", "h:mm"), not a number. */
export function isDateFormatCode(code: string): boolean {
  // Drop quoted text, escapes and [colour]/[condition] sections before looking for date letters.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare);
}

/** Excel's serial date as a Date (UTC), in the 1900 date system or the 1904 one. */
export function dateFromSerial(serial: number, date1904 = false): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}
