import type { Neighbour } from "./model";
import { TopK } from "./top-k";
import { sharedArray } from "../shared-arrays";

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
  const index = coOccurrenceIndex("start" in baskets ? baskets : basketRows(baskets), options.maxBasket);
  return unpackCoOccurrence([coOccurrenceRange(index, 0, index.items, perItem, options.minLiftCount)]);
}

/** The kept baskets and, per item, the kept baskets holding it (CSR). Arrays in shared memory. */
export interface CoOccurrenceIndex {
  rows: BasketRows;
  items: number;
  /** Kept baskets (at most `maxBasket` items). */
  kept: number;
  /** Per item: kept baskets holding it, and the work of its pass (Σ of those baskets' sizes). */
  count: Int32Array;
  work: Float64Array;
  itemStart: Int32Array;
  itemBaskets: Int32Array;
}

/**
 * The inverted index of `coOccurrence` (the recs build's threads share it and each counts a range of items).
 * @example coOccurrenceRange(coOccurrenceIndex(rows), 0, 100, 30)
 */
export function coOccurrenceIndex(rows: BasketRows, maxBasket = MAX_PAIR_BASKET): CoOccurrenceIndex {
  const { start: basketStart, items: basketItems } = rows;
  const basketCount = basketStart.length - 1;
  let items = 0;
  let kept = 0;
  for (let b = 0; b < basketCount; b++) {
    if (basketStart[b + 1]! - basketStart[b]! > maxBasket) continue;
    kept += 1;
    for (let l = basketStart[b]!; l < basketStart[b + 1]!; l++) if (basketItems[l]! + 1 > items) items = basketItems[l]! + 1;
  }
  // Inverted index (CSR): the kept baskets holding each item.
  const count = sharedArray(Int32Array, items);
  const work = sharedArray(Float64Array, items);
  for (let b = 0; b < basketCount; b++) {
    const size = basketStart[b + 1]! - basketStart[b]!;
    if (size > maxBasket) continue;
    for (let l = basketStart[b]!; l < basketStart[b + 1]!; l++) {
      count[basketItems[l]!] = count[basketItems[l]!]! + 1;
      work[basketItems[l]!] = work[basketItems[l]!]! + size;
    }
  }
  const itemStart = sharedArray(Int32Array, items + 1);
  for (let i = 0; i < items; i++) itemStart[i + 1] = itemStart[i]! + count[i]!;
  const itemBaskets = sharedArray(Int32Array, itemStart[items]!);
  const fill = itemStart.slice(0, items);
  for (let b = 0; b < basketCount; b++) {
    if (basketStart[b + 1]! - basketStart[b]! > maxBasket) continue;
    for (let l = basketStart[b]!; l < basketStart[b + 1]!; l++) itemBaskets[fill[basketItems[l]!]!++] = b;
  }
  return { rows, items, kept, count, work, itemStart, itemBaskets };
}

/**
 * Items `[from, to)`'s neighbours, packed (what a build thread posts back): item a's lift list has
 * `liftCount[a − from]` entries, the next ones of `liftItems` / `liftScores`; the same for cosine.
 */
export interface PackedNeighbours {
  from: number;
  liftCount: Int32Array;
  liftItems: Int32Array;
  liftScores: Float64Array;
  cosineCount: Int32Array;
  cosineItems: Int32Array;
  cosineScores: Float64Array;
}

/**
 * The lift and cosine neighbours of the items `[from, to)`, packed.
 * @example unpackCoOccurrence([coOccurrenceRange(index, 0, index.items, 30)]).lift
 */
export function coOccurrenceRange(index: CoOccurrenceIndex, from: number, to: number, perItem: number, minLiftCount = 2): PackedNeighbours {
  const { rows, items, kept, count, itemStart, itemBaskets } = index;
  const { start: basketStart, items: basketItems } = rows;
  const co = new Int32Array(items);
  const touched = new Int32Array(items);
  const byLift = new TopK(perItem);
  const byCosine = new TopK(perItem);
  const liftCount = new Int32Array(Math.max(0, to - from));
  const cosineCount = new Int32Array(Math.max(0, to - from));
  const lift = { items: [] as number[], scores: [] as number[] };
  const cosine = { items: [] as number[], scores: [] as number[] };
  const keep = (top: TopK, into: typeof lift) => {
    for (const { item, score } of top.entries()) {
      into.items.push(item);
      into.scores.push(score);
    }
    return top.size;
  };
  for (let a = from; a < to; a++) {
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
    liftCount[a - from] = keep(byLift, lift);
    cosineCount[a - from] = keep(byCosine, cosine);
  }
  return {
    from,
    liftCount,
    liftItems: Int32Array.from(lift.items),
    liftScores: Float64Array.from(lift.scores),
    cosineCount,
    cosineItems: Int32Array.from(cosine.items),
    cosineScores: Float64Array.from(cosine.scores),
  };
}

/**
 * Packed ranges (ascending, adjoining) as the maps of `coOccurrence`: items in ascending order, an item
 * without neighbours absent.
 * @example unpackCoOccurrence([coOccurrenceRange(index, 0, 10, 30), coOccurrenceRange(index, 10, index.items, 30)])
 */
export function unpackCoOccurrence(ranges: readonly PackedNeighbours[]): CoOccurrence {
  const lift = new Map<number, Neighbour[]>();
  const cosine = new Map<number, Neighbour[]>();
  const unpack = (into: Map<number, Neighbour[]>, from: number, count: Int32Array, items: Int32Array, scores: Float64Array) => {
    let at = 0;
    for (let i = 0; i < count.length; i++) {
      const n = count[i]!;
      if (n === 0) continue;
      const list: Neighbour[] = new Array(n);
      for (let j = 0; j < n; j++, at++) list[j] = { item: items[at]!, score: scores[at]! };
      into.set(from + i, list);
    }
  };
  for (const r of ranges) unpack(lift, r.from, r.liftCount, r.liftItems, r.liftScores);
  for (const r of ranges) unpack(cosine, r.from, r.cosineCount, r.cosineItems, r.cosineScores);
  return { lift, cosine };
}
