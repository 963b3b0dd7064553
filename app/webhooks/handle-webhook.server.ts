import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { InvalidPayloadError } from "../lib/errors";
import { logger } from "../lib/logger.server";

type AdminContext = Awaited<ReturnType<typeof authenticate.webhook>>["admin"];

export interface WebhookContext {
  shop: string;
  /** Shopify's topic as sent, e.g. "orders/paid". */
  topic: string;
  webhookId: string;
  payload: unknown;
  admin: AdminContext;
}

export type WebhookHandler = (context: WebhookContext) => Promise<void>;

/**
 * The one path every webhook takes (STYLE §4): the official `authenticate.webhook` checks the HMAC
 * (401) and headers (400); the topic's handler does the work; a body that cannot become a command is
 * parked with its reason and answered 200 (kept durably, so Shopify's retries would add nothing);
 * any other failure is logged with {shop, topic, webhookId} and answered 500 so Shopify retries.
 * @example export const action = ({ request }) => handleWebhook(request, { "orders/paid": onOrder })
 */
export async function handleWebhook(request: Request, handlers: Record<string, WebhookHandler>): Promise<Response> {
  const rawBody = await request.clone().text();
  const topic = request.headers.get("x-shopify-topic") ?? "";
  let context: WebhookContext;
  try {
    const auth = await authenticate.webhook(request);
    context = { shop: auth.shop, topic, webhookId: auth.webhookId, payload: auth.payload, admin: auth.admin };
  } catch (error) {
    if (error instanceof Response) return error;
    if (error instanceof SyntaxError) return park(request, topic, rawBody, `body is not JSON: ${error.message}`);
    throw error;
  }
  const log = logger.child({ shop: context.shop, topic, webhookId: context.webhookId });
  const handler = handlers[topic];
  if (!handler) {
    log.warn("no handler for this topic at this address");
    return Response.json({ ignored: topic }, { status: 200 });
  }
  try {
    await handler(context);
    return new Response(null, { status: 200 });
  } catch (error) {
    if (error instanceof InvalidPayloadError) return park(request, topic, rawBody, error.reason);
    log.error("webhook failed; Shopify will retry", { error: error instanceof Error ? error.message : String(error) });
    return Response.json({ error: "webhook processing failed" }, { status: 500 });
  }
}

async function park(request: Request, topic: string, body: string, reason: string): Promise<Response> {
  const shop = request.headers.get("x-shopify-shop-domain") ?? "";
  const webhookId = request.headers.get("x-shopify-webhook-id") ?? "";
  await prisma.parkedWebhook.upsert({
    where: { shop_webhookId: { shop, webhookId } },
    create: { shop, topic, webhookId, reason, body },
    update: {},
  });
  logger.warn("webhook parked", { shop, topic, webhookId, reason });
  return Response.json({ parked: true, reason }, { status: 200 });
}
