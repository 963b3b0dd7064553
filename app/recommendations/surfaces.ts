import type { StrategyName, Surface } from "./strategy";

/**
 * Which strategies fill each storefront surface: the first is primary, the rest fill what it could not.
 * @example SURFACES.product // ["bought-together", "popular", "newest"]
 */
export const SURFACES: Record<Surface, readonly StrategyName[]> = {
  home: ["popular", "newest"],
  product: ["bought-together", "popular", "newest"],
  cart: ["bought-together", "popular", "newest"],
};

export function isSurface(value: string | null): value is Surface {
  return value === "home" || value === "product" || value === "cart";
}

/**
 * Fills `limit` slots from ranked lists in order, skipping the excluded and repeated products.
 * Returns the products and the strategy that supplied the first one.
 */
export function fillFromChain(lists: { name: StrategyName; ids: string[] }[], exclude: ReadonlySet<string>, limit: number) {
  const chosen: string[] = [];
  let primary: StrategyName | null = null;
  for (const { name, ids } of lists) {
    for (const id of ids) {
      if (chosen.length >= limit) break;
      if (exclude.has(id) || chosen.includes(id)) continue;
      chosen.push(id);
      primary ??= name;
    }
  }
  return { ids: chosen, strategy: primary };
}
