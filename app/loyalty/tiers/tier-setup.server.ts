import prisma from "../../db.server";
import { enqueueJob } from "../../jobs/queue.server";
import { forgetStorefrontProgram } from "../storefront/panel-reads.server";
import type { TierProposal } from "./tier-form";

export const TIER_RECALCULATION = "loyalty-tiers";
export const tierJobKey = (shop: string) => `${TIER_RECALCULATION}:${shop}`;

/**
 * Saves a validated tier setup — criteria on the program, tiers created, updated (by id) and removed —
 * and queues the recalculation job that moves customers to match, ranked as of `asOf` (the simulation's
 * moment), in one transaction. Returns the job's id
 * (the admin follows its progress).
 * @example const { jobId } = await saveTierSetup(shop, parseTierSetup(draft, "GBP"))
 */
export async function saveTierSetup(shop: string, proposal: TierProposal, asOf = new Date()): Promise<{ jobId: string }> {
  const saved = await prisma.$transaction(async (tx) => {
    const criteria = {
      tierMetric: proposal.criteria.metric,
      tierWindow: proposal.criteria.window,
      tierRetentionDays: proposal.criteria.retentionDays,
    };
    await tx.loyaltyProgram.upsert({ where: { shop }, create: { shop, ...criteria }, update: criteria });
    const existing = new Set((await tx.loyaltyTier.findMany({ where: { shop }, select: { id: true } })).map((t) => t.id));
    const kept = proposal.tiers.filter((t) => t.id && existing.has(t.id));
    await tx.loyaltyTier.deleteMany({ where: { shop, id: { notIn: kept.map((t) => t.id!) } } });
    // Names and thresholds are unique per shop: park the kept tiers on placeholders first, so two tiers
    // can swap names or thresholds in one save.
    for (const [i, t] of kept.entries())
      await tx.loyaltyTier.update({ where: { id: t.id!, shop }, data: { name: `~parked ${t.id}`, threshold: BigInt(-1 - i) } });
    for (const t of proposal.tiers) {
      const data = {
        name: t.name,
        threshold: t.threshold,
        earnMultiplierPct: t.earnMultiplierPct,
        customerTag: t.customerTag,
        freeShipping: t.freeShipping,
      };
      if (t.id && existing.has(t.id)) await tx.loyaltyTier.update({ where: { id: t.id, shop }, data });
      else await tx.loyaltyTier.create({ data: { shop, ...data } });
    }
    // The job ranks customers as of the simulation the merchant saw, so it applies exactly those moves.
    const job = await enqueueJob(tx, { kind: TIER_RECALCULATION, shop, key: tierJobKey(shop), payload: { asOf: asOf.toISOString() } });
    return { jobId: job.id };
  });
  forgetStorefrontProgram(shop);
  return saved;
}

/**
 * Queues the tier recalculation after orders or refunds changed customers' figures (a keyed job, so a
 * burst of deliveries recalculates once, `delayMs` later). Does nothing for a shop without tiers.
 * @example await enqueueTierRefresh(tx, shop)
 */
export async function enqueueTierRefresh(tx: Parameters<typeof enqueueJob>[0], shop: string, delayMs = 60_000): Promise<void> {
  if ((await tx.loyaltyTier.count({ where: { shop } })) === 0) return;
  await enqueueJob(tx, { kind: TIER_RECALCULATION, shop, key: tierJobKey(shop), runAt: new Date(Date.now() + delayMs) });
}
