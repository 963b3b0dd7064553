import prisma from "../../db.server";
import type { TierMetric } from "./tier-criteria";
import { tierFiguresSql, toBigInt } from "./tier-figures.server";
import { getTierSetup } from "./tier-settings.server";

/** A customer's tier and what the next one takes, for the storefront widget, the mirror and the admin. */
export interface CustomerTierStatus {
  /** The tier the customer is in (set by the tier recalculation), or null. */
  tier: { id: string; name: string } | null;
  /** The lowest tier above the current one, and how far away it is; null at the top or without tiers. */
  next: {
    name: string;
    /** What is still missing: minor units of shop currency (metric spend) or points (metric points). */
    remaining: number;
    metric: TierMetric;
  } | null;
}

/**
 * Reads a customer's tier and their progress to the next one, from their qualifying figure now
 * (program's metric over its window). Two indexed reads and one aggregate over the customer's orders
 * or postings.
 * @example await getCustomerTierStatus(shop, "gid://shopify/Customer/17850")
 * // { tier: { id: "…", name: "Silver" }, next: { name: "Gold", remaining: 12500, metric: "spend" } }
 */
export async function getCustomerTierStatus(shop: string, customerGid: string, now = new Date()): Promise<CustomerTierStatus> {
  const { criteria, tiers } = await getTierSetup(shop);
  if (tiers.length === 0) return { tier: null, next: null };
  const [account, figures] = await Promise.all([
    prisma.loyaltyAccount.findUnique({ where: { shop_customerGid: { shop, customerGid } }, select: { tierId: true } }),
    prisma.$queryRaw<{ value: unknown }[]>`SELECT f."value" FROM (${tierFiguresSql(shop, criteria, now, customerGid)}) f`,
  ]);
  const current = tiers.find((t) => t.id === account?.tierId) ?? null;
  const value = toBigInt(figures[0]?.value);
  const next = tiers.find((t) => (current ? t.threshold > current.threshold : true) && t.threshold > value) ?? null;
  return {
    tier: current && { id: current.id, name: current.name },
    next: next && { name: next.name, remaining: Number(next.threshold - value), metric: criteria.metric },
  };
}
