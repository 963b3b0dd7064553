import type { BenchDatabase } from "./bench-database";

const DAY_S = 86_400;
/** The last order is placed before this instant (2026-01-01); orders spread over the two years before. */
const END_S = Date.UTC(2026, 0, 1) / 1000;
const CHUNK = 250_000;

// Odd 32-bit multipliers (from well-known hash functions): one independent-looking stream each.
const MULTIPLIERS = [
  2654435761, 2246822519, 3266489917, 668265263, 374761393, 2869860233, 3432918353, 461845907, 1103515245, 2891336453, 1597334677,
];

/** A deterministic 16-bit pseudo-random integer (0…65535) from row number `n`: the high half of n × an odd constant mod 2³². */
const u16 = (n: string, stream: number) => `(((${n}) * ${MULTIPLIERS[stream]} + ${stream * 97_531 + 12_345}) % 4294967296) / 65536`;

/** `n` from `lo` to `hi` as a one-column table, in either dialect. */
const sequence = (kind: BenchDatabase["kind"], lo: number, hi: number) =>
  kind === "postgres"
    ? `seq(n) AS (SELECT generate_series(CAST(${lo} AS BIGINT), CAST(${hi} AS BIGINT)))`
    : `RECURSIVE seq(n) AS (SELECT ${lo} UNION ALL SELECT n + 1 FROM seq WHERE n < ${hi})`;

/** A unix time in seconds as the column type stores it (Prisma's SQLite text format; PostgreSQL timestamp(3) in UTC). */
const timestamp = (kind: BenchDatabase["kind"], seconds: string) =>
  kind === "postgres"
    ? `(to_timestamp(${seconds}) AT TIME ZONE 'UTC')`
    : `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${seconds}, 'unixepoch')`;

/**
 * Runs a bulk load with a table's secondary indexes dropped and rebuilt after it (one sort each instead
 * of a B-tree insert per row and index), as a database bulk load is done.
 */
async function withoutIndexes(bench: BenchDatabase, table: string, load: () => Promise<void>): Promise<void> {
  const indexes =
    bench.kind === "postgres"
      ? await bench.db.$queryRawUnsafe<{ name: string; sql: string }[]>(
          `SELECT indexname::text AS name, indexdef::text AS sql FROM pg_indexes WHERE tablename = $1 AND indexname NOT LIKE '%_pkey'`,
          table,
        )
      : await bench.db.$queryRawUnsafe<{ name: string; sql: string }[]>(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
          table,
        );
  for (const index of indexes) await bench.db.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  await load();
  for (const index of indexes) await bench.db.$executeRawUnsafe(index.sql);
}

/**
 * A shop of `customers` customers and exactly `orders` orders written by the database itself (INSERT …
 * SELECT over a generated sequence, 250,000 rows a statement; no row crosses the driver; indexes built
 * after the load), then each
 * customer's aggregates from their orders (one GROUP BY), so the two always agree.
 * Every customer buys once; the other orders go to customers on a skewed curve (the product of two
 * uniform draws): most buy once or twice, a few hundreds of times, as in the Online Retail data.
 * Amounts are 5.00–45.00 GBP skewed low, 10% POS; 5% of customers had a quarter of their spend refunded.
 * A customer was last updated by their last order (as the recording path stamps it).
 * @example await generateProfilesShop(bench, "x.myshopify.com", 250_000, 2_000_000, console.log)
 */
export async function generateProfilesShop(
  bench: BenchDatabase,
  shop: string,
  customers: number,
  orders: number,
  progress: (line: string) => void,
): Promise<void> {
  const { db, kind } = bench;
  // Seeding only (this connection, not the app's): SQLite sorts and builds indexes in memory.
  if (kind === "sqlite") for (const pragma of ["cache_size = -262144", "temp_store = MEMORY"]) await db.$queryRawUnsafe(`PRAGMA ${pragma}`);
  await db.shop.create({ data: { shop, currencyCode: "GBP" } });
  const now = timestamp(kind, String(Math.floor(Date.now() / 1000)));
  // The product of two uniform draws (density −ln x): low customer numbers buy far more often.
  const customerOf = `CASE WHEN n <= ${customers} THEN n ELSE 1 + (${u16("n", 1)} * ${u16("n", 2)} * ${customers}) / 4294967296 END`;
  await withoutIndexes(bench, "Order", async () => {
    for (let lo = 1; lo <= orders; lo += CHUNK) {
      const hi = Math.min(orders, lo + CHUNK - 1);
      await db.$executeRawUnsafe(`
      WITH ${sequence(kind, lo, hi)}
      INSERT INTO "Order" ("id","shop","orderGid","name","customerGid","processedAt","currencyCode","subtotalMinor","totalMinor","channel","sourceUpdatedAt","ingestedVia","createdAt","updatedAt")
      SELECT 'o' || n, '${shop}', 'gid://shopify/Order/' || n, '#' || n, 'gid://shopify/Customer/' || c, ${timestamp(kind, "t")}, 'GBP', a, a,
        CASE WHEN ${u16("n", 5)} % 10 = 0 THEN 'pos' ELSE 'online' END, ${timestamp(kind, "t")}, 'backfill', ${now}, ${now}
      FROM (SELECT n, ${customerOf} AS c, ${END_S} - (${u16("n", 6)} * 65536 + ${u16("n", 7)}) % ${730 * DAY_S} AS t,
        500 + (${u16("n", 8)} * ${u16("n", 9)}) / 107374 AS a FROM seq) g`);
      progress(`generated ${hi}/${orders} orders`);
    }
    // Before the order indexes are rebuilt: the GROUP BY reads the orders in one sequential scan.
    const k = `CAST(SUBSTR(s."customerGid", 24) AS BIGINT)`;
    await withoutIndexes(bench, "Customer", () =>
      db
        .$executeRawUnsafe(
          `
      INSERT INTO "Customer" ("id","shop","customerGid","email","firstName","lastName","tags","countryCode","emailMarketing","ordersCount","spentMinor","refundedMinor","netSpentMinor","firstOrderAt","lastOrderAt","createdAt","updatedAt")
      SELECT 'c' || ${k}, '${shop}', s."customerGid", 'customer' || ${k} || '@example.com', 'First' || (${k} % 997), 'Last' || (${k} % 1009),
        CASE WHEN ${k} % 20 = 0 THEN 'vip' ELSE '' END,
        CASE ${k} % 10 WHEN 4 THEN 'FR' WHEN 5 THEN 'DE' WHEN 6 THEN 'NL' WHEN 7 THEN 'IE' WHEN 8 THEN 'ES' WHEN 9 THEN 'US' ELSE 'GB' END,
        'SUBSCRIBED', s."count", s."spent", s."refunded", s."spent" - s."refunded", s."first", s."last", ${now}, s."last"
      FROM (
        SELECT "customerGid", COUNT(*) AS "count", CAST(SUM("totalMinor") AS BIGINT) AS "spent",
          CASE WHEN ${u16(`CAST(SUBSTR("customerGid", 24) AS BIGINT)`, 10)} % 20 = 0 THEN CAST(SUM("totalMinor") AS BIGINT) / 4 ELSE 0 END AS "refunded",
          MIN("processedAt") AS "first", MAX("processedAt") AS "last"
        FROM "Order" WHERE "shop" = '${shop}' GROUP BY "customerGid"
      ) s`,
        )
        .then(() => undefined),
    );
    progress(`generated ${customers} customers from their orders; building indexes`);
  });
}
