import { randomUUID } from "node:crypto";
import prisma from "../db.server";
import type { BlockEvent } from "./block-events";

/**
 * Records a batch of a block's impressions and clicks (attribution groundwork) once per
 * `(shop, eventId)`: a batch the browser sends twice adds nothing.
 * @returns how many were new
 * @example await recordBlockEvents(shop, { customerGid: null, visitorId }, events)
 */
export async function recordBlockEvents(
  shop: string,
  shopper: { customerGid: string | null; visitorId: string | null },
  events: readonly BlockEvent[],
): Promise<number> {
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  if (unique.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    const known = await tx.recommendationEvent.findMany({
      where: { shop, eventId: { in: unique.map((e) => e.id) } },
      select: { eventId: true },
    });
    const seen = new Set(known.map((k) => k.eventId));
    const fresh = unique.filter((e) => !seen.has(e.id));
    if (fresh.length)
      await tx.recommendationEvent.createMany({
        data: fresh.map((e) => ({
          id: randomUUID(),
          shop,
          kind: e.kind,
          customerGid: shopper.customerGid,
          visitorId: shopper.visitorId,
          productGid: e.product,
          surface: e.surface,
          strategy: e.strategy,
          position: e.position,
          eventId: e.id,
          at: new Date(e.at),
        })),
      });
    return fresh.length;
  });
}
