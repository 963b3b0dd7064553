import type { Tx } from "../db.server";

/**
 * Removes what identifies a customer: email, names and phone on the profile (marked redacted, so no
 * later delivery writes them again) and the link from their interactions to a visitor. Orders and
 * ledger postings stay as anonymous amounts (the ledger must keep balancing; docs/decisions/002).
 */
export async function redactCustomer(tx: Tx, shop: string, customerGid: string, at: Date): Promise<void> {
  const row = await tx.customer.findUnique({ where: { shop_customerGid: { shop, customerGid } }, select: { id: true } });
  const redacted = { email: null, firstName: null, lastName: null, phone: null, redactedAt: at };
  if (row) await tx.customer.update({ where: { id: row.id }, data: redacted });
  else await tx.customer.create({ data: { shop, customerGid, ...redacted } });
  await tx.interaction.updateMany({ where: { shop, customerGid }, data: { visitorId: null } });
}

/** Everything Rapport holds for a shop, in dependency order (children first). */
export async function redactShop(tx: Tx, shop: string): Promise<void> {
  await tx.interaction.deleteMany({ where: { shop } });
  await tx.orderLine.deleteMany({ where: { shop } });
  await tx.order.deleteMany({ where: { shop } });
  await tx.refundLine.deleteMany({ where: { shop } });
  await tx.refund.deleteMany({ where: { shop } });
  await tx.ledgerEntry.deleteMany({ where: { shop } });
  await tx.customer.deleteMany({ where: { shop } });
  await tx.productCollection.deleteMany({ where: { shop } });
  await tx.productVariant.deleteMany({ where: { shop } });
  await tx.product.deleteMany({ where: { shop } });
  await tx.backfillRun.deleteMany({ where: { shop } });
  await tx.metafieldValue.deleteMany({ where: { shop } });
  await tx.recommendationList.deleteMany({ where: { shop } });
  await tx.recommendationBuild.deleteMany({ where: { shop } });
  await tx.job.deleteMany({ where: { shop } });
  await tx.loyaltyProgram.deleteMany({ where: { shop } });
  await tx.session.deleteMany({ where: { shop } });
  await tx.shop.deleteMany({ where: { shop } });
  // The inbox too, this very delivery included: marking it done afterwards then updates nothing.
  await tx.webhookDelivery.deleteMany({ where: { shop } });
}
