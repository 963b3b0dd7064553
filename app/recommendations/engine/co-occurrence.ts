import type { Neighbour } from "./model";
import { TopK } from "./top-k";

/**
 * Baskets larger than this are left out of pair counting: a wholesale order of 500 lines adds 250,000
 * pairs that say little about what goes together, and such baskets dominate the cost (Σ size²).
 */
export const MAX_PAIR_BASKET = 60;

export interface CoOccurrence {
  /** Lift = P(a,b) / (P(a)·P(b)) over baskets, pairs seen at least `minLiftCount` times; ties by co-count. */
  lift: Map<number, Neighbour[]>;
  /** Cosine = co-count / √(count_a · count_b); ties by item. */
  cosine: Map<number, Neighbour[]>;
}

/**
 * Co-occurrence neighbours of every item in one pass, item by item over an inverted index with one dense
 * counter array (no map of maps): memory O(lines + items), time O(Σ basket size²) over kept baskets.
 * @example coOccurrence([[0, 1], [0, 1, 2]], 30).lift.get(0) // [{ item: 1, score: 1 }]
 */
export function coOccurrence(
  baskets: readonly (readonly number[])[],
  perItem: number,
  options: { minLiftCount?: number; maxBasket?: number } = {},
): CoOccurrence {
  const minLiftCount = options.minLiftCount ?? 2;
  const maxBasket = options.maxBasket ?? MAX_PAIR_BASKET;
  let items = 0;
  let kept = 0;
  let lines = 0;
  for (const b of baskets) {
    if (b.length > maxBasket) continue;
    kept += 1;
    lines += b.length;
    for (const i of b) if (i + 1 > items) items = i + 1;
  }
  // Inverted index (CSR): the kept baskets holding each item, and the baskets' items.
  const count = new Int32Array(items);
  const basketStart = new Int32Array(kept + 1);
  const basketItems = new Int32Array(lines);
  let k = 0;
  let n = 0;
  for (const b of baskets) {
    if (b.length > maxBasket) continue;
    for (const i of b) {
      basketItems[n++] = i;
      count[i] = count[i]! + 1;
    }
    basketStart[++k] = n;
  }
  const itemStart = new Int32Array(items + 1);
  for (let i = 0; i < items; i++) itemStart[i + 1] = itemStart[i]! + count[i]!;
  const itemBaskets = new Int32Array(lines);
  const fill = itemStart.slice(0, items);
  for (let b = 0; b < kept; b++) for (let l = basketStart[b]!; l < basketStart[b + 1]!; l++) itemBaskets[fill[basketItems[l]!]!++] = b;

  const co = new Int32Array(items);
  const touched = new Int32Array(items);
  const lift = new Map<number, Neighbour[]>();
  const cosine = new Map<number, Neighbour[]>();
  for (let a = 0; a < items; a++) {
    if (count[a] === 0) continue;
    let t = 0;
    for (let p = itemStart[a]!; p < itemStart[a + 1]!; p++) {
      const b = itemBaskets[p]!;
      for (let l = basketStart[b]!; l < basketStart[b + 1]!; l++) {
        const other = basketItems[l]!;
        if (other === a) continue;
        if (co[other] === 0) touched[t++] = other;
        co[other] = co[other]! + 1;
      }
    }
    const ca = count[a]!;
    const byLift = new TopK(perItem);
    const byCosine = new TopK(perItem);
    for (let j = 0; j < t; j++) {
      const b = touched[j]!;
      const c = co[b]!;
      co[b] = 0;
      if (c >= minLiftCount) byLift.offer(b, (c * kept) / (ca * count[b]!), c);
      byCosine.offer(b, c / Math.sqrt(ca * count[b]!));
    }
    if (byLift.size) lift.set(a, byLift.entries());
    if (byCosine.size) cosine.set(a, byCosine.entries());
  }
  return { lift, cosine };
}
