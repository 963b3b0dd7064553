/** Per visitor: a burst of 60 events, refilled at one a second (a person browses slower than that). */
export const VISITOR_BURST = 60;
export const VISITOR_REFILL_PER_SECOND = 1;

const buckets = new Map<string, { tokens: number; at: number }>();

/**
 * Takes `count` tokens from the visitor's bucket; false (and nothing taken) when it holds too few.
 * Per process: each app instance limits on its own, which is enough to stop a runaway script.
 */
export function takeVisitorTokens(key: string, count: number, now = Date.now()): boolean {
  const bucket = buckets.get(key) ?? { tokens: VISITOR_BURST, at: now };
  bucket.tokens = Math.min(VISITOR_BURST, bucket.tokens + ((now - bucket.at) / 1000) * VISITOR_REFILL_PER_SECOND);
  bucket.at = now;
  if (buckets.size > 100_000) buckets.clear(); // bounded memory: forgetting everyone only relaxes the limit
  buckets.set(key, bucket);
  if (bucket.tokens < count) return false;
  bucket.tokens -= count;
  return true;
}
