import prisma from "../../db.server";
import type { Strategy } from "../strategy";

const DAY = 86_400_000;

/** Most-purchased products over the last 90 days (units bought), then all-time. */
export const popular: Strategy = async ({ shop, limit }) => {
  const recent = await topPurchased(shop, new Date(Date.now() - 90 * DAY), limit);
  return recent.length >= limit ? recent : [...recent, ...(await topPurchased(shop, null, limit * 2))];
};

async function topPurchased(shop: string, since: Date | null, take: number): Promise<string[]> {
  const rows = await prisma.interaction.groupBy({
    by: ["productGid"],
    where: { shop, kind: "purchase", ...(since ? { at: { gte: since } } : {}) },
    _sum: { weight: true },
    orderBy: { _sum: { weight: "desc" } },
    take: take * 2, // headroom for products the caller excludes
  });
  return rows.map((row) => row.productGid);
}
