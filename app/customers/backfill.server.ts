import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import prisma from "../db.server";
import { logger } from "../lib/logger.server";
import { ShopifyApiError } from "../lib/errors";
import { requireNoUserErrors, runOperation, type AdminGraphql } from "../shopify/graphql.server";
import { BULK_ORDERS_BACKFILL, ORDERS_BULK_QUERY, type BulkOrdersBackfillResult } from "../shopify/bulk-orders-backfill";
import { BULK_OPERATION_STATUS, type BulkOperationStatusResult } from "../shopify/bulk-operation-status";
import { bulkOrderCommands } from "./bulk-order-command";
import { recordOrder } from "./record-order.server";

/** Starts the BulkOrders bulk operation and remembers it on the shop. */
export async function startOrdersBackfill(shop: string, admin: AdminGraphql): Promise<void> {
  const data = await runOperation<BulkOrdersBackfillResult>(admin, "BulkOrdersBackfill", BULK_ORDERS_BACKFILL, { query: ORDERS_BULK_QUERY.replace("#graphql", "") });
  requireNoUserErrors("BulkOrdersBackfill", data.bulkOperationRunQuery.userErrors);
  await prisma.shop.update({ where: { shop }, data: { backfillStatus: "running", backfillOperation: data.bulkOperationRunQuery.bulkOperation!.id } });
}

/**
 * bulk_operations/finish for the backfill: read the JSONL Shopify wrote, stream it line by line
 * through the same order path webhooks use (recordOrder is idempotent, so an order that also came by
 * webhook is kept once), then mark the backfill completed. Backfilled orders build history only; they
 * earn no points (docs/decisions/002).
 * @example await completeOrdersBackfill(shop, admin, "gid://shopify/BulkOperation/1")
 */
export async function completeOrdersBackfill(shop: string, admin: AdminGraphql, operationGid: string): Promise<number> {
  const row = await prisma.shop.findUnique({ where: { shop } });
  if (!row || row.backfillOperation !== operationGid) return 0; // not ours (or already superseded)
  if (row.backfillStatus === "completed") return row.backfillOrders;
  const { node } = await runOperation<BulkOperationStatusResult>(admin, "BulkOperationStatus", BULK_OPERATION_STATUS, { id: operationGid });
  if (!node || node.status !== "COMPLETED") {
    await prisma.shop.update({ where: { shop }, data: { backfillStatus: "failed" } });
    logger.warn("backfill bulk operation did not complete", { shop, status: node?.status ?? "missing", errorCode: node?.errorCode ?? null });
    return 0;
  }
  let count = 0;
  if (node.url) {
    const response = await fetch(node.url);
    if (!response.ok || !response.body) throw new ShopifyApiError("BulkOperationResult", `download failed with ${response.status}`);
    const lines = createInterface({ input: Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), crlfDelay: Infinity });
    for await (const order of bulkOrderCommands(lines)) {
      await recordOrder(shop, order, "backfill");
      count += 1;
    }
  }
  await prisma.shop.update({ where: { shop }, data: { backfillStatus: "completed", backfillOrders: count, backfillFinishedAt: new Date() } });
  return count;
}
