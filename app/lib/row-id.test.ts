import { describe, expect, it } from "vitest";
import { newRowId } from "./row-id";

describe("row ids", () => {
  it("GIVEN ids made over time WHEN sorted as text THEN they keep the order they were made in, and are UUIDv7s", async () => {
    const first = newRowId();
    await new Promise((resolve) => setTimeout(resolve, 3));
    const second = newRowId();
    expect(first < second).toBe(true);
    for (const id of [first, second]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(second.replace("-", "").slice(0, 12), 16)).toBeLessThanOrEqual(Date.now());
  });

  it("GIVEN many ids in the same millisecond WHEN made THEN none repeats", () => {
    const ids = Array.from({ length: 10_000 }, () => newRowId());
    expect(new Set(ids).size).toBe(ids.length);
  });
});
