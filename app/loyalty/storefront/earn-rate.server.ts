import prisma from "../../db.server";

/** How points are earned, as the storefront panel says it: points per one unit of shop currency. */
export interface EarnRate {
  points: number;
  /** ISO 4217 code of the shop's currency, e.g. GBP. */
  currency: string;
}

/**
 * The shop's earning rate in its currency ("Earn 5 points for every £1.00 you spend").
 * @example await getEarnRate(shop) // { points: 1, currency: "GBP" }
 */
export async function getEarnRate(shop: string): Promise<EarnRate> {
  const [program, row] = await Promise.all([
    prisma.loyaltyProgram.findUnique({ where: { shop }, select: { pointsPerCurrencyUnit: true } }),
    prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } }),
  ]);
  return { points: program?.pointsPerCurrencyUnit ?? 1, currency: row?.currencyCode ?? "USD" };
}
