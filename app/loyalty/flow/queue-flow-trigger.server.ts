import type { Tx } from "../../db.server";
import { enqueueJob } from "../../jobs/queue.server";
import type { FlowTrigger } from "./flow-triggers";
import { triggerInUse } from "./trigger-use.server";

/**
 * Queues a Flow trigger to fire, in the transaction of the event it reports (so an event that rolls
 * back fires nothing). `eventKey` names the event (the posting's or redemption's idempotency key): the
 * job key makes a re-delivered event fire once while its job is live. A shop with no enabled workflow
 * starting with the trigger (Flow's lifecycle callbacks tell, see trigger-use.server) queues nothing.
 * @example await queueFlowTrigger(tx, shop, `order:${orderGid}:earn`, pointsEarned(customerGid, 25, 320))
 */
export async function queueFlowTrigger(tx: Tx, shop: string, eventKey: string, trigger: FlowTrigger): Promise<void> {
  await queueFlowTriggers(tx, shop, [{ eventKey, trigger }]);
}

/** Queues several events' triggers: whether the shop uses a trigger is read once per handle. */
export async function queueFlowTriggers(
  tx: Tx,
  shop: string,
  events: readonly { eventKey: string; trigger: FlowTrigger }[],
): Promise<void> {
  const inUse = new Map<string, boolean>();
  for (const { eventKey, trigger } of events) {
    if (!inUse.has(trigger.handle)) inUse.set(trigger.handle, await triggerInUse(tx, shop, trigger.handle));
    if (!inUse.get(trigger.handle)) continue;
    await enqueueJob(tx, {
      kind: "flow-trigger",
      shop,
      key: `flow:${shop}:${trigger.handle}:${eventKey}`,
      payload: { handle: trigger.handle, payload: trigger.payload },
      // Behind the work shoppers and merchants wait for (syncs, builds): Flow runs asynchronously anyway.
      priority: -1,
    });
  }
}
