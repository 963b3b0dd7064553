import prisma from "../db.server";
import { countInSlices } from "../lib/in-slices";
import { inboxEvents } from "./inbox-events.server";

const PAGE = 25;

export interface ParkedDelivery {
  id: string;
  topic: string;
  webhookId: string;
  receivedAt: string;
  attempts: number;
  reason: string;
  /** The start of the body, enough to recognise it. */
  excerpt: string;
}

/**
 * The shop's parked deliveries, newest first, a page at a time: what could not be applied, and why.
 * @example const { deliveries, total } = await listParkedDeliveries(shop, 1)
 */
export async function listParkedDeliveries(
  shop: string,
  page = 1,
): Promise<{ deliveries: ParkedDelivery[]; total: number; page: number; pages: number }> {
  const where = { shop, status: "parked" };
  const [rows, total] = await Promise.all([
    prisma.webhookDelivery.findMany({
      where,
      include: { payload: { select: { body: true } } },
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE,
      take: PAGE,
    }),
    prisma.webhookDelivery.count({ where }),
  ]);
  return {
    deliveries: rows.map((r) => ({
      id: r.id,
      topic: r.topic,
      webhookId: r.webhookId,
      receivedAt: r.receivedAt.toISOString(),
      attempts: r.attempts,
      reason: r.reason ?? "",
      excerpt: (r.payload?.body ?? "").slice(0, 160),
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE)),
  };
}

/**
 * Puts parked deliveries back in the inbox, due now with a fresh count of attempts (after a fix, or
 * once a cause outside Rapport is gone). Only this shop's: an id of another shop changes nothing.
 * @returns how many were queued again
 */
export async function retryParkedDeliveries(shop: string, ids: "all" | string[]): Promise<number> {
  const where = { shop, status: "parked" };
  const data = { status: "pending", runAt: new Date(), attempts: 0, lockedBy: null, lockedAt: null, processedAt: null };
  const count =
    ids === "all"
      ? (await prisma.webhookDelivery.updateMany({ where, data })).count
      : await countInSlices(ids, (slice) => prisma.webhookDelivery.updateMany({ where: { ...where, id: { in: slice } }, data }));
  if (count) inboxEvents.emit("stored");
  return count;
}
