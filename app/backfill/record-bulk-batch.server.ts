import prisma from "../db.server";
import { parseGraphqlProduct } from "../catalogue/graphql-product-command";
import { recordProducts } from "../catalogue/record-products.server";
import { parseGraphqlCustomer } from "../customers/graphql-customer-command";
import { recordCustomers } from "../customers/record-customers.server";
import { settleOrderPoints } from "../loyalty/order-points.server";
import { parseGraphqlOrder } from "../orders/graphql-order-command";
import { recordOrders } from "../orders/record-orders.server";
import type { BackfillPhase, BackfillRunRow } from "./backfill-run";
import type { BulkRecord } from "./bulk-records";
import { parkRecords, readNodes } from "../webhooks/park-records.server";

/**
 * Orders recorded per call within a batch: each call's lookups bind a parameter per order (twice for
 * settlement), and Prisma refuses more than 999 on SQLite.
 */
const ORDERS_PER_CALL = 400;

/**
 * Commits one batch of a backfill phase in one transaction: the records (through the same paths
 * webhooks take), the records that could not be read (parked in the inbox with their reason, under a
 * `bulk/<phase>` topic the merchant can retry), and where the run stands — so a crash after the commit
 * resumes after this batch, and a crash before it redoes the whole batch.
 */
export async function recordBulkBatch(input: {
  shop: string;
  runId: string;
  phase: BackfillPhase;
  currencyCode: string;
  records: BulkRecord[];
}): Promise<BackfillRunRow> {
  const { shop, runId, phase, currencyCode, records } = input;
  const nodes = records.map((r) => r.node);
  const idOf = (_node: unknown, index: number) => `backfill:${runId}:${records[index]!.firstLine}`;
  const endLine = records.at(-1)?.endLine;
  return prisma.$transaction(
    async (tx) => {
      let parked: number;
      if (phase === "products") {
        const { commands, unreadable } = readNodes(nodes, (node) => parseGraphqlProduct(node, currencyCode), idOf);
        await recordProducts(tx, shop, commands);
        await parkRecords(tx, shop, "bulk/products", unreadable);
        parked = unreadable.length;
      } else if (phase === "customers") {
        const { commands, unreadable } = readNodes(nodes, (node) => parseGraphqlCustomer(node), idOf);
        await recordCustomers(tx, shop, commands);
        await parkRecords(tx, shop, "bulk/customers", unreadable);
        parked = unreadable.length;
      } else {
        const { commands, unreadable } = readNodes(nodes, (node) => parseGraphqlOrder(node), idOf);
        for (let at = 0; at < commands.length; at += ORDERS_PER_CALL) {
          const recorded = await recordOrders(tx, shop, commands.slice(at, at + ORDERS_PER_CALL), "backfill");
          await settleOrderPoints(tx, shop, recorded.changedOrderGids);
        }
        await parkRecords(tx, shop, "bulk/orders", unreadable);
        parked = unreadable.length;
      }
      const done = records.length - parked;
      return tx.backfillRun.update({
        where: { id: runId },
        data: {
          ...(endLine !== undefined ? { linesDone: endLine } : {}),
          skipped: { increment: parked },
          ...(phase === "products"
            ? { productsDone: { increment: done } }
            : phase === "customers"
              ? { customersDone: { increment: done } }
              : { ordersDone: { increment: done } }),
        },
      });
    },
    { timeout: 120_000 },
  );
}
