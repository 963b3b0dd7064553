import type { Tx } from "../../db.server";
import { markLoyaltyMirror } from "../mirror/mark-mirror.server";
import { tierChanged } from "./flow-triggers";
import { queueFlowTriggers } from "./queue-flow-trigger.server";

/** One customer's move between tiers (names; null: in no tier), keyed by what caused it. */
export interface TierChange {
  customerGid: string;
  previous: string | null;
  next: string | null;
  /** The cause, unique per move: e.g. `recalc:<jobId>` or `order:<gid>`. A repeat fires once. */
  cause: string;
}

/**
 * What a tier change must set off, in the transaction that changed the tier: the mirror re-reads the
 * customer's tier and progress for their metafields, and "Loyalty tier changed" fires in Shopify Flow.
 * @example await onTierChanged(tx, shop, [{ customerGid, previous: "Silver", next: "Gold", cause: `recalc:${job.id}` }])
 */
export async function onTierChanged(tx: Tx, shop: string, changes: readonly TierChange[]): Promise<void> {
  const moved = changes.filter((c) => c.previous !== c.next);
  await markLoyaltyMirror(
    tx,
    shop,
    moved.map((c) => c.customerGid),
  );
  await queueFlowTriggers(
    tx,
    shop,
    moved.map((c) => ({ eventKey: `tier:${c.customerGid}:${c.cause}`, trigger: tierChanged(c.customerGid, c.previous, c.next) })),
  );
}
