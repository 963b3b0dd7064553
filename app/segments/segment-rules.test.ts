import { describe, expect, it } from "vitest";
import { parseSegmentRules } from "./segment-rules";

describe("merchant segment rules", () => {
  it("GIVEN every kind of condition WHEN parsed THEN accepted, numbers coerced from form text", () => {
    const result = parseSegmentRules({
      name: " VIP ",
      match: "any",
      conditions: [
        { field: "ltv", op: "gte", amount: "250.50" },
        { field: "orderCount", op: "eq", value: "3" },
        { field: "daysSinceLastOrder", op: "lte", days: 30 },
        { field: "tag", op: "has", tag: "vip" },
        { field: "country", op: "in", countries: ["GB", "FR"] },
        { field: "boughtProduct", productGid: "gid://shopify/Product/1" },
        { field: "boughtCollection", collectionGid: "gid://shopify/Collection/2" },
        { field: "channel", channel: "pos" },
      ],
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rules.name).toBe("VIP");
    if (result.ok) expect(result.rules.conditions[0]).toEqual({ field: "ltv", op: "gte", amount: 250.5 });
  });

  it("GIVEN bad input WHEN parsed THEN field errors by path, no exception", () => {
    const result = parseSegmentRules({
      name: "",
      match: "all",
      conditions: [
        { field: "ltv", op: "gte", amount: "-3" },
        { field: "tag", op: "has", tag: "a,b" },
        { field: "country", op: "in", countries: ["gb"] },
        { field: "boughtProduct", productGid: "gid://shopify/Collection/1" },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: "Enter a name",
        "conditions.0.amount": "Must be 0 or more",
        "conditions.1.tag": "One tag, without commas",
        "conditions.2.countries.0": "Use two-letter country codes, e.g. GB",
        "conditions.3.productGid": "Choose a product",
      },
    });
  });

  it("GIVEN no conditions or an unknown field WHEN parsed THEN a field error", () => {
    expect(parseSegmentRules({ name: "x", match: "all", conditions: [] })).toEqual({
      ok: false,
      errors: { conditions: "Add at least one condition" },
    });
    const unknown = parseSegmentRules({ name: "x", match: "all", conditions: [{ field: "shoeSize" }] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(Object.keys(unknown.errors)).toEqual(["conditions.0.field"]);
  });
});
