import { describe, expect, it } from "vitest";
import { countInSlices, inSlices, KEYS_PER_STATEMENT } from "./in-slices";

describe("inSlices", () => {
  it("GIVEN more keys than a statement may carry WHEN read THEN every key is asked once, in slices no larger than the bound", async () => {
    const keys = Array.from({ length: 2 * KEYS_PER_STATEMENT + 7 }, (_, i) => `k${i}`);
    const slices: string[][] = [];
    const rows = await inSlices([...keys, "k3", "k4"], async (slice) => {
      slices.push(slice);
      return slice.map((k) => ({ k }));
    });
    expect(slices.map((s) => s.length)).toEqual([KEYS_PER_STATEMENT, KEYS_PER_STATEMENT, 7]);
    expect(rows.map((r) => r.k)).toEqual(keys);
  });

  it("GIVEN few keys WHEN read THEN one statement carries them all; GIVEN none THEN no statement runs", async () => {
    const calls: number[][] = [];
    await inSlices([1, 2, 2, 3], async (slice) => (calls.push(slice), []));
    expect(await inSlices([], async (slice) => (calls.push(slice), [{ unexpected: true }]))).toEqual([]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it("GIVEN a write over many keys WHEN run in slices THEN the counts add up", async () => {
    const count = await countInSlices(
      Array.from({ length: 12 }, (_, i) => i),
      async (slice) => ({ count: slice.length * 10 }),
      5,
    );
    expect(count).toBe(120);
  });
});
