import { describe, expect, it } from "vitest";
import { forYouModel, historyRows, repurchaseShares, FOR_YOU_DEFAULTS, VECTOR_CAP } from "./for-you";
import { repeatVector } from "./tifuknn";

const DAY = 86_400_000;
const history = (baskets: number[][]) => ({ baskets, times: baskets.map((_, i) => Date.UTC(2025, 0, 1) + i * DAY) });

describe("for-you stored vectors", () => {
  it("GIVEN a short history WHEN the model is built THEN its stored vector is its repeat vector (float32), items ascending", () => {
    const h = history([
      [3, 1],
      [1, 7],
    ]);
    const model = forYouModel([h], FOR_YOU_DEFAULTS, Date.UTC(2025, 6, 1));
    const { start, items, values } = model.customers.vectors;
    const expected = repeatVector(h.baskets, FOR_YOU_DEFAULTS);
    expect(Array.from(items.subarray(start[0]!, start[1]!))).toEqual(expected.items);
    expect(Array.from(values.subarray(start[0]!, start[1]!))).toEqual(expected.values.map(Math.fround));
    expect(model.norms[0]).toBeCloseTo(Math.sqrt(expected.norm2), 12);
  });

  it("GIVEN a history longer than the cap WHEN the model is built THEN the largest VECTOR_CAP values are kept and the norm is the full vector's", () => {
    // Items 0..9 bought in every basket (largest values), items 10.. once each in the last basket.
    const many = Array.from({ length: VECTOR_CAP + 40 }, (_, i) => 10 + i);
    const h = history([[...Array(10).keys()], [...Array(10).keys()], [...Array(10).keys(), ...many]]);
    const model = forYouModel([h], FOR_YOU_DEFAULTS, Date.UTC(2025, 6, 1));
    const { start, items } = model.customers.vectors;
    const kept = Array.from(items.subarray(start[0]!, start[1]!));
    const full = repeatVector(h.baskets, FOR_YOU_DEFAULTS);
    expect(kept).toHaveLength(VECTOR_CAP);
    // Every kept value is at least every dropped one; ties at the cap go to the lower items.
    expect(kept).toEqual([...Array(VECTOR_CAP).keys()]);
    expect(model.norms[0]).toBeCloseTo(Math.sqrt(full.norm2), 12);
  });
});

describe("repurchase share", () => {
  it("GIVEN item 1 rebought by 2 of its 3 buyers and item 2 never WHEN counted THEN shares are 2/(3+5) and 0", () => {
    const rows = historyRows([history([[1, 2], [1]]), history([[1], [1, 2]]), history([[1]])]);
    const shares = repurchaseShares(rows, 3);
    expect(shares[1]).toBeCloseTo(2 / 8, 12);
    expect(shares[2]).toBe(0);
    expect(shares[0]).toBe(0);
  });
});

describe("for-you own values", () => {
  it("GIVEN an own item bought once long ago and neighbours all holding an item the customer never bought WHEN ranked THEN ownPower 0.5 puts the own item first, ownPower 1 the neighbours' item", async () => {
    const { forYouTop } = await import("./for-you-score");
    // The customer: item 1 in each of the last 4 baskets, item 2 once in the first of 8.
    const customer = history([[2], [3], [4], [5], [1], [1], [1], [1]]);
    // Neighbours hold item 1 and, in their oldest basket, item 9: 0.4 × 0.85^19 / 3 ≈ 0.0061 for item 9,
    // against 0.6 × 0.85^19 / 8 ≈ 0.0034 for item 2 as it is and ≈ 0.0108 compressed (own top 0.0567).
    const reference = Array.from({ length: 20 }, () => history([[1, 9], [1], [1]]));
    const params = { ...FOR_YOU_DEFAULTS, trend: 0, repurchase: 0 };
    const rank = (ownPower: number) => {
      const model = forYouModel(reference, { ...params, ownPower }, Date.UTC(2025, 6, 1));
      return forYouTop(customer, model, { ...params, ownPower }, -1, 10).map((e) => e.item);
    };
    const compressed = rank(0.5);
    const plain = rank(1);
    expect(compressed[0]).toBe(1);
    expect(plain[0]).toBe(1);
    expect(compressed.indexOf(2)).toBeLessThan(compressed.indexOf(9));
    expect(plain.indexOf(9)).toBeLessThan(plain.indexOf(2));
  });
});
