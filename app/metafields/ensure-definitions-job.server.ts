import type { JobHandler } from "../jobs/job";
import { unauthenticated } from "../shopify.server";
import { appMetafieldDefinitions } from "./app-definitions";
import { ensureMetafieldDefinitions } from "./ensure-definitions.server";

/** The job kind queued on install (app/shops/on-installed.server.ts). */
export const METAFIELD_DEFINITIONS_JOB = "metafield-definitions";

/**
 * Creates the app's metafield definitions in the shop (all lists of ./definitions), with the
 * storefront access each declares. Idempotent: a definition already there (a re-install, a retried
 * job) counts as done, so nothing is duplicated.
 */
export const ensureAppMetafieldDefinitions: JobHandler = async (ctx) => {
  const { admin } = await unauthenticated.admin(ctx.job.shop!);
  const definitions = appMetafieldDefinitions();
  await ensureMetafieldDefinitions(admin, definitions);
  await ctx.progress({
    done: definitions.length,
    total: definitions.length,
    message: `${definitions.length} metafield definitions in place`,
  });
};
