/**
 * How far the cut-offs may drift before a full recomputation: customers whose orders changed since
 * the cut-offs were computed, as a share of the buyers ranked then. Each such customer moves every
 * other customer's percent rank by at most 1 / (n − 1), so at 1% no one is more than one percentile
 * from where a full recomputation would rank them (only customers that close to a quintile boundary can
 * differ by one score) — and a shop of 250,000 buyers recomputes after 2,500 changed customers.
 */
export const RFM_MAX_DRIFT = 0.01;

/** Cut-offs older than this are recomputed whatever changed (the segments job also runs on this schedule). */
export const RFM_MAX_AGE_MS = 24 * 3_600_000;

/**
 * Whether the segments job must recompute RFM for the whole shop, or may score only the customers
 * that changed against the cut-offs of the last full recomputation.
 * @example rfmNeedsFullRun(null, 0, new Date()) // true: never computed
 * @example rfmNeedsFullRun({ buyers: 250_000, computedAt: anHourAgo }, 40, now) // false: 40 ≤ 2,500
 */
export function rfmNeedsFullRun(last: { buyers: number; computedAt: Date } | null, changedSince: number, now: Date): boolean {
  if (!last) return true;
  if (now.getTime() - last.computedAt.getTime() >= RFM_MAX_AGE_MS) return true;
  return changedSince > last.buyers * RFM_MAX_DRIFT;
}
