import type { Tx } from "../db.server";
import { anonymizeLoyalty } from "./anonymize-loyalty.server";
import { customerRows, delegateOf, MODELS, payloadsNaming } from "./customer-rows.server";

/** What is left of a redacted customer: a tombstone with no personal data and no history. */
const TOMBSTONE = {
  email: null,
  firstName: null,
  lastName: null,
  phone: null,
  tags: "",
  state: null,
  emailMarketing: null,
  smsMarketing: null,
  countryCode: null,
  shopifyCreatedAt: null,
  ordersCount: 0,
  spentMinor: 0n,
  refundedMinor: 0n,
  netSpentMinor: 0n,
  firstOrderAt: null,
  lastOrderAt: null,
};

/** Tables whose rows of the customer stay, made anonymous, rather than deleted. */
const KEPT_ANONYMOUS = ["Customer", "Order", "LoyaltyAccount", "LedgerEntry", "Redemption"];

/**
 * customers/redact: removes the customer's personal data and identifiable history from every table.
 * Their points account, postings and redemptions move to a random anonymous holder, so the shop's
 * ledger totals stay exact (docs/decisions/008). Other rows keyed by their GID anywhere (found through
 * the datamodel, so a new table is covered) are deleted — storefront events, visitor links, segment
 * memberships, exports — as are the events of
 * visitors stitched to them, their app-owned metafields and the stored webhook payloads naming them
 * (this one included). Their orders stay as anonymous amounts (no customer), so the shop's revenue
 * figures do not change. The profile becomes a tombstone (GID only, marked redacted) so that no later
 * delivery writes their personal data again.
 * @example await redactCustomer(tx, shop, "gid://shopify/Customer/1", new Date(), { webhookId, email })
 */
export async function redactCustomer(
  tx: Tx,
  shop: string,
  customerGid: string,
  at: Date,
  delivery: { webhookId?: string; email?: string | null } = {},
): Promise<void> {
  const held = await customerRows(tx, shop, customerGid);
  const visitors = (held.VisitorLink ?? []).map((v) => v.visitorId as string);
  if (visitors.length) await tx.interaction.deleteMany({ where: { shop, visitorId: { in: visitors } } });
  if (visitors.length) await tx.recommendationEvent.deleteMany({ where: { shop, visitorId: { in: visitors } } });
  await tx.order.updateMany({ where: { shop, customerGid }, data: { customerGid: null } });
  await anonymizeLoyalty(tx, shop, customerGid);
  for (const model of MODELS) {
    if (KEPT_ANONYMOUS.includes(model.name) || !model.fields.has("customerGid") || !model.fields.has("shop")) continue;
    await delegateOf(tx, model.name).deleteMany({ where: { shop, customerGid } });
  }
  await tx.metafieldValue.deleteMany({ where: { shop, ownerGid: customerGid } });
  // Loyalty import rows refused before they matched this customer hold only their email.
  const emails = [delivery.email, held.Customer?.[0]?.email].filter((e): e is string => typeof e === "string" && e.length > 0);
  if (emails.length)
    await tx.loyaltyImportRow.deleteMany({
      where: { shop, email: { in: [...new Set(emails.flatMap((e) => [e, e.toLowerCase()]))] } },
    });
  const payloads = payloadsNaming(customerGid, delivery.email, held.Customer?.[0]?.email);
  const named = { shop, OR: [...payloads, ...(delivery.webhookId ? [{ delivery: { webhookId: delivery.webhookId } }] : [])] };
  // The deliveries first: once their bodies are redacted, the bodies no longer name the customer.
  await tx.webhookDelivery.updateMany({
    where: { shop, payload: { is: named } },
    data: { status: "done", reason: "redacted: customers/redact" },
  });
  await tx.webhookDeliveryBody.updateMany({ where: named, data: { body: JSON.stringify({ redacted: true }) } });
  const row = await tx.customer.findUnique({ where: { shop_customerGid: { shop, customerGid } }, select: { id: true } });
  if (row) await tx.customer.update({ where: { id: row.id }, data: { ...TOMBSTONE, redactedAt: at } });
  else await tx.customer.create({ data: { shop, customerGid, redactedAt: at } });
}

/** Everything Rapport holds for a shop, in dependency order (children first). */
export async function redactShop(tx: Tx, shop: string): Promise<void> {
  await tx.segmentMember.deleteMany({ where: { shop } });
  await tx.segment.deleteMany({ where: { shop } });
  await tx.customerDataExport.deleteMany({ where: { shop } });
  await tx.visitorLink.deleteMany({ where: { shop } });
  await tx.interaction.deleteMany({ where: { shop } });
  await tx.orderLine.deleteMany({ where: { shop } });
  await tx.order.deleteMany({ where: { shop } });
  await tx.refundLine.deleteMany({ where: { shop } });
  await tx.refund.deleteMany({ where: { shop } });
  await tx.ledgerEntry.deleteMany({ where: { shop } });
  await tx.loyaltyAccount.deleteMany({ where: { shop } });
  await tx.redemption.deleteMany({ where: { shop } });
  await tx.loyaltyReward.deleteMany({ where: { shop } });
  await tx.customerRfm.deleteMany({ where: { shop } });
  await tx.customer.deleteMany({ where: { shop } });
  await tx.productCollection.deleteMany({ where: { shop } });
  await tx.productVariant.deleteMany({ where: { shop } });
  await tx.product.deleteMany({ where: { shop } });
  await tx.backfillRun.deleteMany({ where: { shop } });
  await tx.metafieldValue.deleteMany({ where: { shop } });
  await tx.recommendationList.deleteMany({ where: { shop } });
  await tx.recommendationEvent.deleteMany({ where: { shop } });
  await tx.recommendationBuild.deleteMany({ where: { shop } });
  await tx.job.deleteMany({ where: { shop } });
  await tx.loyaltyProgram.deleteMany({ where: { shop } });
  await tx.session.deleteMany({ where: { shop } });
  await tx.shop.deleteMany({ where: { shop } });
  // The inbox too, this very delivery included: marking it done afterwards then updates nothing.
  await tx.webhookDelivery.deleteMany({ where: { shop } });
  // And any table not listed above (found through the datamodel, so a new table cannot be missed).
  for (const model of MODELS) if (model.fields.has("shop")) await delegateOf(tx, model.name).deleteMany({ where: { shop } });
}
