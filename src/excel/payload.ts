/**
 * What a request or response costs: Excel on the web refuses either past 5 MB, counted in UTF-8
 * bytes of its JSON (a character outside ASCII takes 2 to 4 bytes, not the 1 that a string's
 * length counts).
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

/** How much of Excel on the web's 5 MB a request or response is planned to use. */
export const READ_BYTES_PER_SYNC = 3_000_000;
export const WRITE_BYTES_PER_SYNC = 2_500_000;

/** What one queued action costs in a request besides its data (object path, ids, JSON framing). */
export const ACTION_BYTES = 200;

/**
 * Queued writes, sent in requests of at most `budget` bytes: a request over 5 MB fails on the
 * web, so a sync goes out before a write would take the request past the budget.
 */
export class Requests {
  private bytes = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number
  ) {}

  async make(cost: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + cost > this.budget) await this.flush();
    this.bytes += cost;
  }

  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.context.application.suspendScreenUpdatingUntilNextSync();
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
  }
}
