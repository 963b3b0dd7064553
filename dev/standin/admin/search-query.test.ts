import { describe, expect, it } from "vitest";
import { parseSearchQuery, searchFilter } from "./search-query";

const fields = { updated_at: (r: { updatedAt: string }) => r.updatedAt };
const at = (updatedAt: string) => ({ updatedAt });

describe("the search query subset", () => {
  it("GIVEN comparisons, quoted and bare, joined by AND or a space WHEN parsed THEN each becomes a term", () => {
    expect(parseSearchQuery(`updated_at:>='2026-01-01T00:00:00Z' AND updated_at:<"2026-02-01" created_at:<=2026-03-01`)).toEqual([
      { field: "updated_at", op: ">=", value: "2026-01-01T00:00:00Z" },
      { field: "updated_at", op: "<", value: "2026-02-01" },
      { field: "created_at", op: "<=", value: "2026-03-01" },
    ]);
  });

  it("GIVEN a lower bound WHEN filtering THEN the bound itself is in and an earlier record is out", () => {
    const keep = searchFilter("updated_at:>='2026-01-01T00:00:00Z'", fields);
    expect(keep(at("2026-01-01T00:00:00.000Z"))).toBe(true);
    expect(keep(at("2025-12-31T23:59:59.999Z"))).toBe(false);
  });

  it("GIVEN strict and inclusive upper bounds WHEN filtering a record on the bound THEN only the inclusive one keeps it", () => {
    expect(searchFilter("updated_at:<2026-01-01T00:00:00Z", fields)(at("2026-01-01T00:00:00Z"))).toBe(false);
    expect(searchFilter("updated_at:<=2026-01-01T00:00:00Z", fields)(at("2026-01-01T00:00:00Z"))).toBe(true);
  });

  it("GIVEN unknown fields, free text and a value that is no date WHEN filtering THEN they are ignored and the date term still applies", () => {
    const keep = searchFilter("status:open gift updated_at:>=yesterday updated_at:>2026-01-01", fields);
    expect(keep(at("2026-01-02T00:00:00Z"))).toBe(true);
    expect(keep(at("2025-06-01T00:00:00Z"))).toBe(false);
  });

  it("GIVEN no query WHEN filtering THEN everything is kept", () => {
    expect(searchFilter(undefined, fields)(at("1999-01-01T00:00:00Z"))).toBe(true);
  });
});
