import prisma from "../../db.server";
import { rewardOffer, type PerkTier, type RewardOffer } from "./reward-access";
import { getTierSetup } from "./tier-settings.server";

type OfferedReward = { id: string; pointsCost: number; kind: string; tierId: string | null };

/**
 * What each reward costs this customer and whether their tier lets them redeem it (a guest: no tier),
 * for the storefront panel, POS and the redemption itself — one rule everywhere (reward-access.ts).
 * @example (await rewardOffers(shop, customerGid, rewards)).get(reward.id) // { pointsCost: 0, reservedFor: null }
 */
export async function rewardOffers(
  shop: string,
  customerGid: string | null,
  rewards: readonly OfferedReward[],
): Promise<Map<string, RewardOffer>> {
  const needsTiers = rewards.some((r) => r.tierId || r.kind === "free_shipping");
  const [setup, account] = needsTiers
    ? await Promise.all([
        getTierSetup(shop),
        customerGid
          ? prisma.loyaltyAccount.findUnique({ where: { shop_customerGid: { shop, customerGid } }, select: { tierId: true } })
          : null,
      ])
    : [{ tiers: [] as PerkTier[] }, null];
  const tier = setup.tiers.find((t) => t.id === account?.tierId) ?? null;
  return new Map(rewards.map((r) => [r.id, rewardOffer(r, tier, setup.tiers)]));
}
