import { bestOf } from "./engine/top-k";
import { QUERY_CAP, type ForYouModel, type ForYouParams, type PurchaseHistory } from "./for-you";
import { repeatVector, type SparseVector } from "./tifuknn";

/**
 * Item scores for one customer; higher is better. `skip` is the customer's own index in the model
 * (production: a customer is never their own neighbour). Every item with a trending score has a score.
 */
export function forYouScores(history: PurchaseHistory, model: ForYouModel, params: ForYouParams, skip = -1): Map<number, number> {
  const { n, extra, trendScale } = scoreItems(history, model, params, skip);
  const { score, list } = model.scratch;
  const trend = (item: number) => (params.trend > 0 && item < model.trendScore.length ? model.trendScore[item]! : 0);
  const scores = new Map<number, number>();
  for (let j = 0; j < n; j++) {
    const item = list[j]!;
    scores.set(item, trend(item) > 0 ? score[item]! + trendScale * trend(item) : score[item]!);
  }
  for (const [item, base] of extra) scores.set(item, trend(item) > 0 ? base + trendScale * trend(item) : base);
  if (params.trend > 0) for (const [item, v] of model.trending) if (!scores.has(item)) scores.set(item, trendScale * v);
  release(model, n);
  return scores;
}

/**
 * The `limit` best items of forYouScores, best first (ties by item), without scoring every item: an
 * item no term but trending reaches is ranked by trending alone, so only the `limit` most trending of
 * them can be among the best. The production lists and the evaluation both rank with this.
 * @example forYouTop(history, model.forYou, FOR_YOU_DEFAULTS, -1, 20)
 */
export function forYouTop(
  history: PurchaseHistory,
  model: ForYouModel,
  params: ForYouParams,
  skip: number,
  limit: number,
): { item: number; score: number }[] {
  const { n, extra, trendScale } = scoreItems(history, model, params, skip);
  const { score, list, seen } = model.scratch;
  const trendScore = params.trend > 0 ? model.trendScore : new Float64Array(0);
  const { items, scores } = rankScratch(model, n + extra.size + limit);
  let m = 0;
  for (let j = 0; j < n; j++) {
    const item = list[j]!;
    const t = item < trendScore.length ? trendScore[item]! : 0;
    items[m] = item;
    scores[m++] = t > 0 ? score[item]! + trendScale * t : score[item]!;
  }
  for (const [item, base] of extra) {
    const t = item < trendScore.length ? trendScore[item]! : 0;
    items[m] = item;
    scores[m++] = t > 0 ? base + trendScale * t : base;
  }
  if (params.trend > 0) {
    let taken = 0;
    for (const item of model.trendOrder) {
      if (taken >= limit) break;
      if (seen[item] || extra.has(item)) continue;
      items[m] = item;
      scores[m++] = trendScale * trendScore[item]!;
      taken += 1;
    }
  }
  release(model, n);
  return bestOf(items, scores, m, limit);
}

/**
 * Sums every term but trending into the model's dense scratch (`score`, the items in `list[0..n)`), in
 * the order the terms were always added, so the floating-point sums are those of the original maps.
 */
function scoreItems(history: PurchaseHistory, model: ForYouModel, params: ForYouParams, skip: number) {
  const own = repeatVector(history.baskets, params);
  const { score, seen, list } = model.scratch;
  const extra = new Map<number, number>(); // the customer's own items beyond the model's range
  let n = neighbourTerm(own, model, params, skip);
  const add = (item: number, v: number) => {
    if (item >= score.length) return void extra.set(item, (extra.get(item) ?? 0) + v);
    if (!seen[item]) {
      seen[item] = 1;
      list[n++] = item;
    }
    score[item] = score[item]! + v;
  };
  // Own values compressed towards the top one (ownMax × (v / ownMax)^ownPower, the top value unchanged):
  // an item bought once long ago is still likelier to return than most of the neighbours' items.
  const ownMax = maxValue(own);
  const ownValue = (v: number) => (params.ownPower === 1 || ownMax === 0 ? v : ownMax * Math.pow(v / ownMax, params.ownPower));
  if (params.repurchase > 0) {
    const share = model.repurchaseShare;
    own.items.forEach((item, i) =>
      add(item, params.alpha * ownValue(own.values[i]!) * (1 + params.repurchase * (item < share.length ? share[item]! : 0))),
    );
  } else own.items.forEach((item, i) => add(item, params.alpha * ownValue(own.values[i]!)));
  if (params.repeatBoost > 0) {
    const count = history.baskets.length;
    let total = 0;
    const repeat = new Map<number, number>();
    history.baskets.forEach((basket, b) => {
      const w = Math.pow(params.repeatDecay, count - 1 - b);
      total += w;
      for (const item of basket) repeat.set(item, (repeat.get(item) ?? 0) + w);
    });
    const scale = params.repeatBoost * maxValue(own);
    for (const [item, w] of repeat) add(item, (scale * w) / total);
  }
  if (params.itemNeighbours > 0) {
    const scale = params.itemNeighbours * maxValue(own);
    const seeds = new Set(history.baskets.slice(-params.recentBaskets).flat());
    for (const item of seeds) for (const nb of model.itemNeighbours.get(item) ?? []) add(nb.item, (scale * nb.score) / seeds.size);
  }
  return { n, extra, trendScale: params.trend > 0 ? params.trend * maxValue(own) : 0 };
}

/** The model's reused (item, score) arrays for forYouTop's candidates, grown when a call needs more. */
function rankScratch(model: ForYouModel, size: number): { items: Int32Array; scores: Float64Array } {
  const s = model.scratch;
  if (s.rankItems.length < size) {
    s.rankItems = new Int32Array(size);
    s.rankScores = new Float64Array(size);
  }
  return { items: s.rankItems, scores: s.rankScores };
}

function release(model: ForYouModel, n: number): void {
  const { score, seen, list } = model.scratch;
  for (let j = 0; j < n; j++) {
    score[list[j]!] = 0;
    seen[list[j]!] = 0;
  }
}

function maxValue(v: SparseVector): number {
  let max = 0;
  for (const x of v.values) if (x > max) max = x;
  return max;
}

/**
 * The neighbour term, (1 − alpha) × the similarity-weighted mean of the k most cosine-similar reference
 * customers' vectors, written first into the scratch scores. Touches only the customers sharing an item
 * with `own` (no pass over every customer) and sums in dense arrays. Returns how many items it scored.
 */
function neighbourTerm(own: SparseVector, model: ForYouModel, params: ForYouParams, skip: number): number {
  const { customers, scratch } = model;
  const { dots, customers: touched, acc, accItems, score, seen, list } = scratch;
  const { start, customers: holders, values } = customers.postings;
  let t = 0;
  // Only the own vector's QUERY_CAP largest values search (ties at the floor all do).
  let floor = -Infinity;
  if (own.items.length > QUERY_CAP) {
    const sorted = Float64Array.from(own.values).sort();
    floor = sorted[sorted.length - QUERY_CAP]!;
  }
  for (let i = 0; i < own.items.length; i++) {
    const item = own.items[i]!;
    if (item + 1 >= start.length) continue;
    const q = own.values[i]!;
    if (q < floor) continue;
    for (let p = start[item]!, end = start[item + 1]!; p < end; p++) {
      const c = holders[p]!;
      const d = dots[c]!;
      if (d === 0) touched[t++] = c;
      dots[c] = d + q * values[p]!;
    }
  }
  const ownNorm = Math.sqrt(own.norm2) || 1;
  const { sims } = scratch;
  let candidates = 0;
  for (let j = 0; j < t; j++) {
    const c = touched[j]!;
    const s = dots[c]! / (ownNorm * (model.norms[c]! || 1));
    dots[c] = 0;
    if (c === skip) continue;
    touched[candidates] = c;
    sims[candidates++] = s;
  }
  const { vectors } = customers;
  let m = 0;
  let weightSum = 0;
  for (const { item: c, score: s } of bestOf(touched, sims, candidates, params.k)) {
    const w = params.simPower === 0 ? 1 : Math.pow(s, params.simPower);
    weightSum += w;
    for (let i = vectors.start[c]!, end = vectors.start[c + 1]!; i < end; i++) {
      const item = vectors.items[i]!;
      if (acc[item] === 0) accItems[m++] = item;
      acc[item] = acc[item]! + w * vectors.values[i]!;
    }
  }
  let n = 0;
  for (let j = 0; j < m; j++) {
    const item = accItems[j]!;
    if (weightSum > 0 && !seen[item]) {
      seen[item] = 1;
      list[n++] = item;
      score[item] = (1 - params.alpha) * (acc[item]! / weightSum);
    }
    acc[item] = 0;
  }
  return n;
}
