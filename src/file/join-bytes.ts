/**
 * Pieces of bytes as one array: a single piece is returned as it is (no copy). `length` is their
 * total, where the caller has counted it already.
 */
export function joinBytes(
  parts: readonly Uint8Array[],
  length = parts.reduce((n, p) => n + p.length, 0)
): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
