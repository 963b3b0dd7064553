import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { pointsForOrder } from "../../app/loyalty/earn";
import { deliveryStream, seededRandom, sendAll, withDuplicates } from "../helpers/delivery-stream";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

// Issue 5, "must show": 10,000 signed deliveries (orders created, paid, updated, cancelled; refunds;
// customers; products) sent through the signed webhook routes with at-least-once duplicates (Shopify's
// retries under the same webhook id, and the same event under a new one) apply exactly once.
// reliability-shuffled.test.ts sends the same stream in another order.
const TOTAL = 10_000;
const { deliveries: unique, facts } = deliveryStream({ orders: 2250, customers: 400, products: 40, seed: 5 });
const sameId = Math.round((TOTAL - unique.length) * 0.65);
const stream = withDuplicates(unique, { sameId, newId: TOTAL - unique.length - sameId }, seededRandom(55));

async function sendAndDrain(deliveries: typeof stream) {
  await givenInstalledShop();
  await sendAll(deliveries, { shop: SHOP });
  await drain();
}

describe("10,000 deliveries", () => {
  it(
    "GIVEN 10,000 deliveries with duplicates WHEN received and applied THEN every effect happens exactly once",
    { timeout: 600_000 },
    async () => {
      expect(stream).toHaveLength(TOTAL);
      await sendAndDrain(stream);

      // Redeliveries of one webhook id are stored once; nothing is parked or left behind.
      const statuses = await prisma.webhookDelivery.groupBy({ by: ["status"], _count: true });
      expect(statuses).toEqual([{ status: "done", _count: TOTAL - sameId }]);

      const live = facts.orders.filter((o) => !o.cancelled);
      expect(await prisma.order.count()).toBe(facts.orders.length);
      expect(await prisma.order.count({ where: { cancelledAt: { not: null } } })).toBe(facts.orders.length - live.length);
      expect(await prisma.orderLine.count()).toBe(facts.orders.reduce((n, o) => n + o.lines, 0));
      expect(await prisma.refund.count()).toBe(facts.refunds);
      expect(await prisma.refundLine.count()).toBe(facts.refunds);
      expect(await prisma.customer.count()).toBe(facts.customers);
      expect(await prisma.product.count()).toBe(facts.products);
      expect(await prisma.product.count({ where: { status: "DELETED" } })).toBe(facts.deletedProducts);

      // Purchases: one interaction per line of every order still standing, weighted by quantity.
      const purchases = await prisma.interaction.aggregate({ where: { kind: "purchase" }, _count: true, _sum: { weight: true } });
      expect(purchases._count).toBe(live.reduce((n, o) => n + o.lines, 0));
      expect(purchases._sum.weight).toBe(live.reduce((n, o) => n + o.quantity, 0));

      // Points: each standing order earned exactly once (a refunded one clawed back once); a cancelled one either never earned (its payment
      // and cancellation were applied together) or earned and was reversed once, on the same account.
      const points = (o: (typeof facts.orders)[number]) =>
        pointsForOrder({ subtotalMinor: o.subtotalMinor, currencyCode: "GBP", customer: true, test: false, cancelled: false }, 1);
      const entries = await prisma.ledgerEntry.findMany({ select: { sourceGid: true, customerGid: true, points: true, reason: true } });
      const bySource = new Map<string | null, typeof entries>();
      for (const e of entries) bySource.set(e.sourceGid, [...(bySource.get(e.sourceGid) ?? []), e]);
      expect(bySource.size).toBeLessThanOrEqual(facts.orders.length);
      for (const o of facts.orders) {
        const posted = (bySource.get(o.gid) ?? []).sort((a, b) => b.points - a.points);
        const earn = { sourceGid: o.gid, customerGid: o.customerGid, points: points(o), reason: "earn:order" };
        if (!o.cancelled) {
          // Earned once; a refunded order also has its one clawback (exact amounts: loyalty-ledger tests).
          expect(posted[0]).toEqual(earn);
          const clawbacks = posted.slice(1);
          expect(clawbacks.length).toBe(o.refunded && clawbacks.length ? 1 : 0);
          for (const c of clawbacks) {
            expect(c).toMatchObject({ sourceGid: o.gid, customerGid: o.customerGid, reason: "clawback:refund" });
            expect(c.points).toBeLessThan(0);
            expect(c.points).toBeGreaterThanOrEqual(-earn.points);
          }
        } else if (posted.length) expect(posted).toEqual([earn, { ...earn, points: -points(o), reason: "reverse:cancel" }]);
      }
      expect((await prisma.customer.aggregate({ _sum: { ordersCount: true } }))._sum.ordersCount).toBe(live.length);
    },
  );
});
