import prisma, { dbKind, SQL } from "../db.server";
import type { Prisma } from "../db-client.server";

/**
 * Claims up to `limit` due rows of a work table (the inbox, or the job queue) for one worker: rows
 * that are due, or whose previous owner's lease ran out (it crashed or was killed), marked as its own
 * with the attempt counted. On PostgreSQL several worker processes claim side by side without waiting
 * on each other or taking the same row (`FOR UPDATE SKIP LOCKED`, as graphile-worker does); SQLite has
 * a single writer, so its claim is the same statement without the lock clause.
 * Why raw SQL: Prisma cannot express UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING.
 */
export async function claimRows<T>(
  table: "WebhookDelivery" | "Job",
  options: { workerId: string; limit: number; leaseMs: number; order: Prisma.Sql; columns: Prisma.Sql; extraWhere?: Prisma.Sql },
): Promise<T[]> {
  const now = new Date();
  const staleBefore = new Date(now.getTime() - options.leaseMs);
  const lock = dbKind === "postgres" ? SQL.sql`FOR UPDATE SKIP LOCKED` : SQL.empty;
  const name = SQL.raw(`"${table}"`);
  const due = SQL.sql`(("status" = ${table === "Job" ? "queued" : "pending"} AND "runAt" <= ${now}) OR ("status" = ${table === "Job" ? "running" : "processing"} AND "lockedAt" < ${staleBefore}))`;
  return prisma.$queryRaw<T[]>`
    UPDATE ${name} SET "status" = ${table === "Job" ? "running" : "processing"}, "lockedBy" = ${options.workerId}, "lockedAt" = ${now}, "attempts" = "attempts" + 1
    WHERE "id" IN (SELECT "id" FROM ${name} WHERE ${due} ${options.extraWhere ?? SQL.empty} ORDER BY ${options.order} LIMIT ${options.limit} ${lock})
    RETURNING ${options.columns}`;
}
