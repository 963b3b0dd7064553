import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unauthenticated } from "../../app/shopify.server";
import { runOperation } from "../../app/shopify/graphql.server";
import { SHOP_INFO } from "../../app/shopify/shop-info";
import type { ShopInfoQuery } from "../../app/shopify/generated/admin.generated";
import { ShopifyApiError } from "../../app/lib/errors";
import { givenInstalledSession } from "../helpers/admin-request";
import { SHOP } from "../helpers/webhook-request";
import { startStandinFor } from "../helpers/standin";

// The official admin client against the stand-in's cost-based leaky bucket, shrunk so that a few
// calls drain it: runOperation must wait for the refill and succeed, never surface THROTTLED.
let close: () => Promise<void>;

beforeAll(async () => {
  ({ close } = await startStandinFor({ name: "Throttle Test", currencyCode: "EUR", limits: { maximumAvailable: 3, restoreRate: 10 } }));
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
