import type { BlockConfig } from "./compose";
import type { RankStrategyName } from "./strategies";

/**
 * Serving-time composition over precomputed lists (pure): the block's primary strategy then its
 * fallbacks, minus the request's exclude set (current product, cart, dismissed), with an honest heading.
 */
export interface ServedItem {
  id: string;
  why: string;
}

export interface ServedBlock<T extends ServedItem> {
  products: (T & { strategy: RankStrategyName })[];
  strategy: RankStrategyName | null;
  heading: string;
}

/**
 * @example composeServed({ trending: [...] }, { primary: "for-you", fallbacks: ["trending"] }, new Set(), 8, { personal: false, session: false })
 */
export function composeServed<T extends ServedItem>(
  lists: Partial<Record<RankStrategyName, T[]>>,
  config: BlockConfig,
  exclude: ReadonlySet<string>,
  limit: number,
  who: { personal: boolean; session: boolean },
): ServedBlock<T> {
  const products: (T & { strategy: RankStrategyName })[] = [];
  const chosen = new Set<string>();
  let strategy: RankStrategyName | null = null;
  for (const name of [config.primary, ...config.fallbacks]) {
    for (const item of lists[name] ?? []) {
      if (products.length >= limit) break;
      if (exclude.has(item.id) || chosen.has(item.id)) continue;
      chosen.add(item.id);
      products.push({ ...item, strategy: name });
      strategy ??= name;
    }
  }
  return { products, strategy, heading: servedHeading(strategy, who) };
}

/** "For you" only when the customer's own history (or this session's views) made the list. */
export function servedHeading(strategy: RankStrategyName | null, who: { personal: boolean; session: boolean }): string {
  if (strategy === "for-you") return who.personal ? "recommended_for_you" : who.session ? "inspired_by_browsing" : "trending_now";
  const headings: Record<RankStrategyName, string> = {
    "for-you": "recommended_for_you",
    "bought-together": "frequently_bought_together",
    similar: "similar_products",
    "recently-viewed": "recently_viewed",
    "buy-again": "buy_again",
    trending: "trending_now",
  };
  return strategy ? headings[strategy] : "none";
}

/** Merges neighbour lists of several seeds (latest first), first occurrence wins, keeping the seed's why. */
export function mergeSeedLists<T extends ServedItem>(lists: readonly T[][]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let rank = 0; rank < longest; rank++) {
    for (const list of lists) {
      const item = list[rank];
      if (item && !seen.has(item.id)) {
        seen.add(item.id);
        out.push(item);
      }
    }
  }
  return out;
}
