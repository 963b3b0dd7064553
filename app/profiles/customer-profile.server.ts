import { postingLabel } from "./posting-label";
import prisma from "../db.server";
import { getPointsBalance } from "../loyalty/balance.server";
import { listCustomerExports } from "../compliance/data-export.server";

/** One entry of a customer's timeline, newest first. */
export interface TimelineEntry {
  at: Date;
  kind: "order" | "refund" | "view" | "cart_add" | "points";
  title: string;
  /** Money in minor units (orders, refunds) or points (points). */
  amount: number | null;
  ref: string | null;
}

const TIMELINE_LIMIT = 200;

/**
 * A customer's profile for the admin: identity and consent, net lifetime value, order count, average
 * order value, first and last order, RFM scores and segments, points balance, and a timeline of their
 * orders, refunds, storefront views and cart adds (their visitors' included) and points postings.
 * @returns null when the shop has no such customer (or they were redacted)
 */
export async function getCustomerProfile(shop: string, customerGid: string) {
  const customer = await prisma.customer.findUnique({
    where: { shop_customerGid: { shop, customerGid } },
    include: { rfm: { select: { recency: true, frequency: true, monetary: true, segment: true } } },
  });
  if (!customer || customer.redactedAt) return null;
  const visitors = (await prisma.visitorLink.findMany({ where: { shop, customerGid }, select: { visitorId: true } })).map(
    (v) => v.visitorId,
  );
  const [orders, events, postings, memberships, points, exports, shopRow] = await Promise.all([
    prisma.order.findMany({ where: { shop, customerGid }, orderBy: { processedAt: "desc" }, take: TIMELINE_LIMIT }),
    prisma.interaction.findMany({
      where: {
        shop,
        kind: { in: ["view", "cart_add"] },
        OR: [{ customerGid }, ...(visitors.length ? [{ visitorId: { in: visitors } }] : [])],
      },
      orderBy: { at: "desc" },
      take: TIMELINE_LIMIT,
    }),
    prisma.ledgerEntry.findMany({ where: { shop, customerGid }, orderBy: { createdAt: "desc" }, take: TIMELINE_LIMIT }),
    prisma.segmentMember.findMany({ where: { shop, customerGid }, select: { segmentId: true } }),
    getPointsBalance({ shop, customerGid }),
    listCustomerExports(shop, customerGid),
    prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } }),
  ]);
  const refunds = await prisma.refund.findMany({ where: { shop, orderGid: { in: orders.map((o) => o.orderGid) } } });
  const orderName = new Map(orders.map((o) => [o.orderGid, o.name]));
  const products = await prisma.product.findMany({
    where: { shop, productGid: { in: [...new Set(events.map((e) => e.productGid))] } },
    select: { productGid: true, title: true },
  });
  const productTitle = new Map(products.map((p) => [p.productGid, p.title]));
  const segments = memberships.length
    ? await prisma.segment.findMany({ where: { shop, id: { in: memberships.map((m) => m.segmentId) } }, select: { name: true } })
    : [];
  const timeline: TimelineEntry[] = [
    ...orders.map((o) => ({
      at: o.processedAt,
      kind: "order" as const,
      title: `Order ${o.name}${o.cancelledAt ? " (cancelled)" : ""} · ${o.channel}`,
      amount: Number(o.totalMinor),
      ref: o.orderGid,
    })),
    ...refunds.map((r) => ({
      at: r.refundedAt,
      kind: "refund" as const,
      title: `Refund on ${orderName.get(r.orderGid) ?? r.orderGid}`,
      amount: Number(r.totalMinor),
      ref: r.refundGid,
    })),
    ...events.map((e) => ({
      at: e.at,
      kind: e.kind as "view" | "cart_add",
      title: `${e.kind === "view" ? "Viewed" : "Added to cart"}: ${productTitle.get(e.productGid) ?? e.productGid}`,
      amount: null,
      ref: e.productGid,
    })),
    ...postings.map((p) => ({
      at: p.createdAt,
      kind: "points" as const,
      title: postingLabel(p.reason, p.sourceGid ? orderName.get(p.sourceGid) : null),
      amount: p.points,
      ref: p.sourceGid,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const netMinor = Number(customer.netSpentMinor);
  return {
    customer,
    currencyCode: shopRow?.currencyCode ?? "USD",
    netLifetimeValueMinor: netMinor,
    averageOrderValueMinor: customer.ordersCount ? Math.round(Number(customer.spentMinor) / customer.ordersCount) : 0,
    points,
    segments: [...(customer.rfm ? [customer.rfm.segment] : []), ...segments.map((s) => s.name).sort()],
    exports,
    timeline: timeline.slice(0, TIMELINE_LIMIT),
  };
}
