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
export async function recordOrder(
  shop: string,
  order: OrderCommand,
  via: IngestedVia,
): Promise<{ orderId: string; customerId: string | null }> {
  return (await recordOrders(shop, [order], via))[0]!;
}

/** Several orders in one transaction (the backfill commits a few hundred at a time). */
export async function recordOrders(shop: string, orders: OrderCommand[], via: IngestedVia) {
  const writeAll = () =>
    prisma.$transaction(
      async (tx) => {
        const results = [];
        for (const order of orders) results.push(await writeOrder(tx, shop, order, via));
        return results;
      },
      { timeout: 60_000 },
    );
  try {
    return await writeAll();
  } catch (error) {
    // A concurrent delivery of the same order created it first: the second pass updates it.
    if (!isUniqueViolation(error)) throw error;
    return writeAll();
  }
}

/**
 * The sourceKey range of one order's interactions (`<order gid>#<line>`). A range, not `startsWith`:
 * SQLite's LIKE is case-insensitive and cannot use the (shop, sourceKey) index; a range can.
 */
export function orderInteractionKeys(orderGid: string) {
  return { gte: `${orderGid}#`, lt: `${orderGid}$` }; // "$" is the character after "#"
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

async function writeOrder(tx: Tx, shop: string, order: OrderCommand, via: IngestedVia) {
  const customer = order.customer
    ? await tx.customer.upsert({
        where: { shop_shopifyId: { shop, shopifyId: order.customer.gid } },
        create: {
          shop,
          shopifyId: order.customer.gid,
          email: order.customer.email,
          firstName: order.customer.firstName,
          lastName: order.customer.lastName,
        },
        update: {
          ...(order.customer.email ? { email: order.customer.email } : {}),
          ...(order.customer.firstName ? { firstName: order.customer.firstName } : {}),
          ...(order.customer.lastName ? { lastName: order.customer.lastName } : {}),
        },
      })
    : null;
  const fields = {
    name: order.name,
    customerId: customer?.id ?? null,
    processedAt: order.processedAt,
    currencyCode: order.currencyCode,
    totalMinor: order.totalMinor,
    financialStatus: order.financialStatus,
    sourceName: order.sourceName,
    cancelledAt: order.cancelledAt,
  };
  const row = await tx.order.upsert({
    where: { shop_shopifyId: { shop, shopifyId: order.orderGid } },
    create: { shop, shopifyId: order.orderGid, ingestedVia: via, ...fields },
    update: fields,
  });
  await tx.orderLine.deleteMany({ where: { orderId: row.id } });
  await tx.orderLine.createMany({
    data: order.lines.map((line) => ({
      orderId: row.id,
      shop,
      productId: line.productGid,
      variantId: line.variantGid,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      priceMinor: line.priceMinor,
    })),
  });
  await tx.interaction.deleteMany({ where: { shop, sourceKey: orderInteractionKeys(order.orderGid) } });
  if (!order.cancelledAt && !order.test) {
    const purchases = order.lines.filter((line) => line.productGid && line.quantity > 0);
    await tx.interaction.createMany({
      data: purchases.map((line, i) => ({
        shop,
        customerId: order.customer?.gid ?? null,
        productId: line.productGid!,
        kind: "purchase",
        weight: line.quantity,
        at: order.processedAt,
        sourceKey: `${order.orderGid}#${i}`,
      })),
    });
  }
  if (customer) {
    const stats = await tx.order.aggregate({
      where: { shop, customerId: customer.id, cancelledAt: null },
      _count: { _all: true },
      _sum: { totalMinor: true },
      _min: { processedAt: true },
      _max: { processedAt: true },
    });
    await tx.customer.update({
      where: { id: customer.id },
      data: {
        ordersCount: stats._count._all,
        spentMinor: stats._sum.totalMinor ?? 0,
        firstOrderAt: stats._min.processedAt,
        lastOrderAt: stats._max.processedAt,
      },
    });
  }
  return { orderId: row.id, customerId: customer?.id ?? null };
}
