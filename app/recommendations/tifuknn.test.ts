import { describe, expect, it } from "vitest";
import { groupSizes, nearestCustomers, neighbourIndex, repeatVector, TIFU_REFERENCE, tifuScores, toSparse, topK } from "./tifuknn";

describe("TIFUKNN", () => {
  it("GIVEN 10 baskets and 7 groups WHEN grouped THEN the last groups take the extra baskets (authors' code)", () => {
    expect(groupSizes(10, 7)).toEqual([1, 1, 1, 1, 2, 2, 2]);
    expect(groupSizes(14, 7)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(groupSizes(3, 7)).toEqual([1, 1, 1]);
  });

  it("GIVEN two baskets WHEN vectorised THEN weights follow the within and group decays", () => {
    const v = repeatVector([[1], [1, 2]], { groupCount: 7, withinDecay: 0.9, groupDecay: 0.7 });
    // each basket is a group; group i weighted 0.7^(7-1-i), basket b by 0.9^(n-1-b), divided by 2 groups
    const w0 = (0.9 * 0.7 ** 6) / 2;
    const w1 = (1 * 0.7 ** 5) / 2;
    expect(v.items).toEqual([1, 2]);
    expect(v.values[0]).toBeCloseTo(w0 + w1, 12);
    expect(v.values[1]).toBeCloseTo(w1, 12);
  });

  it("GIVEN reference customers WHEN the nearest are asked THEN Euclidean order is returned", () => {
    const index = neighbourIndex([toSparse(new Map([[1, 1]])), toSparse(new Map([[2, 1]])), toSparse(new Map([[1, 0.9]]))]);
    expect(nearestCustomers(index, toSparse(new Map([[1, 1]])), 2)).toEqual([0, 2]);
  });

  it("GIVEN a customer whose neighbours buy item 9 WHEN scored THEN own items lead and item 9 follows", () => {
    const index = neighbourIndex([
      repeatVector(
        [
          [1, 9],
          [1, 9],
        ],
        TIFU_REFERENCE,
      ),
      repeatVector([[5], [6]], TIFU_REFERENCE),
    ]);
    const ranked = topK(tifuScores([[1], [1]], index, { ...TIFU_REFERENCE, k: 1 }), 3);
    expect(ranked).toEqual([1, 9]);
  });
});

describe("for-you top items", () => {
  it("GIVEN random histories WHEN the top 10 are taken without scoring every item THEN they equal the full ranking's first 10", async () => {
    const { forYouModel, forYouScores, forYouTop, FOR_YOU_DEFAULTS } = await import("./for-you");
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const history = () => {
      const n = 1 + Math.floor(random() * 5);
      return {
        baskets: Array.from({ length: n }, () => [
          ...new Set(Array.from({ length: 1 + Math.floor(random() * 5) }, () => Math.floor(random() * 60))),
        ]),
        times: Array.from({ length: n }, (_, i) => Date.UTC(2025, 0, 1) + i * 86_400_000 * 20 + Math.floor(random() * 1e6)),
      };
    };
    const reference = Array.from({ length: 200 }, history);
    const model = forYouModel(reference, FOR_YOU_DEFAULTS, Date.UTC(2025, 6, 1));
    for (let c = 0; c < 20; c++) {
      const full = topK(forYouScores(reference[c]!, model, FOR_YOU_DEFAULTS, c), 10);
      expect(forYouTop(reference[c]!, model, FOR_YOU_DEFAULTS, c, 10).map((e) => e.item)).toEqual(full);
    }
  });
});
