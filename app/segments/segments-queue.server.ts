import type { Tx } from "../db.server";
import { enqueueJob, nudgeJob } from "../jobs/queue.server";

/** One live segments job per shop. */
export const segmentsRefreshKey = (shop: string) => `segments-refresh:${shop}`;

/**
 * Orders arriving within this window fold into one recomputation (a burst of 1,000 orders recomputes
 * once, a minute later, instead of 1,000 times).
 */
export const SEGMENTS_DEBOUNCE_MS = 60_000;

/**
 * Queues the shop's segments refresh (RFM, merchant segments, write-back) in the caller's transaction:
 * the order and refund recording paths call it whenever customers' aggregates change.
 * `now` makes it due at once (a merchant saved a segment).
 * @example await enqueueSegmentsRefresh(tx, shop)
 */
export async function enqueueSegmentsRefresh(tx: Tx, shop: string, options: { now?: boolean } = {}): Promise<void> {
  const runAt = new Date(Date.now() + (options.now ? 0 : SEGMENTS_DEBOUNCE_MS));
  await enqueueJob(tx, { kind: "segments-refresh", shop, key: segmentsRefreshKey(shop), runAt });
}

/** Makes a queued refresh due now (tests, the admin's "recompute now"). */
export const nudgeSegmentsRefresh = (tx: Tx, shop: string) => nudgeJob(tx, segmentsRefreshKey(shop));
