/**
 * TIFUKNN (Hu et al., SIGIR 2020) as the authors' code computes it: a customer's repeat vector is the
 * time-decayed mean of basket one-hot vectors within groups, groups decayed again; the prediction
 * blends it with the mean vector of the k nearest (Euclidean) other customers.
 * Pure; used by the offline evaluation and by Rapport's `for-you` ranking.
 */
export interface TifuParams {
  /** Number of groups the history is cut into. */
  groupCount: number;
  /** Decay between baskets (applied over the whole history, as in the authors' code). */
  withinDecay: number;
  /** Decay between groups. */
  groupDecay: number;
  /** Neighbours. */
  k: number;
  /** Weight of the customer's own vector against the neighbours' mean. */
  alpha: number;
}

/** The reference configuration of the evaluation protocol. */
export const TIFU_REFERENCE: TifuParams = { groupCount: 7, withinDecay: 0.9, groupDecay: 0.7, k: 300, alpha: 0.7 };

/** A sparse vector: parallel item ids and weights. */
export interface SparseVector {
  items: number[];
  values: number[];
  /** Squared Euclidean norm. */
  norm2: number;
}

/**
 * Group boundaries exactly as the authors' `group_history_list`: with n ≥ g baskets, the first groups
 * hold ⌊n/g⌋ baskets and the last (n mod g) hold one more; with fewer baskets each basket is a group.
 */
export function groupSizes(n: number, groupCount: number): number[] {
  if (n < groupCount) return Array.from({ length: n }, () => 1);
  const base = Math.floor(n / groupCount);
  const extra = n % groupCount;
  return Array.from({ length: groupCount }, (_, i) => (i < groupCount - extra ? base : base + 1));
}

/**
 * The customer's repeat vector (Σ over groups of group-mean × groupDecay^(g-1-i), divided by the
 * number of groups). Baskets oldest first.
 * @example repeatVector([[1], [1, 2]], TIFU_REFERENCE) // item 1 weighted higher than item 2
 */
export function repeatVector(
  baskets: readonly (readonly number[])[],
  params: Pick<TifuParams, "groupCount" | "withinDecay" | "groupDecay">,
): SparseVector {
  const n = baskets.length;
  const acc = new Map<number, number>();
  const sizes = groupSizes(n, params.groupCount);
  let start = 0;
  sizes.forEach((size, g) => {
    const groupWeight = Math.pow(params.groupDecay, params.groupCount - 1 - g) / size / sizes.length;
    for (let b = start; b < start + size; b++) {
      const w = Math.pow(params.withinDecay, n - 1 - b) * groupWeight;
      for (const item of baskets[b]!) acc.set(item, (acc.get(item) ?? 0) + w);
    }
    start += size;
  });
  return toSparse(acc);
}

/** Sparse vector from a map, items ascending. */
export function toSparse(map: ReadonlyMap<number, number>): SparseVector {
  const items = [...map.keys()].sort((a, b) => a - b);
  const values = items.map((i) => map.get(i)!);
  return { items, values, norm2: values.reduce((s, v) => s + v * v, 0) };
}

/**
 * The neighbour index: every reference customer's vector plus an inverted index (CSR, typed arrays) for
 * fast dot products: the customers holding item i are `customers[start[i] .. start[i + 1])`, ascending.
 */
export interface NeighbourIndex {
  vectors: SparseVector[];
  postings: { start: Int32Array; customers: Int32Array; values: Float64Array };
}

/**
 * Builds the index. `cap` bounds each item's posting list to the customers who hold it most strongly
 * (ties by customer): on a large store a popular item's list would otherwise make every neighbour
 * search touch most customers.
 */
export function neighbourIndex(vectors: SparseVector[], cap = Infinity): NeighbourIndex {
  let items = 0;
  for (const v of vectors) for (const i of v.items) if (i + 1 > items) items = i + 1;
  const count = new Int32Array(items);
  for (const v of vectors) for (const i of v.items) count[i] = count[i]! + 1;
  const full = new Int32Array(items + 1);
  for (let i = 0; i < items; i++) full[i + 1] = full[i]! + count[i]!;
  const allCustomers = new Int32Array(full[items]!);
  const allValues = new Float64Array(full[items]!);
  const fill = full.slice(0, items);
  vectors.forEach((v, customer) => {
    v.items.forEach((item, i) => {
      const at = fill[item]!++;
      allCustomers[at] = customer;
      allValues[at] = v.values[i]!;
    });
  });
  if (!Number.isFinite(cap) || !count.some((c) => c > cap))
    return { vectors, postings: { start: full, customers: allCustomers, values: allValues } };
  const start = new Int32Array(items + 1);
  for (let i = 0; i < items; i++) start[i + 1] = start[i]! + Math.min(count[i]!, cap);
  const customers = new Int32Array(start[items]!);
  const values = new Float64Array(start[items]!);
  for (let i = 0; i < items; i++) {
    let positions = Array.from({ length: count[i]! }, (_, j) => full[i]! + j);
    if (positions.length > cap)
      positions = positions
        .sort((a, b) => allValues[b]! - allValues[a]! || allCustomers[a]! - allCustomers[b]!)
        .slice(0, cap)
        .sort((a, b) => a - b);
    positions.forEach((p, j) => {
      customers[start[i]! + j] = allCustomers[p]!;
      values[start[i]! + j] = allValues[p]!;
    });
  }
  return { vectors, postings: { start, customers, values } };
}

/** Adds query · vector to `dots[c]` for every customer c the index lists under the query's items. */
export function addDots(index: NeighbourIndex, query: SparseVector, dots: Float64Array, onFirst?: (c: number) => void): void {
  const { start, customers, values } = index.postings;
  query.items.forEach((item, i) => {
    if (item + 1 >= start.length) return;
    const q = query.values[i]!;
    for (let p = start[item]!; p < start[item + 1]!; p++) {
      const c = customers[p]!;
      if (onFirst && dots[c] === 0) onFirst(c);
      dots[c] = dots[c]! + q * values[p]!;
    }
  });
}

/** Indices of the k reference customers nearest (Euclidean) to `query`, nearest first (ties by index). */
export function nearestCustomers(index: NeighbourIndex, query: SparseVector, k: number, skip = -1): number[] {
  const dots = new Float64Array(index.vectors.length);
  addDots(index, query, dots);
  const order: { c: number; d: number }[] = [];
  index.vectors.forEach((v, c) => {
    if (c !== skip) order.push({ c, d: query.norm2 + v.norm2 - 2 * dots[c]! });
  });
  order.sort((a, b) => a.d - b.d || a.c - b.c);
  return order.slice(0, k).map((o) => o.c);
}

/** Mean vector of the given reference customers, as a dense-keyed map. */
export function neighbourMean(index: NeighbourIndex, neighbours: readonly number[]): Map<number, number> {
  const acc = new Map<number, number>();
  if (neighbours.length === 0) return acc;
  for (const c of neighbours) {
    const v = index.vectors[c]!;
    v.items.forEach((item, i) => acc.set(item, (acc.get(item) ?? 0) + v.values[i]! / neighbours.length));
  }
  return acc;
}

/** TIFUKNN's scores for one customer: alpha × own repeat vector + (1 − alpha) × neighbours' mean. */
export function tifuScores(history: readonly (readonly number[])[], index: NeighbourIndex, params: TifuParams): Map<number, number> {
  const own = repeatVector(history, params);
  const neighbours = neighbourMean(index, nearestCustomers(index, own, params.k));
  const scores = new Map<number, number>();
  for (const [item, v] of neighbours) scores.set(item, (1 - params.alpha) * v);
  own.items.forEach((item, i) => scores.set(item, (scores.get(item) ?? 0) + params.alpha * own.values[i]!));
  return scores;
}

/** Top-k items by score, ties by item id. */
export function topK(scores: ReadonlyMap<number, number>, k: number): number[] {
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .map(([item]) => item);
}
