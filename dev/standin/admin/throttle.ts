/**
 * Shopify's cost-based leaky bucket for Admin GraphQL: each app+shop has `maximumAvailable` points
 * that refill at `restoreRate` per second; a query that needs more than what is available is
 * THROTTLED and costs nothing. Defaults are a standard plan's (2,000 points, 100 per second).
 */
export interface BucketLimits {
  maximumAvailable: number;
  restoreRate: number;
}

export const STANDARD_LIMITS: BucketLimits = { maximumAvailable: 2000, restoreRate: 100 };

export class LeakyBucket {
  private available: number;
  private at: number;

  constructor(
    readonly limits: BucketLimits = STANDARD_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.available = limits.maximumAvailable;
    this.at = now();
  }

  currentlyAvailable(): number {
    const now = this.now();
    this.available = Math.min(this.limits.maximumAvailable, this.available + ((now - this.at) / 1000) * this.limits.restoreRate);
    this.at = now;
    return Math.floor(this.available);
  }

  /** Takes `cost` points if they are there; false means THROTTLED. */
  take(cost: number): boolean {
    if (this.currentlyAvailable() < cost) return false;
    this.available -= cost;
    return true;
  }

  /** Returns points reserved for the requested cost but not used by the actual cost. */
  refund(points: number): void {
    this.available = Math.min(this.limits.maximumAvailable, this.available + points);
  }

  status() {
    return {
      maximumAvailable: this.limits.maximumAvailable,
      currentlyAvailable: this.currentlyAvailable(),
      restoreRate: this.limits.restoreRate,
    };
  }
}
