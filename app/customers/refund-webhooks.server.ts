import { z } from "zod";
import { InvalidPayloadError } from "../lib/errors";
import { logger } from "../lib/logger.server";
import type { WebhookContext } from "../webhooks/handle-webhook.server";
import { describe } from "./order-command";

const RefundPayload = z.object({
  id: z.union([z.number(), z.string()]),
  order_id: z.union([z.number(), z.string()]),
  refund_line_items: z.array(z.object({ line_item_id: z.union([z.number(), z.string()]), quantity: z.number().int().nonnegative() })),
});

/**
 * refunds/create: validated now; the order's own orders/updated delivery refreshes its history.
 * Points clawback on refunds is the loyalty issue's work (keyed `refund:<gid>:clawback`).
 */
export async function onRefundCreate({ shop, topic, payload, webhookId }: WebhookContext): Promise<void> {
  const parsed = RefundPayload.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describe(parsed.error));
  logger.debug("refund received", { shop, topic, webhookId, refundId: String(parsed.data.id), orderId: String(parsed.data.order_id) });
}
