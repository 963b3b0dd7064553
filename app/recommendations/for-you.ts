import { coOccurrence } from "./engine/co-occurrence";
import { neighbourIndex, repeatVector, toSparse, type NeighbourIndex } from "./tifuknn";

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
  /** The same, dense (0 where absent), and the items by trending score, best first (ties by item). */
  trendScore: Float64Array;
  trendOrder: Int32Array;
  /** Reused per query (one build, one thread): per-customer dot products, per-item score sums. */
  scratch: {
    dots: Float64Array;
    customers: Int32Array;
    score: Float64Array;
    seen: Uint8Array;
    list: Int32Array;
    acc: Float64Array;
    accItems: Int32Array;
  };
}

/**
 * An item is held in at most this many reference customers' posting lists (the strongest holders):
 * bounds a neighbour search on a large store. Above the Online Retail data's largest list, so the
 * evaluated figures are those of the uncapped search.
 */
export const POSTING_CAP = 100;

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
  const customers = neighbourIndex(
    reference.map((h) => repeatVector(h.baskets, params)),
    POSTING_CAP,
  );
  const norms = Float64Array.from(customers.vectors, (v) => Math.sqrt(v.norm2));
  const trending = trendingScores(reference, params.trendHalfLifeDays, now ?? Math.max(0, ...reference.map((h) => h.times.at(-1) ?? 0)));
  let items = customers.postings.start.length - 1;
  for (const item of trending.keys()) if (item + 1 > items) items = item + 1;
  const trendScore = new Float64Array(items);
  for (const [item, v] of trending) trendScore[item] = v;
  const trendOrder = Int32Array.from(trending.keys()).sort((a, b) => trendScore[b]! - trendScore[a]! || a - b);
  return {
    customers,
    norms,
    itemNeighbours: params.itemNeighbours > 0 ? coPurchaseNeighbours(reference, neighboursPerItem) : new Map(),
    trending,
    trendScore,
    trendOrder,
    scratch: {
      dots: new Float64Array(customers.vectors.length),
      customers: new Int32Array(customers.vectors.length),
      score: new Float64Array(items),
      seen: new Uint8Array(items),
      list: new Int32Array(items),
      acc: new Float64Array(items),
      accItems: new Int32Array(items),
    },
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
  return coOccurrence(
    histories.flatMap((h) => h.baskets),
    perItem,
  ).cosine;
}

export { toSparse };
