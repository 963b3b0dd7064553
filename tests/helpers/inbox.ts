import prisma from "../../app/db.server";
import { drainOnce } from "../../app/jobs/worker.server";
import { givenInstalledSession } from "./admin-request";
import { SHOP, webhookRequest } from "./webhook-request";

import type { ActionFunctionArgs } from "@remix-run/node";

type WebhookAction = (args: ActionFunctionArgs) => Promise<Response>;

/**
 * A shop that installed Rapport: its Shop row (webhooks for other shops are not stored) and its offline
 * session. Installed in 2020 by default, so Shopify's 2021 example orders count as placed since then.
 */
export async function givenInstalledShop(options: { shop?: string; currencyCode?: string; installedAt?: Date } = {}): Promise<void> {
  const shop = options.shop ?? SHOP;
  await prisma.shop.create({
    data: { shop, currencyCode: options.currencyCode ?? "GBP", installedAt: options.installedAt ?? new Date("2020-01-01T00:00:00Z") },
  });
  await givenInstalledSession(shop);
}

/** Sends a webhook to a route as Shopify would (signed); the answer comes back, nothing is applied yet. */
export function deliver(
  action: WebhookAction,
  path: string,
  topic: string,
  body: unknown,
  options: Parameters<typeof webhookRequest>[3] = {},
): Promise<Response> {
  return action({ request: webhookRequest(path, topic, body, options), params: {}, context: {} });
}

/** Runs the worker until the inbox and the job queue have nothing due. */
export const drain = () => drainOnce();

/** Sends a webhook, expects the inbox to take it (200), and lets the worker apply it. */
export async function deliverAndApply(
  action: WebhookAction,
  path: string,
  topic: string,
  body: unknown,
  options: Parameters<typeof webhookRequest>[3] = {},
) {
  const response = await deliver(action, path, topic, body, options);
  if (response.status !== 200) throw new Error(`${topic} answered ${response.status}`);
  await drain();
  return response;
}

/** The stored delivery with this webhook id (its status says whether it was applied or parked, and why), with its body. */
export async function storedDelivery(webhookId: string, shop = SHOP) {
  const row = await prisma.webhookDelivery.findUnique({ where: { shop_webhookId: { shop, webhookId } }, include: { payload: true } });
  if (!row) return null;
  const { payload, ...delivery } = row;
  return { ...delivery, body: payload?.body };
}
