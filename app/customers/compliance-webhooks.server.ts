import { z } from "zod";
import prisma from "../db.server";
import { InvalidPayloadError } from "../lib/errors";
import { logger } from "../lib/logger.server";
import type { WebhookContext } from "../webhooks/handle-webhook.server";
import { forgetCustomer } from "./customer-webhooks.server";
import { describe } from "./order-command";

const CustomerRequest = z.object({ shop_domain: z.string(), customer: z.object({ id: z.union([z.number(), z.string()]) }) });

/** customers/data_request: what Rapport holds on the customer, logged for the merchant to send on. */
export async function onCustomerDataRequest({ shop, topic, payload }: WebhookContext): Promise<void> {
  const parsed = CustomerRequest.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describe(parsed.error));
  const customerId = `gid://shopify/Customer/${parsed.data.customer.id}`;
  const [profile, orders, postings] = await Promise.all([
    prisma.customer.findUnique({ where: { shop_shopifyId: { shop, shopifyId: customerId } } }),
    prisma.order.count({ where: { shop, customer: { shopifyId: customerId } } }),
    prisma.ledgerEntry.count({ where: { shop, customerId } }),
  ]);
  logger.info("customer data request", { shop, customerId, profile: Boolean(profile), orders, ledgerPostings: postings });
}

/** customers/redact: forget who the customer is. */
export async function onCustomerRedact({ shop, topic, payload }: WebhookContext): Promise<void> {
  const parsed = CustomerRequest.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describe(parsed.error));
  await forgetCustomer(shop, `gid://shopify/Customer/${parsed.data.customer.id}`);
}

/** shop/redact (48 hours after uninstall): erase everything the shop had here. */
export async function onShopRedact({ shop }: WebhookContext): Promise<void> {
  await prisma.$transaction([
    prisma.orderLine.deleteMany({ where: { shop } }),
    prisma.order.deleteMany({ where: { shop } }),
    prisma.interaction.deleteMany({ where: { shop } }),
    prisma.ledgerEntry.deleteMany({ where: { shop } }),
    prisma.customer.deleteMany({ where: { shop } }),
    prisma.product.deleteMany({ where: { shop } }),
    prisma.parkedWebhook.deleteMany({ where: { shop } }),
    prisma.loyaltyProgram.deleteMany({ where: { shop } }),
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.deleteMany({ where: { shop } }),
  ]);
}
