import { describe, expect, it } from "vitest";
import { basketRows, coOccurrence, coOccurrenceIndex, coOccurrenceRange, unpackCoOccurrence } from "./co-occurrence";

/** The plain definition, pair by pair, to compare the fast pass against. */
function naive(baskets: number[][], perItem: number) {
  const count = new Map<number, number>();
  const co = new Map<string, number>();
  for (const b of baskets)
    for (const a of b) {
      count.set(a, (count.get(a) ?? 0) + 1);
      for (const x of b) if (x !== a) co.set(`${a},${x}`, (co.get(`${a},${x}`) ?? 0) + 1);
    }
  const lift = new Map<number, { item: number; score: number }[]>();
  const cosine = new Map<number, { item: number; score: number }[]>();
  for (const a of count.keys()) {
    const pairs = [...co].filter(([k]) => Number(k.split(",")[0]) === a).map(([k, c]) => ({ item: Number(k.split(",")[1]), c }));
    const l = pairs
      .filter((p) => p.c >= 2)
      .map((p) => ({ item: p.item, c: p.c, score: (p.c * baskets.length) / (count.get(a)! * count.get(p.item)!) }))
      .sort((x, y) => y.score - x.score || y.c - x.c || x.item - y.item);
    const cs = pairs
      .map((p) => ({ item: p.item, score: p.c / Math.sqrt(count.get(a)! * count.get(p.item)!) }))
      .sort((x, y) => y.score - x.score || x.item - y.item);
    if (l.length)
      lift.set(
        a,
        l.slice(0, perItem).map(({ item, score }) => ({ item, score })),
      );
    if (cs.length) cosine.set(a, cs.slice(0, perItem));
  }
  return { lift, cosine };
}

describe("coOccurrence", () => {
  it("GIVEN random baskets WHEN neighbours are counted in one pass THEN lift and cosine equal the pair-by-pair definition", () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const baskets = Array.from({ length: 300 }, () => [
      ...new Set(Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() * 40))),
    ]);
    const fast = coOccurrence(baskets, 5);
    const slow = naive(baskets, 5);
    expect(fast.lift).toEqual(slow.lift);
    expect(fast.cosine).toEqual(slow.cosine);
  });

  it("GIVEN a basket over the size cap WHEN counted THEN it adds no pairs", () => {
    const result = coOccurrence(
      [
        [1, 2],
        [1, 2],
        [1, 2, 3, 4],
      ],
      5,
      { maxBasket: 3 },
    );
    expect(result.cosine.get(1)).toEqual([{ item: 2, score: 1 }]);
    expect(result.cosine.has(3)).toBe(false);
  });

  it("GIVEN random baskets WHEN neighbours are counted in ranges of items (as the build's threads count them) THEN they are those of one pass", () => {
    let seed = 3;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const baskets = Array.from({ length: 400 }, () => [
      ...new Set(Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() ** 2 * 40))),
    ]);
    const index = coOccurrenceIndex(basketRows(baskets));
    const whole = coOccurrence(baskets, 5);
    const ends = [0, 3, 17, 18, index.items];
    const split = unpackCoOccurrence(ends.slice(1).map((to, i) => coOccurrenceRange(index, ends[i]!, to, 5)));
    expect(whole.lift.size).toBeGreaterThan(20);
    expect([...split.lift]).toEqual([...whole.lift]);
    expect([...split.cosine]).toEqual([...whole.cosine]);
  });
});
