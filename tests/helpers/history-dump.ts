import prisma from "../../app/db.server";

const stable = <T extends Record<string, unknown>>(row: T, drop: string[] = []) =>
  Object.fromEntries(
    Object.entries(row).filter(([key]) => !["id", "createdAt", "updatedAt", "orderId", "productId", "refundId", ...drop].includes(key)),
  );

/**
 * A canonical dump of everything a shop's histories hold, without row ids or bookkeeping times, in a
 * fixed order: two databases that applied the same facts in any order dump equal.
 * @example expect(await historyDump(shop)).toEqual(before)
 */
export async function historyDump(shop: string) {
  const [customers, products, orders, refunds, interactions, ledger] = await Promise.all([
    prisma.customer.findMany({ where: { shop }, orderBy: { customerGid: "asc" } }),
    prisma.product.findMany({
      where: { shop },
      orderBy: { productGid: "asc" },
      include: { variants: { orderBy: { variantGid: "asc" } }, collections: { orderBy: { collectionGid: "asc" } } },
    }),
    prisma.order.findMany({
      where: { shop },
      orderBy: { orderGid: "asc" },
      include: { lines: { orderBy: [{ lineItemGid: "asc" }, { title: "asc" }] } },
    }),
    prisma.refund.findMany({ where: { shop }, orderBy: { refundGid: "asc" }, include: { lines: { orderBy: { lineItemGid: "asc" } } } }),
    prisma.interaction.findMany({ where: { shop }, include: { order: { select: { orderGid: true } } } }),
    prisma.ledgerEntry.findMany({ where: { shop }, orderBy: { idempotencyKey: "asc" } }),
  ]);
  return {
    customers: customers.map((c) => stable(c)),
    products: products.map((p) => ({
      ...stable(p),
      variants: p.variants.map((v) => stable(v)),
      collections: p.collections.map((c) => stable(c)),
    })),
    orders: orders.map((o) => ({ ...stable(o, ["ingestedVia"]), lines: o.lines.map((l) => stable(l)) })),
    refunds: refunds.map((r) => ({ ...stable(r), lines: r.lines.map((l) => stable(l)) })),
    interactions: interactions
      .map((i) => ({ ...stable(i), order: i.order?.orderGid ?? null }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ledger: ledger.map((e) => stable(e)),
  };
}
