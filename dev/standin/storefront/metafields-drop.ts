import type { StandinMetafield, StandinShop } from "../store";

type OwnerType = "CUSTOMER" | "PRODUCT";

/**
 * An owner's metafields as Liquid sees them: `owner.metafields[namespace][key]` → `{ value, type }`,
 * with `value` typed as Shopify's Liquid types it (numbers for number_*, booleans, parsed JSON, lists of
 * referenced objects resolved through `resolve`). Only metafields under a definition whose storefront
 * access is PUBLIC_READ are visible — as on Shopify, where an app-owned metafield without one is not.
 * @example metafieldsDrop(shop, "CUSTOMER", customer.metafields)["$app:loyalty"]?.balance?.value // 120
 */
export function metafieldsDrop(
  shop: StandinShop,
  ownerType: OwnerType,
  metafields: Record<string, StandinMetafield>,
  resolve: (gid: string) => unknown = () => null,
): Record<string, Record<string, { value: unknown; type: string }>> {
  const drop: Record<string, Record<string, { value: unknown; type: string }>> = {};
  for (const [fullKey, field] of Object.entries(metafields)) {
    const at = fullKey.lastIndexOf(".");
    const [namespace, key] = [fullKey.slice(0, at), fullKey.slice(at + 1)];
    if (shop.metafieldDefinitions.get(`${ownerType}|${fullKey}`)?.storefront !== "PUBLIC_READ") continue;
    (drop[namespace] ??= {})[key] = { value: typed(field, resolve), type: field.type };
  }
  return drop;
}

function typed(field: StandinMetafield, resolve: (gid: string) => unknown): unknown {
  if (field.type.startsWith("number_")) return Number(field.value);
  if (field.type === "boolean") return field.value === "true";
  if (field.type.endsWith("_reference") && !field.type.startsWith("list.")) return resolve(field.value);
  if (field.type.startsWith("list.")) {
    const items = JSON.parse(field.value) as unknown[];
    return field.type.endsWith("_reference") ? items.map((gid) => resolve(String(gid))).filter(Boolean) : items;
  }
  if (field.type === "json" || field.type === "rating") return JSON.parse(field.value) as unknown;
  return field.value;
}
