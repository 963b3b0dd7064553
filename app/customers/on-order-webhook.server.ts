import type { WebhookContext } from "../webhooks/handle-webhook.server";
import { settleOrderPoints } from "../loyalty/order-points.server";
import { parseOrderWebhook } from "./order-command";
import { recordOrder } from "./record-order.server";

/** An orders/* webhook: record the order in the history, then settle its points. */
export async function onOrderWebhook({ shop, topic, payload }: WebhookContext): Promise<void> {
  const order = parseOrderWebhook(topic, payload);
  await recordOrder(shop, order, "webhook");
  await settleOrderPoints(shop, order, topic);
}
