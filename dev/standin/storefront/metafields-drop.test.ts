import { describe, expect, it } from "vitest";
import { StandinStore } from "../store";
import { metafieldsDrop } from "./metafields-drop";

describe("metafields as the storefront's Liquid sees them", () => {
  it("GIVEN app-owned metafields with and without a PUBLIC_READ definition WHEN dropped THEN only the public ones show, typed", () => {
    const shop = new StandinStore().ensureShop("drop.myshopify.com");
    const define = (key: string, type: string, storefront: "PUBLIC_READ" | "NONE") =>
      shop.metafieldDefinitions.set(`CUSTOMER|$app:loyalty.${key}`, {
        id: 1,
        ownerType: "CUSTOMER",
        namespace: "$app:loyalty",
        key,
        type,
        name: key,
        storefront,
      });
    define("balance", "number_integer", "PUBLIC_READ");
    define("secret", "single_line_text_field", "NONE");
    define("picks", "list.product_reference", "PUBLIC_READ");
    const at = "2026-01-01T00:00:00Z";
    const drop = metafieldsDrop(
      shop,
      "CUSTOMER",
      {
        "$app:loyalty.balance": { type: "number_integer", value: "120", updatedAt: at },
        "$app:loyalty.secret": { type: "single_line_text_field", value: "x", updatedAt: at },
        "$app:loyalty.undefined": { type: "single_line_text_field", value: "y", updatedAt: at },
        "$app:loyalty.picks": {
          type: "list.product_reference",
          value: '["gid://shopify/Product/1","gid://shopify/Product/2"]',
          updatedAt: at,
        },
      },
      (gid) => (gid.endsWith("/1") ? { title: "Mug" } : null),
    );
    expect(drop).toEqual({
      "$app:loyalty": {
        balance: { value: 120, type: "number_integer" },
        picks: { value: [{ title: "Mug" }], type: "list.product_reference" },
      },
    });
  });
});
