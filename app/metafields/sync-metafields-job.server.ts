import prisma from "../db.server";
import type { JobHandler } from "../jobs/job";
import { unauthenticated } from "../shopify.server";
import type { MetafieldsSetMutation } from "../shopify/generated/admin.generated";
import { runOperation } from "../shopify/graphql.server";
import { METAFIELDS_SET } from "../shopify/metafields";

/** Shopify's metafieldsSet takes at most 25 metafields per call. */
export const METAFIELDS_PER_CALL = 25;

/**
 * Pushes a shop's pending app-owned metafields to Shopify, 25 per metafieldsSet call (the API's limit),
 * each call waiting out the cost throttle through runOperation. A value refused by Shopify is marked
 * failed with the reason (the whole call is retried without it); a value that changed while in flight
 * stays pending for the next round. Runs until nothing is pending, resumable at any point.
 */
export const syncMetafields: JobHandler = async (ctx) => {
  const shop = ctx.job.shop!;
  const { admin } = await unauthenticated.admin(shop);
  let synced = 0;
  for (;;) {
    const batch = await prisma.metafieldValue.findMany({
      where: { shop, status: "pending" },
      orderBy: { updatedAt: "asc" },
      take: METAFIELDS_PER_CALL,
    });
    if (batch.length === 0) return;
    const data = await runOperation<MetafieldsSetMutation>(admin, "MetafieldsSet", METAFIELDS_SET, {
      metafields: batch.map((m) => ({ ownerId: m.ownerGid, namespace: m.namespace, key: m.key, type: m.type, value: m.value })),
    });
    const errors = data.metafieldsSet?.userErrors ?? [];
    if (errors.length) {
      // The call was all-or-nothing: mark the refused ones failed; the rest go again in the next round.
      const refused = errors.filter((e) => typeof e.elementIndex === "number");
      if (refused.length === 0) throw new Error(`metafieldsSet: ${errors.map((e) => e.message).join("; ")}`);
      for (const e of refused) {
        const row = batch[e.elementIndex!]!;
        await prisma.metafieldValue.updateMany({
          where: { id: row.id, version: row.version },
          data: { status: "failed", reason: e.message.slice(0, 500) },
        });
      }
      continue;
    }
    for (const row of batch) {
      await prisma.metafieldValue.updateMany({
        where: { id: row.id, version: row.version },
        data: { status: "synced", syncedAt: new Date() },
      });
    }
    synced += batch.length;
    if (!(await ctx.progress({ done: synced, message: `${synced} metafields written to Shopify` })) || ctx.signal.aborted)
      return { again: new Date() };
  }
};
