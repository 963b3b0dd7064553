import { neighbourIndex, repeatVector, toSparse, type NeighbourIndex, type SparseVector } from "./tifuknn";

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
}

/**
 * Tuned on the validation part of the five Online Retail splits (dev/eval/tune.ts): cosine neighbours
 * weighted by similarity², own vector 0.6, no decay between baskets but 0.8 between groups, and
 * time-decayed popularity (30-day half-life) at 0.3 of the top own score.
 */
export const FOR_YOU_DEFAULTS: ForYouParams = {
  groupCount: 7,
  withinDecay: 1,
  groupDecay: 0.8,
  k: 300,
  alpha: 0.6,
  simPower: 2,
  repeatBoost: 0,
  repeatDecay: 0.9,
  itemNeighbours: 0,
  recentBaskets: 2,
  trend: 0.3,
  trendHalfLifeDays: 30,
};

/** A customer's purchase history, baskets oldest first with their times (ms). */
export interface PurchaseHistory {
  baskets: readonly (readonly number[])[];
  times: readonly number[];
}

/** What the recs-build job precomputes: reference customers' vectors and item co-purchase neighbours. */
export interface ForYouModel {
  customers: NeighbourIndex;
  /** Unit-normalised copies of the customer vectors' norms (for cosine). */
  norms: Float64Array;
  /** Item → [(neighbour, cosine over baskets)], best first. */
  itemNeighbours: Map<number, { item: number; score: number }[]>;
  /** Item → time-decayed basket count at the model's build time, scaled so the top item is 1. */
  trending: Map<number, number>;
}

/**
 * Builds the model from reference customers' full histories (off the request path).
 * @example const model = forYouModel(customers, FOR_YOU_DEFAULTS)
 */
export function forYouModel(
  reference: readonly PurchaseHistory[],
  params: ForYouParams,
  now?: number,
  neighboursPerItem = 50,
): ForYouModel {
  const customers = neighbourIndex(reference.map((h) => repeatVector(h.baskets, params)));
  const norms = Float64Array.from(customers.vectors, (v) => Math.sqrt(v.norm2));
  return {
    customers,
    norms,
    itemNeighbours: params.itemNeighbours > 0 ? coPurchaseNeighbours(reference, neighboursPerItem) : new Map(),
    trending: trendingScores(reference, params.trendHalfLifeDays, now ?? Math.max(0, ...reference.map((h) => h.times.at(-1) ?? 0))),
  };
}

/** Time-decayed popularity at `now`: Σ over baskets 0.5^(age / half-life), top item scaled to 1. */
export function trendingScores(histories: readonly PurchaseHistory[], halfLifeDays: number, now: number): Map<number, number> {
  const scores = new Map<number, number>();
  const halfLife = halfLifeDays * 86_400_000;
  for (const h of histories) {
    h.baskets.forEach((basket, b) => {
      const w = Math.pow(0.5, Math.max(0, now - h.times[b]!) / halfLife);
      for (const item of basket) scores.set(item, (scores.get(item) ?? 0) + w);
    });
  }
  let max = 0;
  for (const v of scores.values()) max = Math.max(max, v);
  if (max > 0) for (const [item, v] of scores) scores.set(item, v / max);
  return scores;
}

/** Cosine co-purchase neighbours over baskets: co-count / sqrt(count_a × count_b). */
export function coPurchaseNeighbours(
  histories: readonly PurchaseHistory[],
  perItem: number,
): Map<number, { item: number; score: number }[]> {
  const counts = new Map<number, number>();
  const pairs = new Map<number, Map<number, number>>();
  for (const h of histories) {
    for (const basket of h.baskets) {
      for (const a of basket) {
        counts.set(a, (counts.get(a) ?? 0) + 1);
        let row = pairs.get(a);
        if (!row) pairs.set(a, (row = new Map()));
        for (const b of basket) if (b !== a) row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
  }
  const result = new Map<number, { item: number; score: number }[]>();
  for (const [a, row] of pairs) {
    const ca = counts.get(a)!;
    const list = [...row].map(([b, co]) => ({ item: b, score: co / Math.sqrt(ca * counts.get(b)!) }));
    list.sort((x, y) => y.score - x.score || x.item - y.item);
    result.set(a, list.slice(0, perItem));
  }
  return result;
}

/**
 * Item scores for one customer; higher is better. `skip` is the customer's own index in the model
 * (production: a customer is never their own neighbour).
 */
export function forYouScores(history: PurchaseHistory, model: ForYouModel, params: ForYouParams, skip = -1): Map<number, number> {
  const own = repeatVector(history.baskets, params);
  const scores = new Map<number, number>();
  const add = (item: number, v: number) => scores.set(item, (scores.get(item) ?? 0) + v);
  for (const [item, v] of neighbourScores(own, model, params, skip)) add(item, (1 - params.alpha) * v);
  own.items.forEach((item, i) => add(item, params.alpha * own.values[i]!));
  if (params.repeatBoost > 0) {
    const n = history.baskets.length;
    let total = 0;
    const repeat = new Map<number, number>();
    history.baskets.forEach((basket, b) => {
      const w = Math.pow(params.repeatDecay, n - 1 - b);
      total += w;
      for (const item of basket) repeat.set(item, (repeat.get(item) ?? 0) + w);
    });
    const scale = params.repeatBoost * maxValue(own);
    for (const [item, w] of repeat) add(item, (scale * w) / total);
  }
  if (params.itemNeighbours > 0) {
    const scale = params.itemNeighbours * maxValue(own);
    const recent = history.baskets.slice(-params.recentBaskets);
    const seeds = new Set(recent.flat());
    for (const item of seeds) {
      for (const n of model.itemNeighbours.get(item) ?? []) add(n.item, (scale * n.score) / seeds.size);
    }
  }
  if (params.trend > 0) {
    const scale = params.trend * maxValue(own);
    for (const [item, v] of model.trending) add(item, scale * v);
  }
  return scores;
}

function maxValue(v: SparseVector): number {
  let max = 0;
  for (const x of v.values) if (x > max) max = x;
  return max;
}

/** Similarity-weighted mean of the k most cosine-similar reference customers' vectors. */
function neighbourScores(own: SparseVector, model: ForYouModel, params: ForYouParams, skip: number): Map<number, number> {
  const { customers } = model;
  const dots = new Float64Array(customers.vectors.length);
  own.items.forEach((item, i) => {
    const q = own.values[i]!;
    for (const p of customers.postings.get(item) ?? []) dots[p.customer] = dots[p.customer]! + q * p.value;
  });
  const ownNorm = Math.sqrt(own.norm2) || 1;
  const candidates: { c: number; s: number }[] = [];
  for (let c = 0; c < dots.length; c++) {
    if (c === skip || dots[c] === 0) continue;
    candidates.push({ c, s: dots[c]! / (ownNorm * (model.norms[c]! || 1)) });
  }
  candidates.sort((a, b) => b.s - a.s || a.c - b.c);
  const top = candidates.slice(0, params.k);
  const acc = new Map<number, number>();
  let weightSum = 0;
  for (const { c, s } of top) {
    const w = params.simPower === 0 ? 1 : Math.pow(s, params.simPower);
    weightSum += w;
    const v = customers.vectors[c]!;
    v.items.forEach((item, i) => acc.set(item, (acc.get(item) ?? 0) + w * v.values[i]!));
  }
  if (weightSum > 0) for (const [item, v] of acc) acc.set(item, v / weightSum);
  return acc;
}

export { toSparse };
