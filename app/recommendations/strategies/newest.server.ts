import prisma from "../../db.server";
import type { Strategy } from "../strategy";

/** Most recently added or updated active products: the cold-start fallback. */
export const newest: Strategy = async ({ shop, limit }) => {
  const rows = await prisma.product.findMany({
    where: { shop, status: "ACTIVE", deletedAt: null },
    orderBy: { updatedAt: "desc" },
    take: limit * 2,
    select: { productGid: true },
  });
  return rows.map((row) => row.productGid);
};
