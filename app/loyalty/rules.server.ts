import prisma, { type Tx } from "../db.server";

/** The program rules the ledger applies (beyond the earning rate): pending period and expiry. */
export interface LedgerRules {
  enabled: boolean;
  /** Earned points become spendable this many days after the order (0: at once). */
  pendingDays: number;
  /** With a pending period: spendable as soon as the order is fulfilled. */
  releaseOnFulfilment: boolean;
  /** A balance untouched this many days expires (null: never). */
  expiryDays: number | null;
}

/**
 * The shop's ledger rules, or the defaults (no pending period, no expiry) before the merchant set any.
 * @example (await getLedgerRules(shop)).pendingDays // 14
 */
export async function getLedgerRules(shop: string, db: Tx = prisma): Promise<LedgerRules> {
  const row = await db.loyaltyProgram.findUnique({
    where: { shop },
    select: { enabled: true, pendingDays: true, releaseOnFulfilment: true, expiryDays: true },
  });
  return row ?? { enabled: true, pendingDays: 0, releaseOnFulfilment: false, expiryDays: null };
}
