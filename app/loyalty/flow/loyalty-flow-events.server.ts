import type { Tx } from "../../db.server";
import { inSlices } from "../../lib/in-slices";
import type { Posting } from "../ledger.server";
import { pointsEarned, rewardRedeemed } from "./flow-triggers";
import { queueFlowTrigger, queueFlowTriggers } from "./queue-flow-trigger.server";
import { triggerInUse } from "./trigger-use.server";

/**
 * Queues "Loyalty points earned" for each order earning just posted (the caller's transaction, after
 * the accounts moved, so the balance read is the one after the earning).
 * @example await queueEarnedTriggers(tx, shop, freshPostings)
 */
export async function queueEarnedTriggers(tx: Tx, shop: string, postings: readonly Posting[]): Promise<void> {
  const earned = postings.filter((p) => p.reason === "earn:order" && p.points > 0);
  if (earned.length === 0 || !(await triggerInUse(tx, shop, "rapport-points-earned"))) return;
  const accounts = await inSlices(
    earned.map((p) => p.customerGid),
    (slice) => tx.loyaltyAccount.findMany({ where: { shop, customerGid: { in: slice } }, select: { customerGid: true, balance: true } }),
  );
  const balance = new Map(accounts.map((a) => [a.customerGid, a.balance]));
  await queueFlowTriggers(
    tx,
    shop,
    earned.map((p) => ({ eventKey: p.idempotencyKey, trigger: pointsEarned(p.customerGid, p.points, balance.get(p.customerGid) ?? 0) })),
  );
}

/** Queues "Loyalty reward redeemed" for a redemption whose code was just issued (same transaction). */
export async function queueRedeemedTrigger(tx: Tx, redemptionId: string): Promise<void> {
  const r = await tx.redemption.findUniqueOrThrow({ where: { id: redemptionId } });
  const reward = await tx.loyaltyReward.findUnique({ where: { id: r.rewardId }, select: { title: true } });
  await queueFlowTrigger(tx, r.shop, `redeem:${r.id}`, rewardRedeemed(r.customerGid, reward?.title ?? "", r.code, r.pointsCost));
}
