import { SQL, type Tx } from "../db.server";
import { rankCutoffs } from "./rfm-cutoffs";
import { RFM_GRID } from "./rfm-segments";

// The grid of rfm-segments.ts as one CASE over r * 10 + fm, where fm = ⌈(f + m) / 2⌉ = (f + m + 1) / 2.
const segmentCase = (r: Sql, f: Sql, m: Sql) =>
  SQL.sql`CASE ${r} * 10 + (${f} + ${m} + 1) / 2 ${SQL.raw(
    RFM_GRID.flatMap((row, r) => row.map((name, fm) => `WHEN ${(r + 1) * 10 + fm + 1} THEN '${name.replace(/'/g, "''")}'`)).join(" "),
  )} END`;

const buying = (shop: string) => SQL.sql`"shop" = ${shop} AND "ordersCount" > 0 AND "deletedAt" IS NULL AND "redactedAt" IS NULL`;

type Measure = "lastOrderAt" | "ordersCount" | "netSpentMinor";
type Value = Date | number | bigint;
const MEASURES = [
  ["r", "lastOrderAt"],
  ["f", "ordersCount"],
  ["m", "netSpentMinor"],
] as const satisfies readonly (readonly [string, Measure])[];
type Sql = ReturnType<typeof SQL.sql>;

/**
 * The cut-off values of each measure: for each c of rankCutoffs, the value at position c in the buyers'
 * order (the one with exactly c buyers below it, ties aside). One scan of the buyers with three row
 * numbers, of which only the (at most twelve) rows at a cut-off leave the database.
 */
async function cutoffValues(db: Tx, shop: string): Promise<Record<Measure, Value[]> | null> {
  const [count] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM "Customer" WHERE ${buying(shop)}`;
  const cutoffs = rankCutoffs(Number(count?.n ?? 0));
  if (!cutoffs) return null;
  const rows = await db.$queryRaw<{ a: Date; b: number; c: bigint; ra: number | bigint; rb: number | bigint; rc: number | bigint }[]>`
    SELECT * FROM (
      SELECT "lastOrderAt" AS "a", "ordersCount" AS "b", "netSpentMinor" AS "c",
        ROW_NUMBER() OVER (ORDER BY "lastOrderAt") AS "ra", ROW_NUMBER() OVER (ORDER BY "ordersCount") AS "rb",
        ROW_NUMBER() OVER (ORDER BY "netSpentMinor") AS "rc"
      FROM "Customer" WHERE ${buying(shop)}
    ) ranked WHERE "ra" IN (${SQL.join(cutoffs)}) OR "rb" IN (${SQL.join(cutoffs)}) OR "rc" IN (${SQL.join(cutoffs)})`;
  const at = (rank: "ra" | "rb" | "rc", value: "a" | "b" | "c") => cutoffs.map((c) => rows.find((r) => Number(r[rank]) === c)![value]);
  return { lastOrderAt: at("ra", "a"), ordersCount: at("rb", "b"), netSpentMinor: at("rc", "c") };
}

/** A quintile score 1…5 as PERCENT_RANK would give it: one more for each cut-off the customer's value is above. */
function scoreOf(column: Measure, values: Value[] | null) {
  if (!values) return SQL.sql`1`;
  const steps = values.map((v) => SQL.sql`(CASE WHEN ${SQL.raw(`"${column}"`)} > ${v} THEN 1 ELSE 0 END)`);
  return SQL.sql`(1 + ${SQL.join(steps, " + ")})`;
}

/**
 * Recomputes every buying customer's RFM quintile scores and named segment for a shop: the buyers'
 * three measures are read once to find the twelve quintile cut-offs, then one set-based UPDATE scores
 * every buyer against them (no window sorts, no per-row work outside the database), and the scores of
 * customers without orders are cleared. Rows whose scores did not change are not written.
 * @returns how many customers' scores changed
 * @example await computeRfm(prisma, shop)
 */
export async function computeRfm(db: Tx, shop: string): Promise<number> {
  const cut = await cutoffValues(db, shop);
  const [r, f, m] = MEASURES.map(([, column]) => scoreOf(column, cut?.[column] ?? null)) as [Sql, Sql, Sql];
  // One pass, no join: each row's scores are a few comparisons with constants.
  const changed = await db.$executeRaw`
    UPDATE "Customer" SET "rfmRecency" = ${r}, "rfmFrequency" = ${f}, "rfmMonetary" = ${m}, "rfmSegment" = ${segmentCase(r, f, m)}
    WHERE ${buying(shop)} AND ("rfmRecency" IS DISTINCT FROM ${r} OR "rfmFrequency" IS DISTINCT FROM ${f} OR "rfmMonetary" IS DISTINCT FROM ${m})`;
  const cleared = await db.$executeRaw`
    UPDATE "Customer" SET "rfmRecency" = NULL, "rfmFrequency" = NULL, "rfmMonetary" = NULL, "rfmSegment" = NULL
    WHERE "shop" = ${shop} AND "rfmSegment" IS NOT NULL AND ("ordersCount" = 0 OR "deletedAt" IS NOT NULL OR "redactedAt" IS NOT NULL)`;
  return changed + cleared;
}
