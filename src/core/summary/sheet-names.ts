/** Excel's rules for a sheet name: 1-31 characters, none of / \ ? * : [ ], not starting or ending with an apostrophe. */
export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[/\\?*:[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  return (cleaned || "Sheet").slice(0, 31).trimEnd();
}

/**
 * A name for a new sheet that clashes with none in `taken` (compared without case, as Excel does):
 * "Committee Summary", else "Committee Summary (2)", shortened to stay within 31 characters.
 */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
