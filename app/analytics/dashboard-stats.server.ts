import prisma from "../db.server";

export interface DashboardStats {
  customers: number;
  orders: { total: number; viaWebhook: number; viaBackfill: number; pos: number };
  revenueMinor: number;
  currencyCode: string;
  points: { issued: number; outstanding: number; members: number };
  backfill: { status: string; orders: number; products: number; finishedAt: string | null };
  recentOrders: { name: string; customer: string; processedAt: string; totalMinor: number; via: string }[];
}

/**
 * The merchant's overview, every figure scoped to the shop.
 * @example const stats = await getDashboardStats("rapport-demo.myshopify.com")
 */
export async function getDashboardStats(shop: string): Promise<DashboardStats> {
  const [customers, total, viaWebhook, pos, revenue, issued, outstanding, members, shopRow, recent] = await Promise.all([
    prisma.customer.count({ where: { shop } }),
    prisma.order.count({ where: { shop } }),
    prisma.order.count({ where: { shop, ingestedVia: "webhook" } }),
    prisma.order.count({ where: { shop, sourceName: "pos" } }),
    prisma.order.aggregate({ where: { shop, cancelledAt: null }, _sum: { totalMinor: true } }),
    prisma.ledgerEntry.aggregate({ where: { shop, points: { gt: 0 } }, _sum: { points: true } }),
    prisma.ledgerEntry.aggregate({ where: { shop }, _sum: { points: true } }),
    prisma.ledgerEntry.groupBy({ by: ["customerId"], where: { shop } }),
    prisma.shop.findUnique({ where: { shop } }),
    prisma.order.findMany({ where: { shop }, orderBy: { processedAt: "desc" }, take: 8, include: { customer: true } }),
  ]);
  return {
    customers,
    orders: { total, viaWebhook, viaBackfill: total - viaWebhook, pos },
    revenueMinor: revenue._sum.totalMinor ?? 0,
    currencyCode: shopRow?.currencyCode ?? "USD",
    points: { issued: issued._sum.points ?? 0, outstanding: outstanding._sum.points ?? 0, members: members.length },
    backfill: {
      status: shopRow?.backfillStatus ?? "none",
      orders: shopRow?.backfillOrders ?? 0,
      products: shopRow?.backfillProducts ?? 0,
      finishedAt: shopRow?.backfillFinishedAt?.toISOString() ?? null,
    },
    recentOrders: recent.map((o) => ({
      name: o.name,
      customer: o.customer ? [o.customer.firstName, o.customer.lastName].filter(Boolean).join(" ") || "Customer" : "Guest",
      processedAt: o.processedAt.toISOString(),
      totalMinor: o.totalMinor,
      via: o.ingestedVia,
    })),
  };
}
