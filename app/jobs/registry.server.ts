import { runBackfill } from "../backfill/backfill-job.server";
import { reconcileShop } from "../backfill/reconcile-job.server";
import { syncMetafields } from "../metafields/sync-metafields-job.server";
import { refreshSegments } from "../segments/refresh-segments-job.server";
import type { JobHandler, Schedule } from "./job";
import { pruneWorkTables } from "./prune.server";
import { runLoyaltyMaintenance } from "../loyalty/jobs.server";
import { buildRecommendations } from "../recommendations/recs-build-job.server";

/** Every kind of background work, by the capability that does it. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  backfill: runBackfill,
  reconcile: reconcileShop,
  prune: pruneWorkTables,
  "metafields-sync": syncMetafields,
  "recs-build": buildRecommendations,
  "segments-refresh": refreshSegments,
  "loyalty-maintenance": runLoyaltyMaintenance,
};

/** Work queued on a clock (ensureScheduledJobs). */
export const SCHEDULES: readonly Schedule[] = [
  { kind: "reconcile", everyMs: 15 * 60_000, perShop: true },
  { kind: "prune", everyMs: 6 * 3_600_000, perShop: false },
  { kind: "loyalty-maintenance", everyMs: 3_600_000, perShop: true },
  { kind: "recs-build", everyMs: 6 * 3_600_000, perShop: true },
];
