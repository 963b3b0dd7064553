import prisma from "../db.server";
import { inSlices } from "../lib/in-slices";
import { settleOrderPoints } from "./order-points.server";

/**
 * Releases pending earnings whose period is over: settles their orders again, which moves what is left
 * of each from pending to spendable once (keyed by the order). Returns how many orders were settled.
 * @example await releaseDuePoints(shop) // 3
 */
export async function releaseDuePoints(shop: string, now = new Date()): Promise<number> {
  const due = await prisma.ledgerEntry.findMany({
    where: { shop, reason: "earn:order", bucket: "pending", availableAt: { lte: now } },
    select: { sourceGid: true },
  });
  const orderGids = due.map((d) => d.sourceGid!).filter(Boolean);
  if (orderGids.length === 0) return 0;
  const released = await inSlices(
    orderGids.map((g) => `order:${g}:release`),
    (keys) => prisma.ledgerEntry.findMany({ where: { shop, idempotencyKey: { in: keys } }, select: { sourceGid: true } }),
  );
  const done = new Set(released.map((r) => r.sourceGid));
  const todo = orderGids.filter((g) => !done.has(g));
  for (let i = 0; i < todo.length; i += 200) {
    await prisma.$transaction((tx) => settleOrderPoints(tx, shop, todo.slice(i, i + 200), now));
  }
  return todo.length;
}
