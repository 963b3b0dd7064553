import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { StandinStore, type StandinShop } from "../standin/store";
import { minorOf } from "../standin/money";
import { lineDiscountMinor, lineNetMinor } from "../standin/order-amounts";
import { loadDataset, type RetailDataset } from "./online-retail";
import { seedStore } from "./seed-store";

const NOW = new Date("2026-06-01T09:00:00Z");
let dataset: RetailDataset;
let shop: StandinShop;

function seed(): StandinShop {
  const store = new StandinStore();
  seedStore(store, "seed-test.myshopify.com", dataset, { now: NOW, recentDays: 14 });
  return store.requireShop("seed-test.myshopify.com");
}

beforeAll(async () => {
  dataset = await loadDataset(path.resolve("dev/data/online-retail-sample.csv.gz"));
  shop = seed();
});

const share = (n: number, of: number) => n / of;

describe("seeding a shop from the Online Retail sample", () => {
  it("GIVEN the same dataset and now WHEN seeded twice THEN the shops are identical", () => {
    const again = seed();
    const snapshot = (s: StandinShop) =>
      JSON.stringify([[...s.products.values()], [...s.collections.values()], [...s.customers.values()], [...s.orders.values()]]);
    expect(snapshot(again)).toBe(snapshot(shop));
  });

  it("GIVEN the catalogue WHEN collections are made THEN there are six, most products sit in none or one and none in more than two", () => {
    const collections = [...shop.collections.values()];
    expect(collections.map((c) => c.title)).toEqual(["Christmas", "Bags", "Candles & Lights", "Kitchen", "Vintage", "Garden"]);
    expect(collections.every((c) => c.productIds.length > 20)).toBe(true);
    const memberships = [...shop.products.values()].map((p) => collections.filter((c) => c.productIds.includes(p.id)).length);
    expect(Math.max(...memberships)).toBe(2);
    expect(share(memberships.filter((m) => m <= 1).length, memberships.length)).toBeGreaterThan(0.8);
    const christmas = collections[0]!.productIds.map((id) => shop.products.get(id)!.title);
    expect(christmas.every((t) => /christmas|xmas|santa|reindeer|advent|snowflake|bauble|snowman|nativity/i.test(t))).toBe(true);
  });

  it("GIVEN the catalogue WHEN reviews are added THEN some products carry a rating in Shopify's rating JSON with a count", () => {
    const rated = [...shop.products.values()].filter((p) => p.metafields["reviews.rating"]);
    expect(share(rated.length, shop.products.size)).toBeGreaterThan(0.3);
    expect(share(rated.length, shop.products.size)).toBeLessThan(0.6);
    for (const p of rated.slice(0, 50)) {
      const rating = JSON.parse(p.metafields["reviews.rating"]!.value);
      expect(rating).toEqual({ value: expect.stringMatching(/^\d\.\d$/), scale_min: "1.0", scale_max: "5.0" });
      expect(Number(rating.value)).toBeGreaterThanOrEqual(3);
      expect(Number(rating.value)).toBeLessThanOrEqual(5);
      expect(p.metafields["reviews.rating_count"]).toMatchObject({ type: "number_integer", value: expect.stringMatching(/^[1-9]\d*$/) });
    }
  });

  it("GIVEN the customers WHEN consent is derived THEN about 40% are subscribed to email, a few pending or unsubscribed, SMS consent needs a phone, and no two customers share one", () => {
    const customers = [...shop.customers.values()];
    const email = (state: string) => share(customers.filter((c) => c.emailMarketingState === state).length, customers.length);
    expect(email("SUBSCRIBED")).toBeGreaterThan(0.32);
    expect(email("SUBSCRIBED")).toBeLessThan(0.48);
    expect(email("PENDING") + email("UNSUBSCRIBED")).toBeGreaterThan(0);
    expect(email("PENDING") + email("UNSUBSCRIBED")).toBeLessThan(0.15);
    expect(customers.filter((c) => !c.phone).every((c) => c.smsMarketingState === "NOT_SUBSCRIBED")).toBe(true);
    const phones = customers.flatMap((c) => (c.phone ? [c.phone] : []));
    expect(new Set(phones).size).toBe(phones.length); // Shopify allows a phone on one customer only
    expect(customers.some((c) => c.phone && c.smsMarketingState === "SUBSCRIBED")).toBe(true);
  });

  it("GIVEN the orders WHEN channels are derived THEN POS orders have a location and staff member and nothing shipped, web orders neither", () => {
    const orders = [...shop.orders.values()];
    const pos = orders.filter((o) => o.sourceName === "pos");
    expect(share(pos.length, orders.length)).toBeGreaterThan(0.05);
    expect(
      pos.every((o) => o.locationId !== null && o.staffMemberId !== null && o.shippingAddress === null && o.totalShipping === "0.00"),
    ).toBe(true);
    const web = orders.filter((o) => o.sourceName === "web");
    expect(web.every((o) => o.locationId === null && o.staffMemberId === null && o.shippingAddress !== null)).toBe(true);
  });

  it("GIVEN the orders WHEN totals are derived THEN subtotal is lines less discounts, total adds shipping, and UK tax is a sixth of it", () => {
    const orders = [...shop.orders.values()];
    expect(orders.some((o) => o.lineItems.some((li) => li.discount))).toBe(true);
    expect(orders.some((o) => o.totalShipping !== "0.00")).toBe(true);
    const inconsistent = orders.filter((o) => {
      const lines = o.lineItems.reduce((sum, li) => sum + lineNetMinor(li), 0);
      const discounts = o.lineItems.reduce((sum, li) => sum + lineDiscountMinor(li), 0);
      const total = lines + minorOf(o.totalShipping);
      const tax = o.billingAddress?.countryCode === "GB" ? Math.round(total / 6) : 0;
      return (
        minorOf(o.subtotalPrice) !== lines ||
        minorOf(o.totalDiscounts) !== discounts ||
        minorOf(o.totalPrice) !== total ||
        minorOf(o.totalTax) !== tax
      );
    });
    expect(inconsistent.map((o) => o.name)).toEqual([]);
  });

  it("GIVEN refunded orders WHEN seeded THEN each order's updatedAt is no earlier than its last refund", () => {
    const refunded = [...shop.orders.values()].filter((o) => o.refunds.length > 0);
    expect(refunded.length).toBeGreaterThan(0);
    for (const o of refunded) for (const r of o.refunds) expect(o.updatedAt >= r.createdAt).toBe(true);
    expect(refunded.some((o) => o.updatedAt > o.processedAt)).toBe(true);
  });
});
