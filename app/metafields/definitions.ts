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
