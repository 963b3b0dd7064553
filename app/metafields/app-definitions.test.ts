import { describe, expect, it } from "vitest";
import { appMetafieldDefinitions } from "./app-definitions";
import { RECOMMENDATION_METAFIELDS, SEGMENT_METAFIELDS, metafieldKey } from "./definitions";

describe("appMetafieldDefinitions", () => {
  it("GIVEN the definition lists WHEN collected THEN every definition of every list is there once", () => {
    const all = appMetafieldDefinitions();
    for (const d of [...SEGMENT_METAFIELDS, ...RECOMMENDATION_METAFIELDS]) expect(all).toContainEqual(d);
    const keys = all.map((d) => `${d.ownerType}|${metafieldKey(d)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(all.every((d) => d.namespace.startsWith("$app"))).toBe(true);
  });
});
