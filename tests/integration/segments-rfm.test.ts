import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { computeRfm } from "../../app/segments/compute-rfm.server";
import { nudgeSegmentsRefresh } from "../../app/segments/segments-queue.server";
import { action as orders } from "../../app/routes/webhooks.orders";
import { action as refunds } from "../../app/routes/webhooks.refunds";
import { deliverAndApply, drain, givenInstalledShop } from "../helpers/inbox";
import { exampleOrder, shopifyExample, SHOP } from "../helpers/webhook-request";
import { rfmScoresByCustomer } from "../helpers/rfm-scores";
import { customerGid, givenCustomers, RFM_SHOP, RFM_SHOP_EXPECTED } from "../helpers/hand-made-customers";

const segmentsByCustomer = () => rfmScoresByCustomer(SHOP);

async function refreshSegmentsNow() {
  await prisma.$transaction((tx) => nudgeSegmentsRefresh(tx, SHOP));
  await drain();
}

describe("RFM segments", () => {
  it("GIVEN a hand-made shop of ten buyers and one who never bought WHEN RFM is computed THEN the known quintiles and segments", async () => {
    await givenInstalledShop();
    await givenCustomers([...RFM_SHOP, { legacyId: 199, orders: 0, grossMinor: 0, lastOrderDaysAgo: 0 }]);
    expect(await computeRfm(prisma, SHOP)).toBe(10);
    expect(await segmentsByCustomer()).toEqual({ ...RFM_SHOP_EXPECTED, 199: [null, null, null, null] });
    // Net of refunds: 103 spent the most gross, refunded nearly all of it, and scores M = 1.
    expect(await prisma.customer.findFirstOrThrow({ where: { customerGid: customerGid(103) } })).toMatchObject({ netSpentMinor: 1000n });
    // Nothing changed: a second run writes no row.
    expect(await computeRfm(prisma, SHOP)).toBe(0);
  });

  it("GIVEN the hand-made shop WHEN customer 110 places an order THEN the refresh queued by the order makes them a Champion and shifts the others", async () => {
    await givenInstalledShop();
    await givenCustomers(RFM_SHOP);
    await refreshSegmentsNow();
    expect((await segmentsByCustomer())[110]).toEqual(RFM_SHOP_EXPECTED[110]);

    const order = exampleOrder({
      id: 9001,
      admin_graphql_api_id: "gid://shopify/Order/9001",
      name: "#9001",
      processed_at: new Date().toISOString(),
    });
    order.customer = { ...order.customer, id: 110, admin_graphql_api_id: customerGid(110) };
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", order);
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "segments-refresh", status: "queued" } });
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now()); // debounced: a burst of orders folds into one run
    await refreshSegmentsNow();
    expect(await segmentsByCustomer()).toMatchObject({
      110: [5, 5, 5, "Champions"],
      102: [4, 1, 1, "Promising"],
      106: [2, 2, 3, "At risk"],
      108: [1, 2, 2, "Lost"],
      101: RFM_SHOP_EXPECTED[101],
    });
  });

  it("GIVEN the Champion 101 WHEN most of their spend is refunded THEN their monetary score falls and their segment follows", async () => {
    await givenInstalledShop();
    await givenCustomers(RFM_SHOP);
    await refreshSegmentsNow();
    // Shopify's refunds/create example returns £85.00 on 101's first order (£90.00): £5.00 net remains.
    const refund = { ...shopifyExample("refunds/create"), order_id: 101000 };
    await deliverAndApply(refunds, "/webhooks/refunds", "refunds/create", refund);
    expect(await prisma.customer.findFirstOrThrow({ where: { customerGid: customerGid(101) } })).toMatchObject({ netSpentMinor: 500n });
    await refreshSegmentsNow();
    expect(await segmentsByCustomer()).toMatchObject({
      101: [5, 5, 1, "Potential loyalist"],
      102: [5, 1, 2, "Potential loyalist"],
    });
  });
});
