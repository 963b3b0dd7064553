import { describe, expect, it } from "vitest";
import { parseSegmentRules } from "./segment-rules";
import { toDrafts, toRulesInput, type ConditionDraft } from "./segment-form";

describe("segment editor drafts", () => {
  it("GIVEN a draft of every kind WHEN shaped and parsed THEN the rules, and back to the same drafts", () => {
    const drafts: ConditionDraft[] = [
      { field: "ltv", op: "gte", value: "500" },
      { field: "orderCount", op: "eq", value: "2" },
      { field: "daysSinceLastOrder", op: "lte", value: "30" },
      { field: "tag", op: "has", value: "vip" },
      { field: "country", op: "in", value: "GB, FR" },
      { field: "boughtProduct", op: "", value: "gid://shopify/Product/1" },
      { field: "boughtCollection", op: "", value: "gid://shopify/Collection/2" },
      { field: "channel", op: "", value: "pos" },
    ];
    const parsed = parseSegmentRules(toRulesInput("VIP", "all", drafts));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(toDrafts(parsed.rules)).toEqual(drafts);
  });

  it("GIVEN a half-typed draft WHEN parsed THEN a field error on that condition", () => {
    const parsed = parseSegmentRules(toRulesInput("VIP", "all", [{ field: "country", op: "in", value: "" }]));
    expect(parsed).toEqual({ ok: false, errors: { "conditions.0.countries": "Choose at least one country" } });
  });
});
