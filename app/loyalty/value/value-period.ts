/** The periods the value page offers. */
export const VALUE_PERIODS = { "30d": "Last 30 days", "90d": "Last 90 days", "12m": "Last 12 months", all: "All time" } as const;
export type ValuePeriod = keyof typeof VALUE_PERIODS;

/**
 * Start of a period ending now (unknown periods read as the last 90 days).
 * @example periodStart("30d", new Date("2026-03-31T00:00:00Z")) // 2026-03-01T00:00:00.000Z
 */
export function periodStart(period: string, now: Date): { period: ValuePeriod; from: Date } {
  const day = 86_400_000;
  if (period === "30d") return { period, from: new Date(now.getTime() - 30 * day) };
  if (period === "12m") {
    const from = new Date(now);
    from.setUTCMonth(from.getUTCMonth() - 12);
    return { period, from };
  }
  if (period === "all") return { period, from: new Date(0) };
  return { period: "90d", from: new Date(now.getTime() - 90 * day) };
}

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}
