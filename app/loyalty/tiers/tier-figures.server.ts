import { SQL } from "../../db.server";
import { windowStart, type TierCriteria } from "./tier-criteria";

type Fragment = ReturnType<typeof SQL.sql>;

/**
 * What counts towards a tier, one row per fact `("customerGid", "value")`, over the whole shop (or one
 * customer):
 * - spend: each order in the window (not cancelled, not test): its merchandise less the money refunded
 *   on it, never below 0 — minor units;
 * - points: each posting in the window that earned points (earnings, bonuses) or took earned points back
 *   (refund clawbacks, cancellations). Points brought over from another app count only over a lifetime
 *   window: they were earned before the import, whose date they carry.
 */
export function tierFactsSql(
  shop: string,
  criteria: Pick<TierCriteria, "metric" | "window">,
  now: Date,
  customerGid?: string | Fragment,
): Fragment {
  const start = windowStart(criteria.window, now);
  if (criteria.metric === "points") {
    return SQL.sql`
      SELECT l."customerGid" AS "customerGid", CAST(l."points" AS BIGINT) AS "value"
      FROM "LedgerEntry" l
      WHERE l."shop" = ${shop} AND l."createdAt" >= ${start}
        ${customerGid ? SQL.sql`AND l."customerGid" = ${customerGid}` : SQL.empty}
        AND (l."reason" LIKE 'earn%' OR l."reason" IN ('clawback:refund', 'reverse:cancel'))
        ${criteria.window === "lifetime" ? SQL.empty : SQL.sql`AND l."reason" <> 'earn:import'`}`;
  }
  return SQL.sql`
    SELECT o."customerGid" AS "customerGid",
      CASE WHEN o."refundedMinor" >= o."subtotalMinor" THEN 0 ELSE o."subtotalMinor" - o."refundedMinor" END AS "value"
    FROM "Order" o
    WHERE o."shop" = ${shop} AND o."customerGid" IS NOT NULL
      ${customerGid ? SQL.sql`AND o."customerGid" = ${customerGid}` : SQL.empty}
      AND o."cancelledAt" IS NULL AND NOT o."test" AND o."processedAt" >= ${start}`;
}

/**
 * The qualifying figure per customer as a SQL sub-select `("customerGid", "value")` (tierFactsSql summed).
 * @example prisma.$queryRaw`SELECT * FROM (${tierFiguresSql(shop, criteria, new Date(), customerGid)}) f`
 */
export function tierFiguresSql(shop: string, criteria: Pick<TierCriteria, "metric" | "window">, now: Date, customerGid?: string): Fragment {
  return SQL.sql`
    SELECT f."customerGid", CAST(SUM(f."value") AS BIGINT) AS "value"
    FROM (${tierFactsSql(shop, criteria, now, customerGid)}) f
    GROUP BY f."customerGid"`;
}

/** A SQL number as a bigint (SQLite answers number or bigint, PostgreSQL a bigint or a string). */
export function toBigInt(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  return BigInt(typeof value === "number" ? Math.trunc(value) : String(value));
}
