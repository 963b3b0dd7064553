import { dbKind, type Db } from "../db.server";

/**
 * Refreshes the query planner's statistics on the Customer and CustomerRfm tables, after a recomputation that moved
 * many customers between segments. Why: without them SQLite picks the customer list's index by the
 * first usable column (a segment filter plus "at least 2 orders", then a sort of every match: 1.4 s at
 * 250,000 customers) instead of the index that returns the page already in order (tens of ms).
 * SQLite samples at most 1,000 rows per index (a fraction of a second); PostgreSQL samples as autovacuum would.
 * @example await refreshCustomerStatistics(prisma)
 */
export async function refreshCustomerStatistics(db: Db): Promise<void> {
  if (dbKind === "postgres") {
    await db.$executeRawUnsafe(`ANALYZE "Customer", "CustomerRfm"`);
    return;
  }
  // One transaction: the limit is a setting of the connection that runs ANALYZE.
  await db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`PRAGMA analysis_limit = 1000`);
    await tx.$executeRawUnsafe(`ANALYZE "Customer"`);
    await tx.$executeRawUnsafe(`ANALYZE "CustomerRfm"`);
  });
}
