import { SQL, type Tx } from "../db.server";
import { executeInTransaction } from "../db-client.server";
import { jsonRows } from "../lib/insert-rows.server";
import { isNewerVersion } from "../orders/order-version";
import type { CustomerCommand, CustomerDeleteCommand } from "./customer-command";
import { newRowId } from "../lib/row-id";

/**
 * Brings customer profiles up to date inside the caller's transaction (a webhook batch, a backfill
 * batch). A version never overwrites a newer one; a deleted customer is not revived by a late update;
 * a redacted customer's personal data is never written again. Aggregates are not touched here: they
 * follow the orders (see customer-aggregates.server.ts).
 * Why raw SQL: one `INSERT … ON CONFLICT DO UPDATE … WHERE <newer>` per batch writes new profiles and
 * moves the stale ones, where Prisma would take a statement per customer; the version rules live in
 * its WHERE clause. Rows go in key order, so concurrent batches lock them in the same order.
 * @example await recordCustomers(tx, shop, [parseRestCustomer(payload)])
 */
export async function recordCustomers(tx: Tx, shop: string, commands: CustomerCommand[]): Promise<void> {
  const latest = new Map<string, CustomerCommand>();
  for (const command of commands) {
    const seen = latest.get(command.customerGid);
    if (!seen || isNewerVersion(command.updatedAt, seen.updatedAt, true) || (seen.updatedAt === null && command.updatedAt === null)) {
      latest.set(command.customerGid, command);
    }
  }
  if (latest.size === 0) return;
  const now = new Date();
  const rows = [...latest.values()]
    .sort((a, b) => (a.customerGid < b.customerGid ? -1 : 1))
    .map((c) => ({ id: newRowId(), shop, ...fields(c), createdAt: now, updatedAt: now }));
  const columns = Object.keys(rows[0]!);
  const list = SQL.raw(columns.map((c) => `"${c}"`).join(", "));
  const personal = ["email", "firstName", "lastName", "phone"].map(
    (c) => `"${c}" = CASE WHEN "Customer"."redactedAt" IS NULL THEN excluded."${c}" ELSE "Customer"."${c}" END`,
  );
  const rest = ["tags", "state", "emailMarketing", "smsMarketing", "countryCode", "shopifyCreatedAt", "sourceUpdatedAt", "updatedAt"].map(
    (c) => `"${c}" = excluded."${c}"`,
  );
  await executeInTransaction(
    tx,
    SQL.sql`
    INSERT INTO "Customer" (${list}) SELECT ${list} FROM ${jsonRows(columns, rows, { table: "Customer" }, "r")} WHERE true
    ON CONFLICT ("shop", "customerGid") DO UPDATE SET ${SQL.raw([...personal, ...rest].join(", "))}
    WHERE excluded."sourceUpdatedAt" IS NOT NULL
      AND ("Customer"."sourceUpdatedAt" IS NULL OR excluded."sourceUpdatedAt" > "Customer"."sourceUpdatedAt")
      AND ("Customer"."deletedAt" IS NULL OR excluded."sourceUpdatedAt" > "Customer"."deletedAt")`,
  );
}

/**
 * customers/delete: the shopper is gone from the shop. The profile keeps a tombstone (so a late update
 * cannot bring them back) and loses what identifies them; orders and points stay, anonymous. They are
 * no longer ranked: their RFM scores go (the customer list reads a segment's members from them).
 */
export async function recordCustomerDeletes(tx: Tx, shop: string, commands: CustomerDeleteCommand[]): Promise<void> {
  for (const { customerGid, at } of commands) {
    const row = await tx.customer.findUnique({ where: { shop_customerGid: { shop, customerGid } }, select: { id: true, deletedAt: true } });
    const gone = { deletedAt: at, email: null, firstName: null, lastName: null, phone: null };
    if (!row) await tx.customer.create({ data: { id: newRowId(), shop, customerGid, ...gone } });
    else if (!row.deletedAt || row.deletedAt < at) await tx.customer.update({ where: { id: row.id }, data: gone });
    await tx.customerRfm.deleteMany({ where: { shop, customerGid } });
  }
}

function fields(c: CustomerCommand) {
  return {
    customerGid: c.customerGid,
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    tags: c.tags,
    state: c.state,
    emailMarketing: c.emailMarketing,
    smsMarketing: c.smsMarketing,
    countryCode: c.countryCode,
    shopifyCreatedAt: c.createdAt,
    sourceUpdatedAt: c.updatedAt,
  };
}
