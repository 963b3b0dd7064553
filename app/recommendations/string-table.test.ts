import { describe, expect, it } from "vitest";
import { StringTable } from "./string-table";

describe("StringTable", () => {
  it("GIVEN 100,000 ids with repeats WHEN interned THEN each id keeps the index of its first appearance, as a Map would", () => {
    const table = new StringTable();
    const map = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      // Repeats, a shared prefix, non-ASCII and the empty string.
      const id =
        i % 7 === 0 ? `gid://shopify/Order/${i >> 3}` : i % 11 === 0 ? `ordré-${i % 500}` : i === 5 ? "" : `gid://shopify/Order/${i}`;
      if (!map.has(id)) map.set(id, map.size);
      expect(table.intern(id)).toBe(map.get(id));
    }
    expect(table.size).toBe(map.size);
  });
});
