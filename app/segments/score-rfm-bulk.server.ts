import { SQL, type Db } from "../db.server";
import { BUYING, scoreCustomers, type RfmCutoffValues } from "./score-rfm.server";

/** The share of the Customer table that must be unscored buyers of the shop for a bulk rescore. */
const BULK_SHARE = 0.2;

/**
 * Whether most of the Customer table (every shop's rows: they share its indexes) is this shop's buyers
 * without a score yet — the first recomputation after a backfill, which rewrites nearly every row.
 * @example if (await mostlyUnscored(prisma, shop)) await scoreAllRebuildingIndexes(prisma, shop, cutoffs)
 */
export async function mostlyUnscored(db: Db, shop: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ unscored: number | bigint; rows: number | bigint }[]>`
    SELECT (SELECT COUNT(*) FROM "Customer" WHERE "shop" = ${shop} AND "rfmSegment" IS NULL AND ${BUYING}) AS "unscored",
      (SELECT COUNT(*) FROM "Customer") AS "rows"`;
  return Number(row?.unscored ?? 0) > Number(row?.rows ?? 0) * BULK_SHARE;
}

/**
 * SQLite only: scores every customer of the shop in one transaction with the Customer indexes on RFM
 * columns dropped first and created again after (from their own definitions in sqlite_master), as a
 * bulk load is done. Why: moving a row in the segment index costs more than rewriting the row itself —
 * 250,000 rows moved one by one took 1.8 s, the index built once after them 0.45 s. DDL is
 * transactional in SQLite: readers keep the old snapshot with its index; writers wait for the commit
 * (about a second at 250,000 customers), as they waited for the single UPDATE this replaces.
 * @returns how many customers' scores changed
 */
export async function scoreAllRebuildingIndexes(db: Db, shop: string, cutoffs: RfmCutoffValues): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`PRAGMA cache_size = -65536`);
      const indexes = await tx.$queryRaw<{ name: string; sql: string }[]>`
        SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'Customer' AND "sql" LIKE '%"rfm%'`;
      for (const index of indexes) await tx.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
      const changed = await scoreCustomers(tx, shop, cutoffs, SQL.sql`1 = 1`);
      for (const index of indexes) await tx.$executeRawUnsafe(index.sql);
      return changed;
    },
    { maxWait: 60_000, timeout: 600_000 },
  );
}
