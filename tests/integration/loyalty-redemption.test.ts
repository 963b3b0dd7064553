import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as redeemRoute } from "../../app/routes/proxy.loyalty.redeem";
import { loader as accountRoute } from "../../app/routes/proxy.loyalty";
import { loader as panelRoute } from "../../app/routes/proxy.loyalty.panel";
import { adjustPoints } from "../../app/loyalty/accounts.server";
import { issueRedemption, redeemReward, resumePendingRedemptions, type IssueOptions } from "../../app/loyalty/redeem.server";
import { createReward } from "../../app/loyalty/rewards.server";
import type { StandinStore } from "../../dev/standin/store";
import { startStandinFor } from "../helpers/standin";
import { givenInstalledShop } from "../helpers/inbox";
import { appProxyRequest } from "../helpers/app-proxy-request";
import { SHOP } from "../helpers/webhook-request";
import { expectAccount } from "../helpers/loyalty";

const ADA = "gid://shopify/Customer/17850";
const BOB = "gid://shopify/Customer/17851";
const FAST: IssueOptions = { attempts: 4, timeoutMs: 400, backoffMs: 10 };
let store: StandinStore;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ store, close } = await startStandinFor());
});
afterAll(() => close());
beforeEach(() => {
  const shop = store.requireShop(SHOP);
  shop.discountCodes.clear();
  store.faults.length = 0;
});

const codesInStandin = () => [...store.requireShop(SHOP).discountCodes.values()];

/** A signed storefront POST through the app proxy, as customer `customerId` (null: a guest). */
async function postRedeem(customerId: number | null, body: Record<string, unknown>, options: Parameters<typeof appProxyRequest>[1] = {}) {
  const signed = appProxyRequest("loyalty/redeem", { customerId, ...options });
  const request = new Request(signed.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  try {
    return await redeemRoute({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function givenMembers(points: Record<string, number>) {
  await givenInstalledShop();
  for (const [customerGid, n] of Object.entries(points))
    await adjustPoints({ shop: SHOP, customerGid, points: n, note: "opening balance", staff: "test" });
  return createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "100", amount: "5" });
}

describe("redemption: debit and single-use code as one idempotent operation", () => {
  it.each([1, 2])(
    "GIVEN 1,000 points and a 100-point reward WHEN 100 signed redemptions race (run %i) THEN exactly 10 succeed, the balance never goes negative, each success has exactly one code",
    async () => {
      const reward = await givenMembers({ [ADA]: 1000 });
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) => postRedeem(17850, { rewardId: reward.id, idempotencyKey: `race-${i}-key` })),
      );
      const bodies = await Promise.all(answers.map((r) => r.json()));
      const ok = bodies.filter((_, i) => answers[i]!.status === 200);
      expect(ok).toHaveLength(10);
      expect(answers.filter((r) => r.status === 409)).toHaveLength(90);
      expect(ok.every((b) => b.status === "issued" && /^RAPPORT-[A-Z2-9]{10}$/.test(b.code))).toBe(true);
      await expectAccount(ADA, { balance: 0 });
      const codes = codesInStandin();
      expect(codes).toHaveLength(10);
      expect(new Set(codes.map((c) => c.code))).toEqual(new Set(ok.map((b) => b.code)));
      expect(
        codes.every((c) => c.usageLimit === 1 && c.appliesOncePerCustomer && c.customerIds.join() === "17850" && c.value === "5.00"),
      ).toBe(true);
      expect(await prisma.redemption.count({ where: { status: "issued" } })).toBe(10);
    },
    60_000,
  );

  it("GIVEN the same idempotency key sent twice WHEN redeemed THEN one debit and the same code", async () => {
    const reward = await givenMembers({ [ADA]: 250 });
    const first = await (await postRedeem(17850, { rewardId: reward.id, idempotencyKey: "same-key-1" })).json();
    const again = await (await postRedeem(17850, { rewardId: reward.id, idempotencyKey: "same-key-1" })).json();
    expect(again).toEqual(first);
    await expectAccount(ADA, { balance: 150 });
    expect(codesInStandin()).toHaveLength(1);
  });

  it.each([
    ["THROTTLED", [{ operation: "LoyaltyDiscountCodeBasicCreate", kind: "THROTTLED" as const }], "issued", 150],
    [
      "500 twice",
      [
        { operation: "LoyaltyDiscountCodeBasicCreate", kind: "500" as const },
        { operation: "LoyaltyDiscountCodeBasicCreate", kind: "500" as const },
      ],
      "issued",
      150,
    ],
    [
      "a timeout after Shopify made the code",
      [{ operation: "LoyaltyDiscountCodeBasicCreate", kind: "timeout" as const, delayMs: 800 }],
      "issued",
      150,
    ],
    [
      "a timeout on every attempt",
      Array.from({ length: 4 }, () => ({ operation: "LoyaltyDiscountCodeBasicCreate", kind: "timeout" as const, delayMs: 800 })),
      "issued",
      150,
    ],
    [
      "500 on every attempt",
      Array.from({ length: 4 }, () => ({ operation: "LoyaltyDiscountCodeBasicCreate", kind: "500" as const })),
      "failed",
      250,
    ],
  ])(
    "GIVEN %s during the code's creation WHEN redeemed THEN the code is issued or the points restored, never neither, never two codes",
    async (_, faults, status, balance) => {
      const reward = await givenMembers({ [ADA]: 250 });
      store.faults.push(...faults);
      const result = await redeemReward({ shop: SHOP, customerGid: ADA, rewardId: reward.id, idempotencyKey: "fault-key-1" }, FAST);
      expect(result.status).toBe(status);
      await expectAccount(ADA, { balance });
      expect(codesInStandin()).toHaveLength(status === "issued" ? 1 : 0);
      if (status === "issued") expect(codesInStandin()[0]!.code).toBe(result.code);
      else
        expect(
          (await prisma.ledgerEntry.findMany({ where: { customerGid: ADA }, orderBy: { createdAt: "asc" } })).map((e) => e.reason),
        ).toEqual(["adjust", "redeem", "restore:redeem"]);
    },
    30_000,
  );

  it("GIVEN Shopify unreachable even for the final check WHEN redeemed THEN the redemption stays pending (points held, no code), and the maintenance run finishes it with exactly one code", async () => {
    const reward = await givenMembers({ [ADA]: 250 });
    const down = (operation: string, n: number) => Array.from({ length: n }, () => ({ operation, kind: "500" as const }));
    store.faults.push(...down("LoyaltyDiscountCodeBasicCreate", 4), ...down("LoyaltyCodeDiscountNodeByCode", 1));
    const result = await redeemReward({ shop: SHOP, customerGid: ADA, rewardId: reward.id, idempotencyKey: "pending-key-1" }, FAST);
    expect(result).toMatchObject({ status: "pending", code: null });
    await expectAccount(ADA, { balance: 150 });
    expect(await resumePendingRedemptions(SHOP, 0, FAST)).toBe(1);
    expect((await issueRedemption(result.id, FAST)).status).toBe("issued");
    expect(codesInStandin()).toHaveLength(1);
    await expectAccount(ADA, { balance: 150 });
  }, 30_000);

  it("GIVEN a free-shipping reward WHEN redeemed THEN discountCodeFreeShippingCreate makes the customer's single-use code", async () => {
    await givenMembers({ [ADA]: 250 });
    const reward = await createReward(SHOP, {
      title: "Free shipping",
      kind: "free_shipping",
      pointsCost: "200",
      minimumOrder: "20",
      expiresAfterDays: "30",
    });
    const result = await redeemReward({ shop: SHOP, customerGid: ADA, rewardId: reward.id, idempotencyKey: "ship-key-1" }, FAST);
    expect(result.status).toBe("issued");
    expect(codesInStandin()).toMatchObject([{ code: result.code, freeShipping: true, usageLimit: 1, customerIds: [17850] }]);
    await expectAccount(ADA, { balance: 50 });
  });
});

describe("redemption security through the signed app proxy", () => {
  it("GIVEN Bob has points and Ada has none WHEN Ada names Bob in any parameter THEN she reads and redeems only her own account", async () => {
    const reward = await givenMembers({ [BOB]: 500 });
    const asAda = await postRedeem(
      17850,
      { rewardId: reward.id, idempotencyKey: "steal-key-1", customerId: BOB, customerGid: BOB },
      {
        query: { customer_id: "17851", logged_in_customer_id_override: "17851" },
      },
    );
    expect(asAda.status).toBe(409);
    const read = await accountRoute({
      request: appProxyRequest("loyalty", { customerId: 17850, query: { customer: BOB, customer_id: "17851" } }),
      params: {},
      context: {},
    });
    expect(await read.json()).toMatchObject({ customerId: ADA, balance: 0 });
    // Changing the signed customer id breaks the signature; repeating it is refused.
    const forged = await postRedeem(
      17850,
      { rewardId: reward.id, idempotencyKey: "steal-key-2" },
      { tamper: { logged_in_customer_id: "17851" } },
    );
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const signed = appProxyRequest("loyalty/redeem", { customerId: 17850 });
    const twice = new Request(`${signed.url}&logged_in_customer_id=17851`, { method: "POST", body: "{}" });
    expect((await redeemRoute({ request: twice, params: {}, context: {} }).catch((r: Response) => r)).status).toBe(400);
    await expectAccount(BOB, { balance: 500 });
    expect(await prisma.redemption.count()).toBe(0);
    expect(codesInStandin()).toHaveLength(0);
  });

  it("GIVEN a guest WHEN they redeem THEN 401 and nothing happens; GIVEN a proxy URL older than 90 s THEN refused", async () => {
    const reward = await givenMembers({ [ADA]: 500 });
    expect((await postRedeem(null, { rewardId: reward.id, idempotencyKey: "guest-key-1" })).status).toBe(401);
    expect((await postRedeem(17850, { rewardId: reward.id, idempotencyKey: "old-key-01" }, { ageSeconds: 91 })).status).toBe(400);
    expect(await prisma.redemption.count()).toBe(0);
    await expectAccount(ADA, { balance: 500 });
    const fresh = await (await postRedeem(17850, { rewardId: reward.id, idempotencyKey: "fresh-key-1" }, { ageSeconds: 60 })).json();
    expect(fresh).toMatchObject({ status: "issued", balance: 400 });
    // The panel lists the shopper's own unused code and activity; a guest's panel lists only rewards.
    const panel = await (
      await panelRoute({ request: appProxyRequest("loyalty/panel", { customerId: 17850 }), params: {}, context: {} })
    ).json();
    expect(panel).toMatchObject({
      loggedIn: true,
      balance: 400,
      codes: [{ code: fresh.code, pointsCost: 100 }],
      rewards: [{ id: reward.id, affordable: true }],
    });
    expect(panel.activity.map((a: { reason: string }) => a.reason)).toEqual(["redeem", "adjust"]);
    const guest = await (await panelRoute({ request: appProxyRequest("loyalty/panel"), params: {}, context: {} })).json();
    expect(guest).toMatchObject({ loggedIn: false, codes: [], rewards: [{ id: reward.id, affordable: false }] });
  });
});
