import prisma from "../db.server";
import type { JobHandler } from "../jobs/job";
import { computeRfm } from "./compute-rfm.server";
import { refreshCustomerStatistics } from "./customer-statistics.server";
import { writeSegmentMembership } from "./membership-metafields.server";
import { evaluateSegments } from "./segments.server";

/**
 * The segments job (one live per shop, queued by the order and refund recording paths and by segment
 * edits): RFM scores and segments for every buying customer, every merchant segment's members, then the
 * changed memberships recorded for write-back to Shopify. Idempotent: a rerun lands on the same state.
 */
export const refreshSegments: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const rfmChanged = await computeRfm(prisma, shop);
  if (rfmChanged > 0) await refreshCustomerStatistics(prisma);
  await ctx.progress({ done: 1, total: 3, message: `RFM: ${rfmChanged} customers changed score` });
  await evaluateSegments(shop);
  await ctx.progress({ done: 2, total: 3, message: "merchant segments evaluated" });
  const pending = await writeSegmentMembership(shop);
  await ctx.progress({ done: 3, total: 3, message: `${pending} memberships to write to Shopify` });
};
