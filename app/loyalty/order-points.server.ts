import type { OrderCommand } from "../customers/order-command";
import { ledgerKeys, pointsForOrder } from "./earn";
import { findEntry, postEntry } from "./ledger.server";
import { getLoyaltyProgram } from "./program.server";

/**
 * Settles an order's points after it was recorded: a paid order earns once; a cancelled order that had
 * earned is reversed once. Both are keyed on the order GID, so any number of deliveries post once.
 * @example await settleOrderPoints(shop, command, "orders/paid")
 */
export async function settleOrderPoints(shop: string, order: OrderCommand, topic: string): Promise<void> {
  if (!order.customer) return;
  const customerId = order.customer.gid;
  if (order.cancelledAt) {
    const earned = await findEntry(shop, ledgerKeys.orderEarn(order.orderGid));
    if (earned && earned.points > 0) {
      await postEntry({
        shop,
        customerId,
        points: -earned.points,
        reason: "reverse:cancel",
        idempotencyKey: ledgerKeys.orderCancel(order.orderGid),
        sourceId: order.orderGid,
      });
    }
    return;
  }
  const paid = topic === "orders/paid" || order.financialStatus === "paid";
  if (!paid) return;
  const { pointsPerCurrencyUnit } = await getLoyaltyProgram(shop);
  const points = pointsForOrder({ ...order, customer: true, cancelled: false }, pointsPerCurrencyUnit);
  if (points <= 0) return;
  await postEntry({
    shop,
    customerId,
    points,
    reason: "earn:order",
    idempotencyKey: ledgerKeys.orderEarn(order.orderGid),
    sourceId: order.orderGid,
  });
}
