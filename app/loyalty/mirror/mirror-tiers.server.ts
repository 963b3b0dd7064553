import { getCustomerTierStatus } from "../tiers/tier-status.server";
import { NO_TIER, type MirrorTier } from "./loyalty-metafields";

/**
 * The tier and next-tier progress of each customer, for the mirror: the tier programme's own reading
 * (app/loyalty/tiers), one customer at a time (the job's rounds are small and run in the background).
 * @example (await readMirrorTiers(shop, [customerGid]))(customerGid) // { tier: "Silver", next: { name: "Gold", remaining: 4500, unit: "money" } }
 */
export async function readMirrorTiers(shop: string, customerGids: readonly string[]): Promise<(customerGid: string) => MirrorTier> {
  const byCustomer = new Map<string, MirrorTier>();
  for (const customerGid of customerGids) {
    const status = await getCustomerTierStatus(shop, customerGid);
    byCustomer.set(customerGid, {
      tier: status.tier?.name ?? null,
      next: status.next && {
        name: status.next.name,
        remaining: status.next.remaining,
        unit: status.next.metric === "spend" ? "money" : "points",
      },
    });
  }
  return (customerGid) => byCustomer.get(customerGid) ?? NO_TIER;
}
