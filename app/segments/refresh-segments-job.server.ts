import prisma from "../db.server";
import type { JobHandler } from "../jobs/job";
import { refreshCustomerStatistics } from "./customer-statistics.server";
import { writeSegmentMembership } from "./membership-metafields.server";
import { refreshRfm } from "./refresh-rfm.server";
import { evaluateSegments } from "./segments.server";

/**
 * The segments job (one live per shop, queued by the order and refund recording paths and by segment
 * edits, and daily by the worker's schedule): RFM scores for the customers that changed — or for every
 * customer when the cut-offs are stale (app/segments/refresh-rfm.server.ts) — then every merchant
 * segment's members, then the changed memberships recorded for write-back to Shopify. Idempotent: a
 * rerun lands on the same state.
 */
export const refreshSegments: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const rfm = await refreshRfm(prisma, shop, {
    progress: (done, total) => ctx.progress({ done: 0, total: 3, message: `RFM: ${done} of ${total} customers scored` }),
  });
  if (rfm.full && rfm.changed > 0) await refreshCustomerStatistics(prisma);
  const how = rfm.full ? "recomputed for every customer" : `${rfm.drift} changed customers scored against the stored cut-offs`;
  await ctx.progress({ done: 1, total: 3, message: `RFM ${how}: ${rfm.changed} changed score` });
  await evaluateSegments(shop);
  await ctx.progress({ done: 2, total: 3, message: "merchant segments evaluated" });
  const pending = await writeSegmentMembership(shop, {
    progress: (done, total) => ctx.progress({ done: 2, total: 3, message: `memberships: ${done} of ${total} changed customers compared` }),
  });
  await ctx.progress({ done: 3, total: 3, message: `${pending} memberships to write to Shopify` });
};
