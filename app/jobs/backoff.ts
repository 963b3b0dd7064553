/**
 * How long to wait before attempt `attempt + 1` after a failure: exponential from 2 s, capped at an
 * hour, with ±20% jitter so that a shop's failing deliveries do not retry in lockstep.
 * @example retryDelayMs(1) // about 2,000; retryDelayMs(5) // about 32,000
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(3_600_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Attempts before a delivery is parked, or a job marked failed, with its last error. */
export const MAX_ATTEMPTS = 8;
