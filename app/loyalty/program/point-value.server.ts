import prisma from "../../db.server";

/** What one point is worth to a customer: the best money-per-point of the enabled amount-off rewards. */
export interface PointValue {
  amountMinor: number;
  pointsCost: number;
}

/**
 * The shop's point value — the amount-off reward that gives the most money per point (the liability a
 * point carries at worst) — or null when the catalogue has no amount-off reward to value points by.
 * @example await getPointValue(shop) // { amountMinor: 500, pointsCost: 500 } (1p a point)
 */
export async function getPointValue(shop: string): Promise<PointValue | null> {
  const rewards = await prisma.loyaltyReward.findMany({
    where: { shop, enabled: true, kind: "amount_off", amountMinor: { gt: 0 }, pointsCost: { gt: 0 } },
    select: { amountMinor: true, pointsCost: true },
  });
  let best: PointValue | null = null;
  for (const r of rewards)
    if (!best || r.amountMinor! * best.pointsCost > best.amountMinor * r.pointsCost)
      best = { amountMinor: r.amountMinor!, pointsCost: r.pointsCost };
  return best;
}

/**
 * Points as money in minor units (rounded down), or null without a point value.
 * @example liabilityMinor(12_000, { amountMinor: 500, pointsCost: 500 }) // 12000 (£120.00)
 */
export function liabilityMinor(points: number, value: PointValue | null): number | null {
  if (!value) return null;
  return Math.floor((points * value.amountMinor) / value.pointsCost);
}
