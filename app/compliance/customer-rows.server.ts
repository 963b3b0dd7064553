import type { Tx } from "../db.server";
import { Prisma } from "../db-client.server";

type Row = Record<string, unknown>;
type Delegate = {
  findMany(args: { where: Row }): Promise<Row[]>;
  deleteMany(args: { where: Row }): Promise<{ count: number }>;
};

/** Every table of the schema (from Prisma's datamodel, so a table added later is never forgotten). */
export const MODELS = Prisma.dmmf.datamodel.models.map((m) => ({
  name: m.name,
  fields: new Set(m.fields.map((f) => f.name)),
}));

/** The Prisma delegate of a model by its name ("OrderLine" → tx.orderLine). */
export function delegateOf(tx: Tx, model: string): Delegate {
  return (tx as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;
}

/** The text that marks a stored payload as being about this customer: their GID, closed by its quote. */
export const gidNeedle = (customerGid: string) => `${customerGid}"`;

/** Stored webhook payloads (WebhookDeliveryBody) that name the customer: by GID, or by email (compliance payloads carry no GID). */
export function payloadsNaming(customerGid: string, ...emails: unknown[]) {
  const addresses = [...new Set(emails.filter((e): e is string => typeof e === "string" && e.length > 0))];
  return [{ body: { contains: gidNeedle(customerGid) } }, ...addresses.map((e) => ({ body: { contains: JSON.stringify(e) } }))];
}

/**
 * Every row Rapport holds on one customer, by table: rows keyed by their GID in any table (found through
 * the datamodel: any model with a `customerGid` column), their app-owned metafields, the lines and
 * refunds of their orders, the events of the visitors stitched to them, and stored webhook payloads
 * that name them.
 * @example const rows = await customerRows(tx, shop, "gid://shopify/Customer/1"); rows.Order // their orders
 */
export async function customerRows(tx: Tx, shop: string, customerGid: string): Promise<Record<string, Row[]>> {
  const tables: Record<string, Row[]> = {};
  for (const model of MODELS) {
    if (model.fields.has("customerGid") && model.fields.has("shop"))
      tables[model.name] = await delegateOf(tx, model.name).findMany({ where: { shop, customerGid } });
  }
  const orders = tables.Order ?? [];
  tables.OrderLine = await tx.orderLine.findMany({ where: { shop, orderId: { in: orders.map((o) => o.id as string) } } });
  tables.Refund = await tx.refund.findMany({ where: { shop, orderGid: { in: orders.map((o) => o.orderGid as string) } } });
  tables.RefundLine = await tx.refundLine.findMany({ where: { shop, refundId: { in: tables.Refund.map((r) => r.id as string) } } });
  tables.MetafieldValue = await tx.metafieldValue.findMany({ where: { shop, ownerGid: customerGid } });
  const visitors = (tables.VisitorLink ?? []).map((v) => v.visitorId as string);
  if (visitors.length) {
    const known = new Set((tables.Interaction ?? []).map((i) => i.id));
    const anonymous = await tx.interaction.findMany({ where: { shop, visitorId: { in: visitors } } });
    tables.Interaction = [...(tables.Interaction ?? []), ...anonymous.filter((i) => !known.has(i.id))];
  }
  const bodies = await tx.webhookDeliveryBody.findMany({
    where: { shop, OR: payloadsNaming(customerGid, tables.Customer?.[0]?.email) },
    include: { delivery: true },
  });
  tables.WebhookDelivery = bodies.map((b) => b.delivery);
  tables.WebhookDeliveryBody = bodies.map(({ deliveryId, shop, body }) => ({ deliveryId, shop, body }));
  return tables;
}
