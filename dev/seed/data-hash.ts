/**
 * Deterministic "randomness" for the seeder: a number in [0, 1) derived from a key taken from the
 * data (a stock code, a customer id, an invoice), so every seed of the same dataset gives the same
 * shop, whatever order records are visited in — no Math.random, no hidden state.
 * @example unitOf("rating|85123A") // always the same value, e.g. 0.4271…
 */
export function unitOf(key: string): number {
  // FNV-1a, 32 bits, then a final avalanche so that keys differing in one character spread out.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Picks one value by weight, deterministically from `key`.
 * @example weighted("email|17850", [["SUBSCRIBED", 40], ["NOT_SUBSCRIBED", 52], ["UNSUBSCRIBED", 5], ["PENDING", 3]])
 */
export function weighted<T>(key: string, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let point = unitOf(key) * total;
  for (const [value, w] of choices) {
    if (point < w) return value;
    point -= w;
  }
  return choices.at(-1)![0];
}
