import { settleOrderPoints } from "../loyalty/order-points.server";
import { topicHandler } from "../webhooks/topic-handler";
import { parseRestOrder } from "./order-command";
import { parseRestRefund } from "./refund-command";
import { recordOrders } from "./record-orders.server";
import { applyRefunds } from "./record-refunds.server";

/**
 * orders/create, orders/updated, orders/paid, orders/cancelled: one handler, because the order's own
 * state decides what happens (the topic header is not signed) — history first, then points.
 */
export const orderTopic = topicHandler({
  parse: (payload, meta) => parseRestOrder(payload, meta.topic),
  apply: async (tx, shop, orders) => {
    const recorded = await recordOrders(tx, shop, orders, "webhook");
    await settleOrderPoints(tx, shop, recorded.changedOrderGids);
  },
});

/** refunds/create: the refund, the order's refunded money and the customer's net value, then points. */
export const refundTopic = topicHandler({
  parse: (payload, meta) => parseRestRefund(payload, meta.topic),
  apply: async (tx, shop, refunds) => {
    const changed = await applyRefunds(tx, shop, refunds);
    await settleOrderPoints(tx, shop, changed);
  },
});
