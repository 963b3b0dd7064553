import { beforeAll, describe, expect, it } from "vitest";
import { BULK_RUN_QUERY, CUSTOMERS_BULK_QUERY, ORDERS_BULK_QUERY, PRODUCTS_BULK_QUERY } from "../../../app/shopify/bulk-queries";
import { seededShop } from "../seeded-shop";

let world: Awaited<ReturnType<typeof seededShop>>;
beforeAll(async () => {
  world = await seededShop();
});

/** Like the app's BulkRunQuery, plus the userError `code`. */
const RUN_WITH_CODES = `mutation Run($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: true) { bulkOperation { id } userErrors { field message code } }
}`;

const parentsOf = (lines: Record<string, any>[]) => new Set(lines.filter((l) => !l.__parentId).map((l) => l.id as string));

describe("the app's bulk queries against a seeded shop", () => {
  it("GIVEN BulkProducts WHEN run THEN each product line carries its catalogue fields and rating, with variants and collections as child lines", async () => {
    const { userErrors, lines } = await world.bulk(BULK_RUN_QUERY, PRODUCTS_BULK_QUERY);
    expect(userErrors).toEqual([]);
    const products = lines.filter((l) => l.id.startsWith("gid://shopify/Product/"));
    expect(products).toHaveLength(world.shop.products.size);
    expect(products[0]).toMatchObject({
      vendor: "Rapport Demo Gifts",
      productType: "Gift",
      status: "ACTIVE",
      tags: [],
      publishedAt: expect.any(String),
      updatedAt: expect.any(String),
      totalInventory: 100,
      featuredMedia: { image: { url: expect.stringMatching(/^http:\/\/standin\.test\/cdn\//) } },
    });
    const rated = products.find((p) => p.rating !== null)!;
    expect(JSON.parse(rated.rating.value)).toEqual({ value: expect.stringMatching(/^[345]\.\d$/), scale_min: "1.0", scale_max: "5.0" });
    expect(rated.ratingCount.value).toMatch(/^\d+$/);
    expect(products.some((p) => p.rating === null && p.ratingCount === null)).toBe(true);

    const ids = parentsOf(lines);
    const variants = lines.filter((l) => l.id.startsWith("gid://shopify/ProductVariant/"));
    expect(variants).toHaveLength(products.length);
    expect(variants[0]).toMatchObject({
      price: expect.any(String),
      inventoryQuantity: 100,
      inventoryPolicy: expect.stringMatching(/^(DENY|CONTINUE)$/),
    });
    expect(variants.some((v) => v.compareAtPrice !== null)).toBe(true);
    const collections = lines.filter((l) => l.id.startsWith("gid://shopify/Collection/"));
    expect(collections.length).toBeGreaterThan(100);
    expect(collections.every((c) => ids.has(c.__parentId))).toBe(true);
    expect(new Set(collections.map((c) => c.title))).toEqual(
      new Set(["Christmas", "Bags", "Candles & Lights", "Kitchen", "Vintage", "Garden"]),
    );
  });

  it("GIVEN BulkCustomers WHEN run THEN each customer line has its state, marketing consent, phone (or null) and country", async () => {
    const { lines } = await world.bulk(BULK_RUN_QUERY, CUSTOMERS_BULK_QUERY);
    expect(lines).toHaveLength(world.shop.customers.size);
    expect(lines[0]).toMatchObject({
      state: "ENABLED",
      tags: [],
      defaultEmailAddress: { emailAddress: expect.stringContaining("@"), marketingState: expect.any(String) },
      defaultAddress: { countryCodeV2: expect.stringMatching(/^[A-Z]{2}$/) },
    });
    const states = new Set(lines.map((l) => l.defaultEmailAddress.marketingState));
    expect(states).toContain("SUBSCRIBED");
    expect(states).toContain("NOT_SUBSCRIBED");
    expect(lines.some((l) => l.defaultPhoneNumber === null)).toBe(true);
    expect(lines.find((l) => l.defaultPhoneNumber !== null)!.defaultPhoneNumber).toEqual({
      phoneNumber: expect.stringMatching(/^\+447700900\d{3}$/),
      marketingState: expect.any(String),
    });
  });

  it(
    "GIVEN BulkOrders WHEN run THEN orders carry every total, POS details and inline refunds, and line items with discounts follow as child lines",
    { timeout: 30_000 },
    async () => {
      const { lines } = await world.bulk(BULK_RUN_QUERY, ORDERS_BULK_QUERY);
      const orders = lines.filter((l) => !l.__parentId);
      expect(orders).toHaveLength(world.shop.orders.size);
      const pos = orders.find((o) => o.sourceName === "pos")!;
      expect(pos).toMatchObject({
        retailLocation: { id: expect.stringMatching(/^gid:\/\/shopify\/Location\/\d+$/) },
        staffMember: { id: expect.stringMatching(/^gid:\/\/shopify\/StaffMember\/\d+$/) },
        shippingAddress: null,
        billingAddress: { countryCodeV2: "GB" },
        totalShippingPriceSet: { shopMoney: { amount: "0.00" } },
      });
      const web = orders.find((o) => o.sourceName === "web" && o.totalShippingPriceSet.shopMoney.amount !== "0.00")!;
      expect(web).toMatchObject({ retailLocation: null, staffMember: null, shippingAddress: { countryCodeV2: expect.any(String) } });
      expect(orders.find((o) => o.totalTaxSet.shopMoney.amount !== "0.00")).toBeDefined();
      const refunded = orders.find((o) => o.refunds.length > 0)!;
      expect(refunded.refunds[0]).toEqual({
        id: expect.stringMatching(/^gid:\/\/shopify\/Refund\//),
        createdAt: expect.any(String),
        note: expect.stringMatching(/^Cancellation/),
        totalRefundedSet: { shopMoney: { amount: expect.stringMatching(/^\d+\.\d\d$/) } },
      });

      const items = lines.filter((l) => l.__parentId);
      const ids = parentsOf(lines);
      expect(items.every((li) => ids.has(li.__parentId) && li.id.startsWith("gid://shopify/LineItem/"))).toBe(true);
      const discounted = items.find((li) => li.discountAllocations.length > 0)!;
      expect(discounted.discountAllocations[0]).toEqual({
        allocatedAmountSet: { shopMoney: { amount: expect.stringMatching(/^\d+\.\d\d$/) } },
      });
      expect(discounted).toMatchObject({ product: { id: expect.any(String) }, variant: { id: expect.any(String) } });
      const order = world.shop.orders.get(Number(discounted.__parentId.split("/").pop()))!;
      expect(order.totalDiscounts).not.toBe("0.00");
    },
  );

  it("GIVEN a bulk query with a connection inside a list field WHEN submitted THEN Shopify's INVALID userError comes back and nothing runs", async () => {
    const before = world.shop.bulkOperations.size;
    const { userErrors } = await world.bulk(
      RUN_WITH_CODES,
      "{ orders { edges { node { id refunds { id refundLineItems { edges { node { quantity } } } } } } } }",
    );
    expect(userErrors).toEqual([
      {
        field: ["query"],
        message: "Queries that contain a connection field within a list field are not currently supported.",
        code: "INVALID",
      },
    ]);
    expect(world.shop.bulkOperations.size).toBe(before);
  });
});
