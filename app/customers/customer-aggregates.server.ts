import { SQL, type Tx } from "../db.server";
import { countInSlices } from "../lib/in-slices";
import { enqueueSegmentsRefresh } from "../segments/segments-queue.server";

/**
 * Recomputes the named customers' order aggregates from their orders (not cancelled, not test):
 * count, spend, refunds, first and last order — in one statement, inside the caller's transaction, so
 * they can never disagree with the orders. A recomputation rather than increments: re-delivered,
 * reordered and reassigned orders all land on the same numbers.
 * Queues the shop's segments refresh (RFM and merchant segments follow the aggregates).
 * Why raw SQL: Prisma has no UPDATE … SET (cols) = (subquery); one statement serves any batch size.
 * @example await refreshCustomerAggregates(tx, shop, ["gid://shopify/Customer/1"])
 */
export async function refreshCustomerAggregates(tx: Tx, shop: string, customerGids: Iterable<string>): Promise<void> {
  const gids = [...new Set(customerGids)];
  if (gids.length === 0) return;
  const now = new Date();
  // One scan of each customer's orders for all six figures (a row-value SET), not one per figure.
  await countInSlices(gids, async (slice) => ({
    count: await tx.$executeRaw`
      UPDATE "Customer" SET
        ("ordersCount", "spentMinor", "refundedMinor", "firstOrderAt", "lastOrderAt", "netSpentMinor") = (
          SELECT COUNT(*), COALESCE(SUM(o."totalMinor"), 0), COALESCE(SUM(o."refundedMinor"), 0), MIN(o."processedAt"),
            MAX(o."processedAt"), COALESCE(SUM(o."totalMinor") - SUM(o."refundedMinor"), 0)
          FROM "Order" o
          WHERE o."shop" = "Customer"."shop" AND o."customerGid" = "Customer"."customerGid" AND o."cancelledAt" IS NULL AND o."test" = false),
        "updatedAt" = ${now}
      WHERE "shop" = ${shop} AND "customerGid" IN (${SQL.join(slice)})`,
  }));
  await enqueueSegmentsRefresh(tx, shop);
}
