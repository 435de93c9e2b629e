/** "Principle A: Behaving with integrity ..." -> "Principle A"; a short label for charts and lists. */
export function sectionLabel(section: string, schedule = ""): string {
  const text = section || schedule;
  const head = /^(.{3,40}?)\s*[:\u2013\u2014-]\s/.exec(text);
  const label = head ? head[1] : text;
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

/** A section's heading without its name ("Principle A"), or undefined when it has no such head. */
export function sectionHead(section: string): string | undefined {
  const head = /^(.{3,40}?)\s*[:\u2013\u2014-]\s/.exec(section);
  return head ? head[1] : undefined;
}
