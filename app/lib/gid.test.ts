import { describe, expect, it } from "vitest";
import { isGid, legacyIdOf, toGid } from "./gid";

describe("Shopify GIDs", () => {
  it("GIVEN an id beyond 2^53 as digits WHEN made a GID THEN every digit is kept", () => {
    expect(toGid("Order", "820982911946154508")).toBe("gid://shopify/Order/820982911946154508");
    expect(legacyIdOf("gid://shopify/Order/820982911946154508")).toBe("820982911946154508");
  });

  it("GIVEN a JS number that already lost precision WHEN made a GID THEN it is refused", () => {
    // eslint-disable-next-line no-loss-of-precision -- the point: this literal is already rounded
    expect(() => toGid("Order", 820982911946154508)).toThrow(RangeError);
    expect(toGid("Customer", 17850)).toBe("gid://shopify/Customer/17850");
  });

  it("GIVEN strings WHEN checked THEN only GIDs of the asked kind pass", () => {
    expect(isGid("gid://shopify/Product/1", "Product")).toBe(true);
    expect(isGid("gid://shopify/Product/1", "Order")).toBe(false);
    expect(isGid("gid://shopify/Product/abc")).toBe(false);
    expect(() => toGid("Order", "12a")).toThrow(/not an exact/);
  });
});
