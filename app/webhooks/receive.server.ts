import { env } from "../env.server";
import { logger } from "../lib/logger.server";
import { isShopDomain } from "../shopify/shop-domain";
import { isKnownShop } from "../shops/known-shops.server";
import { storeDelivery } from "./inbox.server";
import { verifyWebhook } from "./verify-webhook.server";
import { checkWebhookSignature } from "./webhook-signature.server";
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
  const rawBody = await request.clone().text();
  const answer = await acceptDelivery(
    { method: request.method, path: new URL(request.url).pathname, header: (name) => request.headers.get(name), rawBody },
    topics,
    () => verifyWebhook(request, rawBody),
  );
  return "response" in answer ? answer.response : new Response(answer.body || null, { status: answer.status });
}

/**
 * The production server's fast path (app/http-server.server.ts): the same `acceptDelivery` as the Remix
 * routes, called straight from the socket without Remix's request handling, the signature checked with
 * node:crypto under the library's rules (webhook-signature.server.ts; deliveries of the library's newer
 * "events" kind go to the library itself). Not a webhook address → null.
 */
export const receiveWebhookFast: FastWebhookHandler = async (req) => {
  const topics = topicsAt(req.path);
  if (!topics) return null;
  const raw = (name: string) => req.headers[name];
  const header = (name: string) => {
    const value = raw(name);
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  };
  const answer = await acceptDelivery({ method: req.method, path: req.path, header, rawBody: req.rawBody }, topics, async () => {
    const verdict = req.method === "POST" ? checkWebhookSignature(raw, req.rawBody) : null;
    if (verdict) return verdict.ok ? verdict : { ok: false, response: new Response(null, { status: verdict.status }) };
    return verifyWebhook(asRequest(req), req.rawBody);
  });
  return "response" in answer ? { status: answer.response.status, body: await answer.response.text() } : answer;
};

/** The socket's request as a web Request, for the library's own check. */
function asRequest(req: Parameters<FastWebhookHandler>[0]): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(new URL(req.path, env.SHOPIFY_APP_URL), { method: req.method, headers });
}

/** A delivery as either entrance reads it: lowercased header names. */
interface Delivery {
  method: string;
  path: string;
  header(lowercaseName: string): string | null;
  rawBody: string;
}

/** An answer made here (status and text), or the check's own Response (401/400/405, as the library answers). */
type Answer = { status: number; body: string } | { response: Response };

async function acceptDelivery(
  delivery: Delivery,
  topics: readonly string[],
  verify: () => Promise<{ ok: true } | { ok: false; response: Response }>,
): Promise<Answer> {
  const { header, rawBody } = delivery;
  const shop = header("x-shopify-shop-domain");
  if (delivery.method === "POST" && shop !== null && !isShopDomain(shop, env.SHOP_CUSTOM_DOMAIN)) {
    return { status: 400, body: "X-Shopify-Shop-Domain is not a shop domain" };
  }
  // As Shopify sends it ("orders/paid"); the library's context carries it normalised ("ORDERS_PAID").
  const topic = header("x-shopify-topic") ?? "";
  const check = await verify();
  if (!check.ok) return { response: check.response };
  let parkedReason = notJson(rawBody);
  const log = () => logger.child({ shop, topic, webhookId: header("x-shopify-webhook-id") });
  if (!(await isKnownShop(shop!))) {
    log().warn("webhook for a shop that has not installed Rapport: not stored");
    return { status: 200, body: "" };
  }
  if (!parkedReason && !topics.includes(topic)) parkedReason = `topic ${topic} is not served at ${delivery.path}`;
  try {
    await storeDelivery({
      shop: shop!,
      topic,
      webhookId: header("x-shopify-webhook-id")!,
      eventId: header("x-shopify-event-id"),
      triggeredAt: validDate(header("x-shopify-triggered-at")),
      apiVersion: header("x-shopify-api-version"),
      // PostgreSQL text cannot hold NUL; a body with one is not JSON anyway and parks with its reason.
      body: rawBody.includes("\u0000") ? rawBody.replaceAll("\u0000", "\\u0000") : rawBody,
      parkedReason,
    });
  } catch (error) {
    log().error("webhook could not be stored; Shopify will retry", { error: error instanceof Error ? error.message : String(error) });
    return { status: 500, body: "" };
  }
  if (parkedReason) log().warn("webhook parked", { reason: parkedReason });
  return { status: 200, body: "" };
}

/** Why a verified body is parked as not JSON, or undefined when it is JSON. */
function notJson(rawBody: string): string | undefined {
  try {
    JSON.parse(rawBody);
    return undefined;
  } catch (error) {
    return `body is not JSON: ${(error as SyntaxError).message}`;
  }
}

function validDate(value: string | null): Date | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
