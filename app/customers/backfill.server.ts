import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import prisma from "../db.server";
import { logger } from "../lib/logger.server";
import { ShopifyApiError } from "../lib/errors";
import { requireNoUserErrors, runOperation, type AdminGraphql } from "../shopify/graphql.server";
import { BULK_RUN_QUERY, ORDERS_BULK_QUERY, PRODUCTS_BULK_QUERY, type BulkRunQueryResult } from "../shopify/bulk-queries";
import { BULK_OPERATION_STATUS, type BulkOperationStatusResult } from "../shopify/bulk-operation-status";
import { bulkOrderCommands } from "./bulk-order-command";
import { recordOrders } from "./record-order.server";
import { bulkProductUpsert } from "./bulk-product.server";

type Phase = "products" | "orders";
const QUERIES: Record<Phase, string> = { products: PRODUCTS_BULK_QUERY, orders: ORDERS_BULK_QUERY };

/** Starts a backfill phase's bulk operation and remembers it on the shop. */
export async function startBackfill(shop: string, admin: AdminGraphql, phase: Phase = "products"): Promise<void> {
  const query = QUERIES[phase].replace("#graphql", "").trim();
  const data = await runOperation<BulkRunQueryResult>(admin, "BulkRunQuery", BULK_RUN_QUERY, { query });
  requireNoUserErrors("BulkRunQuery", data.bulkOperationRunQuery.userErrors);
  await prisma.shop.update({
    where: { shop },
    data: { backfillStatus: "running", backfillPhase: phase, backfillOperation: data.bulkOperationRunQuery.bulkOperation!.id },
  });
}

/**
 * bulk_operations/finish for the backfill: stream the JSONL Shopify wrote line by line into the same
 * paths webhooks use (idempotent, so an order that also came by webhook is kept once); after the
 * catalogue, start the orders; after the orders, mark the backfill completed. Backfilled orders build
 * history only — they earn no points (docs/decisions/002).
 * @example await continueBackfill(shop, admin, "gid://shopify/BulkOperation/1")
 */
export async function continueBackfill(shop: string, admin: AdminGraphql, operationGid: string): Promise<void> {
  const row = await prisma.shop.findUnique({ where: { shop } });
  if (!row || row.backfillStatus !== "running" || row.backfillOperation !== operationGid) return; // not ours, or done already
  const { node } = await runOperation<BulkOperationStatusResult>(admin, "BulkOperationStatus", BULK_OPERATION_STATUS, { id: operationGid });
  if (!node || node.status !== "COMPLETED") {
    await prisma.shop.update({ where: { shop }, data: { backfillStatus: "failed" } });
    logger.warn("backfill bulk operation did not complete", {
      shop,
      status: node?.status ?? "missing",
      errorCode: node?.errorCode ?? null,
    });
    return;
  }
  const lines = await jsonlLines(node.url);
  if (row.backfillPhase === "products") {
    let products = 0;
    let batch: NonNullable<ReturnType<typeof bulkProductUpsert>>[] = [];
    const flush = async () => {
      products += (await prisma.$transaction(batch)).length; // one commit per few hundred products
      batch = [];
    };
    for await (const line of lines) {
      const upsert = line.trim() ? bulkProductUpsert(shop, JSON.parse(line), row.currencyCode) : null;
      if (upsert) batch.push(upsert);
      if (batch.length >= 250) await flush();
    }
    await flush();
    await prisma.shop.update({ where: { shop }, data: { backfillProducts: products } });
    await startBackfill(shop, admin, "orders");
    return;
  }
  let orders = 0;
  let batch: Parameters<typeof recordOrders>[1] = [];
  for await (const order of bulkOrderCommands(lines)) {
    batch.push(order);
    if (batch.length >= 200) {
      orders += (await recordOrders(shop, batch, "backfill")).length;
      batch = [];
    }
  }
  if (batch.length) orders += (await recordOrders(shop, batch, "backfill")).length;
  await prisma.shop.update({
    where: { shop },
    data: { backfillStatus: "completed", backfillPhase: null, backfillOrders: orders, backfillFinishedAt: new Date() },
  });
}

async function jsonlLines(url: string | null): Promise<AsyncIterable<string>> {
  if (!url) return (async function* () {})(); // an empty result has no file
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new ShopifyApiError("BulkOperationResult", `download failed with ${response.status}`);
  return createInterface({ input: Readable.fromWeb(response.body as WebReadableStream), crlfDelay: Infinity });
}
