import { basketRows, coOccurrence, type BasketRows } from "./engine/co-occurrence";
import { bestOf } from "./engine/top-k";
import { groupSizes, toSparse } from "./tifuknn";
import { sharedArray } from "./shared-arrays";

export { forYouScores, forYouTop } from "./for-you-score";

/**
 * Rapport's `for-you` ranking, pure and shared by production (the recs-build job) and the offline
 * evaluation (`npm run eval`): TIFUKNN's time-decayed repeat vector, its nearest customers by cosine
 * similarity weighted by similarity, an item-neighbour (co-purchase) term from the recent baskets and a
 * recency-weighted repeat-frequency boost. Parameters were tuned on the validation split only.
 */
export interface ForYouParams {
  /** TIFUKNN repeat vector: groups, decay between baskets and between groups. */
  groupCount: number;
  withinDecay: number;
  groupDecay: number;
  /** Neighbour customers and the weight of the customer's own vector against theirs. */
  k: number;
  alpha: number;
  /** Neighbour weight = cosine similarity ^ simPower (0: plain mean as in TIFUKNN). */
  simPower: number;
  /** Weight of the recency-weighted repeat frequency, and its per-basket decay. */
  repeatBoost: number;
  repeatDecay: number;
  /** Weight of co-purchase neighbours of items in the last `recentBaskets` baskets. */
  itemNeighbours: number;
  recentBaskets: number;
  /** Weight of time-decayed popularity (trending) and its half-life in days. */
  trend: number;
  trendHalfLifeDays: number;
  /**
   * Own-history multiplier: an item's own score × (1 + repurchase × its repurchase share — the share of
   * its buyers who bought it in two orders or more, smoothed; 0: off).
   */
  repurchase: number;
  /**
   * The own vector's values enter as ownMax × (value / ownMax)^ownPower (1: as they are; below 1 the
   * customer's weaker own items move up against the neighbours' items, the top own item unchanged).
   */
  ownPower: number;
}

/**
 * Tuned on the validation part of the five Online Retail splits (dev/eval/tune.ts), and since Dec 3 also
 * on 5-fold cross-validation over each split's non-test customers (docs/decisions/010): cosine neighbours
 * weighted by similarity², own vector 0.6, no decay between baskets, 20 groups decayed 0.85 (with fewer
 * baskets than groups each basket is a group, so this is close to a 0.85 per-basket decay), own values
 * compressed (ownPower 0.5), time-decayed popularity (30-day half-life) at 0.3 of the top own score, and
 * own items lifted by 0.5 × their repurchase share. k = 100 neighbours rather than 300: the same on
 * validation and test, a third of the neighbour sum on a large store.
 */
export const FOR_YOU_DEFAULTS: ForYouParams = {
  groupCount: 20,
  withinDecay: 1,
  groupDecay: 0.85,
  k: 100,
  alpha: 0.6,
  simPower: 2,
  repeatBoost: 0,
  repeatDecay: 0.9,
  itemNeighbours: 0,
  recentBaskets: 2,
  trend: 0.3,
  trendHalfLifeDays: 30,
  repurchase: 0.5,
  ownPower: 0.5,
};

/** A customer's purchase history, baskets oldest first with their times (ms). */
export interface PurchaseHistory {
  baskets: readonly (readonly number[])[];
  times: readonly number[];
}

/**
 * Reference customers' histories in typed arrays (no object per basket): customer c's baskets, oldest
 * first, are `basket[customerStart[c] .. customerStart[c + 1])`, each a row of `rows`, with its time.
 */
export interface HistoryRows {
  customerStart: Int32Array;
  basket: Int32Array;
  rows: BasketRows;
  at: Float64Array;
}

/** Array histories as rows. */
export function historyRows(histories: readonly PurchaseHistory[]): HistoryRows {
  const customerStart = new Int32Array(histories.length + 1);
  histories.forEach((h, c) => (customerStart[c + 1] = customerStart[c]! + h.baskets.length));
  const all = histories.flatMap((h) => h.baskets);
  return {
    customerStart,
    basket: Int32Array.from(all, (_, i) => i),
    rows: basketRows(all),
    at: Float64Array.from(histories.flatMap((h) => h.times)),
  };
}

/**
 * The reference customers for the neighbour term: capped posting lists (for the cosine search) and each
 * customer's repeat vector kept once, compact, for the neighbour mean (see `StoredVectors`).
 */
export interface ForYouCustomers {
  count: number;
  /** The customers holding item i most strongly: customers[start[i] .. start[i + 1]), ascending. */
  postings: { start: Int32Array; customers: Int32Array; values: Float64Array };
  vectors: StoredVectors;
}

/**
 * Every reference customer's repeat vector in one CSR pair of typed arrays: customer c's items are
 * `items[start[c] .. start[c + 1])` (ascending), their values (float32) beside them — 8 bytes per kept
 * value, no object per customer. A vector longer than `VECTOR_CAP` keeps only its `VECTOR_CAP` largest
 * values (ties: the lower item): in the similarity-weighted mean of k neighbours an item a heavy buyer
 * bought once in a long history weighs next to nothing, and the cap bounds both the memory and the sum.
 * Norms and posting lists are computed from the full vectors.
 */
export interface StoredVectors {
  start: Int32Array;
  items: Int32Array;
  values: Float32Array;
}

/**
 * Largest values kept per stored customer vector (see `StoredVectors`), and the largest values of the
 * customer's own vector that search the posting lists (`QUERY_CAP`; the cosine keeps the full norm).
 * On the Online Retail validation split both at 64 moved R@10/N@10 by under 0.001 (noise); at 2M
 * orders they bound the neighbour term's sum to k × 64 values and its search to 64 × 100 postings.
 */
export const VECTOR_CAP = 64;
export const QUERY_CAP = 64;

export interface VectorScratch {
  acc: Float64Array;
  mark: Uint8Array;
  touched: Int32Array;
}

export const vectorScratch = (items: number): VectorScratch => ({
  acc: new Float64Array(items),
  mark: new Uint8Array(items),
  touched: new Int32Array(items),
});

/**
 * Customer c's repeat vector into the scratch (the same sums, in the same order, as `repeatVector`):
 * its items are `touched[0..t)` (in first-touch order), their values in `acc`. The caller resets
 * `acc` and `mark` for those items.
 */
export function customerVector(
  h: HistoryRows,
  c: number,
  params: Pick<ForYouParams, "groupCount" | "withinDecay" | "groupDecay">,
  v: VectorScratch,
): number {
  const { acc, mark, touched } = v;
  const first = h.customerStart[c]!;
  const n = h.customerStart[c + 1]! - first;
  const sizes = groupSizes(n, params.groupCount);
  let t = 0;
  let start = 0;
  for (let g = 0; g < sizes.length; g++) {
    const size = sizes[g]!;
    const groupWeight = Math.pow(params.groupDecay, params.groupCount - 1 - g) / size / sizes.length;
    for (let b = start; b < start + size; b++) {
      const w = Math.pow(params.withinDecay, n - 1 - b) * groupWeight;
      const row = h.basket[first + b]!;
      for (let l = h.rows.start[row]!; l < h.rows.start[row + 1]!; l++) {
        const item = h.rows.items[l]!;
        if (!mark[item]) {
          mark[item] = 1;
          touched[t++] = item;
        }
        acc[item] = acc[item]! + w;
      }
    }
    start += size;
  }
  return t;
}

/** What the recs-build job precomputes: reference customers' vectors and item co-purchase neighbours. */
export interface ForYouModel {
  customers: ForYouCustomers;
  /** Norms of the customer vectors (for cosine). */
  norms: Float64Array;
  /** Item → [(neighbour, cosine over baskets)], best first. */
  itemNeighbours: Map<number, { item: number; score: number }[]>;
  /** Item → time-decayed basket count at the model's build time, scaled so the top item is 1. */
  trending: Map<number, number>;
  /** The same, dense (0 where absent), and the items by trending score, best first (ties by item). */
  trendScore: Float64Array;
  trendOrder: Int32Array;
  /** Item → share of its reference buyers who bought it in two orders or more (smoothed). */
  repurchaseShare: Float64Array;
  /** Reused per query (one build, one thread): per-customer dot products, per-item score sums. */
  scratch: {
    dots: Float64Array;
    customers: Int32Array;
    sims: Float64Array;
    score: Float64Array;
    seen: Uint8Array;
    list: Int32Array;
    acc: Float64Array;
    accItems: Int32Array;
    /** forYouTop's candidates (grown on demand). */
    rankItems: Int32Array;
    rankScores: Float64Array;
  };
}

/**
 * Fresh per-query scratch for a model of `customers` reference customers and `items` items: one per
 * thread that ranks with the model (the recs-build's list workers each make their own).
 * @example const scratch = forYouScratch(model.customers.count, model.trendScore.length)
 */
export function forYouScratch(customers: number, items: number): ForYouModel["scratch"] {
  return {
    dots: new Float64Array(customers),
    customers: new Int32Array(customers),
    sims: new Float64Array(customers),
    score: new Float64Array(items),
    seen: new Uint8Array(items),
    list: new Int32Array(items),
    acc: new Float64Array(items),
    accItems: new Int32Array(items),
    rankItems: new Int32Array(items + 256),
    rankScores: new Float64Array(items + 256),
  };
}

/**
 * An item is held in at most this many reference customers' posting lists (the strongest holders):
 * bounds a neighbour search on a large store. Above the Online Retail data's largest list, so the
 * evaluated figures are those of the uncapped search.
 */
export const POSTING_CAP = 100;

/**
 * Builds the model from reference customers' full histories (off the request path), as arrays or rows.
 * @example const model = forYouModel(customers, FOR_YOU_DEFAULTS)
 */
export function forYouModel(
  reference: readonly PurchaseHistory[] | HistoryRows,
  params: ForYouParams,
  now?: number,
  neighboursPerItem = 50,
  vectorCap = VECTOR_CAP,
): ForYouModel {
  const h = "customerStart" in reference ? reference : historyRows(reference);
  let items = 0;
  for (const i of h.rows.items) if (i + 1 > items) items = i + 1;
  const { customers, norms } = referenceCustomers(h, params, items, POSTING_CAP, vectorCap);
  let latest = 0;
  for (let c = 0; c + 1 < h.customerStart.length; c++)
    if (h.customerStart[c + 1]! > h.customerStart[c]!) latest = Math.max(latest, h.at[h.basket[h.customerStart[c + 1]! - 1]!]!);
  const trending = trendingScores(h, params.trendHalfLifeDays, now ?? latest);
  const trendScore = new Float64Array(items);
  for (const [item, v] of trending) trendScore[item] = v;
  const trendOrder = Int32Array.from(trending.keys()).sort((a, b) => trendScore[b]! - trendScore[a]! || a - b);
  return {
    customers,
    norms,
    itemNeighbours: params.itemNeighbours > 0 ? coOccurrence(h.rows, neighboursPerItem).cosine : new Map(),
    trending,
    trendScore,
    trendOrder,
    repurchaseShare: params.repurchase > 0 ? repurchaseShares(h, items) : new Float64Array(items),
    scratch: forYouScratch(customers.count, items),
  };
}

/**
 * Every reference customer's repeat vector, one at a time into dense scratch: its norm, a bounded heap
 * per item of the `cap` strongest holders (ties: the lower customer), and the vector itself, capped at
 * `vectorCap` values, into `StoredVectors`. Memory O(customers × vectorCap + items × cap).
 */
function referenceCustomers(h: HistoryRows, params: ForYouParams, items: number, cap: number, vectorCap: number) {
  const count = h.customerStart.length - 1;
  const scratch = vectorScratch(items);
  const { acc, mark, touched } = scratch;
  const norms = sharedArray(Float64Array, count);
  const heapSize = new Int32Array(items);
  const heapCustomer = new Int32Array(items * cap);
  const heapValue = new Float64Array(items * cap);
  // Each full heap's weakest value, dense: most offers lose to it, and this array stays in cache where the
  // heaps (items × cap) do not.
  const heapFloor = new Float64Array(items);
  // A customer's distinct items are at most its lines: an exact bound on the stored values.
  let bound = 0;
  for (let c = 0; c < count; c++) {
    let lines = 0;
    for (let s = h.customerStart[c]!; s < h.customerStart[c + 1]! && lines < vectorCap; s++) {
      const row = h.basket[s]!;
      lines += h.rows.start[row + 1]! - h.rows.start[row]!;
    }
    bound += Math.min(lines, vectorCap);
  }
  const vectorStart = new Int32Array(count + 1);
  // Shared memory (as the postings and norms): the lists workers read them without a copy.
  const vectorItems = sharedArray(Int32Array, bound);
  const vectorValues = sharedArray(Float32Array, bound);
  const values = new Float64Array(items);
  let stored = 0;
  for (let c = 0; c < count; c++) {
    const t = customerVector(h, c, params, scratch);
    touched.subarray(0, t).sort();
    let norm2 = 0;
    for (let j = 0; j < t; j++) {
      const item = touched[j]!;
      const v = acc[item]!;
      values[j] = v;
      acc[item] = 0;
      mark[item] = 0;
      norm2 += v * v;
      if (heapSize[item] === cap && v <= heapFloor[item]!) continue;
      offerHolder(heapCustomer, heapValue, heapSize, item * cap, cap, item, c, v);
      if (heapSize[item] === cap) heapFloor[item] = heapValue[item * cap]!;
    }
    norms[c] = Math.sqrt(norm2);
    if (t <= vectorCap) {
      for (let j = 0; j < t; j++) {
        vectorItems[stored] = touched[j]!;
        vectorValues[stored++] = values[j]!;
      }
    } else {
      const kept = bestOf(touched, values, t, vectorCap).sort((a, b) => a.item - b.item);
      for (const { item, score } of kept) {
        vectorItems[stored] = item;
        vectorValues[stored++] = score;
      }
    }
    vectorStart[c + 1] = stored;
  }
  const start = new Int32Array(items + 1);
  for (let i = 0; i < items; i++) start[i + 1] = start[i]! + heapSize[i]!;
  const holders = sharedArray(Int32Array, start[items]!);
  const holderValues = sharedArray(Float64Array, start[items]!);
  // Each item's holders by customer: (customer × cap + slot) keys sorted natively (customers are distinct
  // within an item; exact in a double up to 2⁵³), no comparator closure per item.
  const keys = new Float64Array(cap);
  for (let i = 0; i < items; i++) {
    const base = i * cap;
    const size = heapSize[i]!;
    for (let j = 0; j < size; j++) keys[j] = heapCustomer[base + j]! * cap + j;
    const order = keys.subarray(0, size).sort();
    for (let j = 0; j < size; j++) {
      const p = base + (order[j]! % cap);
      holders[start[i]! + j] = heapCustomer[p]!;
      holderValues[start[i]! + j] = heapValue[p]!;
    }
  }
  const customers: ForYouCustomers = {
    count,
    postings: { start, customers: holders, values: holderValues },
    vectors: { start: vectorStart, items: vectorItems.subarray(0, stored), values: vectorValues.subarray(0, stored) },
  };
  return { customers, norms };
}

/** Offers (customer, value) to item's bounded min-heap of its strongest holders; customers come ascending. */
function offerHolder(
  customers: Int32Array,
  values: Float64Array,
  sizes: Int32Array,
  base: number,
  cap: number,
  item: number,
  customer: number,
  value: number,
): void {
  const size = sizes[item]!;
  if (size === cap) {
    if (cap === 0 || value <= values[base]!) return;
    customers[base] = customer;
    values[base] = value;
    siftDownHolder(customers, values, base, size, 0);
    return;
  }
  // Appended as they come until the heap is full, then ordered once: the kept set (the `cap` strongest,
  // ties to the lower customer) does not depend on the heap's shape, and a list that never fills needs
  // no ordering at all.
  customers[base + size] = customer;
  values[base + size] = value;
  sizes[item] = size + 1;
  if (size + 1 === cap) for (let at = (cap >> 1) - 1; at >= 0; at--) siftDownHolder(customers, values, base, cap, at);
}

/** Restores the min-heap (weakest holder at the root) below `at`. */
function siftDownHolder(customers: Int32Array, values: Float64Array, base: number, size: number, at: number): void {
  for (;;) {
    const l = 2 * at + 1;
    if (l >= size) break;
    const r = l + 1;
    const child = r < size && worseHolder(customers, values, base + r, base + l) ? r : l;
    if (!worseHolder(customers, values, base + child, base + at)) break;
    swap(customers, values, base + child, base + at);
    at = child;
  }
}

/** Worse: a lower value, or the same value and a higher customer (a later customer never beats an equal one). */
function worseHolder(customers: Int32Array, values: Float64Array, a: number, b: number): boolean {
  return values[a]! < values[b]! || (values[a] === values[b] && customers[a]! > customers[b]!);
}

function swap(customers: Int32Array, values: Float64Array, a: number, b: number): void {
  const c = customers[a]!;
  customers[a] = customers[b]!;
  customers[b] = c;
  const v = values[a]!;
  values[a] = values[b]!;
  values[b] = v;
}

/** Smoothing of the repurchase share: rebuyers / (buyers + this), so an item with few buyers stays low. */
const REPURCHASE_PRIOR = 5;

/** Per item, the share of reference customers buying it who bought it in two orders or more. */
export function repurchaseShares(h: HistoryRows, items: number): Float64Array {
  const buyers = new Int32Array(items);
  const rebuyers = new Int32Array(items);
  const count = new Int32Array(items);
  const touched = new Int32Array(items);
  for (let c = 0; c + 1 < h.customerStart.length; c++) {
    let t = 0;
    for (let s = h.customerStart[c]!; s < h.customerStart[c + 1]!; s++) {
      const row = h.basket[s]!;
      for (let l = h.rows.start[row]!; l < h.rows.start[row + 1]!; l++) {
        const item = h.rows.items[l]!;
        if (count[item]!++ === 0) touched[t++] = item;
      }
    }
    for (let j = 0; j < t; j++) {
      const item = touched[j]!;
      buyers[item]! += 1;
      if (count[item]! > 1) rebuyers[item]! += 1;
      count[item] = 0;
    }
  }
  return Float64Array.from(buyers, (b, i) => rebuyers[i]! / (b + REPURCHASE_PRIOR));
}

/** Time-decayed popularity at `now`: Σ over baskets 0.5^(age / half-life), top item scaled to 1. */
export function trendingScores(h: HistoryRows, halfLifeDays: number, now: number): Map<number, number> {
  let items = 0;
  for (const i of h.rows.items) if (i + 1 > items) items = i + 1;
  // Dense sums (a Map update per line costs seconds at 50M lines), items kept in first-seen order.
  const sums = new Float64Array(items);
  const seen = new Uint8Array(items);
  const order: number[] = [];
  const halfLife = halfLifeDays * 86_400_000;
  for (let s = 0; s < h.basket.length; s++) {
    const row = h.basket[s]!;
    const w = Math.pow(0.5, Math.max(0, now - h.at[row]!) / halfLife);
    for (let l = h.rows.start[row]!; l < h.rows.start[row + 1]!; l++) {
      const item = h.rows.items[l]!;
      if (!seen[item]) {
        seen[item] = 1;
        order.push(item);
      }
      sums[item] = sums[item]! + w;
    }
  }
  let max = 0;
  for (const item of order) max = Math.max(max, sums[item]!);
  return new Map(order.map((item) => [item, max > 0 ? sums[item]! / max : sums[item]!]));
}

export { toSparse };
