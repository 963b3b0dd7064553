import type { Tx } from "../db.server";
import { ledgerKeys, pointsForOrder } from "./earn";
import { postEntries, type Posting } from "./ledger.server";
import { getLoyaltyProgram } from "./program.server";

/** Financial states of an order that was paid at some point. */
const PAID = new Set(["paid", "partially_refunded", "refunded"]);

/**
 * Settles the points of orders whose stored state changed, inside the history's transaction. Points
 * follow the order's own state, never the topic it arrived under (the topic header is not signed):
 * - a paid order placed since the program started earns once, for the customer it was placed by;
 * - a cancelled order's earning is reversed once, on the account that earned it (even if the order's
 *   customer has changed since);
 * - orders from before the install build history but earn nothing, whichever path brought them —
 *   backfill, a later webhook, reconciliation (docs/decisions/002).
 * Keys come from the order GID, so any arrival order and any number of deliveries post the same.
 * @example await settleOrderPoints(tx, shop, recorded.changedOrderGids)
 */
export async function settleOrderPoints(tx: Tx, shop: string, orderGids: string[]): Promise<void> {
  if (orderGids.length === 0) return;
  const [orders, program, shopRow] = await Promise.all([
    tx.order.findMany({
      where: { shop, orderGid: { in: orderGids } },
      select: {
        orderGid: true,
        customerGid: true,
        processedAt: true,
        cancelledAt: true,
        test: true,
        financialStatus: true,
        subtotalMinor: true,
        currencyCode: true,
      },
    }),
    getLoyaltyProgram(shop, tx),
    tx.shop.findUnique({ where: { shop }, select: { installedAt: true } }),
  ]);
  const keys = orders.flatMap((o) => [ledgerKeys.orderEarn(o.orderGid), ledgerKeys.orderCancel(o.orderGid)]);
  const entries = await tx.ledgerEntry.findMany({
    where: { shop, idempotencyKey: { in: keys } },
    select: { idempotencyKey: true, customerGid: true, points: true },
  });
  const posted = new Map(entries.map((e) => [e.idempotencyKey, e]));
  const earningFrom = shopRow?.installedAt ?? new Date(0);
  const postings: Posting[] = [];
  for (const o of orders) {
    const earned = posted.get(ledgerKeys.orderEarn(o.orderGid));
    if (o.cancelledAt) {
      if (earned && earned.points > 0 && !posted.has(ledgerKeys.orderCancel(o.orderGid))) {
        postings.push({
          shop,
          customerGid: earned.customerGid,
          points: -earned.points,
          reason: "reverse:cancel",
          idempotencyKey: ledgerKeys.orderCancel(o.orderGid),
          sourceGid: o.orderGid,
        });
      }
      continue;
    }
    if (earned || !o.customerGid || o.test || !PAID.has(o.financialStatus ?? "") || o.processedAt < earningFrom) continue;
    const points = pointsForOrder(
      { subtotalMinor: Number(o.subtotalMinor), currencyCode: o.currencyCode, customer: true, test: false, cancelled: false },
      program.pointsPerCurrencyUnit,
    );
    if (points > 0)
      postings.push({
        shop,
        customerGid: o.customerGid,
        points,
        reason: "earn:order",
        idempotencyKey: ledgerKeys.orderEarn(o.orderGid),
        sourceGid: o.orderGid,
      });
  }
  await postEntries(tx, postings);
}
