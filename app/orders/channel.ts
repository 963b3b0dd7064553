/** Where an order was placed: the online store (and Shopify's own apps), POS, a draft order, or other. */
export type Channel = "online" | "pos" | "draft" | "other";

const ONLINE = new Set(["web", "shopify", "iphone", "android", "buy_button", "checkout_next", "shop_app"]);

/**
 * An order's channel from Shopify's `source_name`: "pos" for Shopify POS (which counts like any other
 * order), "shopify_draft_order" for drafts; sales channels and apps identify themselves by other names.
 * @example channelOf("pos") // "pos"
 */
export function channelOf(sourceName: string | null): Channel {
  if (!sourceName) return "online";
  const source = sourceName.toLowerCase();
  if (source === "pos") return "pos";
  if (source === "shopify_draft_order") return "draft";
  return ONLINE.has(source) ? "online" : "other";
}
