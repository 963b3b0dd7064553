import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader } from "../../app/routes/app.loyalty_.value";
import { postEntries } from "../../app/loyalty/ledger.server";
import { adminDataRequest, settle } from "../helpers/admin-request";
import { givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

const DAY = 86_400_000;
const args = (request: Request) => ({ request, params: {}, context: {} });
const load = async (query = "") =>
  (await settle(async () => loader(args(await adminDataRequest(`/app/loyalty/value${query}`))))) as Awaited<ReturnType<typeof loader>>;
const gid = (id: number) => `gid://shopify/Customer/${id}`;
let n = 0;
const order = (customer: number, totalMinor: number, daysAgo = 5) => {
  n += 1;
  const at = new Date(Date.now() - daysAgo * DAY);
  return prisma.order.create({
    data: {
      shop: SHOP,
      orderGid: `gid://shopify/Order/${n}`,
      name: `#${n}`,
      customerGid: gid(customer),
      processedAt: at,
      currencyCode: "GBP",
      subtotalMinor: BigInt(totalMinor),
      totalMinor: BigInt(totalMinor),
      sourceUpdatedAt: at,
      ingestedVia: "webhook",
    },
  });
};

describe("program value page", () => {
  it("GIVEN a hand-made shop WHEN the merchant opens the value page for 90 days and all time THEN every figure is the one worked out by hand", async () => {
    await givenInstalledShop();
    await prisma.customer.create({ data: { shop: SHOP, customerGid: gid(1), firstName: "Ada", lastName: "Lovelace" } });
    await prisma.loyaltyReward.create({ data: { shop: SHOP, title: "£5 off", kind: "amount_off", pointsCost: 500, amountMinor: 500 } });
    // Members 1 and 2 (they have accounts), non-members 3 and 4; customer 1 also bought 200 days ago.
    await order(1, 10_000);
    await order(1, 5_000);
    await order(1, 80_000, 200);
    await order(2, 3_000);
    await order(3, 4_000);
    await order(4, 1_000);
    await order(4, 2_000);
    const post = (customer: number, points: number, reason: "earn:order" | "redeem" | "expire" | "clawback:refund", key: string) =>
      prisma.$transaction((tx) => postEntries(tx, [{ shop: SHOP, customerGid: gid(customer), points, reason, idempotencyKey: key }]));
    await post(1, 150, "earn:order", "a");
    await post(2, 30, "earn:order", "b");
    await post(1, -100, "redeem", "c");
    await post(1, -5, "clawback:refund", "d");
    await post(2, -10, "expire", "e");

    const v = await load("?period=90d");
    expect(v).toMatchObject({
      period: "90d",
      currencyCode: "GBP",
      members: 2,
      newMembers: 2,
      points: { issued: 180, redeemed: 100, expired: 10, clawedBack: 5, outstanding: 65, pending: 0 },
      liabilityMinor: 65,
      redemptionRate: 55.6,
      buyers: {
        members: { customers: 2, orders: 3, repeatRate: 50, aovMinor: 6_000 },
        nonMembers: { customers: 2, orders: 3, repeatRate: 50, aovMinor: 2_333 },
      },
      top: [
        { customerGid: gid(1), name: "Ada Lovelace", orders: 2, spentMinor: 15_000, balance: 45 },
        { customerGid: gid(2), name: "Customer 2", orders: 1, spentMinor: 3_000, balance: 20 },
      ],
    });
    expect(v.monthly).toEqual([{ month: new Date().toISOString().slice(0, 7), issued: 180, redeemed: 100 }]);
    const all = await load("?period=all");
    expect(all.buyers.members).toEqual({ customers: 2, orders: 4, repeatRate: 50, aovMinor: 24_500 });
    expect((await load("?period=nonsense")).period).toBe("90d");
  });
});
