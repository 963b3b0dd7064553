import { z } from "zod";
import type { Tx } from "../../db.server";
import prisma from "../../db.server";
import { InvalidInputError } from "../../lib/errors";
import { describeIssues } from "../../webhooks/parse-payload";
import { flowTriggerHandleOf, type FlowTriggerHandle } from "./flow-triggers";

/**
 * A trigger lifecycle callback from Shopify Flow, as a command: whether `shop` now has an enabled
 * workflow using `handle`, as of `reportedAt`.
 */
export interface TriggerUseReport {
  shop: string;
  handle: FlowTriggerHandle;
  enabled: boolean;
  reportedAt: Date;
}

const LifecycleCallback = z.object({
  flow_trigger_definition_id: z.string().min(1),
  has_enabled_flow: z.boolean(),
  shopify_domain: z.string().min(1),
  timestamp: z.string().datetime({ offset: true }),
});

/**
 * The callback's body (already verified by the caller) as a command; a body Flow would not send, or a
 * trigger that is not one of the app's, is an InvalidInputError naming the field.
 * @example triggerUseReport({ flow_trigger_definition_id: "rapport-points-earned", has_enabled_flow: true, shopify_domain: "a.myshopify.com", timestamp: "2026-12-02T10:00:00Z" })
 */
export function triggerUseReport(body: unknown): TriggerUseReport {
  const parsed = LifecycleCallback.safeParse(body);
  if (!parsed.success) throw new InvalidInputError("body", `Not a Flow trigger lifecycle callback: ${describeIssues(parsed.error)}`);
  const handle = flowTriggerHandleOf(parsed.data.flow_trigger_definition_id);
  if (!handle)
    throw new InvalidInputError("flow_trigger_definition_id", `Unknown Flow trigger '${parsed.data.flow_trigger_definition_id}'`);
  return {
    shop: parsed.data.shopify_domain,
    handle,
    enabled: parsed.data.has_enabled_flow,
    reportedAt: new Date(parsed.data.timestamp),
  };
}

/**
 * Records whether the shop uses the trigger. Flow's callbacks can arrive out of order: a report older
 * than the one stored changes nothing (Flow: "notifications with newer timestamps take precedence").
 * @returns whether the report was newer and applied
 */
export async function recordTriggerUse(report: TriggerUseReport): Promise<boolean> {
  const { shop, handle, enabled, reportedAt } = report;
  return prisma.$transaction(async (tx) => {
    const stored = await tx.flowTriggerUse.findUnique({ where: { shop_handle: { shop, handle } } });
    if (stored && stored.reportedAt >= reportedAt) return false;
    await tx.flowTriggerUse.upsert({
      where: { shop_handle: { shop, handle } },
      create: { shop, handle, enabled, reportedAt },
      update: { enabled, reportedAt },
    });
    return true;
  });
}

/**
 * Whether any enabled workflow in the shop starts with the trigger: Flow asks apps to send trigger
 * requests only to the stores that use them, so a shop without such a workflow costs no Admin call.
 */
export async function triggerInUse(tx: Tx, shop: string, handle: FlowTriggerHandle): Promise<boolean> {
  const use = await tx.flowTriggerUse.findUnique({ where: { shop_handle: { shop, handle } }, select: { enabled: true } });
  return use?.enabled ?? false;
}
