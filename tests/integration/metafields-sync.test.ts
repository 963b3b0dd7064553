import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { setMetafields } from "../../app/metafields/set-metafields.server";
import type { StandinStore } from "../../dev/standin/store";
import { startStandinFor } from "../helpers/standin";
import { givenInstalledShop, drain } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

// App-owned metafields written to the stand-in, whose Admin API counts each metafieldsSet (10 points)
// against a small leaky bucket: the job must stay within 25 per call and wait out the throttle.
let store: StandinStore;
let close: () => Promise<void>;
const calls: number[] = [];

beforeAll(async () => {
  ({ store, close } = await startStandinFor({
    limits: { maximumAvailable: 25, restoreRate: 40 },
    fill: (_store, shop) => {
      const now = new Date().toISOString();
      for (let id = 1; id <= 60; id += 1) {
        shop.customers.set(id, {
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
        } as never);
      }
    },
  }));
  store.on("graphql", (operation: { name?: string; size?: number }) => {
    if (operation.name === "MetafieldsSet") calls.push(operation.size ?? 0);
  });
});
afterAll(async () => close?.());

describe("app-owned metafields written back to Shopify", () => {
  it(
    "GIVEN 60 customers' balances and one unknown owner WHEN the sync job runs THEN 25 per call, all written through the throttle, the unknown one failed with Shopify's reason",
    { timeout: 60_000 },
    async () => {
      await givenInstalledShop();
      const values = Array.from({ length: 60 }, (_, i) => ({
        ownerGid: `gid://shopify/Customer/${i + 1}`,
        namespace: "$app:loyalty",
        key: "balance",
        type: "number_integer",
        value: String(i * 10),
      }));
      values.push({
        ownerGid: "gid://shopify/Customer/999",
        namespace: "$app:loyalty",
        key: "balance",
        type: "number_integer",
        value: "5",
      });
      expect(await prisma.$transaction((tx) => setMetafields(tx, SHOP, values))).toBe(61);
      await drain();
      const rows = await prisma.metafieldValue.groupBy({ by: ["status"], _count: { _all: true } });
      expect(Object.fromEntries(rows.map((r) => [r.status, r._count._all]))).toEqual({ synced: 60, failed: 1 });
      expect(await prisma.metafieldValue.findFirstOrThrow({ where: { status: "failed" } })).toMatchObject({
        ownerGid: "gid://shopify/Customer/999",
        reason: "Owner does not exist.",
      });
      const shop = store.requireShop(SHOP);
      expect(shop.customers.get(42)!.metafields["$app:loyalty.balance"]).toMatchObject({ type: "number_integer", value: "410" });
      expect(Math.max(...calls)).toBeLessThanOrEqual(25);

      // Setting the same values again changes nothing and calls Shopify no more.
      const before = calls.length;
      expect(await prisma.$transaction((tx) => setMetafields(tx, SHOP, values.slice(0, 60)))).toBe(0);
      await drain();
      expect(calls.length).toBe(before);
    },
  );
});
