import type { JobHandler } from "../../jobs/job";
import { ShopifyUserError } from "../../lib/errors";
import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { unauthenticated } from "../../shopify.server";
import type { FlowTriggerReceiveMutation } from "../../shopify/generated/admin.generated";
import { FLOW_TRIGGER_RECEIVE } from "../../shopify/flow";
import { runOperation } from "../../shopify/graphql.server";

/**
 * Fires one queued Flow trigger with `flowTriggerReceive` (runOperation waits out the cost throttle;
 * a failure is retried by the job queue with backoff; userErrors fail the job with Shopify's reason).
 * A shop with no offline session (uninstalled since, or never authorised) has no Flow to tell: the
 * trigger is dropped instead of being retried against an API that cannot be reached.
 */
export const fireFlowTrigger: JobHandler = async (ctx) => {
  const { handle, payload } = ctx.job.payload as { handle: string; payload: Record<string, unknown> };
  const context = await unauthenticated.admin(ctx.job.shop!).catch((error: unknown) => {
    if (error instanceof SessionNotFoundError) return null;
    throw error;
  });
  if (!context) return ctx.log.info("no offline session: Flow trigger dropped", { handle });
  const { admin } = context;
  const data = await runOperation<FlowTriggerReceiveMutation>(admin, "FlowTriggerReceive", FLOW_TRIGGER_RECEIVE, { handle, payload });
  const errors = data.flowTriggerReceive?.userErrors ?? [];
  if (errors.length) throw new ShopifyUserError("FlowTriggerReceive", errors);
};
