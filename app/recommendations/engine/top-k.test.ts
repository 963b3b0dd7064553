import { describe, expect, it } from "vitest";
import { bestOf, TopK } from "./top-k";

describe("TopK", () => {
  it("GIVEN a shuffled stream WHEN the best 3 are kept THEN they equal a full sort's first 3, ties by tie then item", () => {
    const stream = [
      [4, 0.5, 0],
      [2, 0.9, 0],
      [9, 0.5, 3],
      [1, 0.5, 3],
      [7, 0.1, 0],
      [3, 0.9, 0],
    ] as const;
    const top = new TopK(3);
    for (const [item, score, tie] of stream) top.offer(item, score, tie);
    const sorted = [...stream].sort((a, b) => b[1] - a[1] || b[2] - a[2] || a[0] - b[0]).map((s) => s[0]);
    expect(top.items()).toEqual(sorted.slice(0, 3));
    expect(top.items()).toEqual([2, 3, 1]);
  });

  it("GIVEN a TopK reused with clear() WHEN a second stream is offered THEN it keeps that stream's best only", () => {
    const top = new TopK(2);
    for (const [item, score] of [
      [1, 0.9],
      [2, 0.8],
      [3, 0.7],
    ] as const)
      top.offer(item, score);
    top.clear();
    expect(top.size).toBe(0);
    expect(top.worst).toBe(-Infinity);
    for (const [item, score] of [
      [8, 0.2],
      [6, 0.5],
      [7, 0.2],
    ] as const)
      top.offer(item, score);
    expect(top.entries()).toEqual([
      { item: 6, score: 0.5 },
      { item: 7, score: 0.2 },
    ]);
  });

  it("GIVEN k = 0 WHEN offered THEN nothing is kept", () => {
    const top = new TopK(0);
    top.offer(1, 1);
    expect(top.size).toBe(0);
  });

  it("GIVEN random streams with tied scores WHEN bestOf selects k THEN it equals TopK's best k, in order", () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const [n, k] of [
      [0, 3],
      [5, 10],
      [200, 7],
      [1000, 300],
      [50, 50],
    ] as const) {
      const items = Int32Array.from({ length: n }, (_, i) => (i * 7919) % 100_003);
      const scores = Float64Array.from({ length: n }, () => Math.floor(random() * 20) / 4);
      const top = new TopK(k);
      items.forEach((item, i) => top.offer(item, scores[i]!));
      expect(bestOf(items, scores, n, k)).toEqual(top.entries());
    }
  });
});
