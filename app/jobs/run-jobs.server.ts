import prisma, { SQL } from "../db.server";

import { logger } from "../lib/logger.server";
import { retryDelayMs } from "./backoff";
import { claimRows } from "./claim.server";
import type { JobContext, JobHandler, JobProgress } from "./job";

interface ClaimedJob {
  id: string;
  kind: string;
  shop: string | null;
  payload: string;
  attempts: number;
  maxAttempts: number;
}

/**
 * Claims and runs up to `limit` due jobs (STYLE §11): each handler gets progress reporting (which
 * also renews its lease) and the worker's stop signal. A job that returns ends (its key is freed); one
 * that asks to run again is queued for then without counting a failure; one that throws is retried
 * with backoff, and after its last attempt marked failed with the error. A job whose worker died is
 * claimed again when its lease runs out, and resumes from its own checkpoints.
 * @returns how many jobs were claimed
 */
export async function runDueJobs(options: {
  workerId: string;
  handlers: Readonly<Record<string, JobHandler>>;
  signal: AbortSignal;
  limit?: number;
  leaseMs?: number;
}): Promise<number> {
  const jobs = await claimRows<ClaimedJob>("Job", {
    workerId: options.workerId,
    limit: options.limit ?? 1,
    leaseMs: options.leaseMs ?? 120_000,
    order: SQL.sql`"priority" DESC, "runAt", "id"`,
    columns: SQL.sql`"id", "kind", "shop", "payload", "attempts", "maxAttempts"`,
  });
  await Promise.all(jobs.map((job) => runJob(job, options.handlers, options.workerId, options.signal)));
  return jobs.length;
}

async function runJob(
  job: ClaimedJob,
  handlers: Readonly<Record<string, JobHandler>>,
  workerId: string,
  signal: AbortSignal,
): Promise<void> {
  const log = logger.child({ job: job.id, kind: job.kind, shop: job.shop });
  const mine = { id: job.id, status: "running", lockedBy: workerId };
  const handler = handlers[job.kind];
  if (!handler) {
    await prisma.job.updateMany({
      where: mine,
      data: { status: "failed", key: null, finishedAt: new Date(), lastError: `no handler for job kind ${job.kind}` },
    });
    return;
  }
  const context: JobContext = {
    job: {
      id: job.id,
      kind: job.kind,
      shop: job.shop,
      payload: JSON.parse(job.payload) as Record<string, unknown>,
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
    },
    signal,
    log,
    progress: async (progress: JobProgress) => {
      const { count } = await prisma.job.updateMany({ where: mine, data: { progress: JSON.stringify(progress), lockedAt: new Date() } });
      return count > 0;
    },
  };
  try {
    const result = await handler(context);
    if (result && "again" in result) {
      await prisma.job.updateMany({
        where: mine,
        data: { status: "queued", runAt: result.again, lockedBy: null, lockedAt: null, attempts: { decrement: 1 } },
      });
    } else {
      await prisma.job.updateMany({
        where: mine,
        data: { status: "done", key: null, lockedBy: null, finishedAt: new Date(), lastError: null },
      });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (job.attempts >= job.maxAttempts) {
      log.error("job failed for good", { attempts: job.attempts, error: message });
      await prisma.job.updateMany({
        where: mine,
        data: { status: "failed", key: null, lockedBy: null, finishedAt: new Date(), lastError: message.slice(0, 2000) },
      });
    } else {
      log.warn("job failed; will retry", { attempts: job.attempts, error: message });
      await prisma.job.updateMany({
        where: mine,
        data: {
          status: "queued",
          runAt: new Date(Date.now() + retryDelayMs(job.attempts)),
          lockedBy: null,
          lockedAt: null,
          lastError: message.slice(0, 2000),
        },
      });
    }
  }
}
