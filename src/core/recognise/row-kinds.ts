/** Tells the rows around and inside a schedule apart by what they say. */

/** Closing matter: reference lists, tools, sign-off. Ends the schedule above it. */
const FOOTER =
  /^(additional )?ref(erence)?s? ?(documents?|material|sources)\b|^tools to assist\b|^(signed|signature|approved by|prepared by|completed by|date of (review|approval|assessment)|version control|document control|end of (schedule|document))\b|^further (reading|information)\b|^useful (links|references)\b/i;

export function isFooterText(text: string): boolean {
  return FOOTER.test(text.trim());
}

/** A principle, dimension or section heading, as a council would write one. */
const SECTION_WORD =
  /^(core )?principle\b|^dimension\b|^section\b|^part\s+[\dA-Z]|^theme\b|^domain\b|^key (area|theme)\b|^area \d/i;
/** "A. Behaving with integrity", "B - Ensuring openness": lettered principles, capital first. */
const SECTION_LETTER = /^[A-G]\s*[.:)\u2013\u2014-]\s*[A-Z]|^[A-G]\s+[A-Z][a-z]/;

export function looksLikeSectionTitle(text: string): boolean {
  if (SECTION_WORD.test(text) || SECTION_LETTER.test(text)) return true;
  // Headings pasted from Word are often in capitals: "PRINCIPLE TWO MEMBERS AND OFFICERS ..."
  const letters = text.replace(/[^A-Za-z]/g, "");
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  return letters.length >= 12 && words.length >= 3 && letters === letters.toUpperCase();
}

/** "A1 Behaving with integrity": a CIPFA/SOLACE 2016 sub-principle heading. */
export function looksLikeSubPrinciple(text: string): boolean {
  return /^[A-G]\d{1,2}\b\.?\s+\S/.test(text);
}

/**
 * Words someone wrote ("Partnerships have written governance arrangements"), as a requirement is,
 * rather than a code or a name ("PMS 3272 DKJP-F", "GOC2 15g"): at least 15 characters with two
 * words in lower case.
 */
export function looksLikeProse(text: string): boolean {
  if (text.length < 15) return false;
  // The start of a long text says as much as all of it.
  const words = text.slice(0, 200).match(/(?:^|[\s(])[a-z\u00df-\u00ff]{2,}/g);
  return (words?.length ?? 0) >= 2;
}

/** "(a)", "1.", "3.2", "A1", "ii)": a reference rather than prose. */
export function looksLikeRef(text: string): boolean {
  const t = text.trim();
  return (
    t.length > 0 &&
    t.length <= 8 &&
    (/^\(?[a-z]{1,2}\)?\.?$/i.test(t) ||
      /^\(?\d{1,3}(\.\d{1,3}){0,3}\)?\.?$/.test(t) ||
      /^[A-G]\d{1,2}(\.\d{1,2})?[a-z]?$/i.test(t) ||
      /^\(?(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)?\.?$/i.test(t))
  );
}

export function endsSentence(text: string): boolean {
  return /[.;:!?)\]]["'\u2019\u201d]?$/.test(text.trim());
}

export function startsLowerCase(text: string): boolean {
  const first = /[A-Za-z]/.exec(text);
  return first !== null && first[0] === first[0].toLowerCase() && !/^\s*[-\u2022\d(]/.test(text);
}
