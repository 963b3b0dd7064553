import type { Tx } from "../db.server";
import { countInSlices, inSlices } from "../lib/in-slices";
import { ledgerKeys } from "./earn";
import { postEntries, type Posting } from "./ledger.server";
import { readOrderLedger, totalClawback } from "./order-settlement";
import { firstOrderBonus } from "./program/bonuses.server";
import { earningContext } from "./program/earning-context.server";
import { enqueueTierRefresh } from "./tiers/tier-setup.server";
import { earningFrom } from "./program/launch";
import { getLoyaltyProgram } from "./program.server";
import { getLedgerRules } from "./rules.server";
import { readSettlingLines } from "./settling-lines.server";

/** Financial states of an order that was paid at some point. */
const PAID = new Set(["paid", "partially_refunded", "refunded"]);
const DAY_MS = 86_400_000;

/**
 * Settles the points of orders whose stored state changed, inside the history's transaction. Points
 * follow the order's own state, never the topic it arrived under (the topic header is not signed):
 * - a paid order placed since the program started earns once, for the customer it was placed by, under
 *   the program's earning rules (base, product/collection and tier multipliers, app/loyalty/program/
 *   earning.ts) with the base, weighted base and rate snapshotted on the earning; a customer's first
 *   order also earns the first-order bonus; with a pending period it earns into the
 *   pending bucket and is released N days after the order, or on fulfilment when the program says so;
 * - each recorded refund claws back its share: the total taken is always what the earning rule in
 *   force when earned gives on the merchandise left (docs/decisions/007), never more than is left;
 * - a cancelled order's earning is reversed for what is left, once, on the account that earned it;
 * - orders from before the install build history but earn nothing (docs/decisions/002), unless the
 *   merchant chose at launch that past orders earn (from 12 months back, or all; docs/decisions/009).
 * Keys come from the order and refund GIDs, so any arrival order and any number of deliveries post the same.
 * @example await settleOrderPoints(tx, shop, recorded.changedOrderGids)
 */
export async function settleOrderPoints(
  tx: Tx,
  shop: string,
  orderGids: string[],
  now = new Date(),
  options: { earningFrom?: Date; bonuses?: boolean } = {},
): Promise<void> {
  if (orderGids.length === 0) return;
  const [program, rules, shopRow, launch, entries] = await Promise.all([
    getLoyaltyProgram(shop, tx),
    getLedgerRules(shop, tx),
    tx.shop.findUnique({ where: { shop }, select: { installedAt: true } }),
    tx.loyaltyProgram.findUnique({ where: { shop }, select: { launchedAt: true, pastOrders: true } }),
    inSlices(orderGids, (slice) =>
      tx.ledgerEntry.findMany({
        where: { shop, sourceGid: { in: slice } },
        select: {
          idempotencyKey: true,
          sourceGid: true,
          customerGid: true,
          points: true,
          bucket: true,
          basisMinor: true,
          rate: true,
          weightedBasis: true,
          availableAt: true,
        },
      }),
    ),
  ]);
  const from =
    options.earningFrom ??
    earningFrom({
      installedAt: shopRow?.installedAt ?? new Date(0),
      launchedAt: launch?.launchedAt ?? null,
      pastOrders: launch?.pastOrders ?? null,
    });
  // An order from before `from` with nothing in the ledger has nothing to settle (it never earned, so
  // there is nothing to reverse or claw back): it is not read, with its lines — the backfill's orders.
  const inLedger = new Set(entries.map((e) => e.sourceGid!));
  const [rows, refunds] = await Promise.all([
    inSlices(orderGids, (slice) =>
      tx.order.findMany({
        where: {
          shop,
          orderGid: { in: slice },
          OR: [{ processedAt: { gte: from } }, { orderGid: { in: slice.filter((g) => inLedger.has(g)) } }],
        },
        select: {
          orderGid: true,
          customerGid: true,
          processedAt: true,
          cancelledAt: true,
          test: true,
          financialStatus: true,
          fulfillmentStatus: true,
          subtotalMinor: true,
          shippingMinor: true,
          taxMinor: true,
          currencyCode: true,
          id: true,
        },
      }),
    ),
    inSlices(orderGids, (slice) =>
      tx.refund.findMany({
        where: { shop, orderGid: { in: slice }, subtotalMinor: { not: null } },
        select: { refundGid: true, orderGid: true, subtotalMinor: true, refundedAt: true },
        orderBy: [{ refundedAt: "asc" }, { refundGid: "asc" }],
      }),
    ),
  ]);
  const linesOf = await readSettlingLines(
    tx,
    rows.map((o) => o.id),
  );
  const orders = rows.map((o) => ({ ...o, lines: linesOf.get(o.id) ?? [] }));
  const earningOf = await earningContext(tx, shop, program, orders);
  const postings: Posting[] = [];
  for (const o of orders) {
    const mine = entries.filter((e) => e.idempotencyKey.startsWith(`order:${o.orderGid}:`));
    const ledger = readOrderLedger(o.orderGid, mine);
    let earnAvailableAt = mine.find((e) => e.idempotencyKey === ledgerKeys.orderEarn(o.orderGid))?.availableAt ?? null;
    const add = (p: Omit<Posting, "shop" | "sourceGid">) => {
      postings.push({ shop, sourceGid: o.orderGid, ...p });
      if ((p.bucket ?? "available") === "pending") ledger.pendingNet += p.points;
    };

    if (!ledger.earn) {
      if (o.cancelledAt || !o.customerGid || o.test || !rules.enabled || !PAID.has(o.financialStatus ?? "")) continue;
      if (o.processedAt < from) continue;
      const { points, basisMinor, weightedBasis, rate } = earningOf(o);
      if (points <= 0) continue;
      const availableAt = rules.pendingDays > 0 ? new Date(o.processedAt.getTime() + rules.pendingDays * DAY_MS) : null;
      const bucket = availableAt && availableAt > now ? "pending" : "available";
      ledger.earn = { points, customerGid: o.customerGid, bucket, basisMinor, rate, weightedBasis };
      earnAvailableAt = bucket === "pending" ? availableAt : null;
      add({
        customerGid: o.customerGid,
        points,
        reason: "earn:order",
        idempotencyKey: ledgerKeys.orderEarn(o.orderGid),
        bucket,
        availableAt: earnAvailableAt,
        basisMinor,
        rate,
        weightedBasis,
      });
      const bonus =
        options.bonuses === false
          ? null
          : await firstOrderBonus(tx, shop, program.firstOrderBonus, o.customerGid, o.orderGid, o.processedAt);
      if (bonus) {
        ledger.firstOrderBonus = { points: bonus.points, reversed: false };
        add({ ...bonus, bucket, availableAt: earnAvailableAt });
      }
    }
    const earn = ledger.earn;
    const clawed = () => [...ledger.clawedBack.values()].reduce((sum, p) => sum - p, 0);
    const bucket = () => (earn.bucket === "pending" && !ledger.released ? "pending" : "available");
    const left = () => (ledger.cancelled ? 0 : earn.points - clawed());

    if (o.cancelledAt) {
      if (!ledger.cancelled && left() > 0) {
        add({
          customerGid: earn.customerGid,
          points: -left(),
          reason: "reverse:cancel",
          idempotencyKey: ledgerKeys.orderCancel(o.orderGid),
          bucket: bucket(),
        });
      }
      if (ledger.firstOrderBonus && !ledger.firstOrderBonus.reversed) {
        add({
          customerGid: earn.customerGid,
          points: -ledger.firstOrderBonus.points,
          reason: "reverse:cancel",
          idempotencyKey: ledgerKeys.firstOrderCancel(o.orderGid),
          bucket: bucket(),
        });
        ledger.firstOrderBonus.reversed = true;
      }
      ledger.cancelled = true;
      continue;
    }

    const orderRefunds = refunds.filter((r) => r.orderGid === o.orderGid);
    let refunded = orderRefunds.filter((r) => ledger.clawedBack.has(r.refundGid)).reduce((sum, r) => sum + r.subtotalMinor!, 0n);
    for (const r of orderRefunds) {
      if (ledger.clawedBack.has(r.refundGid)) continue;
      refunded += r.subtotalMinor!;
      const take = Math.min(totalClawback(earn, refunded, o.currencyCode) - clawed(), left());
      if (take <= 0) continue;
      add({
        customerGid: earn.customerGid,
        points: -take,
        reason: "clawback:refund",
        idempotencyKey: ledgerKeys.refundClawback(o.orderGid, r.refundGid),
        bucket: bucket(),
      });
      ledger.clawedBack.set(r.refundGid, -take);
    }

    const due =
      (earnAvailableAt !== null && earnAvailableAt <= now) ||
      (rules.releaseOnFulfilment && o.fulfillmentStatus?.toLowerCase() === "fulfilled");
    if (earn.bucket === "pending" && !ledger.released && due && ledger.pendingNet > 0) {
      const points = ledger.pendingNet;
      const base = { customerGid: earn.customerGid, reason: "release" as const };
      add({ ...base, points: -points, bucket: "pending", idempotencyKey: ledgerKeys.releaseOut(o.orderGid) });
      add({ ...base, points, bucket: "available", idempotencyKey: ledgerKeys.release(o.orderGid) });
      ledger.released = true;
    }
  }
  await postEntries(tx, postings);
  // Spend and points moved: the customers' tiers follow, recalculated by a keyed (debounced) job.
  if (
    orders.length ||
    (await countInSlices(orderGids, async (slice) => ({ count: await tx.order.count({ where: { shop, orderGid: { in: slice } } }) }))) > 0
  )
    await enqueueTierRefresh(tx, shop);
}
