import { runBackfill } from "../backfill/backfill-job.server";
import { reconcileShop } from "../backfill/reconcile-job.server";
import { ensureAppMetafieldDefinitions } from "../metafields/ensure-definitions-job.server";
import { syncMetafields } from "../metafields/sync-metafields-job.server";
import { refreshSegments } from "../segments/refresh-segments-job.server";
import type { JobHandler, Schedule } from "./job";
import { pruneWorkTables } from "./prune.server";
import { runLoyaltyMaintenance } from "../loyalty/jobs.server";
import { mirrorLoyaltyMetafields } from "../loyalty/mirror/mirror-job.server";
import { fireFlowTrigger } from "../loyalty/flow/flow-trigger-job.server";
import { buildRecommendations } from "../recommendations/recs-build-job.server";
import { recalculateTiers } from "../loyalty/tiers/tier-recalculation-job.server";
import { creditPastOrders } from "../loyalty/program/launch-job.server";
import { analyseImport, IMPORT_ANALYSIS } from "../loyalty/import/import-analysis-job.server";
import { applyImport, IMPORT_APPLY } from "../loyalty/import/import-apply-job.server";

/** Every kind of background work, by the capability that does it. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  backfill: runBackfill,
  reconcile: reconcileShop,
  prune: pruneWorkTables,
  "metafields-sync": syncMetafields,
  "metafield-definitions": ensureAppMetafieldDefinitions,
  "recs-build": buildRecommendations,
  "segments-refresh": refreshSegments,
  "loyalty-maintenance": runLoyaltyMaintenance,
  "loyalty-mirror": mirrorLoyaltyMetafields,
  "flow-trigger": fireFlowTrigger,
  "loyalty-tiers": recalculateTiers,
  "loyalty-launch": creditPastOrders,
  [IMPORT_ANALYSIS]: analyseImport,
  [IMPORT_APPLY]: applyImport,
};

/** Work queued on a clock (ensureScheduledJobs). */
export const SCHEDULES: readonly Schedule[] = [
  { kind: "reconcile", everyMs: 15 * 60_000, perShop: true },
  { kind: "prune", everyMs: 6 * 3_600_000, perShop: false },
  { kind: "loyalty-maintenance", everyMs: 3_600_000, perShop: true },
  // Drains the marks each account change leaves (app/loyalty/mirror): balances reach Shopify within a minute.
  { kind: "loyalty-mirror", everyMs: 30_000, perShop: true },
  { kind: "recs-build", everyMs: 6 * 3_600_000, perShop: true },
  { kind: "segments-refresh", everyMs: 24 * 3_600_000, perShop: true }, // full RFM once the cut-offs are a day old (app/segments/rfm-drift.ts)
];
