import { SQL, type Tx } from "../db.server";
import { RFM_GRID } from "./rfm-segments";

type Sql = ReturnType<typeof SQL.sql>;

/**
 * The cut-offs of the three measures, each the four values a buyer's must exceed to score 2, 3, 4 and
 * 5 (app/segments/rfm-cutoffs.ts); null when the shop has fewer than two buyers (everyone scores 1).
 */
export type RfmCutoffValues = { recency: Date[]; frequency: number[]; monetary: bigint[] } | null;

/** Customers who are ranked: bought at least once, neither deleted nor redacted (on `"Customer"`, shop aside). */
export const BUYING = SQL.raw(`"ordersCount" > 0 AND "deletedAt" IS NULL AND "redactedAt" IS NULL`);

/** A score 1…5 as one expression over the row: one more for each cut-off the column's value exceeds. */
function scoreSql(column: string, cutoffs: readonly (Date | number | bigint)[] | undefined): Sql {
  if (!cutoffs) return SQL.sql`1`;
  const steps = cutoffs.map((value) => SQL.sql`(CASE WHEN ${SQL.raw(`"${column}"`)} > ${value} THEN 1 ELSE 0 END)`);
  return SQL.sql`(1 + ${SQL.join(steps, " + ")})`;
}

// The grid of rfm-segments.ts as one CASE over r * 10 + fm, where fm = ⌈(f + m) / 2⌉ = (f + m + 1) / 2.
const segmentSql = (r: Sql, f: Sql, m: Sql) =>
  SQL.sql`CASE ${r} * 10 + (${f} + ${m} + 1) / 2 ${SQL.raw(
    RFM_GRID.flatMap((row, r) => row.map((name, fm) => `WHEN ${(r + 1) * 10 + fm + 1} THEN '${name.replace(/'/g, "''")}'`)).join(" "),
  )} END`;

/** Customers who hold a CustomerRfm row: buyers with a last order (never null for a buyer; checked all the same). */
const RANKED = SQL.sql`${BUYING} AND "lastOrderAt" IS NOT NULL`;

/**
 * Scores the shop's customers that `rows` (a condition on "Customer") selects against the cut-offs,
 * set-based: one INSERT … SELECT … ON CONFLICT DO UPDATE writes each ranked customer's R, F, M, named
 * segment and the measures they came from into CustomerRfm (a few comparisons with constants per row,
 * no join, no per-row work outside the database), writing only rows whose values changed; one DELETE
 * removes the rows of the selected customers who are no longer ranked (no orders, deleted, redacted).
 * @returns how many customers' rows were written or removed
 * @example await scoreCustomers(tx, shop, cutoffs, SQL.sql`"updatedAt" >= ${since}`)
 */
export async function scoreCustomers(db: Tx, shop: string, cutoffs: RfmCutoffValues, rows: Sql): Promise<number> {
  const r = scoreSql("lastOrderAt", cutoffs?.recency);
  const f = scoreSql("ordersCount", cutoffs?.frequency);
  const m = scoreSql("netSpentMinor", cutoffs?.monetary);
  const changed = (column: string) => SQL.raw(`"CustomerRfm"."${column}" <> excluded."${column}"`);
  const written = await db.$executeRaw`
    INSERT INTO "CustomerRfm" ("shop", "customerGid", "recency", "frequency", "monetary", "segment", "lastOrderAt", "ordersCount", "netSpentMinor")
    SELECT "shop", "customerGid", ${r}, ${f}, ${m}, ${segmentSql(r, f, m)}, "lastOrderAt", "ordersCount", "netSpentMinor"
    FROM "Customer" WHERE "shop" = ${shop} AND ${RANKED} AND ${rows}
    ON CONFLICT ("shop", "customerGid") DO UPDATE SET "recency" = excluded."recency", "frequency" = excluded."frequency",
      "monetary" = excluded."monetary", "segment" = excluded."segment", "lastOrderAt" = excluded."lastOrderAt",
      "ordersCount" = excluded."ordersCount", "netSpentMinor" = excluded."netSpentMinor"
    WHERE ${SQL.join(["recency", "frequency", "monetary", "segment", "lastOrderAt", "ordersCount", "netSpentMinor"].map(changed), " OR ")}`;
  const removed = await db.$executeRaw`
    DELETE FROM "CustomerRfm" WHERE "shop" = ${shop} AND "customerGid" IN (
      SELECT "customerGid" FROM "Customer" WHERE "shop" = ${shop} AND ${rows} AND NOT (${RANKED}))`;
  return written + removed;
}
