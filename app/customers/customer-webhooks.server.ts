import { z } from "zod";
import prisma from "../db.server";
import { InvalidPayloadError } from "../lib/errors";
import type { WebhookContext } from "../webhooks/handle-webhook.server";
import { describe } from "./order-command";

const CustomerPayload = z.object({
  id: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]),
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});

function parse(topic: string, payload: unknown) {
  const parsed = CustomerPayload.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describe(parsed.error));
  return { ...parsed.data, gid: `gid://shopify/Customer/${parsed.data.id}` };
}

/** customers/create and customers/update: keep the profile's identity current. */
export async function onCustomerUpsert({ shop, topic, payload }: WebhookContext): Promise<void> {
  const c = parse(topic, payload);
  const fields = { email: c.email ?? null, firstName: c.first_name ?? null, lastName: c.last_name ?? null };
  await prisma.customer.upsert({
    where: { shop_shopifyId: { shop, shopifyId: c.gid } },
    create: { shop, shopifyId: c.gid, ...fields },
    update: fields,
  });
}

/** customers/delete: the shopper is gone from the shop; their identity goes, the order history stays anonymous. */
export async function onCustomerDelete({ shop, topic, payload }: WebhookContext): Promise<void> {
  await forgetCustomer(shop, parse(topic, payload).gid);
}

/** Removes what identifies a customer (email, names, browsing interactions); amounts and ledger postings stay. */
export async function forgetCustomer(shop: string, customerGid: string): Promise<void> {
  await prisma.$transaction([
    prisma.customer.updateMany({ where: { shop, shopifyId: customerGid }, data: { email: null, firstName: null, lastName: null } }),
    prisma.interaction.updateMany({ where: { shop, customerId: customerGid }, data: { visitorId: null } }),
  ]);
}
