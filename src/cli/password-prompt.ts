/**
 * Asks for a workbook's password on the terminal without echoing it, or reads it as the first
 * line of standard input when that is not a terminal (`echo "$PW" | govcheck validate x --password`).
 */
export async function askPassword(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr
): Promise<string> {
  if (!input.isTTY) return firstLine(input);
  const wasRaw = input.isRaw;
  // Echo goes off before the question shows: a quick typist's first keys are never echoed.
  input.setRawMode(true);
  output.write(question);
  input.resume();
  input.setEncoding("utf8");
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = "";
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === "\r" || ch === "\n" || ch === "\u0004") {
            input.off("data", onData);
            resolve(typed);
            return;
          }
          if (ch === "\u0003") {
            input.off("data", onData);
            reject(new Error("cancelled"));
            return;
          }
          if (ch === "\u007f" || ch === "\b") typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      input.on("data", onData);
    });
  } finally {
    input.setRawMode(wasRaw);
    input.pause();
    output.write("\n");
  }
}

async function firstLine(input: NodeJS.ReadStream): Promise<string> {
  let text = "";
  input.setEncoding("utf8");
  for await (const chunk of input) {
    text += chunk as string;
    const end = text.search(/\r?\n/);
    if (end >= 0) {
      input.pause();
      return text.slice(0, end);
    }
  }
  return text;
}
