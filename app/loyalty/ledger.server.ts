import prisma from "../db.server";
import { isUniqueViolation } from "../lib/prisma-errors";

/**
 * One posting to the append-only points ledger (docs/decisions/002). Rows are never updated or
 * deleted; corrections are new, negative postings.
 */
export interface Posting {
  shop: string;
  /** Customer GID, e.g. gid://shopify/Customer/17850 */
  customerId: string;
  /** Whole points; negative for reversals, clawbacks, redemptions and expiry. */
  points: number;
  reason: "earn:order" | "reverse:cancel" | "clawback:refund" | "redeem" | "adjust" | "expire";
  /** Derived from the Shopify source, e.g. `order:<gid>:earn`: the same source posts once. */
  idempotencyKey: string;
  sourceId?: string;
}

/**
 * Posts once per `(shop, idempotencyKey)`: a duplicate delivery, a re-sent webhook or a concurrent
 * twin finds the first posting and returns it (`created: false`).
 * @example await postEntry({ shop, customerId, points: 12, reason: "earn:order", idempotencyKey: `order:${gid}:earn` })
 */
export async function postEntry(posting: Posting): Promise<{ created: boolean; id: string }> {
  if (!Number.isInteger(posting.points)) throw new RangeError(`points must be whole: ${posting.points}`);
  const existing = await findEntry(posting.shop, posting.idempotencyKey);
  if (existing) return { created: false, id: existing.id };
  try {
    const row = await prisma.ledgerEntry.create({ data: { ...posting, sourceId: posting.sourceId ?? null } });
    return { created: true, id: row.id };
  } catch (error) {
    // Lost a race with an identical posting: the unique index kept it to one.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findEntry(posting.shop, posting.idempotencyKey);
    return { created: false, id: winner!.id };
  }
}

export function findEntry(shop: string, idempotencyKey: string) {
  return prisma.ledgerEntry.findUnique({ where: { shop_idempotencyKey: { shop, idempotencyKey } } });
}
