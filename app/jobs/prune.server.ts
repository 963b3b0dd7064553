import prisma from "../db.server";
import type { JobHandler } from "./job";

const DAY = 86_400_000;
/** Applied deliveries are kept a week (to answer "did this webhook arrive?"), parked ones until handled. */
export const KEEP_DONE_DELIVERIES_MS = 7 * DAY;
const KEEP_FINISHED_JOBS_MS = 30 * DAY;

/** Scheduled housekeeping: the inbox and the job table do not grow without bound. */
export const pruneWorkTables: JobHandler = async (ctx) => {
  const now = Date.now();
  const deliveries = await prisma.webhookDelivery.deleteMany({
    where: { status: "done", processedAt: { lt: new Date(now - KEEP_DONE_DELIVERIES_MS) } },
  });
  const jobs = await prisma.job.deleteMany({
    where: { status: { in: ["done", "failed", "cancelled"] }, finishedAt: { lt: new Date(now - KEEP_FINISHED_JOBS_MS) } },
  });
  await ctx.progress({
    done: deliveries.count + jobs.count,
    message: `removed ${deliveries.count} applied deliveries and ${jobs.count} finished jobs`,
  });
};
