import type { RecsModel } from "./engine/model";
import { NO_RULES, rankBlock, type MerchantRules } from "./engine/compose";
import type { RankInput, RankStrategyName } from "./engine/strategies";

/**
 * Turns a built model into the lists the storefront is served from (pure): bought-together and similar
 * per product, for-you and buy-again per customer, trending for the shop. Unavailable products and
 * merchant exclusions are already out, and so is what a customer dismissed ("Not interested"); boosts applied.
 */
export interface ListEntry {
  id: string;
  why: string;
}

export const LIST_LENGTH = 12;

/** Subjects of the precomputed lists. */
export const productSubject = (productGid: string, strategy: "bought-together" | "similar") => `product:${productGid}:${strategy}`;
export const customerSubject = (customerGid: string, strategy: "for-you" | "buy-again") => `customer:${customerGid}:${strategy}`;
export const TRENDING_SUBJECT = "shop:trending";

/**
 * @example for (const [subject, entries] of buildLists(model, NO_RULES)) save(subject, entries)
 */
export function* buildLists(
  model: RecsModel,
  rules: MerchantRules = NO_RULES,
  now = model.builtAt,
  dismissedBy: ReadonlyMap<string, string[]> = new Map(),
): Generator<[string, ListEntry[]]> {
  const base: RankInput = { customerId: null, productId: null, sessionViews: [], cart: [], dismissed: [], now, limit: LIST_LENGTH };
  const unpinned = { ...rules, pin: [] };
  const list = (input: RankInput, strategy: RankStrategyName) =>
    rankBlock(input, model, { primary: strategy, fallbacks: [] }, unpinned).products.map(({ id, why }) => ({ id, why }));
  yield [TRENDING_SUBJECT, list(base, "trending")];
  for (const product of model.products) {
    if (!product.available || !product.title) continue;
    for (const strategy of ["bought-together", "similar"] as const) {
      const entries = list({ ...base, productId: product.id }, strategy);
      if (entries.length) yield [productSubject(product.id, strategy), entries];
    }
  }
  for (const customerId of model.histories.keys()) {
    if (!customerId.startsWith("gid://shopify/Customer/")) continue; // guest orders only feed the neighbours
    for (const strategy of ["for-you", "buy-again"] as const) {
      const entries = list({ ...base, customerId, dismissed: dismissedBy.get(customerId) ?? [] }, strategy);
      if (entries.length) yield [customerSubject(customerId, strategy), entries];
    }
  }
}
