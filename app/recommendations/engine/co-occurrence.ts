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

/** Baskets in CSR form: basket b holds items[start[b] .. start[b + 1]). */
export interface BasketRows {
  start: Int32Array;
  items: Int32Array;
}

/** Array baskets as CSR rows. */
export function basketRows(baskets: readonly (readonly number[])[]): BasketRows {
  const start = new Int32Array(baskets.length + 1);
  baskets.forEach((b, i) => (start[i + 1] = start[i]! + b.length));
  const items = new Int32Array(start[baskets.length]!);
  baskets.forEach((b, i) => items.set(b, start[i]!));
  return { start, items };
}

/**
 * Co-occurrence neighbours of every item in one pass, item by item over an inverted index with one dense
 * counter array (no map of maps): memory O(lines + items), time O(Σ basket size²) over kept baskets.
 * Baskets come as arrays or as CSR rows (a large shop's: no copy of its lines).
 * @example coOccurrence([[0, 1], [0, 1, 2]], 30).lift.get(0) // [{ item: 1, score: 1 }]
 */
export function coOccurrence(
  baskets: readonly (readonly number[])[] | BasketRows,
  perItem: number,
  options: { minLiftCount?: number; maxBasket?: number } = {},
): CoOccurrence {
  const minLiftCount = options.minLiftCount ?? 2;
  const maxBasket = options.maxBasket ?? MAX_PAIR_BASKET;
  const { start: basketStart, items: basketItems } = "start" in baskets ? baskets : basketRows(baskets);
  const basketCount = basketStart.length - 1;
  let items = 0;
  let kept = 0;
  for (let b = 0; b < basketCount; b++) {
    if (basketStart[b + 1]! - basketStart[b]! > maxBasket) continue;
    kept += 1;
    for (let l = basketStart[b]!; l < basketStart[b + 1]!; l++) if (basketItems[l]! + 1 > items) items = basketItems[l]! + 1;
  }
  // Inverted index (CSR): the kept baskets holding each item.
  const count = new Int32Array(items);
  for (let b = 0; b < basketCount; b++) {
    if (basketStart[b + 1]! - basketStart[b]! > maxBasket) continue;
    for (let l = basketStart[b]!; l < basketStart[b + 1]!; l++) count[basketItems[l]!] = count[basketItems[l]!]! + 1;
  }
  const itemStart = new Int32Array(items + 1);
  for (let i = 0; i < items; i++) itemStart[i + 1] = itemStart[i]! + count[i]!;
  const itemBaskets = new Int32Array(itemStart[items]!);
  const fill = itemStart.slice(0, items);
  for (let b = 0; b < basketCount; b++) {
    if (basketStart[b + 1]! - basketStart[b]! > maxBasket) continue;
    for (let l = basketStart[b]!; l < basketStart[b + 1]!; l++) itemBaskets[fill[basketItems[l]!]!++] = b;
  }

  const co = new Int32Array(items);
  const touched = new Int32Array(items);
  const lift = new Map<number, Neighbour[]>();
  const cosine = new Map<number, Neighbour[]>();
  const byLift = new TopK(perItem);
  const byCosine = new TopK(perItem);
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
    byLift.clear();
    byCosine.clear();
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
