import { SQL, type Db } from "../db.server";
import { computeRfm } from "./compute-rfm.server";
import { getRfmCutoffs } from "./rfm-cutoffs-store.server";
import { rfmNeedsFullRun } from "./rfm-drift";
import { scoreCustomers } from "./score-rfm.server";

/**
 * How far before a full recomputation's start its changes are looked for again. Why: an order's
 * transaction stamps its customers' updatedAt when it writes them but may commit after the
 * recomputation read them (the longest such transactions, backfill batches, may last two minutes).
 * Customers scored twice cost one comparison; a customer missed would keep a stale score for a day.
 */
export const RFM_OVERLAP_MS = 5 * 60_000;

export interface RfmRefresh {
  /** Whether the whole shop was recomputed (otherwise only customers changed since the cut-offs). */
  full: boolean;
  /** Customers whose scores changed. */
  changed: number;
  /** Customers changed since the cut-offs were computed (incremental runs only). */
  drift: number;
}

/**
 * Brings the shop's RFM scores up to date as cheaply as is still right: the customers whose orders or
 * refunds changed since the last full recomputation are scored against its stored cut-offs, unless
 * the cut-offs are stale (never computed, a day old, or over 1% of the buyers changed since:
 * app/segments/rfm-drift.ts) — then the whole shop is recomputed and new cut-offs stored.
 * Why it is right: a customer's score depends on everyone else's values only through the twelve
 * cut-offs, and a few changed customers move those by a few ranks at most.
 * @example const { full, changed } = await refreshRfm(prisma, shop)
 */
export async function refreshRfm(
  db: Db,
  shop: string,
  options: { now?: Date; progress?: (done: number, total: number) => Promise<unknown> } = {},
): Promise<RfmRefresh> {
  const last = await getRfmCutoffs(db, shop);
  if (last) {
    const since = new Date(last.computedAt.getTime() - RFM_OVERLAP_MS);
    const changedSince = SQL.sql`"updatedAt" >= ${since}`;
    const [count] = await db.$queryRaw<{ n: number | bigint }[]>`
      SELECT COUNT(*) AS "n" FROM "Customer" WHERE "shop" = ${shop} AND ${changedSince}`;
    const drift = Number(count?.n ?? 0);
    if (!rfmNeedsFullRun(last, drift, options.now ?? new Date())) {
      return { full: false, drift, changed: await scoreCustomers(db, shop, last.cutoffs, changedSince) };
    }
  }
  return { full: true, drift: 0, changed: await computeRfm(db, shop, { progress: options.progress }) };
}
