import prisma from "../db.server";

/**
 * A customer's points balance: the sum of their ledger postings.
 * @example await getPointsBalance({ shop, customerId: "gid://shopify/Customer/17850" }) // 320
 */
export async function getPointsBalance({ shop, customerId }: { shop: string; customerId: string }): Promise<number> {
  const { _sum } = await prisma.ledgerEntry.aggregate({ where: { shop, customerId }, _sum: { points: true } });
  return _sum.points ?? 0;
}
