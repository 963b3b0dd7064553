import type { TierDef } from "./tier-criteria";

/** A tier as its perks decide what a reward costs and who may redeem it. */
export interface PerkTier extends TierDef {
  /** Members redeem the catalogue's free-shipping rewards at no points cost. */
  freeShipping: boolean;
}

/** What one customer is offered for one reward. */
export interface RewardOffer {
  /** Points this customer pays (0 for a free-shipping reward under the free-shipping perk). */
  pointsCost: number;
  /** Null when the customer may redeem it; else the tier it is reserved for (and the tiers above it). */
  reservedFor: string | null;
}

/**
 * What a reward costs a customer and whether their tier lets them redeem it. A tier-only reward is for
 * members of its tier and of every tier above it (by threshold); a reward whose tier was removed is
 * offered to no one until the merchant reassigns it (never silently opened to everyone).
 * @example rewardOffer({ pointsCost: 500, kind: "free_shipping", tierId: null }, gold, tiers) // { pointsCost: 0, reservedFor: null } when Gold has free shipping
 */
export function rewardOffer(
  reward: { pointsCost: number; kind: string; tierId: string | null },
  customerTier: PerkTier | null,
  tiers: readonly TierDef[],
): RewardOffer {
  const pointsCost = reward.kind === "free_shipping" && customerTier?.freeShipping ? 0 : reward.pointsCost;
  if (!reward.tierId) return { pointsCost, reservedFor: null };
  const required = tiers.find((t) => t.id === reward.tierId);
  if (!required) return { pointsCost, reservedFor: "a tier no longer offered" };
  const allowed = customerTier !== null && customerTier.threshold >= required.threshold;
  return { pointsCost, reservedFor: allowed ? null : required.name };
}
