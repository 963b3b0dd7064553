import prisma from "../db.server";
import type { Strategy, StrategyContext, StrategyName, Surface } from "./strategy";
import { fillFromChain, SURFACES } from "./surfaces";
import { popular } from "./strategies/popular.server";
import { boughtTogether } from "./strategies/bought-together.server";
import { newest } from "./strategies/newest.server";

const STRATEGIES: Record<StrategyName, Strategy> = { popular, "bought-together": boughtTogether, newest };

/** Computed lists are served from memory for a few minutes: storefront traffic must not hit the database each time. */
const CACHE_TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; ids: string[] }>();

export interface RecommendedProduct {
  id: string;
  handle: string;
  title: string;
  price: number;
  currencyCode: string;
  imageUrl: string | null;
  url: string;
}

/**
 * Recommendations for a storefront surface: the surface's strategy chain, minus the current product
 * and anything not active in the catalogue, hydrated from the Product table.
 * @example await recommend({ shop, customerGid: null, productGid: null, limit: 8 }, "home")
 */
export async function recommend(
  context: StrategyContext,
  surface: Surface,
): Promise<{ strategy: StrategyName | null; products: RecommendedProduct[] }> {
  const lists = await Promise.all(SURFACES[surface].map(async (name) => ({ name, ids: await cached(name, context) })));
  const candidates = [...new Set(lists.flatMap((l) => l.ids))];
  // One read hydrates every candidate; whatever is not an active product is excluded by its absence.
  const [active, shop] = await Promise.all([
    prisma.product.findMany({ where: { shop: context.shop, status: "ACTIVE", deletedAt: null, productGid: { in: candidates } } }),
    prisma.shop.findUnique({ where: { shop: context.shop }, select: { currencyCode: true } }),
  ]);
  const byId = new Map(active.map((p) => [p.productGid, p]));
  const exclude = new Set([...candidates.filter((id) => !byId.has(id)), ...(context.productGid ? [context.productGid] : [])]);
  const { ids, strategy } = fillFromChain(lists, exclude, context.limit);
  return {
    strategy,
    products: ids
      .map((id) => byId.get(id)!)
      .map((p) => ({
        id: p.productGid,
        handle: p.handle,
        title: p.title,
        price: Number(p.priceMinor),
        currencyCode: shop?.currencyCode ?? "USD",
        imageUrl: p.imageUrl,
        url: `/products/${p.handle}`,
      })),
  };
}

async function cached(name: StrategyName, context: StrategyContext): Promise<string[]> {
  const key = `${context.shop}|${name}|${name === "bought-together" ? context.productGid : ""}|${context.limit}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.ids;
  const ids = await STRATEGIES[name](context);
  cache.set(key, { at: Date.now(), ids });
  return ids;
}

/** For tests and after a catalogue change. */
export function clearRecommendationCache(): void {
  cache.clear();
}
