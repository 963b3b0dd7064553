import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { getCustomerTierStatus } from "../../app/loyalty/tiers/tier-status.server";
import { customerGid, givenCustomers } from "../helpers/hand-made-customers";
import { givenSilverAndGold } from "../helpers/loyalty-tiers";
import { SHOP } from "../helpers/webhook-request";

describe("customer tier status", () => {
  it("GIVEN no tiers THEN a customer has no tier and nothing next", async () => {
    await givenCustomers([{ legacyId: 1, orders: 1, grossMinor: 90_000, lastOrderDaysAgo: 3 }]);
    expect(await getCustomerTierStatus(SHOP, customerGid(1))).toEqual({ tier: null, next: null });
  });

  it("GIVEN Silver at £100 and Gold at £500 of net spend in 12 months THEN tier and distance to the next come from the orders in the window", async () => {
    const { silver } = await givenSilverAndGold();
    await givenCustomers([
      // £120 net (£150 less £30 refunded) in the window, and £900 bought 400 days ago, outside it.
      { legacyId: 1, orders: 1, grossMinor: 15_000, refundedMinor: 3_000, lastOrderDaysAgo: 10 },
      { legacyId: 2, orders: 1, grossMinor: 90_000, lastOrderDaysAgo: 400 },
    ]);
    await prisma.loyaltyAccount.create({ data: { shop: SHOP, customerGid: customerGid(1), tierId: silver.id, tierSince: new Date() } });
    expect(await getCustomerTierStatus(SHOP, customerGid(1))).toEqual({
      tier: { id: silver.id, name: "Silver" },
      next: { name: "Gold", remaining: 38_000, metric: "spend" },
    });
    expect(await getCustomerTierStatus(SHOP, customerGid(2))).toEqual({
      tier: null,
      next: { name: "Silver", remaining: 10_000, metric: "spend" },
    });
  });

  it("GIVEN a lifetime points criterion THEN progress counts earned points less clawbacks, and the top tier has nothing next", async () => {
    const { gold } = await givenSilverAndGold({ tierMetric: "points", tierWindow: "lifetime" });
    const gid = customerGid(3);
    await prisma.ledgerEntry.createMany({
      data: [
        { shop: SHOP, customerGid: gid, points: 9_000, reason: "earn:order", idempotencyKey: "a" },
        { shop: SHOP, customerGid: gid, points: -1_000, reason: "clawback:refund", idempotencyKey: "b" },
        { shop: SHOP, customerGid: gid, points: -5_000, reason: "redeem", idempotencyKey: "c" },
      ],
    });
    expect(await getCustomerTierStatus(SHOP, gid)).toEqual({ tier: null, next: { name: "Silver", remaining: 2_000, metric: "points" } });
    await prisma.loyaltyAccount.create({ data: { shop: SHOP, customerGid: gid, tierId: gold.id } });
    expect(await getCustomerTierStatus(SHOP, gid)).toEqual({ tier: { id: gold.id, name: "Gold" }, next: null });
  });
});
