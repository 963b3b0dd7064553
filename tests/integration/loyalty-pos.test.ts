import { API_KEY, API_SECRET_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { adjustPoints } from "../../app/loyalty/accounts.server";
import { createReward } from "../../app/loyalty/rewards.server";
import { action, loader } from "../../app/routes/pos.loyalty";
import { startStandinFor } from "../helpers/standin";
import { givenInstalledShop } from "../helpers/inbox";
import { settle } from "../helpers/admin-request";
import { SHOP } from "../helpers/webhook-request";
import { givenSilverAndGold } from "../helpers/loyalty-tiers";

// The POS UI extension's endpoint, called as POS calls it: a session token (Bearer) signed with the
// app's secret for the shop at the counter, authenticated by authenticate.public.pos.
let close: () => Promise<void>;
const ADA = "gid://shopify/Customer/17850";

beforeAll(async () => {
  ({ close } = await startStandinFor({
    fill: (_store, shop) =>
      shop.customers.set(17850, { id: 17850, email: "ada@example.com", firstName: "Ada", lastName: "L", metafields: {} } as never),
  }));
});
afterAll(async () => close?.());

async function posRequest(path: string, init: RequestInit = {}, options: { shop?: string; secret?: string } = {}) {
  const { token } = await getJwt((options.shop ?? SHOP).replace(".myshopify.com", ""), API_KEY, options.secret ?? API_SECRET_KEY);
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${token}`);
  headers.set("Origin", "https://cdn.shopify.com");
  return new Request(`https://my-test-app.myshopify.io${path}`, { ...init, headers });
}
const get = async (query: string, options?: { shop?: string; secret?: string }) =>
  (await settle(async () =>
    loader({ request: await posRequest(`/pos/loyalty?${query}`, {}, options), params: {}, context: {} }),
  )) as Response;
const post = async (body: Record<string, unknown>, options?: { shop?: string; secret?: string }) =>
  (await settle(async () =>
    action({
      request: await posRequest(
        "/pos/loyalty",
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
        options,
      ),
      params: {},
      context: {},
    }),
  )) as Response;

describe("POS: balance, tier and redeeming at the counter", () => {
  it("GIVEN Ada with 300 points WHEN POS asks for her and staff redeem a 100-point reward THEN balance and rewards, then one code and 200 left", async () => {
    await givenInstalledShop();
    await adjustPoints({ shop: SHOP, customerGid: ADA, points: 300, note: "opening balance", staff: "test" });
    const { gold } = await givenSilverAndGold();
    await prisma.loyaltyAccount.update({ where: { shop_customerGid: { shop: SHOP, customerGid: ADA } }, data: { tierId: gold.id } });
    const reward = await createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "100", amount: "5" });

    const shown = await get("customerId=17850");
    expect(shown.status).toBe(200);
    expect(shown.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await shown.json()).toMatchObject({
      balance: 300,
      tier: "Gold",
      rewards: [{ id: reward.id, pointsCost: 100, affordable: true }],
    });

    const redeemed = await post({ customerId: "17850", rewardId: reward.id, idempotencyKey: "pos-click-0001" });
    expect(redeemed.status).toBe(200);
    const result = (await redeemed.json()) as { status: string; code: string };
    expect(result.status).toBe("issued");
    const again = await post({ customerId: "17850", rewardId: reward.id, idempotencyKey: "pos-click-0001" });
    expect(((await again.json()) as { code: string }).code).toBe(result.code);
    expect(await prisma.redemption.count({ where: { shop: SHOP } })).toBe(1);
    expect(((await (await get("customerId=17850")).json()) as { balance: number }).balance).toBe(200);
  });

  it("GIVEN a POS session token for another shop, or signed with another secret WHEN it asks or redeems THEN refused, nothing read or spent", async () => {
    await givenInstalledShop();
    await adjustPoints({ shop: SHOP, customerGid: ADA, points: 300, note: "opening balance", staff: "test" });
    const reward = await createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "100", amount: "5" });

    const other = await get("customerId=17850", { shop: "someone-else.myshopify.com" });
    expect(other.status).toBe(403);
    expect(JSON.stringify(await other.json())).not.toContain("300");
    expect(
      (await post({ customerId: "17850", rewardId: reward.id, idempotencyKey: "pos-click-0002" }, { shop: "someone-else.myshopify.com" }))
        .status,
    ).toBe(403);
    expect((await get("customerId=17850", { secret: "not-the-app-secret" })).status).toBe(401);
    expect(await prisma.redemption.count()).toBe(0);
    expect((await prisma.loyaltyAccount.findFirstOrThrow({ where: { customerGid: ADA } })).balance).toBe(300);
  });
});
