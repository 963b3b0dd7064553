import prisma, { type Tx } from "../db.server";
import { isUniqueViolation } from "../lib/prisma-errors";

/** What to run, for which shop, and under which key (at most one live job per key). */
export interface JobSpec {
  kind: string;
  shop?: string | null;
  /** Idempotency: while a job with this key is queued or running, enqueueing it again adds nothing. */
  key?: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  priority?: number;
  maxAttempts?: number;
}

export interface EnqueuedJob {
  id: string;
  created: boolean;
}

/**
 * Queues a job in the caller's transaction (or on its own). With a key, a job already queued or
 * running under it is returned instead (`created: false`), moved earlier if this one is due sooner —
 * graphile-worker's job keys, so "run the backfill for this shop" asked twice runs it once.
 * @example await enqueueJob(tx, { kind: "backfill", shop, key: `backfill:${shop}` })
 */
export async function enqueueJob(db: Tx, spec: JobSpec): Promise<EnqueuedJob> {
  const runAt = spec.runAt ?? new Date();
  if (spec.key) {
    const live = await db.job.findUnique({ where: { key: spec.key }, select: { id: true, status: true, runAt: true } });
    if (live) {
      if (live.status === "queued" && live.runAt > runAt) await db.job.update({ where: { id: live.id }, data: { runAt } });
      return { id: live.id, created: false };
    }
  }
  try {
    const row = await db.job.create({
      data: {
        kind: spec.kind,
        shop: spec.shop ?? null,
        key: spec.key ?? null,
        payload: JSON.stringify(spec.payload ?? {}),
        runAt,
        priority: spec.priority ?? 0,
        maxAttempts: spec.maxAttempts ?? 10,
      },
      select: { id: true },
    });
    return { id: row.id, created: true };
  } catch (error) {
    // Another process queued the same key between the read and the insert: theirs is the job.
    if (!spec.key || !isUniqueViolation(error)) throw error;
    const live = await db.job.findUniqueOrThrow({ where: { key: spec.key }, select: { id: true } });
    return { id: live.id, created: false };
  }
}

/** Makes a queued job due now (e.g. bulk_operations/finish arrived for the backfill it waits on). */
export async function nudgeJob(db: Tx, key: string): Promise<boolean> {
  const { count } = await db.job.updateMany({ where: { key, status: "queued" }, data: { runAt: new Date() } });
  return count > 0;
}

/** Stops a shop's queued jobs (app/uninstalled); running ones see it at their next checkpoint. */
export async function cancelShopJobs(db: Tx, shop: string): Promise<number> {
  const { count } = await db.job.updateMany({
    where: { shop, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", key: null, finishedAt: new Date(), lastError: "cancelled: the app was uninstalled" },
  });
  return count;
}

/** The latest job of a kind for a shop, for progress displays. */
export function getLatestJob(shop: string, kind: string) {
  return prisma.job.findFirst({ where: { shop, kind }, orderBy: { createdAt: "desc" } });
}
