import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { adjustPoints } from "../../app/loyalty/accounts.server";
import { enqueueJob } from "../../app/jobs/queue.server";
import type { StandinShop, StandinStore } from "../../dev/standin/store";
import { metafieldsDrop } from "../../dev/standin/storefront/metafields-drop";
import { startStandinFor } from "../helpers/standin";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";
import { givenSilverAndGold } from "../helpers/loyalty-tiers";

// Balances mirrored to `$app:loyalty` customer metafields through the stand-in's Admin API, whose cost
// bucket is shrunk so that the 25-per-call metafieldsSet batches must wait out the throttle.
let store: StandinStore;
let close: () => Promise<void>;
const setCalls: number[] = [];
let throttled = 0;
const MEMBERS = 60;

beforeAll(async () => {
  ({ store, close } = await startStandinFor({
    limits: { maximumAvailable: 25, restoreRate: 10 },
    fill: (_store, shop) => {
      for (let id = 1; id <= MEMBERS; id += 1) shop.customers.set(id, standinCustomer(id));
    },
  }));
  store.on("graphql", (operation: { name?: string; size?: number }) => {
    if (operation.name === "MetafieldsSet") setCalls.push(operation.size ?? 0);
  });
  store.on("throttled", () => (throttled += 1));
});
afterAll(async () => close?.());

const gidOf = (id: number) => `gid://shopify/Customer/${id}`;
/** What the worker's schedule does every 30 s: run the mirror for the shop, then the sync it queues. */
async function runMirror() {
  await enqueueJob(prisma, { kind: "loyalty-mirror", shop: SHOP, key: `loyalty-mirror:${SHOP}` });
  await drain();
}
/** The customer's `$app:loyalty` metafields as the theme's Liquid reads them (PUBLIC_READ only). */
const liquidLoyalty = (shop: StandinShop, id: number) =>
  metafieldsDrop(shop, "CUSTOMER", shop.customers.get(id)!.metafields)["$app:loyalty"];

describe("loyalty balances mirrored to customer metafields", () => {
  it(
    "GIVEN 60 members whose balances changed WHEN the mirror runs THEN public definitions, every balance in Shopify, ≤ 25 per call through the throttle; a later change rewrites only that member",
    { timeout: 90_000 },
    async () => {
      await givenInstalledShop();
      for (let id = 1; id <= MEMBERS; id += 1)
        await adjustPoints({ shop: SHOP, customerGid: gidOf(id), points: id * 10, note: "opening balance", staff: "test" });
      expect(await prisma.loyaltyMirrorMark.count({ where: { shop: SHOP } })).toBe(MEMBERS);

      await runMirror();

      const shop = store.requireShop(SHOP);
      expect(await prisma.loyaltyMirrorMark.count()).toBe(0);
      expect(shop.metafieldDefinitions.get("CUSTOMER|$app:loyalty.balance")?.storefront).toBe("PUBLIC_READ");
      for (const id of [1, 42, MEMBERS]) {
        expect(liquidLoyalty(shop, id)?.balance).toEqual({ value: id * 10, type: "number_integer" });
        expect(liquidLoyalty(shop, id)?.progress?.value).toEqual({ tier: null, next: null, remaining: null, unit: null });
      }
      expect(Math.max(...setCalls)).toBeLessThanOrEqual(25);
      expect(setCalls.reduce((a, b) => a + b, 0)).toBe(MEMBERS * 2);
      expect(throttled).toBeGreaterThan(0);

      // One member spends: only their balance is written again, in one call.
      const before = setCalls.length;
      await adjustPoints({ shop: SHOP, customerGid: gidOf(42), points: -120, note: "correction", staff: "test" });
      await runMirror();
      expect(setCalls.slice(before)).toEqual([1]);
      expect(liquidLoyalty(shop, 42)?.balance?.value).toBe(300);

      // Nothing changed: the mirror writes nothing.
      await runMirror();
      expect(setCalls.length).toBe(before + 1);
    },
  );

  it("GIVEN a member in Silver with no spend yet WHEN mirrored THEN tier text, and progress names Gold £500 away", async () => {
    await givenInstalledShop();
    const { silver } = await givenSilverAndGold();
    await adjustPoints({ shop: SHOP, customerGid: gidOf(7), points: 500, note: "opening balance", staff: "test" });
    await prisma.loyaltyAccount.update({ where: { shop_customerGid: { shop: SHOP, customerGid: gidOf(7) } }, data: { tierId: silver.id } });
    await runMirror();
    const loyalty = liquidLoyalty(store.requireShop(SHOP), 7);
    expect(loyalty?.tier).toEqual({ value: "Silver", type: "single_line_text_field" });
    expect(loyalty?.progress?.value).toEqual({ tier: "Silver", next: "Gold", remaining: 50_000, unit: "money" });
  });
});

function standinCustomer(id: number) {
  const now = new Date().toISOString();
  return {
    id,
    email: `c${id}@example.com`,
    firstName: "C",
    lastName: String(id),
    phone: null,
    state: "ENABLED",
    tags: [],
    note: null,
    verifiedEmail: true,
    defaultAddress: null,
    createdAt: now,
    updatedAt: now,
    metafields: {},
    emailMarketingState: "NOT_SUBSCRIBED",
    smsMarketingState: null,
  } as never;
}
