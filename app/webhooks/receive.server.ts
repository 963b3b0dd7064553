import { env } from "../env.server";
import { logger } from "../lib/logger.server";
import { isShopDomain } from "../shopify/shop-domain";
import { isKnownShop } from "../shops/known-shops.server";
import { storeDelivery } from "./inbox.server";
import { verifyWebhook } from "./verify-webhook.server";
import { topicsAt, type FastWebhookHandler } from "./webhook-routes";

/**
 * The one path every webhook takes (STYLE §4, docs/decisions/005): the official check
 * `authenticate.webhook` makes (HMAC → 401, headers → 400; verifyWebhook) and the delivery is stored
 * in the durable inbox and answered 200 at once — workers apply it later. A failure to store answers
 * 500, so Shopify retries. Nothing is stored for a shop that never installed Rapport. A body that is
 * not JSON, or a topic this address does not serve, is stored parked with its reason.
 * @example export const action = ({ request }) => receiveWebhook(request, WEBHOOK_ROUTES["/webhooks/orders"])
 */
export async function receiveWebhook(request: Request, topics: readonly string[]): Promise<Response> {
  return acceptWebhook(request, await request.clone().text(), topics);
}

/**
 * The production server's fast path (app/http-server.server.ts): the same `acceptWebhook` as the Remix
 * routes, called straight from the socket without Remix's request handling. Not a webhook address → null.
 */
export const receiveWebhookFast: FastWebhookHandler = async (req) => {
  const topics = topicsAt(req.path);
  if (!topics) return null;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const response = await acceptWebhook(
    new Request(new URL(req.path, env.SHOPIFY_APP_URL), { method: req.method, headers }),
    req.rawBody,
    topics,
  );
  return { status: response.status, body: await response.text() };
};

async function acceptWebhook(request: Request, rawBody: string, topics: readonly string[]): Promise<Response> {
  const shop = request.headers.get("x-shopify-shop-domain");
  if (request.method === "POST" && shop !== null && !isShopDomain(shop, env.SHOP_CUSTOM_DOMAIN)) {
    return new Response("X-Shopify-Shop-Domain is not a shop domain", { status: 400 });
  }
  // As Shopify sends it ("orders/paid"); the library's context carries it normalised ("ORDERS_PAID").
  const topic = request.headers.get("x-shopify-topic") ?? "";
  const check = await verifyWebhook(request, rawBody);
  if (!check.ok) return check.response;
  let parkedReason = "notJson" in check ? `body is not JSON: ${check.notJson}` : undefined;
  const log = logger.child({ shop, topic, webhookId: request.headers.get("x-shopify-webhook-id") });
  if (!(await isKnownShop(shop!))) {
    log.warn("webhook for a shop that has not installed Rapport: not stored");
    return new Response(null, { status: 200 });
  }
  if (!parkedReason && !topics.includes(topic)) parkedReason = `topic ${topic} is not served at ${new URL(request.url).pathname}`;
  try {
    await storeDelivery({
      shop: shop!,
      topic,
      webhookId: request.headers.get("x-shopify-webhook-id")!,
      eventId: request.headers.get("x-shopify-event-id"),
      triggeredAt: validDate(request.headers.get("x-shopify-triggered-at")),
      apiVersion: request.headers.get("x-shopify-api-version"),
      // PostgreSQL text cannot hold NUL; a body with one is not JSON anyway and parks with its reason.
      body: rawBody.includes("\u0000") ? rawBody.replaceAll("\u0000", "\\u0000") : rawBody,
      parkedReason,
    });
  } catch (error) {
    log.error("webhook could not be stored; Shopify will retry", { error: error instanceof Error ? error.message : String(error) });
    return new Response(null, { status: 500 });
  }
  if (parkedReason) log.warn("webhook parked", { reason: parkedReason });
  return new Response(null, { status: 200 });
}

function validDate(value: string | null): Date | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
