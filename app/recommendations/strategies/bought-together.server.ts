import prisma from "../../db.server";
import type { Strategy } from "../strategy";

/**
 * Products bought in the same orders as the given product, most co-purchased first. Purchase
 * interactions reference their order, so the orders of the product's recent purchases are one read.
 */
export const boughtTogether: Strategy = async ({ shop, productGid, limit }) => {
  if (!productGid) return [];
  const withProduct = await prisma.interaction.findMany({
    where: { shop, kind: "purchase", productGid, orderId: { not: null } },
    select: { orderId: true },
    take: 500,
    orderBy: { at: "desc" },
  });
  const orders = [...new Set(withProduct.map((i) => i.orderId!))];
  if (orders.length === 0) return [];
  const together = await prisma.interaction.findMany({
    where: { shop, kind: "purchase", productGid: { not: productGid }, orderId: { in: orders } },
    select: { productGid: true },
  });
  const counts = new Map<string, number>();
  for (const { productGid: id } of together) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit * 2)
    .map(([id]) => id);
};
