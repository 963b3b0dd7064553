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

/**
 * Scores the shop's customers that `rows` selects against the cut-offs, in one set-based UPDATE: each
 * row's R, F, M and named segment are a few comparisons with constants (no join, no per-row work
 * outside the database); customers who are not ranked (no orders, deleted, redacted) lose their scores.
 * Rows whose scores and segment would not change are not written.
 * @returns how many customers' scores changed
 * @example await scoreCustomers(tx, shop, cutoffs, SQL.sql`"updatedAt" >= ${since}`)
 */
export async function scoreCustomers(db: Tx, shop: string, cutoffs: RfmCutoffValues, rows: Sql): Promise<number> {
  const r = scoreSql("lastOrderAt", cutoffs?.recency);
  const f = scoreSql("ordersCount", cutoffs?.frequency);
  const m = scoreSql("netSpentMinor", cutoffs?.monetary);
  const ranked = (value: Sql) => SQL.sql`(CASE WHEN ${BUYING} THEN ${value} END)`;
  const [rr, rf, rm, rs] = [ranked(r), ranked(f), ranked(m), ranked(segmentSql(r, f, m))];
  return db.$executeRaw`
    UPDATE "Customer" SET "rfmRecency" = ${rr}, "rfmFrequency" = ${rf}, "rfmMonetary" = ${rm}, "rfmSegment" = ${rs}
    WHERE "shop" = ${shop} AND ${rows} AND ("rfmRecency" IS DISTINCT FROM ${rr} OR "rfmFrequency" IS DISTINCT FROM ${rf}
      OR "rfmMonetary" IS DISTINCT FROM ${rm} OR "rfmSegment" IS DISTINCT FROM ${rs})`;
}
