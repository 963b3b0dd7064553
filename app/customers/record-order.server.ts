import prisma from "../db.server";
import { isUniqueViolation } from "../lib/prisma-errors";
import type { OrderCommand } from "./order-command";

export type IngestedVia = "webhook" | "backfill";

/**
 * Records an order in the customer's history, idempotent on (shop, order GID): the first delivery
 * creates it, later ones (orders/updated, orders/paid, a re-sent webhook, the backfill) bring it up to
 * date. Order, lines, purchase interactions and the customer's aggregates change in one transaction.
 * @example await recordOrder(shop, parseOrderWebhook("orders/create", payload), "webhook")
 */
export async function recordOrder(shop: string, order: OrderCommand, via: IngestedVia): Promise<{ orderId: string; customerId: string | null }> {
  try {
    return await writeOrder(shop, order, via);
  } catch (error) {
    // A concurrent delivery of the same order created it first: the second pass updates it.
    if (!isUniqueViolation(error)) throw error;
    return writeOrder(shop, order, via);
  }
}

function writeOrder(shop: string, order: OrderCommand, via: IngestedVia) {
  return prisma.$transaction(async (tx) => {
    const customer = order.customer
      ? await tx.customer.upsert({
          where: { shop_shopifyId: { shop, shopifyId: order.customer.gid } },
          create: { shop, shopifyId: order.customer.gid, email: order.customer.email, firstName: order.customer.firstName, lastName: order.customer.lastName },
          update: {
            ...(order.customer.email ? { email: order.customer.email } : {}),
            ...(order.customer.firstName ? { firstName: order.customer.firstName } : {}),
            ...(order.customer.lastName ? { lastName: order.customer.lastName } : {}),
          },
        })
      : null;
    const fields = {
      name: order.name, customerId: customer?.id ?? null, processedAt: order.processedAt, currencyCode: order.currencyCode,
      totalMinor: order.totalMinor, financialStatus: order.financialStatus, sourceName: order.sourceName, cancelledAt: order.cancelledAt,
    };
    const row = await tx.order.upsert({
      where: { shop_shopifyId: { shop, shopifyId: order.orderGid } },
      create: { shop, shopifyId: order.orderGid, ingestedVia: via, ...fields },
      update: fields,
    });
    await tx.orderLine.deleteMany({ where: { orderId: row.id } });
    await tx.orderLine.createMany({ data: order.lines.map((line) => ({ orderId: row.id, shop, productId: line.productGid, variantId: line.variantGid, sku: line.sku, title: line.title, quantity: line.quantity, priceMinor: line.priceMinor })) });
    await tx.interaction.deleteMany({ where: { shop, sourceKey: { startsWith: `${order.orderGid}#` } } });
    if (!order.cancelledAt && !order.test) {
      const purchases = order.lines.filter((line) => line.productGid && line.quantity > 0);
      await tx.interaction.createMany({
        data: purchases.map((line, i) => ({ shop, customerId: order.customer?.gid ?? null, productId: line.productGid!, kind: "purchase", weight: line.quantity, at: order.processedAt, sourceKey: `${order.orderGid}#${i}` })),
      });
    }
    if (customer) {
      const stats = await tx.order.aggregate({
        where: { shop, customerId: customer.id, cancelledAt: null },
        _count: { _all: true }, _sum: { totalMinor: true }, _min: { processedAt: true }, _max: { processedAt: true },
      });
      await tx.customer.update({
        where: { id: customer.id },
        data: { ordersCount: stats._count._all, spentMinor: stats._sum.totalMinor ?? 0, firstOrderAt: stats._min.processedAt, lastOrderAt: stats._max.processedAt },
      });
    }
    return { orderId: row.id, customerId: customer?.id ?? null };
  });
}
