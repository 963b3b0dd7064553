import prisma from "../db.server";
import { InvalidInputError } from "../lib/errors";
import { parseRewardForm, type Reward, type RewardKind } from "./rewards";
import { forgetStorefrontProgram } from "./storefront/panel-reads.server";

/**
 * Adds a reward to the shop's catalogue from the admin form; InvalidInputError names a bad field.
 * @example await createReward(shop, { title: "£5 off", kind: "amount_off", pointsCost: "500", amount: "5" })
 */
export async function createReward(shop: string, form: Record<string, unknown>): Promise<Reward> {
  const shopRow = await prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } });
  const reward = parseRewardForm(form, shopRow?.currencyCode ?? "USD");
  if (reward.tierId && !(await prisma.loyaltyTier.findFirst({ where: { shop, id: reward.tierId }, select: { id: true } })))
    throw new InvalidInputError("tierId", "Choose one of your VIP tiers, or every member");
  const row = await prisma.loyaltyReward.create({ data: { shop, ...reward } });
  forgetStorefrontProgram(shop);
  return { ...reward, id: row.id };
}

/** The catalogue, cheapest first; `enabledOnly` for the storefront. */
export async function listRewards(shop: string, enabledOnly = false): Promise<(Reward & { enabled: boolean })[]> {
  const rows = await prisma.loyaltyReward.findMany({
    where: { shop, ...(enabledOnly ? { enabled: true } : {}) },
    orderBy: [{ pointsCost: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind as RewardKind,
    pointsCost: r.pointsCost,
    amountMinor: r.amountMinor,
    percentage: r.percentage,
    variantGid: r.variantGid,
    minimumOrderMinor: r.minimumOrderMinor,
    expiresAfterDays: r.expiresAfterDays,
    tierId: r.tierId,
    enabled: r.enabled,
  }));
}

/** Turns a reward on or off (codes already issued stay valid). */
export async function setRewardEnabled(shop: string, id: string, enabled: boolean): Promise<void> {
  await prisma.loyaltyReward.updateMany({ where: { shop, id }, data: { enabled } });
  forgetStorefrontProgram(shop);
}
