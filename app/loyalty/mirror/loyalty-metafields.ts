import type { DesiredMetafield } from "../../metafields/set-metafields.server";

/** A member's tier and the way to the next one, as the mirror writes it. */
export interface MirrorTier {
  /** The tier's name, or null outside every tier. */
  tier: string | null;
  /** The next tier and what is still missing: points, or money in minor units of shop currency. */
  next: { name: string; remaining: number; unit: "points" | "money" } | null;
}

export const NO_TIER: MirrorTier = { tier: null, next: null };

/**
 * The `$app:loyalty` metafields for one customer: `balance` (number_integer), `progress` (json, always
 * written, so a customer who left every tier reads `tier: null`) and `tier` (text, only while in a tier:
 * Shopify refuses a blank single_line_text_field).
 * @example loyaltyMetafieldsFor("gid://shopify/Customer/1", 320, { tier: "Gold", next: null }).map((m) => m.key) // ["balance", "progress", "tier"]
 */
export function loyaltyMetafieldsFor(ownerGid: string, balance: number, status: MirrorTier): DesiredMetafield[] {
  const base = { ownerGid, namespace: "$app:loyalty" };
  const values: DesiredMetafield[] = [
    { ...base, key: "balance", type: "number_integer", value: String(balance) },
    {
      ...base,
      key: "progress",
      type: "json",
      value: JSON.stringify({
        tier: status.tier,
        next: status.next?.name ?? null,
        remaining: status.next?.remaining ?? null,
        unit: status.next?.unit ?? null,
      }),
    },
  ];
  if (status.tier) values.push({ ...base, key: "tier", type: "single_line_text_field", value: status.tier });
  return values;
}
