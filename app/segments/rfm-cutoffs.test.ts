import { describe, expect, it } from "vitest";
import { quintileScore } from "./rfm-segments";
import { rankCutoffs } from "./rfm-cutoffs";

/** The score PERCENT_RANK gives a customer with `below` strictly lower values among n. */
const byPercentRank = (below: number, n: number) => quintileScore(n <= 1 ? 0 : below / (n - 1));
const byCutoffs = (below: number, n: number) => 1 + (rankCutoffs(n) ?? []).filter((c) => below >= c).length;

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
