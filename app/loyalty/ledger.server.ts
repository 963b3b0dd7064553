import { randomUUID } from "node:crypto";
import type { Tx } from "../db.server";
import { RapportError } from "../lib/errors";

/**
 * One posting to the append-only points ledger (docs/decisions/002). Rows are never updated or
 * deleted; corrections are new, negative postings.
 */
export interface Posting {
  shop: string;
  /** Customer GID, e.g. gid://shopify/Customer/17850 */
  customerGid: string;
  /** Whole points; negative for reversals, clawbacks, redemptions and expiry. */
  points: number;
  reason: "earn:order" | "reverse:cancel" | "clawback:refund" | "redeem" | "adjust" | "expire";
  /** Derived from the Shopify source, e.g. `order:<gid>:earn`: the same source posts once. */
  idempotencyKey: string;
  sourceGid?: string | null;
}

/** The most points one posting may move: beyond it an order is absurd, and a balance could not be read back. */
export const MAX_POINTS_PER_POSTING = 1_000_000_000;

/** A posting outside the ledger's bounds: the delivery behind it is parked with this reason. */
export class PointsLimitError extends RapportError {
  constructor(readonly posting: Posting) {
    super(
      "POINTS_LIMIT",
      `${posting.idempotencyKey}: ${posting.points} points is beyond the ${MAX_POINTS_PER_POSTING.toLocaleString("en")} a posting may carry`,
    );
  }
}

/**
 * Posts each entry once per `(shop, idempotencyKey)`, inside the caller's transaction: an entry whose
 * key is already in the ledger is skipped (a re-delivery), so any number of deliveries post once. Two
 * concurrent transactions posting the same key meet the unique index; the loser rolls back and retries.
 * @example await postEntries(tx, [{ shop, customerGid, points: 12, reason: "earn:order", idempotencyKey: `order:${gid}:earn` }])
 */
export async function postEntries(tx: Tx, postings: Posting[]): Promise<number> {
  if (postings.length === 0) return 0;
  for (const p of postings) {
    if (!Number.isInteger(p.points)) throw new RangeError(`points must be whole: ${p.points}`);
    if (Math.abs(p.points) > MAX_POINTS_PER_POSTING) throw new PointsLimitError(p);
  }
  const shop = postings[0]!.shop;
  const existing = await tx.ledgerEntry.findMany({
    where: { shop, idempotencyKey: { in: postings.map((p) => p.idempotencyKey) } },
    select: { idempotencyKey: true },
  });
  const posted = new Set(existing.map((e) => e.idempotencyKey));
  const fresh = postings.filter((p) => !posted.has(p.idempotencyKey) && (posted.add(p.idempotencyKey), true));
  if (fresh.length)
    await tx.ledgerEntry.createMany({ data: fresh.map((p) => ({ id: randomUUID(), ...p, sourceGid: p.sourceGid ?? null })) });
  return fresh.length;
}
