import { SQL, type Tx } from "../db.server";
import { inSlices } from "../lib/in-slices";
import { insertRows, jsonRows } from "../lib/insert-rows.server";
import { RapportError } from "../lib/errors";
import { MAX_POINTS_PER_POSTING } from "./ledger-limits";
import { markLoyaltyMirror } from "./mirror/mark-mirror.server";
import { queueEarnedTriggers } from "./flow/loyalty-flow-events.server";
import { newRowId } from "../lib/row-id";

/** Why points moved. Spending reasons (redeem, expire, a negative adjust) can never overdraw an account. */
export type PostingReason =
  | "earn:order"
  | "earn:signup"
  | "earn:birthday"
  | "earn:first-order"
  | "reverse:cancel"
  | "clawback:refund"
  | "release"
  | "redeem"
  | "restore:redeem"
  | "adjust"
  | "expire"
  /** Points brought over from another loyalty app (app/loyalty/import): earned there, and spent there. */
  | "earn:import"
  | "import:spent";

/**
 * One posting to the append-only points ledger (docs/decisions/002, 007). Rows are never updated or
 * deleted; corrections are new, negative postings.
 */
export interface Posting {
  shop: string;
  /** Customer GID, e.g. gid://shopify/Customer/17850 */
  customerGid: string;
  /** Whole points; negative for reversals, clawbacks, redemptions and expiry. */
  points: number;
  reason: PostingReason;
  /** Derived from the source, e.g. `order:<gid>:earn`: the same source posts once. */
  idempotencyKey: string;
  sourceGid?: string | null;
  /** Which account figure the posting moves: spendable balance (default) or pending. */
  bucket?: "available" | "pending";
  availableAt?: Date | null;
  /** Earnings: the merchandise earned on, in minor units, and the points-per-unit rate then in force. */
  basisMinor?: bigint | null;
  rate?: number | null;
  /** Earnings: the base weighted by the multipliers in force (× 10,000), for clawback. */
  weightedBasis?: bigint | null;
  staff?: string | null;
  note?: string | null;
}

export { MAX_POINTS_PER_POSTING };

/** A posting outside the ledger's bounds: the delivery behind it is parked with this reason. */
export class PointsLimitError extends RapportError {
  constructor(readonly posting: Posting) {
    super(
      "POINTS_LIMIT",
      `${posting.idempotencyKey}: ${posting.points} points is beyond the ${MAX_POINTS_PER_POSTING.toLocaleString("en")} a posting may carry`,
    );
  }
}

/** A spending debit larger than the spendable balance: refused, nothing posted. */
export class InsufficientPointsError extends RapportError {
  constructor(
    readonly customerGid: string,
    readonly needed: number,
  ) {
    super("INSUFFICIENT_POINTS", `${customerGid} cannot spend ${needed} points`);
  }
}

/**
 * A debit the customer chose or the program imposes (an import's correction included): refused rather
 * than overdrawn. Reversals of earnings are facts and may leave a debt.
 */
export function isSpendingDebit(p: Pick<Posting, "reason" | "points">): boolean {
  return (
    p.points < 0 &&
    (p.reason === "redeem" || p.reason === "expire" || p.reason === "adjust" || p.reason === "earn:import" || p.reason === "import:spent")
  );
}

/** Postings that count as activity for inactivity expiry. */
function isActivity(p: Posting): boolean {
  return p.reason.startsWith("earn") || p.reason === "redeem" || p.reason === "adjust";
}

/**
 * Posts each entry once per `(shop, idempotencyKey)`, inside the caller's transaction, and moves each
 * customer's LoyaltyAccount by the same amounts in that transaction, so the account is always the sum
 * of its postings. An entry whose key is already in the ledger is skipped (a re-delivery). A spending
 * debit is a conditional `UPDATE … WHERE balance + n >= 0`: when it would overdraw, nothing is posted
 * and InsufficientPointsError is thrown (the caller's transaction rolls back). Two concurrent
 * transactions posting the same key meet the unique index; the loser rolls back and retries.
 * Returns the number of postings written.
 * @example await postEntries(tx, [{ shop, customerGid, points: 12, reason: "earn:order", idempotencyKey: `order:${gid}:earn` }])
 */
export async function postEntries(tx: Tx, postings: Posting[]): Promise<number> {
  if (postings.length === 0) return 0;
  for (const p of postings) {
    if (!Number.isInteger(p.points)) throw new RangeError(`points must be whole: ${p.points}`);
    if (Math.abs(p.points) > MAX_POINTS_PER_POSTING) throw new PointsLimitError(p);
  }
  const shop = postings[0]!.shop;
  const existing = await inSlices(
    postings.map((p) => p.idempotencyKey),
    (keys) => tx.ledgerEntry.findMany({ where: { shop, idempotencyKey: { in: keys } }, select: { idempotencyKey: true } }),
  );
  const posted = new Set(existing.map((e) => e.idempotencyKey));
  const fresh = postings.filter((p) => !posted.has(p.idempotencyKey) && (posted.add(p.idempotencyKey), true));
  if (fresh.length === 0) return 0;
  await moveAccounts(tx, shop, fresh);
  const createdAt = new Date();
  await insertRows(
    tx,
    "LedgerEntry",
    fresh.map((p) => ({
      id: newRowId(),
      shop: p.shop,
      customerGid: p.customerGid,
      points: p.points,
      reason: p.reason,
      idempotencyKey: p.idempotencyKey,
      sourceGid: p.sourceGid ?? null,
      bucket: p.bucket ?? "available",
      availableAt: p.availableAt ?? null,
      basisMinor: p.basisMinor ?? null,
      rate: p.rate ?? null,
      weightedBasis: p.weightedBasis ?? null,
      staff: p.staff ?? null,
      note: p.note ?? null,
      createdAt,
    })),
  );
  // The storefront and Shopify Email read balances from customer metafields: tell the mirror.
  await markLoyaltyMirror(tx, shop, [...new Set(fresh.map((p) => p.customerGid))]);
  await queueEarnedTriggers(tx, shop, fresh); // Shopify Flow: "Loyalty points earned"
  return fresh.length;
}

interface AccountMove {
  available: number;
  pending: number;
  earned: number;
  guard: boolean;
  activity: boolean;
}

async function moveAccounts(tx: Tx, shop: string, postings: Posting[]): Promise<void> {
  const moves = new Map<string, AccountMove>();
  for (const p of postings) {
    const m = moves.get(p.customerGid) ?? { available: 0, pending: 0, earned: 0, guard: false, activity: false };
    if ((p.bucket ?? "available") === "pending") m.pending += p.points;
    else m.available += p.points;
    if (p.reason.startsWith("earn")) m.earned += p.points;
    m.guard ||= isSpendingDebit(p);
    m.activity ||= isActivity(p);
    moves.set(p.customerGid, m);
  }
  const now = new Date();
  // Sorted, so two transactions touching the same accounts lock them in the same order (PostgreSQL).
  const customers = [...moves.keys()].sort();
  if (!customers.some((c) => moves.get(c)!.guard)) {
    // Nothing here can overdraw: every account is created or moved by one upsert, driven by the moves
    // (each a unique-index probe), in key order.
    const rows = customers.map((customerGid) => {
      const m = moves.get(customerGid)!;
      const lastActivityAt = m.activity ? now : null;
      return {
        id: newRowId(),
        shop,
        customerGid,
        balance: m.available,
        pending: m.pending,
        lifetimeEarned: m.earned,
        version: 1,
        lastActivityAt,
        createdAt: now,
        updatedAt: now,
      };
    });
    const columns = Object.keys(rows[0]!);
    const list = SQL.raw(columns.map((c) => `"${c}"`).join(", "));
    await tx.$executeRaw`
      INSERT INTO "LoyaltyAccount" (${list}) SELECT ${list} FROM ${jsonRows(columns, rows, { table: "LoyaltyAccount" }, "r")} WHERE true
      ON CONFLICT ("shop", "customerGid") DO UPDATE SET
        "balance" = "LoyaltyAccount"."balance" + excluded."balance",
        "pending" = "LoyaltyAccount"."pending" + excluded."pending",
        "lifetimeEarned" = "LoyaltyAccount"."lifetimeEarned" + excluded."lifetimeEarned",
        "version" = "LoyaltyAccount"."version" + 1,
        "lastActivityAt" = COALESCE(excluded."lastActivityAt", "LoyaltyAccount"."lastActivityAt"),
        "updatedAt" = excluded."updatedAt"`;
    return;
  }
  await tx.$executeRaw`
    INSERT INTO "LoyaltyAccount" ("id", "shop", "customerGid", "updatedAt")
    VALUES ${SQL.join(customers.map((c) => SQL.sql`(${newRowId()}, ${shop}, ${c}, ${now})`))}
    ON CONFLICT ("shop", "customerGid") DO NOTHING`;
  for (const customerGid of customers) {
    const m = moves.get(customerGid)!;
    const changed = await tx.$executeRaw`
      UPDATE "LoyaltyAccount" SET
        "balance" = "balance" + ${m.available},
        "pending" = "pending" + ${m.pending},
        "lifetimeEarned" = "lifetimeEarned" + ${m.earned},
        "version" = "version" + 1,
        ${m.activity ? SQL.sql`"lastActivityAt" = ${now},` : SQL.empty}
        "updatedAt" = ${now}
      WHERE "shop" = ${shop} AND "customerGid" = ${customerGid}
        ${m.guard ? SQL.sql`AND "balance" + ${m.available} >= 0` : SQL.empty}`;
    if (changed === 0) throw new InsufficientPointsError(customerGid, -m.available);
  }
}
