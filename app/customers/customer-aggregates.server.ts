import { SQL, type Tx } from "../db.server";
import { enqueueSegmentsRefresh } from "../segments/segments-queue.server";

/**
 * Recomputes the named customers' order aggregates from their orders (not cancelled, not test):
 * count, spend, refunds, first and last order — in one statement, inside the caller's transaction, so
 * they can never disagree with the orders. A recomputation rather than increments: re-delivered,
 * reordered and reassigned orders all land on the same numbers.
 * Queues the shop's segments refresh (RFM and merchant segments follow the aggregates).
 * Why raw SQL: Prisma has no UPDATE … SET col = (subquery); one statement serves any batch size.
 * @example await refreshCustomerAggregates(tx, shop, ["gid://shopify/Customer/1"])
 */
export async function refreshCustomerAggregates(tx: Tx, shop: string, customerGids: Iterable<string>): Promise<void> {
  const gids = [...new Set(customerGids)];
  if (gids.length === 0) return;
  const mine = SQL.sql`FROM "Order" o WHERE o."shop" = "Customer"."shop" AND o."customerGid" = "Customer"."customerGid" AND o."cancelledAt" IS NULL AND o."test" = false`;
  for (let i = 0; i < gids.length; i += 500) {
    await tx.$executeRaw`
      UPDATE "Customer" SET
        "ordersCount" = (SELECT COUNT(*) ${mine}),
        "spentMinor" = COALESCE((SELECT SUM(o."totalMinor") ${mine}), 0),
        "refundedMinor" = COALESCE((SELECT SUM(o."refundedMinor") ${mine}), 0),
        "firstOrderAt" = (SELECT MIN(o."processedAt") ${mine}),
        "lastOrderAt" = (SELECT MAX(o."processedAt") ${mine}),
        "netSpentMinor" = COALESCE((SELECT SUM(o."totalMinor") - SUM(o."refundedMinor") ${mine}), 0),
        "updatedAt" = ${new Date()}
      WHERE "shop" = ${shop} AND "customerGid" IN (${SQL.join(gids.slice(i, i + 500))})`;
  }
  await enqueueSegmentsRefresh(tx, shop);
}
