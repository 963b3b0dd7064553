import { randomUUID } from "node:crypto";
import { countInSlices, inSlices } from "../lib/in-slices";
import type { Prisma } from "../db-client.server";

import { SQL, type Tx } from "../db.server";
import type { RefundCommand } from "./refund-command";
import { refreshCustomerAggregates } from "../customers/customer-aggregates.server";

/**
 * Records refunds inside the caller's transaction. A refund never changes once made, so each is
 * written once per GID; a refund first known without its lines (bulk results cannot itemize them)
 * gets them when a webhook or reconciliation brings them. Returns the orders whose refunds changed.
 * @example const orders = await recordRefunds(tx, shop, [parseRestRefund(payload)])
 */
export async function recordRefunds(tx: Tx, shop: string, refunds: RefundCommand[]): Promise<string[]> {
  const byGid = new Map(refunds.map((r) => [r.refundGid, r]));
  if (byGid.size === 0) return [];
  const existing = await inSlices(byGid.keys(), (slice) =>
    tx.refund.findMany({ where: { shop, refundGid: { in: slice } }, select: { id: true, refundGid: true, subtotalMinor: true } }),
  );
  const known = new Map(existing.map((r) => [r.refundGid, r]));
  const changed = new Set<string>();
  const lines: Prisma.RefundLineCreateManyInput[] = [];
  const created: Prisma.RefundCreateManyInput[] = [];
  for (const refund of byGid.values()) {
    const row = known.get(refund.refundGid);
    if (row && (row.subtotalMinor !== null || refund.subtotalMinor === null)) continue;
    const id = row?.id ?? randomUUID();
    if (row) await tx.refund.update({ where: { id }, data: { subtotalMinor: refund.subtotalMinor } });
    else
      created.push({
        id,
        shop,
        refundGid: refund.refundGid,
        orderGid: refund.orderGid,
        refundedAt: refund.refundedAt,
        note: refund.note,
        subtotalMinor: refund.subtotalMinor,
        totalMinor: refund.totalMinor,
      });
    for (const line of refund.lines) lines.push({ id: randomUUID(), refundId: id, shop, ...line });
    changed.add(refund.orderGid);
  }
  if (created.length) await tx.refund.createMany({ data: created });
  if (lines.length) await tx.refundLine.createMany({ data: lines });
  return [...changed];
}

/**
 * Sets each named order's `refundedMinor` to the money its recorded refunds returned. Orders without a
 * refund row keep theirs: refunds are never removed, so it is the 0 they were created with (and no row
 * is rewritten for nothing — most orders recorded in a batch have no refund).
 */
export async function refreshOrderRefunds(tx: Tx, shop: string, orderGids: Iterable<string>): Promise<void> {
  const refunds = SQL.sql`FROM "Refund" r WHERE r."shop" = "Order"."shop" AND r."orderGid" = "Order"."orderGid"`;
  await countInSlices(orderGids, async (gids) => ({
    count: await tx.$executeRaw`
      UPDATE "Order" SET "refundedMinor" = (SELECT SUM(r."totalMinor") ${refunds})
      WHERE "shop" = ${shop} AND "orderGid" IN (${SQL.join(gids)}) AND EXISTS (SELECT 1 ${refunds})`,
  }));
}

/**
 * refunds/create: records the refunds, then the refunded money of their orders and the net value of
 * those orders' customers. A refund that arrives before its order is kept; the order picks it up.
 * Returns the orders whose refunds changed.
 */
export async function applyRefunds(tx: Tx, shop: string, refunds: RefundCommand[]): Promise<string[]> {
  const changed = await recordRefunds(tx, shop, refunds);
  if (changed.length === 0) return [];
  await refreshOrderRefunds(tx, shop, changed);
  const owners = await inSlices(changed, (slice) =>
    tx.order.findMany({ where: { shop, orderGid: { in: slice }, customerGid: { not: null } }, select: { customerGid: true } }),
  );
  await refreshCustomerAggregates(
    tx,
    shop,
    owners.map((o) => o.customerGid!),
  );
  return changed;
}
