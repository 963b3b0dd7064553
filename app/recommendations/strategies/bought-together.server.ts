import prisma from "../../db.server";
import type { Strategy } from "../strategy";
import { orderInteractionKeys } from "../../customers/record-order.server";

/**
 * Products bought in the same orders as the given product, most co-purchased first. An interaction's
 * sourceKey is `<order gid>#<line>`, so the order is the part before `#`.
 */
export const boughtTogether: Strategy = async ({ shop, productId, limit }) => {
  if (!productId) return [];
  const withProduct = await prisma.interaction.findMany({
    where: { shop, kind: "purchase", productId },
    select: { sourceKey: true },
    take: 500,
    orderBy: { at: "desc" },
  });
  const orders = [...new Set(withProduct.map((i) => i.sourceKey.split("#")[0]!))];
  if (orders.length === 0) return [];
  const together = await prisma.interaction.findMany({
    where: {
      shop,
      kind: "purchase",
      productId: { not: productId },
      OR: orders.map((order) => ({ sourceKey: orderInteractionKeys(order) })),
    },
    select: { productId: true },
  });
  const counts = new Map<string, number>();
  for (const { productId: id } of together) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit * 2)
    .map(([id]) => id);
};
