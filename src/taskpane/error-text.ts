/**
 * The reader's messages are written for the command line, one clause and what to do after a
 * colon ("the file is not an Excel workbook (.xlsx): check you picked the right file"). In the
 * pane they follow "Something went wrong:" and must read as sentences:
 * "the file is not an Excel workbook (.xlsx). Check you picked the right file."
 */
export function asSentences(message: string): string {
  let text = message.trim().replace(/\s+/g, " ");
  if (text === "") return "No reason was given.";
  // The last colon outside brackets separates what is wrong from what to do.
  let depth = 0;
  let split = -1;
  for (let i = 0; i < text.length - 1; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (ch === ":" && text[i + 1] === " " && depth === 0) split = i;
  }
  if (split > 0) {
    const what = text.slice(0, split).replace(/[.\s]+$/, "");
    const todo = text.slice(split + 2);
    if (/^[a-z]/.test(todo)) text = `${what}. ${todo[0].toUpperCase()}${todo.slice(1)}`;
  }
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
