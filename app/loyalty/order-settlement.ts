import { pointsForOrder } from "./earn";

/** What the ledger already holds for one order (its postings, by key suffix). */
export interface OrderLedger {
  earn: { points: number; customerGid: string; bucket: string; basisMinor: bigint | null; rate: number | null } | null;
  /** Refund GIDs already clawed back, with the points each took (negative). */
  clawedBack: Map<string, number>;
  cancelled: boolean;
  released: boolean;
  /** Net points of this order still in the pending bucket. */
  pendingNet: number;
}

/**
 * The points a set of refunds claws back in total: what the earning would have been on the merchandise
 * left after them, at the rate snapshotted when earned, subtracted from the earning — so partial,
 * repeated and over-refunds add up exactly to what a single refund of the same total would take.
 * @example totalClawback({ points: 25, basisMinor: 2599n, rate: 1 }, 1300n, "GBP") // 13 (12 left on £12.99)
 */
export function totalClawback(
  earn: { points: number; basisMinor: bigint | null; rate: number | null },
  refundedMinor: bigint,
  currencyCode: string,
): number {
  if (earn.basisMinor === null || earn.rate === null || earn.basisMinor <= 0n) {
    // An earning from before snapshots: all of it when everything was refunded, else nothing to measure by.
    return 0;
  }
  const left = earn.basisMinor - refundedMinor;
  if (left <= 0n) return earn.points;
  const kept = pointsForOrder({ subtotalMinor: Number(left), currencyCode, customer: true, test: false, cancelled: false }, earn.rate);
  return Math.max(0, Math.min(earn.points, earn.points - kept));
}
