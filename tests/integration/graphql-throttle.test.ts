import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { unauthenticated } from "../../app/shopify.server";
import { runOperation } from "../../app/shopify/graphql.server";
import { SHOP_INFO } from "../../app/shopify/shop-info";
import type { ShopInfoQuery } from "../../app/shopify/generated/admin.generated";
import { ShopifyApiError } from "../../app/lib/errors";
import { StandinStore } from "../../dev/standin/store";
import { startStandin } from "../../dev/standin/app";
import { routeShopifyAdminTo } from "../../dev/standin/fetch-router";
import { givenInstalledSession } from "../helpers/admin-request";
import { SHOP } from "../helpers/webhook-request";

// The official admin client against the stand-in's cost-based leaky bucket, shrunk so that a few
// calls drain it: runOperation must wait for the refill and succeed, never surface THROTTLED.
let close: () => Promise<void>;

beforeAll(async () => {
  const store = new StandinStore();
  const shop = store.ensureShop(SHOP, { name: "Throttle Test", currencyCode: "EUR" });
  shop.accessTokens.set("shpat_test", { scope: "read_orders", expiresAt: null });
  const ctx = {
    store,
    standinUrl: "",
    app: {
      url: "https://my-test-app.myshopify.io",
      apiKey: API_KEY,
      apiSecret: API_SECRET_KEY,
      tomlPath: path.resolve("shopify.app.toml"),
    },
    defaultShop: SHOP,
  };
  const standin = await startStandin({ port: 0, ctx, limits: { maximumAvailable: 3, restoreRate: 10 } });
  ctx.standinUrl = standin.url;
  routeShopifyAdminTo(standin.url);
  close = standin.close;
});
afterAll(async () => close?.());

describe("Admin GraphQL through runOperation", () => {
  it("GIVEN a bucket that holds three ShopInfo calls WHEN six are made THEN the throttled ones wait for the refill and all succeed", async () => {
    await givenInstalledSession();
    const { admin } = await unauthenticated.admin(SHOP);
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return new Promise<void>((r) => setTimeout(r, ms));
    };
    const results: ShopInfoQuery[] = [];
    for (let i = 0; i < 6; i += 1) results.push(await runOperation<ShopInfoQuery>(admin, "ShopInfo", SHOP_INFO, undefined, sleep));
    expect(results.every((r) => r.shop.currencyCode === "EUR")).toBe(true);
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(250);
  });

  it("GIVEN a document the schema rejects WHEN run THEN a ShopifyApiError names the operation and graphql-js's message", async () => {
    await givenInstalledSession();
    const { admin } = await unauthenticated.admin(SHOP);
    await expect(runOperation(admin, "Broken", "query Broken { shop { nmae } }")).rejects.toThrow(ShopifyApiError);
    await expect(runOperation(admin, "Broken", "query Broken { shop { nmae } }")).rejects.toThrow(/Broken: Cannot query field "nmae"/);
  });
});
