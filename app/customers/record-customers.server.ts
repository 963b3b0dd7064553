import { randomUUID } from "node:crypto";
import type { Tx } from "../db.server";
import { isNewerVersion } from "../orders/order-version";
import type { CustomerCommand, CustomerDeleteCommand } from "./customer-command";

/**
 * Brings customer profiles up to date inside the caller's transaction (a webhook batch, a backfill
 * batch). A version never overwrites a newer one; a deleted customer is not revived by a late update;
 * a redacted customer's personal data is never written again. Aggregates are not touched here: they
 * follow the orders (see customer-aggregates.server.ts).
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
  const existing = await tx.customer.findMany({
    where: { shop, customerGid: { in: [...latest.keys()] } },
    select: { id: true, customerGid: true, sourceUpdatedAt: true, deletedAt: true, redactedAt: true },
  });
  const byGid = new Map(existing.map((row) => [row.customerGid, row]));
  const created = [...latest.values()].filter((c) => !byGid.has(c.customerGid));
  if (created.length) await tx.customer.createMany({ data: created.map((c) => ({ id: randomUUID(), shop, ...fields(c) })) });
  for (const c of latest.values()) {
    const row = byGid.get(c.customerGid);
    if (!row || !isNewerVersion(c.updatedAt, row.sourceUpdatedAt, true)) continue;
    if (row.deletedAt && c.updatedAt !== null && c.updatedAt <= row.deletedAt) continue;
    const { email, firstName, lastName, phone, ...rest } = fields(c);
    await tx.customer.update({ where: { id: row.id }, data: row.redactedAt ? rest : { email, firstName, lastName, phone, ...rest } });
  }
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
    if (!row) await tx.customer.create({ data: { id: randomUUID(), shop, customerGid, ...gone } });
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
