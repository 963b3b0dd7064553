/**
 * Hands out ISO timestamps that never repeat and never go back: if the wall clock has not moved past
 * the last stamp (two changes in one millisecond, or the clock stepped back), the next stamp is the
 * last one plus 1 ms. Shopify's `updated_at` behaves this way for one resource, and reconciliation
 * by `updated_at:>=` would miss or repeat versions if it did not.
 * @example const clock = new MonotonicClock(() => 0); clock.next(); clock.next() // "…00.000Z", "…00.001Z"
 */
export class MonotonicClock {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  /** A stamp later than every earlier one from this clock, and later than `after` when given. */
  next(after?: string): string {
    const floor = after === undefined ? Number.NEGATIVE_INFINITY : Date.parse(after) + 1;
    const at = Math.max(this.now(), this.last + 1, Number.isNaN(floor) ? Number.NEGATIVE_INFINITY : floor);
    this.last = at;
    return new Date(at).toISOString();
  }
}
