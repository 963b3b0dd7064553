import { newRowId } from "../lib/row-id";
import { countInSlices, inSlices } from "../lib/in-slices";
import { dbKind, type Tx, SQL } from "../db.server";

import { recordCustomers } from "../customers/record-customers.server";
import { insertRows } from "../lib/insert-rows.server";
import { refreshCustomerAggregates } from "../customers/customer-aggregates.server";
import type { OrderCommand } from "./order-command";
import { isNewerOrder } from "./order-version";
import { recordRefunds, refreshOrderRefunds } from "./record-refunds.server";
import { queueRecsBuild, RECS_DEBOUNCE_MS } from "../recommendations/recs-build-job.server";

/** The path that first recorded an order. */
export type IngestedVia = "webhook" | "backfill" | "reconcile";

/** What a batch changed: the orders whose stored state moved (points settle on these). */
export interface RecordedOrders {
  changedOrderGids: string[];
}

/**
 * Records orders in the customers' histories inside the caller's transaction, in batches: orders,
 * lines, purchase interactions, refunds and the customers' aggregates commit together. Reorder-safe:
 * an older version of an order never overwrites a newer one (docs/decisions/004), so any arrival order
 * of the same deliveries ends in the same state; a re-delivery changes nothing.
 * @example await prisma.$transaction((tx) => recordOrders(tx, shop, [parseRestOrder(payload)], "webhook"))
 */
export async function recordOrders(tx: Tx, shop: string, commands: OrderCommand[], via: IngestedVia): Promise<RecordedOrders> {
  const latest = new Map<string, OrderCommand>();
  for (const c of commands) {
    const seen = latest.get(c.orderGid);
    if (!seen || isNewerOrder(version(c), version(seen))) latest.set(c.orderGid, c);
  }
  if (latest.size === 0) return { changedOrderGids: [] };
  const gids = [...latest.keys()];
  // PostgreSQL: workers in several processes may hold deliveries of the same order; the row lock
  // makes the version check and the write one step. SQLite has a single writer already.
  if (dbKind === "postgres")
    await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "shop" = ${shop} AND "orderGid" IN (${SQL.join(gids)}) ORDER BY "id" FOR UPDATE`;
  const stored = await inSlices(gids, (slice) =>
    tx.order.findMany({
      where: { shop, orderGid: { in: slice } },
      select: { id: true, orderGid: true, sourceUpdatedAt: true, cancelledAt: true, financialStatus: true, customerGid: true },
    }),
  );
  const byGid = new Map(stored.map((row) => [row.orderGid, row]));

  const created: OrderCommand[] = [];
  const updated: { id: string; command: OrderCommand; previousCustomerGid: string | null }[] = [];
  for (const command of latest.values()) {
    const row = byGid.get(command.orderGid);
    if (!row) created.push(command);
    else if (
      isNewerOrder(version(command), {
        updatedAt: row.sourceUpdatedAt,
        cancelled: row.cancelledAt !== null,
        financialStatus: row.financialStatus,
      })
    ) {
      updated.push({ id: row.id, command, previousCustomerGid: row.customerGid });
    }
  }

  const ids = new Map<string, string>();
  if (created.length) {
    const now = new Date();
    const data = created.map((c) => {
      const id = newRowId();
      ids.set(c.orderGid, id);
      return { id, shop, orderGid: c.orderGid, ingestedVia: via, ...orderFields(c), createdAt: now, updatedAt: now };
    });
    await insertRows(tx, "Order", data);
  }
  for (const { id, command } of updated) {
    ids.set(command.orderGid, id);
    await tx.order.update({ where: { id }, data: orderFields(command) });
  }
  if (updated.length) {
    const replaced = updated.map((u) => u.id);
    await countInSlices(replaced, (slice) => tx.orderLine.deleteMany({ where: { orderId: { in: slice } } }));
    await countInSlices(replaced, (slice) => tx.interaction.deleteMany({ where: { orderId: { in: slice } } }));
  }
  const written = [...created, ...updated.map((u) => u.command)];
  const lines = written.flatMap((c) => c.lines.map((line) => ({ id: newRowId(), orderId: ids.get(c.orderGid)!, shop, ...line })));
  await insertRows(tx, "OrderLine", lines);
  const purchases = written
    .filter((c) => !c.cancelledAt && !c.test)
    .flatMap((c) =>
      c.lines
        .filter((line) => line.productGid && line.quantity > 0)
        .map((line) => ({
          id: newRowId(),
          shop,
          customerGid: c.customer?.customerGid ?? null,
          productGid: line.productGid!,
          kind: "purchase",
          weight: line.quantity,
          at: c.processedAt,
          orderId: ids.get(c.orderGid)!,
        })),
    );
  await insertRows(tx, "Interaction", purchases);

  const refunded = await recordRefunds(
    tx,
    shop,
    [...latest.values()].flatMap((c) => c.refunds),
  );
  await refreshOrderRefunds(tx, shop, [...created.map((c) => c.orderGid), ...refunded]);

  // Customers last, just before their aggregates: on PostgreSQL their rows are what concurrent
  // workers' batches share (an order's customer buys again), and a row lock taken here is held to
  // the commit — taken late, it is held for the end of the batch only.
  await recordCustomers(
    tx,
    shop,
    [...latest.values()].flatMap((c) => (c.customer ? [c.customer] : [])),
  );

  const customers = new Set<string>();
  for (const c of written) if (c.customer) customers.add(c.customer.customerGid);
  for (const u of updated) if (u.previousCustomerGid) customers.add(u.previousCustomerGid);
  if (refunded.length) {
    const owners = await inSlices(refunded, (slice) =>
      tx.order.findMany({ where: { shop, orderGid: { in: slice }, customerGid: { not: null } }, select: { customerGid: true } }),
    );
    for (const o of owners) customers.add(o.customerGid!);
  }
  await refreshCustomerAggregates(tx, shop, customers);
  // The backfill queues one full rebuild when it completes; live orders a debounced one.
  if (via !== "backfill" && written.length) await queueRecsBuild(tx, shop, RECS_DEBOUNCE_MS);
  return { changedOrderGids: [...new Set([...written.map((c) => c.orderGid), ...refunded])] };
}

function version(c: OrderCommand) {
  return { updatedAt: c.updatedAt, cancelled: c.cancelledAt !== null, financialStatus: c.financialStatus };
}

function orderFields(c: OrderCommand) {
  return {
    name: c.name,
    customerGid: c.customer?.customerGid ?? null,
    processedAt: c.processedAt,
    shopifyCreatedAt: c.createdAt,
    currencyCode: c.currencyCode,
    subtotalMinor: c.subtotalMinor,
    totalMinor: c.totalMinor,
    discountMinor: c.discountMinor,
    shippingMinor: c.shippingMinor,
    taxMinor: c.taxMinor,
    financialStatus: c.financialStatus,
    fulfillmentStatus: c.fulfillmentStatus,
    sourceName: c.sourceName,
    channel: c.channel,
    locationGid: c.locationGid,
    staffGid: c.staffGid,
    countryCode: c.countryCode,
    test: c.test,
    cancelledAt: c.cancelledAt,
    sourceUpdatedAt: c.updatedAt,
  };
}
