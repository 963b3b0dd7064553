import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as redeemRoute } from "../../app/routes/proxy.loyalty.redeem";
import { loader as panelRoute } from "../../app/routes/proxy.loyalty.panel";
import { adjustPoints } from "../../app/loyalty/accounts.server";
import { redeemReward, RedemptionRefusedError } from "../../app/loyalty/redeem.server";
import { createReward } from "../../app/loyalty/rewards.server";
import { getPosLoyalty } from "../../app/loyalty/pos/pos-loyalty.server";
import { checkShopLedger } from "../../app/loyalty/accounts.server";
import type { StandinStore } from "../../dev/standin/store";
import { startStandinFor } from "../helpers/standin";
import { givenInstalledShop } from "../helpers/inbox";
import { givenSilverAndGold } from "../helpers/loyalty-tiers";
import { appProxyRequest } from "../helpers/app-proxy-request";
import { SHOP } from "../helpers/webhook-request";

// VIP tier perks at redemption: tier-only rewards (for that tier and the tiers above it) and the
// free-shipping perk (free-shipping rewards cost members nothing), the same in the panel, at POS and
// in the redemption itself.
const ADA = "gid://shopify/Customer/17850"; // Silver
const BOB = "gid://shopify/Customer/17851"; // Gold, with free shipping
const CY = "gid://shopify/Customer/17852"; // in no tier
let store: StandinStore;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ store, close } = await startStandinFor());
});
afterAll(() => close());
beforeEach(() => store.requireShop(SHOP).discountCodes.clear());

const codesInStandin = () => [...store.requireShop(SHOP).discountCodes.values()];
const panel = async (customerId: number | null) =>
  (await (await panelRoute({ request: appProxyRequest("loyalty/panel", { customerId }), params: {}, context: {} })).json()) as {
    rewards: { id: string; pointsCost: number; affordable: boolean; tier?: string }[];
  };

async function givenTieredMembers() {
  await givenInstalledShop();
  const { silver, gold } = await givenSilverAndGold();
  await prisma.loyaltyTier.update({ where: { id: gold.id }, data: { freeShipping: true } });
  for (const customerGid of [ADA, BOB, CY]) await adjustPoints({ shop: SHOP, customerGid, points: 1000, note: "opening", staff: "test" });
  await prisma.loyaltyAccount.update({ where: { shop_customerGid: { shop: SHOP, customerGid: ADA } }, data: { tierId: silver.id } });
  await prisma.loyaltyAccount.update({ where: { shop_customerGid: { shop: SHOP, customerGid: BOB } }, data: { tierId: gold.id } });
  const goldOnly = await createReward(SHOP, { title: "£20 off", kind: "amount_off", pointsCost: "400", amount: "20", tierId: gold.id });
  const silverUp = await createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "100", amount: "5", tierId: silver.id });
  const shipping = await createReward(SHOP, { title: "Free shipping", kind: "free_shipping", pointsCost: "300" });
  return { silver, gold, goldOnly, silverUp, shipping };
}

const balance = async (customerGid: string) =>
  (await prisma.loyaltyAccount.findUniqueOrThrow({ where: { shop_customerGid: { shop: SHOP, customerGid } } })).balance;

describe("VIP tier perks at redemption", () => {
  it("GIVEN a Gold-only and a Silver-and-above reward WHEN Silver, Gold and untiered members redeem THEN only members of the tier or above get a code; the others are refused with the tier named and keep their points", async () => {
    const { goldOnly, silverUp } = await givenTieredMembers();
    const redeem = (customerGid: string, rewardId: string, key: string) =>
      redeemReward({ shop: SHOP, customerGid, rewardId, idempotencyKey: key });

    await expect(redeem(ADA, goldOnly.id, "ada-gold")).rejects.toThrow(
      new RedemptionRefusedError("This reward is for Gold members and above"),
    );
    await expect(redeem(CY, silverUp.id, "cy-silver")).rejects.toThrow(/Silver members and above/);
    expect(await balance(ADA)).toBe(1000);
    expect(await balance(CY)).toBe(1000);
    expect(await prisma.redemption.count()).toBe(0);

    expect(await redeem(ADA, silverUp.id, "ada-silver")).toMatchObject({ status: "issued", pointsCost: 100 });
    expect(await redeem(BOB, goldOnly.id, "bob-gold")).toMatchObject({ status: "issued", pointsCost: 400 });
    expect(await redeem(BOB, silverUp.id, "bob-silver")).toMatchObject({ status: "issued", pointsCost: 100 });
    expect(await balance(ADA)).toBe(900);
    expect(await balance(BOB)).toBe(500);
    expect(codesInStandin()).toHaveLength(3);

    // Through the signed storefront route, the refusal is a 422 with the reason, not a 500.
    const signed = appProxyRequest("loyalty/redeem", { customerId: 17850 });
    const answer = await redeemRoute({
      request: new Request(signed.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ rewardId: goldOnly.id, idempotencyKey: "ada-gold-proxy" }),
      }),
      params: {},
      context: {},
    });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchObject({ error: "This reward is for Gold members and above" });
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([]);
  });

  it("GIVEN Gold's free-shipping perk WHEN Gold and Silver members redeem the free-shipping reward THEN Gold pays 0 points (posted as a 0-point redemption) and Silver pays its price; each gets one code", async () => {
    const { shipping } = await givenTieredMembers();
    expect(await redeemReward({ shop: SHOP, customerGid: BOB, rewardId: shipping.id, idempotencyKey: "bob-ship" })).toMatchObject({
      status: "issued",
      pointsCost: 0,
    });
    expect(await redeemReward({ shop: SHOP, customerGid: ADA, rewardId: shipping.id, idempotencyKey: "ada-ship" })).toMatchObject({
      status: "issued",
      pointsCost: 300,
    });
    expect(await balance(BOB)).toBe(1000);
    expect(await balance(ADA)).toBe(700);
    expect(
      await prisma.ledgerEntry.findMany({
        where: { reason: "redeem" },
        select: { customerGid: true, points: true },
        orderBy: { points: "asc" },
      }),
    ).toEqual([
      { customerGid: ADA, points: -300 },
      { customerGid: BOB, points: 0 },
    ]);
    expect(codesInStandin()).toHaveLength(2);
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([]);
  });

  it("GIVEN the tiered catalogue WHEN a guest, a Silver and a Gold member open the panel, and staff look the Silver member up at POS THEN each sees their own price and the tier a reserved reward needs", async () => {
    const { goldOnly, silverUp, shipping } = await givenTieredMembers();
    const byId = (rewards: { id: string }[]) => Object.fromEntries(rewards.map((r) => [r.id, r]));

    const guest = byId((await panel(null)).rewards);
    expect(guest[goldOnly.id]).toMatchObject({ tier: "Gold", affordable: false });
    expect(guest[silverUp.id]).toMatchObject({ tier: "Silver", affordable: false });

    const ada = byId((await panel(17850)).rewards);
    expect(ada[goldOnly.id]).toMatchObject({ tier: "Gold", affordable: false, pointsCost: 400 });
    expect(ada[silverUp.id]).toEqual(expect.objectContaining({ affordable: true, pointsCost: 100 }));
    expect(ada[silverUp.id]).not.toHaveProperty("tier");
    expect(ada[shipping.id]).toMatchObject({ pointsCost: 300, affordable: true });

    const bob = byId((await panel(17851)).rewards);
    expect(bob[goldOnly.id]).toMatchObject({ affordable: true, pointsCost: 400 });
    expect(bob[shipping.id]).toMatchObject({ pointsCost: 0, affordable: true });

    const pos = byId((await getPosLoyalty(SHOP, ADA)).rewards);
    expect(pos[goldOnly.id]).toMatchObject({ tier: "Gold", affordable: false });
    expect(pos[silverUp.id]).toMatchObject({ tier: null, affordable: true });
  });

  it("GIVEN the reward form WHEN the tier is another shop's or unknown THEN a field error on tierId, and no reward is added", async () => {
    await givenInstalledShop();
    const other = await prisma.loyaltyTier.create({ data: { shop: "other.myshopify.com", name: "Gold", threshold: 1n } });
    for (const tierId of [other.id, "no-such-tier"])
      await expect(
        createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "100", amount: "5", tierId }),
      ).rejects.toMatchObject({
        field: "tierId",
      });
    expect(await prisma.loyaltyReward.count({ where: { shop: SHOP } })).toBe(0);
  });
});
