import { main } from "../../src/cli/main";

/** Runs govcheck in this process and captures what it prints. */
export async function runCli(
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "govcheck", ...args], {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
}
