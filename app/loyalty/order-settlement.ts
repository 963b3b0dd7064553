import { pointsOf, WEIGHT_SCALE } from "./program/earning";

/** What the ledger already holds for one order (its postings, by key suffix). */
export interface OrderLedger {
  earn: {
    points: number;
    customerGid: string;
    bucket: string;
    basisMinor: bigint | null;
    rate: number | null;
    weightedBasis: bigint | null;
  } | null;
  /** Refund GIDs already clawed back, with the points each took (negative). */
  clawedBack: Map<string, number>;
  cancelled: boolean;
  released: boolean;
  /** Net points of this order still in the pending bucket. */
  pendingNet: number;
  /** The first-order bonus posted with this order's earning, and whether a cancellation took it back. */
  firstOrderBonus: { points: number; reversed: boolean } | null;
}

/** Reads an order's postings (keys `order:<gid>:<suffix>`) into what settlement needs to know. */
export function readOrderLedger(
  orderGid: string,
  entries: {
    idempotencyKey: string;
    customerGid: string;
    points: number;
    bucket: string;
    basisMinor: bigint | null;
    rate: number | null;
    weightedBasis: bigint | null;
  }[],
): OrderLedger {
  const ledger: OrderLedger = {
    earn: null,
    clawedBack: new Map(),
    cancelled: false,
    released: false,
    pendingNet: 0,
    firstOrderBonus: null,
  };
  const prefix = `order:${orderGid}:`;
  for (const e of entries) {
    const suffix = e.idempotencyKey.slice(prefix.length);
    if (e.bucket === "pending") ledger.pendingNet += e.points;
    if (suffix === "earn") {
      const { points, customerGid, bucket, basisMinor, rate, weightedBasis } = e;
      ledger.earn = { points, customerGid, bucket, basisMinor, rate, weightedBasis };
    } else if (suffix === "cancel") ledger.cancelled = true;
    else if (suffix === "release") ledger.released = true;
    else if (suffix.startsWith("refund:")) ledger.clawedBack.set(suffix.slice("refund:".length), e.points);
    else if (suffix === "first-order") ledger.firstOrderBonus = { points: e.points, reversed: ledger.firstOrderBonus?.reversed ?? false };
    else if (suffix === "first-order:cancel") ledger.firstOrderBonus = { points: -e.points, reversed: true };
  }
  return ledger;
}

/**
 * The points a set of refunds claws back in total: what the earning would have been on the base left
 * after them — the weighted base (multipliers in force when earned) shrunk in proportion — at the rate
 * snapshotted when earned, subtracted from the earning. So partial, repeated and over-refunds add up
 * exactly to what a single refund of the same total would take, whatever the rules are now.
 * @example totalClawback({ points: 25, basisMinor: 2599n, rate: 1, weightedBasis: null }, 1300n, "GBP") // 13 (12 left on £12.99)
 */
export function totalClawback(
  earn: { points: number; basisMinor: bigint | null; rate: number | null; weightedBasis?: bigint | null },
  refundedMinor: bigint,
  currencyCode: string,
): number {
  if (earn.basisMinor === null || earn.rate === null || earn.basisMinor <= 0n) {
    // An earning from before snapshots: nothing to measure a share by.
    return 0;
  }
  const left = earn.basisMinor - refundedMinor;
  if (left <= 0n) return earn.points;
  const weighted = earn.weightedBasis ?? earn.basisMinor * WEIGHT_SCALE;
  const kept = pointsOf((weighted * left) / earn.basisMinor, earn.rate, currencyCode);
  return Math.max(0, Math.min(earn.points, earn.points - kept));
}
