import { describe, expect, it } from "vitest";
import { parseGraphqlProduct, ratingOf } from "./graphql-product-command";

const node = {
  id: "gid://shopify/Product/1",
  title: "Mug",
  handle: "mug",
  status: "ACTIVE",
  vendor: "Acme",
  productType: "Kitchen",
  tags: ["gift", " gift ", "kitchen"],
  publishedAt: "2026-01-01T00:00:00Z",
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-02-01T00:00:00Z",
  totalInventory: 0,
  featuredMedia: { image: { url: "https://cdn.example/mug.png" } },
  rating: { value: '{"value":"8.0","scale_min":"0.0","scale_max":"10.0"}' },
  ratingCount: { value: "12" },
  variants: {
    nodes: [
      {
        id: "gid://shopify/ProductVariant/11",
        title: "Default Title",
        sku: "M1",
        price: "4.50",
        compareAtPrice: "6.00",
        inventoryQuantity: 0,
        inventoryPolicy: "CONTINUE",
      },
    ],
  },
  collections: { nodes: [{ id: "gid://shopify/Collection/5", title: "Kitchen" }] },
};

describe("a GraphQL product as a command", () => {
  it("GIVEN a product as the backfill reads it WHEN parsed THEN price, tags, collections, rating (on 0–5) and availability are kept", () => {
    expect(parseGraphqlProduct(node, "GBP")).toMatchObject({
      priceMinor: 450,
      compareAtPriceMinor: 600,
      tags: "gift, kitchen",
      collections: [{ collectionGid: "gid://shopify/Collection/5", title: "Kitchen" }],
      rating: { value: 4, count: 12 },
      available: true, // out of stock, but sold when out of stock
      imageUrl: "https://cdn.example/mug.png",
    });
  });

  it("GIVEN stock that is out and not oversold WHEN parsed THEN the product is unavailable", () => {
    const variants = { nodes: [{ ...node.variants.nodes[0]!, inventoryPolicy: "DENY" }] };
    expect(parseGraphqlProduct({ ...node, variants }, "GBP").available).toBe(false);
  });

  it("GIVEN malformed ratings WHEN read THEN no rating rather than a wrong one", () => {
    expect(ratingOf("not json", "3")).toBeNull();
    expect(ratingOf('{"value":"x"}', undefined)).toBeNull();
    expect(ratingOf(undefined, undefined)).toBeNull();
  });
});
