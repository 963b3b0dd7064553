import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.loyalty_.launch";
import { checkShopLedger } from "../../app/loyalty/accounts.server";
import { adminDataRequest, settle } from "../helpers/admin-request";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

const DAY = 86_400_000;
const args = (request: Request) => ({ request, params: {}, context: {} });
const load = async () =>
  (await settle(async () => loader(args(await adminDataRequest("/app/loyalty/launch"))))) as Awaited<ReturnType<typeof loader>>;
const launch = async (pastOrders: string) =>
  settle(async () =>
    action(args(await adminDataRequest("/app/loyalty/launch", { method: "POST", body: new URLSearchParams({ pastOrders }) }))),
  );

let n = 0;
async function pastOrder(customer: number, daysAgo: number, subtotalMinor: number, extra: Record<string, unknown> = {}) {
  n += 1;
  const orderGid = `gid://shopify/Order/${n}`;
  const at = new Date(Date.now() - daysAgo * DAY);
  await prisma.order.create({
    data: {
      shop: SHOP,
      orderGid,
      name: `#${n}`,
      customerGid: `gid://shopify/Customer/${customer}`,
      processedAt: at,
      currencyCode: "GBP",
      subtotalMinor: BigInt(subtotalMinor),
      totalMinor: BigInt(subtotalMinor),
      financialStatus: "paid",
      sourceUpdatedAt: at,
      ingestedVia: "backfill",
      ...extra,
    },
  });
  return orderGid;
}

describe("program launch: past orders", () => {
  it("GIVEN past orders WHEN the merchant previews, launches with the last 12 months and the job runs (twice) THEN exactly the previewed points are credited, refunds taken off", async () => {
    await givenInstalledShop({ installedAt: new Date(Date.now() - 30 * DAY) });
    await prisma.loyaltyReward.create({ data: { shop: SHOP, title: "£5 off", kind: "amount_off", pointsCost: 500, amountMinor: 500 } });
    await pastOrder(1, 60, 12_345); // 123 points
    const refunded = await pastOrder(1, 90, 10_000, { financialStatus: "partially_refunded" }); // £100 − £40.50 refunded → 59
    await prisma.refund.create({
      data: {
        shop: SHOP,
        refundGid: "gid://shopify/Refund/1",
        orderGid: refunded,
        refundedAt: new Date(),
        subtotalMinor: 4_050n,
        totalMinor: 4_050n,
      },
    });
    await pastOrder(2, 200, 5_099); // 50
    await pastOrder(2, 500, 20_000); // older than 12 months: 200, only for "all"
    await pastOrder(3, 100, 9_999, { cancelledAt: new Date() }); // cancelled: nothing
    await pastOrder(3, 100, 9_999, { test: true }); // test: nothing
    await pastOrder(3, 100, 9_999, { financialStatus: "pending" }); // unpaid: nothing
    await pastOrder(4, 10, 7_000); // after the install: earns through its own webhook, never through the launch

    expect((await load()).previews).toEqual([
      { choice: "none", orders: 0, customers: 0, points: 0, liabilityMinor: 0 },
      { choice: "last12", orders: 3, customers: 2, points: 232, liabilityMinor: 232 },
      { choice: "all", orders: 4, customers: 2, points: 432, liabilityMinor: 432 },
    ]);
    expect(((await launch("everything")) as Response).status).toBe(422);
    expect(await launch("last12")).toMatchObject({ launched: { jobId: expect.any(String) } });
    await drain();
    const credited = await prisma.ledgerEntry.aggregate({ where: { shop: SHOP }, _sum: { points: true } });
    expect(credited._sum.points).toBe(232);
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP, reason: "clawback:refund" } })).toBe(1);
    // Running the job again (a crash and a retry) credits nothing twice.
    await prisma.job.create({ data: { shop: SHOP, kind: "loyalty-launch" } });
    await drain();
    expect((await prisma.ledgerEntry.aggregate({ where: { shop: SHOP }, _sum: { points: true } }))._sum.points).toBe(232);
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([]);
    const view = await load();
    expect(view.launch).toMatchObject({ pastOrders: "last12" });
    expect(view.job).toMatchObject({ status: "done", message: "3 of 3 past orders credited" });
    expect(((await launch("all")) as Response).status).toBe(422);
  });

  it("GIVEN the merchant launches without past orders THEN nothing is credited and no job runs", async () => {
    await givenInstalledShop({ installedAt: new Date(Date.now() - 30 * DAY) });
    await pastOrder(1, 60, 12_345);
    expect((await load()).previews[1]).toMatchObject({ points: 123, liabilityMinor: null });
    expect(await launch("none")).toEqual({ launched: { jobId: null }, errors: null });
    await drain();
    expect(await prisma.ledgerEntry.count()).toBe(0);
    expect(await prisma.job.count({ where: { kind: "loyalty-launch" } })).toBe(0);
  });
});
