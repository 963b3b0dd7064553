import prisma from "../db.server";

/**
 * A customer's points balance: the sum of their ledger postings.
 * @example await getPointsBalance({ shop, customerGid: "gid://shopify/Customer/17850" }) // 320
 */
export async function getPointsBalance({ shop, customerGid }: { shop: string; customerGid: string }): Promise<number> {
  const { _sum } = await prisma.ledgerEntry.aggregate({ where: { shop, customerGid }, _sum: { points: true } });
  return _sum.points ?? 0;
}
