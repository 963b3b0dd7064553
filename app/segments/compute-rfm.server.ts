import { dbKind, SQL, type Db, type Tx } from "../db.server";
import { cutoffsOfSorted, sortedValues } from "./rfm-cutoffs";
import { saveRfmCutoffs } from "./rfm-cutoffs-store.server";
import { BUYING, scoreCustomers, type RfmCutoffValues } from "./score-rfm.server";

/** Customers scored per statement: each commits on its own, so order processing waits a fraction of a second at most. */
const CHUNK = 25_000;

// Every buyer's value of one measure as one comma-separated string: one scan, one row across the driver.
const listOf = (expression: string) =>
  SQL.raw(dbKind === "postgres" ? `string_agg(CAST(${expression} AS TEXT), ',')` : `group_concat(${expression})`);
// The last order as epoch milliseconds (exact: both databases keep milliseconds); never null for a buyer.
const LAST_ORDER_MS =
  dbKind === "postgres"
    ? `COALESCE(CAST(ROUND(EXTRACT(EPOCH FROM "lastOrderAt") * 1000) AS BIGINT), 0)`
    : `COALESCE(CAST(ROUND(unixepoch("lastOrderAt", 'subsec') * 1000) AS INTEGER), 0)`;

/**
 * The cut-offs of the three measures among the shop's buyers: their values leave the database in one
 * scan, and are sorted here on typed arrays (tens of milliseconds for 250,000 buyers; three window
 * sorts in SQLite took seconds).
 */
async function measureCutoffs(db: Db, shop: string): Promise<{ buyers: number; cutoffs: RfmCutoffValues }> {
  const [row] = await db.$queryRaw<{ r: string | null; f: string | null; m: string | null }[]>`
    SELECT ${listOf(LAST_ORDER_MS)} AS "r", ${listOf(`"ordersCount"`)} AS "f", ${listOf(`"netSpentMinor"`)} AS "m"
    FROM "Customer" WHERE "shop" = ${shop} AND ${BUYING}`;
  const sorted = [row?.r ?? null, row?.f ?? null, row?.m ?? null].map(sortedValues);
  const buyers = sorted[1]!.length;
  const [r, f, m] = sorted.map(cutoffsOfSorted);
  if (!r || !f || !m) return { buyers, cutoffs: null };
  return { buyers, cutoffs: { recency: r.map((ms) => new Date(ms)), frequency: f, monetary: m.map((v) => BigInt(v)) } };
}

/**
 * Runs one chunk's statements in their own transaction; on SQLite its connection gets a 64 MB page cache
 * first (with the default 2 MB, CustomerRfm's index pages are read again for every few rows written).
 */
function inChunkTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      if (dbKind === "sqlite") await tx.$queryRawUnsafe(`PRAGMA cache_size = -65536`);
      return work(tx);
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}

/** Scores every customer of the shop, CHUNK at a time by customerGid, each chunk committed on its own. */
async function scoreInChunks(db: Db, shop: string, cutoffs: RfmCutoffValues, progress?: Progress): Promise<number> {
  const [count] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM "Customer" WHERE "shop" = ${shop}`;
  const total = Number(count?.n ?? 0);
  let changed = 0;
  let after = "";
  for (let done = 0; ;) {
    const [edge] = await db.$queryRaw<{ customerGid: string }[]>`
      SELECT "customerGid" FROM "Customer" WHERE "shop" = ${shop} AND "customerGid" > ${after}
      ORDER BY "customerGid" LIMIT 1 OFFSET ${CHUNK - 1}`;
    const upTo = edge ? SQL.sql` AND "customerGid" <= ${edge.customerGid}` : SQL.empty;
    changed += await inChunkTransaction(db, (tx) => scoreCustomers(tx, shop, cutoffs, SQL.sql`"customerGid" > ${after}${upTo}`));
    done = Math.min(total, done + CHUNK);
    await progress?.(done, total);
    if (!edge) return changed;
    after = edge.customerGid;
  }
}

type Progress = (done: number, total: number) => Promise<unknown>;

/**
 * Recomputes every customer's RFM quintile scores and named segment for a shop: the buyers' three
 * measures are read once to find the twelve cut-offs, then set-based UPDATEs score the customers
 * against them into CustomerRfm — CHUNK customers (by customerGid) a transaction — and the cut-offs
 * are stored for the incremental scoring that follows (refresh-rfm.server.ts). Rows whose
 * scores did not change are not written. Customers without orders, deleted or redacted lose their scores.
 * @returns how many customers' scores changed
 * @example await computeRfm(prisma, shop, { progress: (done, total) => ctx.progress({ done, total }) })
 */
export async function computeRfm(db: Db, shop: string, options: { progress?: Progress } = {}): Promise<number> {
  const computedAt = new Date();
  const { buyers, cutoffs } = await measureCutoffs(db, shop);
  const changed = await scoreInChunks(db, shop, cutoffs, options.progress);
  // Last: a run cut short leaves the previous cut-offs (or none) in place, and the next run starts over.
  await saveRfmCutoffs(db, shop, { buyers, cutoffs, computedAt });
  return changed;
}
