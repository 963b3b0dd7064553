/**
 * Whether a header names a shop the way Shopify does (`{name}.myshopify.com`), by the same rule as
 * @shopify/shopify-api's `sanitizeShop`, which the library does not export on its own. Checked before
 * anything else so that a malformed domain gets a 400 instead of failing deep in a session lookup.
 * @example isShopDomain("rapport-demo.myshopify.com") // true
 */
const SHOP_DOMAIN = /^[a-zA-Z0-9][a-zA-Z0-9-_]*\.(myshopify\.com|shopify\.com|myshopify\.io|shop\.dev)$/;

export function isShopDomain(value: string | null | undefined, customDomain?: string): value is string {
  if (!value || value.length > 255) return false;
  return (
    SHOP_DOMAIN.test(value) ||
    (customDomain !== undefined && value.endsWith(`.${customDomain}`) && /^[a-zA-Z0-9][a-zA-Z0-9-_.]*$/.test(value))
  );
}
