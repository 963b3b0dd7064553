import prisma from "../db.server";
import type { Schedule } from "./job";
import { enqueueJob } from "./queue.server";

/**
 * Queues the next run of every schedule that has none queued or running: per installed shop (key
 * `<kind>:<shop>`) or once (key `<kind>`). Job keys make it safe for several workers to do this at
 * once. A new shop's first run is due at once; later runs `everyMs` after the previous one ended.
 */
export async function ensureScheduledJobs(schedules: readonly Schedule[], now = new Date()): Promise<void> {
  if (schedules.length === 0) return;
  const shops = schedules.some((s) => s.perShop)
    ? (await prisma.shop.findMany({ where: { uninstalledAt: null }, select: { shop: true } })).map((s) => s.shop)
    : [];
  for (const schedule of schedules) {
    const targets = schedule.perShop
      ? shops.map((shop) => ({ shop, key: `${schedule.kind}:${shop}` }))
      : [{ shop: null, key: schedule.kind }];
    if (targets.length === 0) continue;
    const [live, last] = await Promise.all([
      prisma.job.findMany({ where: { key: { in: targets.map((t) => t.key) } }, select: { key: true } }),
      prisma.job.groupBy({ by: ["shop"], where: { kind: schedule.kind, status: { in: ["done", "failed"] } }, _max: { finishedAt: true } }),
    ]);
    const queued = new Set(live.map((j) => j.key));
    const lastRun = new Map(last.map((l) => [l.shop, l._max.finishedAt]));
    for (const target of targets) {
      if (queued.has(target.key)) continue;
      const previous = lastRun.get(target.shop);
      const runAt = previous ? new Date(Math.max(now.getTime(), previous.getTime() + schedule.everyMs)) : now;
      await enqueueJob(prisma, { kind: schedule.kind, shop: target.shop, key: target.key, runAt });
    }
  }
}
