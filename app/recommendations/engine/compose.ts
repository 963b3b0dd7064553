import type { RecsModel } from "./model";
import { STRATEGIES, type Candidate, type RankInput, type RankStrategyName } from "./strategies";

/**
 * Composition by configuration: a primary strategy and a fallback chain fill the slots, minus one
 * exclude set, re-ranked by merchant rules and ratings, with an honest heading.
 */
export interface BlockConfig {
  primary: RankStrategyName;
  fallbacks: RankStrategyName[];
}

export type RuleField = "tag" | "type" | "vendor" | "collection";

export interface MerchantRules {
  /** Products always shown first (in this order) when available. */
  pin: string[];
  /** Products never shown. */
  exclude: string[];
  /** Products matching any of these never shown. */
  excludeWhere: { field: RuleField; value: string }[];
  /** Score multipliers for matching products (e.g. 1.5 = +50%). */
  boost: { field: RuleField; value: string; factor: number }[];
  /** Weight of the `reviews.rating` metafield (1–5 scale): score × (1 + weight × (rating − 3) / 2). */
  ratingWeight: number;
}

export const NO_RULES: MerchantRules = { pin: [], exclude: [], excludeWhere: [], boost: [], ratingWeight: 0.2 };

/** Days after a purchase during which a product that is not replenishable is not recommended again. */
export const JUST_BOUGHT_DAYS = 30;

export interface RankedProduct {
  id: string;
  strategy: RankStrategyName | "pinned";
  why: string;
}

export interface BlockResult {
  products: RankedProduct[];
  /** The strategy that supplied the first non-pinned product (null when empty). */
  strategy: RankStrategyName | null;
  /** Heading key that tells the truth about the list. */
  heading: string;
}

const matches = (model: RecsModel, item: number, rule: { field: RuleField; value: string }): boolean => {
  const p = model.products[item];
  if (!p) return false;
  const v = rule.value.toLowerCase();
  if (rule.field === "tag") return p.tags.some((t) => t.toLowerCase() === v);
  if (rule.field === "type") return (p.productType ?? "").toLowerCase() === v;
  if (rule.field === "vendor") return (p.vendor ?? "").toLowerCase() === v;
  return p.collections.includes(rule.value);
};

/**
 * The exclude set: unavailable (out of stock, unpublished), the current product, in the cart, bought in
 * the last JUST_BOUGHT_DAYS unless replenishable, dismissed by the shopper, merchant exclusions.
 */
export function excludedItems(input: RankInput, model: RecsModel, rules: MerchantRules): (item: number) => boolean {
  const ids = new Set<string>(input.cart);
  for (const id of input.dismissed) ids.add(id);
  for (const id of rules.exclude) ids.add(id);
  if (input.productId) ids.add(input.productId);
  const justBought = new Set<number>();
  const history = input.customerId ? model.histories.get(input.customerId) : undefined;
  history?.baskets.forEach((basket, b) => {
    if (input.now - history.times[b]! > JUST_BOUGHT_DAYS * 86_400_000) return;
    for (const item of basket) if (!model.repurchaseDays.has(item)) justBought.add(item);
  });
  return (item) => {
    const p = model.products[item];
    return !p || !p.available || ids.has(p.id) || justBought.has(item) || rules.excludeWhere.some((r) => matches(model, item, r));
  };
}

function applyRules(candidates: Candidate[], model: RecsModel, rules: MerchantRules): Candidate[] {
  if (rules.boost.length === 0 && rules.ratingWeight === 0) return candidates;
  // With no boost and no rated candidate every factor is 1: a list already in (score, then item) order —
  // as strategies hand theirs — would come back the same (the build ranks ~500,000 lists).
  if (
    rules.boost.length === 0 &&
    candidates.every((c, i) => model.products[c.item]?.rating == null && (i === 0 || inOrder(candidates[i - 1]!, c)))
  )
    return candidates;
  return candidates
    .map((c) => {
      let factor = 1;
      for (const b of rules.boost) if (matches(model, c.item, b)) factor *= b.factor;
      const rating = model.products[c.item]?.rating;
      if (rating != null) factor *= 1 + (rules.ratingWeight * (rating - 3)) / 2;
      // Scores may be negative (content fallbacks); a boost must still move the item up.
      return { ...c, score: c.score >= 0 ? c.score * factor : c.score / factor };
    })
    .sort((a, b) => b.score - a.score || a.item - b.item);
}

const inOrder = (a: Candidate, b: Candidate) => a.score > b.score || (a.score === b.score && a.item < b.item);

/**
 * Fills a block: pins, then the primary strategy, then each fallback, skipping excluded and repeated
 * products.
 * @example rankBlock(input, model, { primary: "for-you", fallbacks: ["trending"] }, NO_RULES)
 */
export function rankBlock(input: RankInput, model: RecsModel, config: BlockConfig, rules: MerchantRules = NO_RULES): BlockResult {
  const excluded = excludedItems(input, model, rules);
  const chosen = new Set<number>();
  const products: RankedProduct[] = [];
  let strategy: RankStrategyName | null = null;
  for (const id of rules.pin) {
    const item = model.index.get(id);
    if (products.length >= input.limit || item === undefined || excluded(item) || chosen.has(item)) continue;
    chosen.add(item);
    products.push({ id, strategy: "pinned", why: "Picked by the store" });
  }
  for (const name of [config.primary, ...config.fallbacks]) {
    if (products.length >= input.limit) break;
    for (const c of applyRules(STRATEGIES[name](input, model), model, rules)) {
      if (products.length >= input.limit) break;
      if (chosen.has(c.item) || excluded(c.item)) continue;
      chosen.add(c.item);
      products.push({ id: model.products[c.item]!.id, strategy: name, why: c.why });
      strategy ??= name;
    }
  }
  return { products, strategy, heading: honestHeading(strategy, input, model) };
}

/**
 * The heading follows what the list is: "for you" only when the customer's own purchases or this
 * session's views drove it; a popularity list is called trending.
 */
export function honestHeading(strategy: RankStrategyName | null, input: RankInput, model: RecsModel): string {
  switch (strategy) {
    case "for-you":
      return input.customerId && model.histories.has(input.customerId) ? "recommended_for_you" : "inspired_by_browsing";
    case "bought-together":
      return "frequently_bought_together";
    case "similar":
      return "similar_products";
    case "recently-viewed":
      return "recently_viewed";
    case "buy-again":
      return "buy_again";
    case "trending":
      return "trending_now";
    default:
      return "none";
  }
}
