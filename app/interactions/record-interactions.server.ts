import { randomUUID } from "node:crypto";
import { inSlices } from "../lib/in-slices";
import type { Tx } from "../db.server";

/** A storefront interaction: what a shopper (signed in, or a visitor) did with a product. */
export interface InteractionEvent {
  /** The event's own id (the Web Pixel's event id, or one the block made): kept once per shop. */
  eventId: string;
  customerGid: string | null;
  visitorId: string | null;
  productGid: string;
  kind: "view" | "cart_add" | "dismiss";
  weight?: number;
  at: Date;
}

/**
 * Records storefront interactions in the one uniform record (STYLE §8) inside the caller's
 * transaction, once per `(shop, eventId)`: a re-sent batch adds nothing. Purchases are not recorded
 * here — they come with their order (recordOrders).
 * @returns how many were new
 * @example await recordInteractions(tx, shop, [{ eventId, customerGid: null, visitorId, productGid, kind: "view", at }])
 */
export async function recordInteractions(tx: Tx, shop: string, events: InteractionEvent[]): Promise<number> {
  const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
  if (unique.length === 0) return 0;
  const known = await inSlices(
    unique.map((e) => e.eventId),
    (slice) => tx.interaction.findMany({ where: { shop, eventId: { in: slice } }, select: { eventId: true } }),
  );
  const seen = new Set(known.map((k) => k.eventId));
  const fresh = unique.filter((e) => !seen.has(e.eventId));
  if (fresh.length) {
    await tx.interaction.createMany({
      data: fresh.map((e) => ({
        id: randomUUID(),
        shop,
        eventId: e.eventId,
        customerGid: e.customerGid,
        visitorId: e.visitorId,
        productGid: e.productGid,
        kind: e.kind,
        weight: e.weight ?? 1,
        at: e.at,
      })),
    });
  }
  return fresh.length;
}
