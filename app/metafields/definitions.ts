/**
 * An app-owned metafield Rapport writes: the owner type, the `$app:` namespace and key, its type, and
 * whether themes (Liquid in the theme app extension) may read it. The storefront reads a metafield only
 * under a definition whose storefront access is PUBLIC_READ; everything else stays private to the app.
 * @example { ownerType: "CUSTOMER", namespace: "$app:loyalty", key: "balance", type: "number_integer", name: "Points balance", storefront: true }
 */
export interface MetafieldDefinition {
  ownerType: "CUSTOMER" | "PRODUCT";
  namespace: `$app:${string}` | "$app";
  key: string;
  type: string;
  name: string;
  description?: string;
  storefront: boolean;
}

/** The key a definition or a value is known by: `$app:loyalty.balance`. */
export function metafieldKey(m: { namespace: string; key: string }): string {
  return `${m.namespace}.${m.key}`;
}

/**
 * Segment membership (RFM segment first, then merchant segments), for Shopify Email, Flow and Klaviyo;
 * private to the app's admin surfaces, not the storefront.
 */
export const SEGMENT_MEMBERSHIP = {
  ownerType: "CUSTOMER",
  namespace: "$app:segments",
  key: "membership",
  type: "list.single_line_text_field",
  name: "Segments",
  description: "The Rapport segments the customer belongs to",
  storefront: false,
} as const satisfies MetafieldDefinition;

/** Definitions the segments capability writes under. */
export const SEGMENT_METAFIELDS: readonly MetafieldDefinition[] = [SEGMENT_MEMBERSHIP];

/**
 * Precomputed recommendation lists (issue 7) the block renders in Liquid with no script: bought-together
 * and similar on each product, for-you on each customer. Written by the recs-build job.
 */
export const RECOMMENDATION_METAFIELDS: readonly MetafieldDefinition[] = [
  {
    ownerType: "PRODUCT",
    namespace: "$app:recommendations",
    key: "bought_together",
    type: "list.product_reference",
    name: "Bought together",
    description: "Products often bought with this one (Rapport)",
    storefront: true,
  },
  {
    ownerType: "PRODUCT",
    namespace: "$app:recommendations",
    key: "similar",
    type: "list.product_reference",
    name: "Similar products",
    description: "Products like this one (Rapport)",
    storefront: true,
  },
  {
    ownerType: "CUSTOMER",
    namespace: "$app:recommendations",
    key: "for_you",
    type: "list.product_reference",
    name: "Recommended for you",
    description: "The customer's personal picks (Rapport)",
    storefront: true,
  },
];

/**
 * The loyalty mirror (issue 6): each member's balance, tier and progress to the next tier, readable by
 * the theme (the launcher renders them in Liquid with no request), Shopify Email, Flow and Klaviyo.
 * Written by the loyalty-mirror job after each change (app/loyalty/mirror).
 */
export const LOYALTY_METAFIELDS: readonly MetafieldDefinition[] = [
  {
    ownerType: "CUSTOMER",
    namespace: "$app:loyalty",
    key: "balance",
    type: "number_integer",
    name: "Points balance",
    description: "Spendable loyalty points (Rapport)",
    storefront: true,
  },
  {
    ownerType: "CUSTOMER",
    namespace: "$app:loyalty",
    key: "tier",
    type: "single_line_text_field",
    name: "VIP tier",
    description: "The customer's loyalty tier (Rapport)",
    storefront: true,
  },
  {
    ownerType: "CUSTOMER",
    namespace: "$app:loyalty",
    key: "progress",
    type: "json",
    name: "Tier progress",
    description: 'Tier and the way to the next: {"tier","next","remaining","unit":"points"|"money"} (Rapport)',
    storefront: true,
  },
];
