import { forYouTop } from "../for-you";
import { TopK } from "./top-k";
import { contentFeatures, type Neighbour, type RecsModel } from "./model";

/**
 * Named strategies with one signature (STYLE §8): a shopper's context and the shop's prebuilt model
 * in, ranked candidates with a one-line "why" out. Pure and synchronous: nothing is computed from the
 * database per request.
 */
export interface RankInput {
  customerId: string | null;
  /** Product page, or the cart's last item. */
  productId: string | null;
  /** This session's product views, oldest first (real time, from the block or the Web Pixel). */
  sessionViews: readonly string[];
  cart: readonly string[];
  dismissed: readonly string[];
  now: number;
  limit: number;
}

export interface Candidate {
  item: number;
  score: number;
  why: string;
}

export type RankStrategy = (input: RankInput, model: RecsModel) => Candidate[];

export const STRATEGY_NAMES = ["for-you", "bought-together", "similar", "recently-viewed", "buy-again", "trending"] as const;
export type RankStrategyName = (typeof STRATEGY_NAMES)[number];

const DAY = 86_400_000;
const title = (model: RecsModel, item: number) => model.products[item]?.title || "this product";

function fromNeighbours(
  model: RecsModel,
  seeds: readonly number[],
  lists: Map<number, Neighbour[]>[],
  why: (seed: number) => string,
): Candidate[] {
  const best = new Map<number, Candidate>();
  seeds.forEach((seed, position) => {
    const recency = 1 / (1 + position); // the latest seed counts most
    let reason: string | undefined; // one string per seed, made when first needed
    for (const list of lists) {
      for (const n of list.get(seed) ?? []) {
        const prev = best.get(n.item);
        const score = (prev?.score ?? 0) + n.score * recency;
        best.set(n.item, { item: n.item, score, why: prev && prev.score > n.score * recency ? prev.why : (reason ??= why(seed)) });
      }
    }
  });
  return [...best.values()].sort((a, b) => b.score - a.score || a.item - b.item);
}

const itemsOf = (model: RecsModel, ids: readonly string[]) =>
  ids.map((id) => model.index.get(id)).filter((i): i is number => i !== undefined);

/** Customer's purchases through the for-you model, plus neighbours of this session's views. */
export const forYou: RankStrategy = (input, model) => {
  const history = input.customerId ? model.histories.get(input.customerId) : undefined;
  let ranked: Candidate[] = [];
  if (history) {
    const bought = new Set<number>();
    for (const basket of history.baskets) for (const item of basket) bought.add(item);
    const skip = model.customerRow.get(input.customerId!) ?? -1;
    // A bounded pool, enough for the block after exclusions (just bought, dismissed, unavailable);
    // merchant boosts re-rank within it.
    const pool = input.limit * 4 + bought.size + input.dismissed.length + 20;
    ranked = forYouTop(history, model.forYou, model.forYouParams, skip, pool).map(({ item, score }) => ({
      item,
      score,
      why: bought.has(item) ? "You buy this regularly" : "Popular with shoppers who buy what you buy",
    }));
  }
  const views = itemsOf(model, [...input.sessionViews].reverse());
  // forYouTop's items are distinct and already in (score, then item) order: without views (every
  // precomputed list) they are the answer as they come.
  if (!views.length) return ranked;
  const scores = new Map<number, Candidate>();
  for (const c of ranked) scores.set(c.item, c);
  const top = Math.max(0, ...ranked.map((c) => c.score)) || 1;
  for (const c of fromNeighbours(model, views, [model.coViewed, model.coPurchased], (s) => `Because you viewed ${title(model, s)}`)) {
    const prev = scores.get(c.item);
    scores.set(c.item, { item: c.item, score: (prev?.score ?? 0) + top * 0.5 * c.score, why: prev?.why ?? c.why });
  }
  return [...scores.values()].sort((a, b) => b.score - a.score || a.item - b.item);
};

/** Co-purchase neighbours by lift of the product (or cart items). */
export const boughtTogether: RankStrategy = (input, model) => {
  const seeds = itemsOf(model, [...(input.productId ? [input.productId] : []), ...[...input.cart].reverse()]);
  return fromNeighbours(model, seeds, [model.boughtTogether], (s) => `Often bought with ${title(model, s)}`);
};

/** Co-view and co-purchase neighbours, then products sharing type, vendor, tags, collections, title words. */
export const similar: RankStrategy = (input, model) => {
  const seed = input.productId ? model.index.get(input.productId) : [...itemsOf(model, input.sessionViews)].pop();
  if (seed === undefined) return [];
  const behavioural = fromNeighbours(
    model,
    [seed],
    [model.coViewed, model.coPurchased],
    () => `Shoppers who viewed ${title(model, seed)} also viewed this`,
  );
  const { score, items } = model.contentScratch;
  let touched = 0;
  const product = model.products[seed]!;
  for (const [feature, weight] of contentFeatures(product)) {
    const list = model.content.get(feature) ?? [];
    if (list.length > 2000) continue; // a feature everything shares says nothing
    for (const item of list) {
      if (item === seed) continue;
      if (score[item] === 0) items[touched++] = item;
      score[item] = score[item]! + weight;
    }
  }
  // Behavioural neighbours are not offered again by content: their sums are dropped (every touched
  // item's sum is > 0, the weights being positive), which marks them without a Set per call.
  let floor = 0;
  for (const c of behavioural) {
    score[c.item] = 0;
    if (c.score < floor) floor = c.score;
  }
  const best = new TopK(input.limit * 4 + input.dismissed.length + input.cart.length + 20);
  for (let j = 0; j < touched; j++) {
    const item = items[j]!;
    const s = score[item]!;
    if (s !== 0) best.offer(item, s);
    score[item] = 0;
  }
  const why = `Similar to ${title(model, seed)}`;
  const byContent = best.entries().map(({ item, score }) => ({ item, score: floor - 1 + score / 1000, why }));
  return [...behavioural, ...byContent];
};

/** This session's views, latest first. */
export const recentlyViewed: RankStrategy = (input, model) =>
  [...new Set(itemsOf(model, [...input.sessionViews].reverse()))].map((item, i) => ({ item, score: -i, why: "You viewed this recently" }));

/** Products the customer buys again, due now by the product's learned repurchase interval. */
export const buyAgain: RankStrategy = (input, model) => {
  const history = input.customerId ? model.histories.get(input.customerId) : undefined;
  if (!history) return [];
  const last = new Map<number, number>();
  history.baskets.forEach((basket, b) => basket.forEach((item) => last.set(item, history.times[b]!)));
  const out: Candidate[] = [];
  for (const [item, at] of last) {
    const interval = model.repurchaseDays.get(item);
    if (interval === undefined) continue;
    const due = (input.now - at) / DAY / Math.max(interval, 1);
    // Best when due (ratio ≈ 1), still shown when overdue, not yet when just bought.
    if (due < 0.5) continue;
    out.push({ item, score: due <= 1 ? due : 1 / due, why: `You buy this about every ${Math.round(interval)} days` });
  }
  return out.sort((a, b) => b.score - a.score || a.item - b.item);
};

/** Time-decayed popularity. */
export const trending: RankStrategy = (_input, model) =>
  [...model.trending].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([item, score]) => ({ item, score, why: "Trending in the store" }));

export const STRATEGIES: Record<RankStrategyName, RankStrategy> = {
  "for-you": forYou,
  "bought-together": boughtTogether,
  similar,
  "recently-viewed": recentlyViewed,
  "buy-again": buyAgain,
  trending,
};
