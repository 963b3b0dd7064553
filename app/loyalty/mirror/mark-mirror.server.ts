import { SQL, type Tx } from "../../db.server";

/**
 * Marks customers whose loyalty metafields must be recomputed and written to Shopify, inside the
 * transaction that changed their account (so a change and its mark commit or roll back together).
 * A customer marked again keeps one row with the newer time. The loyalty-mirror job drains the marks.
 * Why no Job row here: every posting transaction of a shop would meet on one job key, and on
 * PostgreSQL a transaction posting twice could deadlock on it (docs/decisions/011).
 * @example await markLoyaltyMirror(tx, shop, ["gid://shopify/Customer/17850"])
 */
export async function markLoyaltyMirror(tx: Tx, shop: string, customerGids: readonly string[], now = new Date()): Promise<void> {
  // Sorted like the account updates, so two transactions lock the same rows in the same order.
  const customers = [...new Set(customerGids)].sort();
  if (customers.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "LoyaltyMirrorMark" ("shop", "customerGid", "markedAt")
    VALUES ${SQL.join(customers.map((c) => SQL.sql`(${shop}, ${c}, ${now})`))}
    ON CONFLICT ("shop", "customerGid") DO UPDATE SET "markedAt" = excluded."markedAt"`;
}
