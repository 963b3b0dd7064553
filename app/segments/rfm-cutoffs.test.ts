import { describe, expect, it } from "vitest";
import { quintileScore } from "./rfm-segments";
import { cutoffsOfSorted, rankCutoffs, scoreAgainst, sortedValues } from "./rfm-cutoffs";

/** The score PERCENT_RANK gives a customer with `below` strictly lower values among n. */
const byPercentRank = (below: number, n: number) => quintileScore(n <= 1 ? 0 : below / (n - 1));
const byCutoffs = (below: number, n: number) => 1 + (rankCutoffs(n) ?? []).filter((c) => below >= c).length;

/** A seeded generator (mulberry32), so a failure names its case. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("rankCutoffs", () => {
  it("GIVEN every shop size up to 2,000 and every rank WHEN scored by cut-offs THEN the score equals the percent-rank quintile", () => {
    for (let n = 1; n <= 2_000; n += 1)
      for (let below = 0; below < n; below += 1) if (byCutoffs(below, n) !== byPercentRank(below, n)) expect([n, below]).toBeNull();
  });

  it("GIVEN 11 customers WHEN cut THEN 2, 4, 6 and 8 lower values reach scores 2 to 5", () => {
    expect(rankCutoffs(11)).toEqual([2, 4, 6, 8]);
    expect(rankCutoffs(1)).toBeNull();
  });
});

describe("cut-off values", () => {
  it("GIVEN values with many ties WHEN each is scored against the cut-offs THEN it gets its percent-rank quintile", () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const next = random(seed);
      const n = 1 + Math.floor(next() * 300);
      const spread = 1 + Math.floor(next() * 40); // few distinct values: ties on every boundary
      const values = Array.from({ length: n }, () => Math.floor(next() * spread));
      const cutoffs = cutoffsOfSorted(sortedValues(values.join(",")));
      for (const value of values) {
        const below = values.filter((v) => v < value).length;
        if (scoreAgainst(value, cutoffs) !== byPercentRank(below, n)) expect({ seed, value, below, n }).toBeNull();
      }
    }
  });

  it("GIVEN the database's list of values WHEN parsed THEN sorted numerically, and nothing for no buyers", () => {
    expect([...sortedValues("10,9,-3,1767137065123")]).toEqual([-3, 9, 10, 1767137065123]);
    expect(sortedValues(null)).toHaveLength(0);
    expect(cutoffsOfSorted(sortedValues("5"))).toBeNull();
    expect(scoreAgainst(5, null)).toBe(1);
  });
});
