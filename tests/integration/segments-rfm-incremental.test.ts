import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { computeRfm } from "../../app/segments/compute-rfm.server";
import { nudgeSegmentsRefresh } from "../../app/segments/segments-queue.server";
import { action as orders } from "../../app/routes/webhooks.orders";
import { action as refunds } from "../../app/routes/webhooks.refunds";
import { deliverAndApply, drain, givenInstalledShop } from "../helpers/inbox";
import { exampleOrder, shopifyExample, SHOP } from "../helpers/webhook-request";
import { rfmScoresByCustomer } from "../helpers/rfm-scores";
import { customerGid, givenCustomers, RFM_SHOP, type HandMadeCustomer } from "../helpers/hand-made-customers";

const HOUR = 3_600_000;

// 140 one-order customers beside the hand-made ten: 150 buyers, so one changed customer is under the
// 1% of buyers past which the cut-offs are recomputed. Their last orders fall 1…140 days ago and they
// spent £5.00–£6.39, so the hand-made customers 108–110 (160–200 days) are the least recent and 101/110
// (nine and ten orders, £90/£100) the most frequent and valuable.
const FILLERS: HandMadeCustomer[] = Array.from({ length: 140 }, (_, i) => ({
  legacyId: 1000 + i,
  orders: 1,
  grossMinor: 500 + i,
  lastOrderDaysAgo: 1 + i,
}));

const scoresByCustomer = () => rfmScoresByCustomer(SHOP);

async function refreshSegmentsNow() {
  await prisma.$transaction((tx) => nudgeSegmentsRefresh(tx, SHOP));
  await drain();
}

/** GIVEN the 150 buyers, scored by a full recomputation an hour ago, after their last change. */
async function givenScoredShop() {
  await givenInstalledShop();
  await givenCustomers([...RFM_SHOP, ...FILLERS]);
  await refreshSegmentsNow();
  await prisma.customer.updateMany({ where: { shop: SHOP }, data: { updatedAt: new Date(Date.now() - 2 * HOUR) } });
  await prisma.rfmCutoffs.update({ where: { shop: SHOP }, data: { computedAt: new Date(Date.now() - HOUR) } });
  return prisma.rfmCutoffs.findUniqueOrThrow({ where: { shop: SHOP } });
}

function orderFor(legacyId: number, orderId: number) {
  const order = exampleOrder({
    id: orderId,
    admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
    name: `#${orderId}`,
    processed_at: new Date().toISOString(),
  });
  order.customer = { ...order.customer, id: legacyId, admin_graphql_api_id: customerGid(legacyId) };
  return order;
}

describe("incremental RFM", () => {
  it(
    "GIVEN stored cut-offs WHEN customer 110 places an order THEN the segments job scores only them, a Champion, without recomputing; a full run afterwards agrees",
    { timeout: 60_000 },
    async () => {
      const cutoffs = await givenScoredShop();
      const before = await scoresByCustomer();
      expect(before[110]).toEqual([1, 5, 5, "Can't lose"]);

      await deliverAndApply(orders, "/webhooks/orders", "orders/paid", orderFor(110, 9001));
      await refreshSegmentsNow();

      const after = await scoresByCustomer();
      expect(after[110]).toEqual([5, 5, 5, "Champions"]);
      expect({ ...after, 110: null }).toEqual({ ...before, 110: null }); // no one else was rescored
      expect(await prisma.rfmCutoffs.findUniqueOrThrow({ where: { shop: SHOP } })).toEqual(cutoffs); // nor the cut-offs recomputed

      await computeRfm(prisma, SHOP);
      expect((await scoresByCustomer())[110]).toEqual(after[110]);
    },
  );

  it("GIVEN stored cut-offs WHEN the Champion 101 is refunded most of their spend THEN their monetary score falls at the next run, as a full run finds", async () => {
    await givenScoredShop();
    const before = await scoresByCustomer();
    expect(before[101]).toEqual([5, 5, 5, "Champions"]);

    // Shopify's refunds/create example returns £85.00 on 101's first order (£90.00): £5.00 net remains,
    // the least of any buyer (tied with the filler who spent £5.00).
    await deliverAndApply(refunds, "/webhooks/refunds", "refunds/create", { ...shopifyExample("refunds/create"), order_id: 101000 });
    await refreshSegmentsNow();

    const after = await scoresByCustomer();
    expect(after[101]).toEqual([5, 5, 1, "Potential loyalist"]);
    expect({ ...after, 101: null }).toEqual({ ...before, 101: null });
    await computeRfm(prisma, SHOP);
    expect((await scoresByCustomer())[101]).toEqual(after[101]);
  });

  it("GIVEN stored cut-offs WHEN more than 1% of the buyers change THEN the next run recomputes the whole shop and stores new cut-offs", async () => {
    const cutoffs = await givenScoredShop();
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", orderFor(110, 9001));
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", orderFor(109, 9002));
    await refreshSegmentsNow();

    const recomputed = await prisma.rfmCutoffs.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(recomputed.computedAt.getTime()).toBeGreaterThan(cutoffs.computedAt.getTime());
    expect(recomputed.recencyCut4!.getTime()).toBeGreaterThanOrEqual(cutoffs.recencyCut4!.getTime());
    const scored = await scoresByCustomer();
    expect(await computeRfm(prisma, SHOP)).toBe(0); // what a full run gives, already there
    expect(await scoresByCustomer()).toEqual(scored);
  });
});
