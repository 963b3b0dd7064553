/** What makes a customer qualify for a tier: money spent (minor units) or points earned. */
export type TierMetric = "spend" | "points";
/** Over which period the qualifying figure is counted. */
export type TierWindow = "rolling12" | "calendar" | "lifetime";

export const TIER_METRICS: readonly TierMetric[] = ["spend", "points"];
export const TIER_WINDOWS: readonly TierWindow[] = ["rolling12", "calendar", "lifetime"];

/** The program-wide tier rules. */
export interface TierCriteria {
  metric: TierMetric;
  window: TierWindow;
  /** A tier reached is kept at least this many days, even when the customer stops qualifying. */
  retentionDays: number;
}

/** One tier as the ranking sees it. */
export interface TierDef {
  id: string;
  name: string;
  /** Minor units of shop currency (spend) or points (points). */
  threshold: bigint;
}

/**
 * Start of the qualifying window (UTC): 12 months back, 1 January of this year, or the epoch.
 * @example windowStart("calendar", new Date("2026-06-15T00:00:00Z")) // 2026-01-01T00:00:00.000Z
 */
export function windowStart(window: TierWindow, now: Date): Date {
  if (window === "lifetime") return new Date(0);
  if (window === "calendar") return new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - 12);
  return start;
}

/**
 * The highest tier a qualifying figure reaches (null: below every tier).
 * @example tierFor(600n, [{ id: "s", name: "Silver", threshold: 500n }, { id: "g", name: "Gold", threshold: 1000n }])?.name // "Silver"
 */
export function tierFor<T extends TierDef>(value: bigint, tiers: readonly T[]): T | null {
  let best: T | null = null;
  for (const t of tiers) if (value >= t.threshold && (!best || t.threshold > best.threshold)) best = t;
  return best;
}

/** Tiers from lowest to highest threshold. */
export function byThreshold<T extends { threshold: bigint }>(tiers: readonly T[]): T[] {
  return [...tiers].sort((a, b) => (a.threshold < b.threshold ? -1 : a.threshold > b.threshold ? 1 : 0));
}
