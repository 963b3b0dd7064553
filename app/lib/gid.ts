/**
 * Shopify global ids, the one form Rapport keeps Shopify ids in (STYLE §12). Legacy numeric ids are
 * handled as digit strings, never as numbers: Shopify's ids pass 2^53 and a JS number would round them.
 * @example toGid("Order", "820982911946154508") // "gid://shopify/Order/820982911946154508"
 */
export type GidKind =
  | "BulkOperation"
  | "Collection"
  | "Customer"
  | "LineItem"
  | "Location"
  | "Order"
  | "Product"
  | "ProductVariant"
  | "Refund"
  | "Shop"
  | "StaffMember";

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d{1,20})(?:\?.*)?$/;

export function toGid(kind: GidKind, legacyId: string | number | bigint): string {
  const digits = String(legacyId);
  if (!/^\d{1,20}$/.test(digits) || (typeof legacyId === "number" && !Number.isSafeInteger(legacyId))) {
    throw new RangeError(`not an exact Shopify id: ${digits}`);
  }
  return `gid://shopify/${kind}/${digits}`;
}

/** A pattern matching the GIDs of `kind` (what isGid(value, kind) accepts). */
export function gidPattern(kind: GidKind): RegExp {
  return new RegExp(`^gid://shopify/${kind}/\\d{1,20}(?:\\?.*)?$`);
}

/** True when `value` is a GID, of `kind` if given. */
export function isGid(value: unknown, kind?: GidKind): value is string {
  if (typeof value !== "string") return false;
  const match = GID.exec(value);
  return match !== null && (kind === undefined || match[1] === kind);
}

/** The numeric part of a GID, as a digit string. */
export function legacyIdOf(gid: string): string {
  const match = GID.exec(gid);
  if (!match) throw new RangeError(`not a Shopify GID: ${gid}`);
  return match[2]!;
}
