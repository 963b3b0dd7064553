import { describe, expect, it } from "vitest";
import { loyaltyMetafieldsFor, NO_TIER } from "./loyalty-metafields";

const gid = "gid://shopify/Customer/7";

describe("the loyalty metafields of one customer", () => {
  it("GIVEN a member in Silver on the way to Gold WHEN mirrored THEN balance, tier and progress", () => {
    const values = loyaltyMetafieldsFor(gid, 320, { tier: "Silver", next: { name: "Gold", remaining: 4500, unit: "money" } });
    expect(values.map((v) => [v.key, v.type, v.value])).toEqual([
      ["balance", "number_integer", "320"],
      ["progress", "json", '{"tier":"Silver","next":"Gold","remaining":4500,"unit":"money"}'],
      ["tier", "single_line_text_field", "Silver"],
    ]);
    expect(values.every((v) => v.ownerGid === gid && v.namespace === "$app:loyalty")).toBe(true);
  });

  it("GIVEN a customer in no tier WHEN mirrored THEN no blank tier text, and the progress says none", () => {
    const values = loyaltyMetafieldsFor(gid, 0, NO_TIER);
    expect(values.map((v) => v.key)).toEqual(["balance", "progress"]);
    expect(JSON.parse(values[1]!.value)).toEqual({ tier: null, next: null, remaining: null, unit: null });
  });
});
