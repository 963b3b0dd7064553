import { SQL, type Tx } from "../db.server";
import { RFM_GRID } from "./rfm-segments";

const score = (rank: string) =>
  SQL.raw(`CASE WHEN ${rank} < 0.2 THEN 1 WHEN ${rank} < 0.4 THEN 2 WHEN ${rank} < 0.6 THEN 3 WHEN ${rank} < 0.8 THEN 4 ELSE 5 END`);

// The grid of rfm-segments.ts as one CASE over r * 10 + fm, where fm = ⌈(f + m) / 2⌉ = (f + m + 1) / 2.
const segmentCase = SQL.raw(
  `CASE s."r" * 10 + (s."f" + s."m" + 1) / 2 ${RFM_GRID.flatMap((row, r) =>
    row.map((name, fm) => `WHEN ${(r + 1) * 10 + fm + 1} THEN '${name.replace(/'/g, "''")}'`),
  ).join(" ")} END`,
);

/**
 * Recomputes every buying customer's RFM quintile scores and named segment for a shop in two set-based
 * statements (window functions over the customers' stored aggregates; no row leaves the database), and
 * clears them for customers without orders. Rows whose scores did not change are not written.
 * @returns how many customers' scores changed
 * @example await computeRfm(prisma, shop)
 */
export async function computeRfm(db: Tx, shop: string): Promise<number> {
  const changed = await db.$executeRaw`
    UPDATE "Customer" SET "rfmRecency" = s."r", "rfmFrequency" = s."f", "rfmMonetary" = s."m", "rfmSegment" = ${segmentCase}
    FROM (
      SELECT "id", ${score(`PERCENT_RANK() OVER (ORDER BY "lastOrderAt")`)} AS "r",
        ${score(`PERCENT_RANK() OVER (ORDER BY "ordersCount")`)} AS "f",
        ${score(`PERCENT_RANK() OVER (ORDER BY "netSpentMinor")`)} AS "m"
      FROM "Customer" WHERE "shop" = ${shop} AND "ordersCount" > 0 AND "deletedAt" IS NULL AND "redactedAt" IS NULL
    ) s
    WHERE "Customer"."id" = s."id" AND ("Customer"."rfmRecency" IS DISTINCT FROM s."r" OR "Customer"."rfmFrequency" IS DISTINCT FROM s."f"
      OR "Customer"."rfmMonetary" IS DISTINCT FROM s."m")`;
  const cleared = await db.$executeRaw`
    UPDATE "Customer" SET "rfmRecency" = NULL, "rfmFrequency" = NULL, "rfmMonetary" = NULL, "rfmSegment" = NULL
    WHERE "shop" = ${shop} AND "rfmSegment" IS NOT NULL AND ("ordersCount" = 0 OR "deletedAt" IS NOT NULL OR "redactedAt" IS NOT NULL)`;
  return changed + cleared;
}
