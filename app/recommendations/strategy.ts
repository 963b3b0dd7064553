/**
 * A recommender strategy (STYLE §8): one signature for every strategy, ranked product GIDs out.
 * Strategies are combined by configuration (see surfaces.ts) into a primary list plus fallbacks.
 */
export interface StrategyContext {
  shop: string;
  /** Customer GID when a shopper is signed in. */
  customerGid: string | null;
  /** Product GID on a product page or the cart's last item. */
  productGid: string | null;
  limit: number;
}

export type Strategy = (context: StrategyContext) => Promise<string[]>;

export type StrategyName = "popular" | "bought-together" | "newest";

export type Surface = "home" | "product" | "cart";
