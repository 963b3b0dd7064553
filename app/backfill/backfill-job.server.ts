import prisma from "../db.server";
import type { JobContext, JobHandler, JobResult } from "../jobs/job";
import { unauthenticated } from "../shopify.server";
import { CUSTOMERS_BULK_QUERY, ORDERS_BULK_QUERY, PRODUCTS_BULK_QUERY, RECORD_COUNTS } from "../shopify/bulk-queries";
import { runOperation, type AdminGraphql } from "../shopify/graphql.server";
import type { RecordCountsQuery } from "../shopify/generated/admin.generated";
import { bulkRecords, type BulkRecord } from "./bulk-records";
import { bulkResultLines, getBulkOperation, startBulkQuery } from "./bulk-operation.server";
import { backfillProgress, type BackfillPhase, type BackfillRunRow, nextPhase } from "./backfill-run";
import { recordBulkBatch } from "./record-bulk-batch.server";
import { queueRecsBuild } from "../recommendations/recs-build-job.server";
import { enqueueSegmentsRefresh } from "../segments/segments-queue.server";

const QUERIES: Record<BackfillPhase, string> = {
  products: PRODUCTS_BULK_QUERY,
  customers: CUSTOMERS_BULK_QUERY,
  orders: ORDERS_BULK_QUERY,
};
/** Child GID kind → connection field, per phase (see bulk-records.ts). */
const CONNECTIONS: Record<BackfillPhase, Record<string, string>> = {
  products: { ProductVariant: "variants", Collection: "collections" },
  customers: {},
  orders: { LineItem: "lineItems" },
};
/**
 * Records per transaction: big enough to amortise a commit, small enough to keep the writer free. An
 * orders commit writes back every index page its rows landed on (most of them, the indexes by product
 * and by customer being in random order): 1,000 orders write each such page about half as often as
 * 200 did, and hold SQLite's writer about a second.
 */
const BATCH: Record<BackfillPhase, number> = { products: 250, customers: 500, orders: 1000 };
const FIRST_BATCH = 200;
const POLL_MS = 3_000;

/**
 * The install backfill as a resumable job (STYLE §11, docs/decisions/005): for each phase (catalogue,
 * customers, orders) it starts a bulk operation, waits for it without holding a worker (it returns and
 * runs again; bulk_operations/finish makes it due at once), then streams the JSONL into the same
 * recording paths webhooks use, a batch per transaction that also records where the run stands.
 * Killed at any point, it resumes from the last committed batch; run again, it changes nothing.
 * Orders from before the install earn no points, by the same rule on every path (docs/decisions/002).
 */
export const runBackfill: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const run =
    (await prisma.backfillRun.findFirst({ where: { shop, status: "running" }, orderBy: { startedAt: "desc" } })) ??
    (await prisma.backfillRun.create({ data: { shop } }));
  try {
    return await advance(ctx, shop, run);
  } catch (error) {
    // The job retries with backoff; after its last attempt the run is marked failed for the merchant to see.
    if (ctx.job.attempts >= ctx.job.maxAttempts) {
      const message = error instanceof Error ? error.message : String(error);
      await prisma.backfillRun.update({ where: { id: run.id }, data: { status: "failed", error: message, finishedAt: new Date() } });
    }
    throw error;
  }
};

async function advance(ctx: JobContext, shop: string, run: BackfillRunRow): Promise<JobResult> {
  const { admin } = await unauthenticated.admin(shop);
  let current: BackfillRunRow = run;
  while (current.phase !== "done") {
    const phase = current.phase as BackfillPhase;
    if (!current.operationGid) {
      const counts = current.productsTotal === null ? await recordCounts(admin) : {};
      const operationGid = await startBulkQuery(admin, QUERIES[phase]);
      await prisma.backfillRun.update({ where: { id: run.id }, data: { operationGid, linesDone: 0, ...counts } });
      await ctx.progress(progressOf({ ...current, ...counts }, `Shopify is preparing the ${phase}`));
      return { again: new Date(Date.now() + POLL_MS) };
    }
    const operation = await getBulkOperation(admin, current.operationGid);
    if (operation && (operation.status === "CREATED" || operation.status === "RUNNING")) {
      await ctx.progress(progressOf(current, `Shopify is preparing the ${phase} (${operation.objectCount} read so far)`));
      return { again: new Date(Date.now() + POLL_MS) };
    }
    if (!operation || operation.status !== "COMPLETED") {
      const error = `the ${phase} bulk operation ended ${operation?.status ?? "unknown to Shopify"}${operation?.errorCode ? ` (${operation.errorCode})` : ""}`;
      // Started again on the job's next attempt.
      await prisma.backfillRun.update({ where: { id: run.id }, data: { operationGid: null, error } });
      throw new Error(error);
    }
    const finished = await streamPhase(ctx, shop, current, phase, operation.url);
    if (!finished) return { again: new Date() }; // the worker is stopping or the job was cancelled
    current = await prisma.backfillRun.update({
      where: { id: run.id },
      data: {
        phase: nextPhase(phase),
        operationGid: null,
        linesDone: 0,
        ...(nextPhase(phase) === "done" ? { status: "completed", finishedAt: new Date(), error: null } : {}),
      },
    });
  }
  await queueRecsBuild(prisma, shop);
  // The merchant's first look at the customer list should show RFM segments: score the imported
  // history now instead of a debounce after the last imported order.
  await enqueueSegmentsRefresh(prisma, shop, { now: true });
  await ctx.progress(progressOf(current, "Backfill complete"));
}

/** Streams one phase's file into the histories; false when it stopped early (to be resumed). */
async function streamPhase(ctx: JobContext, shop: string, run: BackfillRunRow, phase: BackfillPhase, url: string | null): Promise<boolean> {
  const shopRow = await prisma.shop.findUniqueOrThrow({ where: { shop }, select: { currencyCode: true } });
  let state = run;
  let batch: BulkRecord[] = [];
  // The first batches are small, so the merchant sees progress at once; each doubles up to BATCH.
  let size = Math.min(FIRST_BATCH, BATCH[phase]);
  const commit = async () => {
    state = await recordBulkBatch({ shop, runId: run.id, phase, currencyCode: shopRow.currencyCode, records: batch });
    batch = [];
    size = Math.min(size * 2, BATCH[phase]);
    return ctx.progress(progressOf(state, `Importing ${phase}`));
  };
  for await (const record of bulkRecords(bulkResultLines(url, run.linesDone), CONNECTIONS[phase], run.linesDone)) {
    batch.push(record);
    if (batch.length < size) continue;
    if (!(await commit()) || ctx.signal.aborted) return false;
  }
  if (batch.length && !(await commit())) return false;
  return true;
}

async function recordCounts(admin: AdminGraphql) {
  const data = await runOperation<RecordCountsQuery>(admin, "RecordCounts", RECORD_COUNTS);
  return {
    productsTotal: data.productsCount?.count ?? null,
    customersTotal: data.customersCount?.count ?? null,
    ordersTotal: data.ordersCount?.count ?? null,
  };
}

function progressOf(run: BackfillRunRow, message: string) {
  const { done, total } = backfillProgress(run);
  return { done, total, message };
}
