import prisma, { type Tx } from "../../db.server";
import type { TierCriteria, TierDef, TierMetric, TierWindow } from "./tier-criteria";
import { byThreshold } from "./tier-criteria";

/** A tier with its perks, as stored. */
export interface Tier extends TierDef {
  earnMultiplierPct: number;
  customerTag: string | null;
  freeShipping: boolean;
}

/**
 * The shop's tier rules and its tiers, lowest first (no tiers: the program has none).
 * @example const { criteria, tiers } = await getTierSetup(shop); tiers[0]?.name // "Silver"
 */
export async function getTierSetup(shop: string, db: Tx = prisma): Promise<{ criteria: TierCriteria; tiers: Tier[] }> {
  const [program, rows] = await Promise.all([
    db.loyaltyProgram.findUnique({ where: { shop }, select: { tierMetric: true, tierWindow: true, tierRetentionDays: true } }),
    db.loyaltyTier.findMany({ where: { shop } }),
  ]);
  const criteria: TierCriteria = {
    metric: (program?.tierMetric ?? "spend") as TierMetric,
    window: (program?.tierWindow ?? "rolling12") as TierWindow,
    retentionDays: program?.tierRetentionDays ?? 0,
  };
  const tiers = rows.map((t) => ({
    id: t.id,
    name: t.name,
    threshold: t.threshold,
    earnMultiplierPct: t.earnMultiplierPct,
    customerTag: t.customerTag,
    freeShipping: t.freeShipping,
  }));
  return { criteria, tiers: byThreshold(tiers) };
}
