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

const RULES_TTL_MS = 5_000;
const cache = new Map<string, { at: number; rules: Promise<LedgerRules> }>();

/**
 * The ledger rules for the storefront's hot path, read at most once per shop every 5 s: a merchant's
 * change to the expiry period shows on the storefront within seconds; postings always read them fresh.
 */
export function getLedgerRulesCached(shop: string): Promise<LedgerRules> {
  const hit = cache.get(shop);
  if (hit && Date.now() - hit.at < RULES_TTL_MS) return hit.rules;
  const rules = getLedgerRules(shop);
  cache.set(shop, { at: Date.now(), rules });
  rules.catch(() => cache.delete(shop));
  return rules;
}
