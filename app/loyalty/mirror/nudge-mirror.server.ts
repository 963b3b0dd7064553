import prisma from "../../db.server";
import { nudgeJob } from "../../jobs/queue.server";

/**
 * Makes the shop's scheduled loyalty-mirror run now rather than at its next tick: after a shopper's own
 * redemption, whose new balance they expect to see on the next page. Outside any posting transaction.
 * @example await nudgeLoyaltyMirror(shop)
 */
export async function nudgeLoyaltyMirror(shop: string): Promise<void> {
  await nudgeJob(prisma, `loyalty-mirror:${shop}`);
}
