import prisma from "../db.server";
import { backfillProgress } from "../backfill/backfill-run";

export interface DashboardStats {
  customers: number;
  orders: { total: number; viaWebhook: number; viaBackfill: number; pos: number };
  revenueMinor: number;
  currencyCode: string;
  points: { issued: number; outstanding: number; members: number };
  backfill: {
    status: string;
    phase: string | null;
    orders: number;
    products: number;
    customers: number;
    percent: number;
    label: string;
    finishedAt: string | null;
  };
  parkedDeliveries: number;
  recentOrders: { name: string; customer: string; processedAt: string; totalMinor: number; via: string }[];
}

/**
 * The merchant's overview, every figure scoped to the shop.
 * @example const stats = await getDashboardStats("rapport-demo.myshopify.com")
 */
export async function getDashboardStats(shop: string): Promise<DashboardStats> {
  const [customers, total, viaWebhook, pos, revenue, issued, outstanding, members, shopRow, run, parked, recent] = await Promise.all([
    prisma.customer.count({ where: { shop, deletedAt: null } }),
    prisma.order.count({ where: { shop } }),
    prisma.order.count({ where: { shop, ingestedVia: "webhook" } }),
    prisma.order.count({ where: { shop, channel: "pos" } }),
    prisma.order.aggregate({ where: { shop, cancelledAt: null, test: false }, _sum: { totalMinor: true, refundedMinor: true } }),
    prisma.ledgerEntry.aggregate({ where: { shop, points: { gt: 0 } }, _sum: { points: true } }),
    prisma.ledgerEntry.aggregate({ where: { shop }, _sum: { points: true } }),
    prisma.ledgerEntry.groupBy({ by: ["customerGid"], where: { shop } }),
    prisma.shop.findUnique({ where: { shop } }),
    prisma.backfillRun.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } }),
    prisma.webhookDelivery.count({ where: { shop, status: "parked" } }),
    prisma.order.findMany({ where: { shop }, orderBy: { processedAt: "desc" }, take: 8 }),
  ]);
  const names = new Map(
    (
      await prisma.customer.findMany({
        where: { shop, customerGid: { in: recent.flatMap((o) => (o.customerGid ? [o.customerGid] : [])) } },
        select: { customerGid: true, firstName: true, lastName: true },
      })
    ).map((c) => [c.customerGid, [c.firstName, c.lastName].filter(Boolean).join(" ")]),
  );
  const progress = run ? backfillProgress(run) : { percent: 0, label: "Not started" };
  return {
    customers,
    orders: { total, viaWebhook, viaBackfill: total - viaWebhook, pos },
    revenueMinor: Number(revenue._sum.totalMinor ?? 0) - Number(revenue._sum.refundedMinor ?? 0),
    currencyCode: shopRow?.currencyCode ?? "USD",
    points: { issued: issued._sum.points ?? 0, outstanding: outstanding._sum.points ?? 0, members: members.length },
    backfill: {
      status: run?.status ?? "none",
      phase: run?.phase ?? null,
      orders: run?.ordersDone ?? 0,
      products: run?.productsDone ?? 0,
      customers: run?.customersDone ?? 0,
      percent: progress.percent,
      label: progress.label,
      finishedAt: run?.finishedAt?.toISOString() ?? null,
    },
    parkedDeliveries: parked,
    recentOrders: recent.map((o) => ({
      name: o.name,
      customer: o.customerGid ? names.get(o.customerGid) || "Customer" : "Guest",
      processedAt: o.processedAt.toISOString(),
      totalMinor: Number(o.totalMinor),
      via: o.ingestedVia,
    })),
  };
}
