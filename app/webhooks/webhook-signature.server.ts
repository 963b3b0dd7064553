import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env.server";

// The check `authenticate.webhook` makes (shopify-api `webhooks.validate`: a body, the HMAC header,
// base64 HMAC-SHA256 of the raw body with the app secret compared in constant time, then Shopify's
// required headers), written with node:crypto for the production server's fast path. Why by hand: the
// library canonicalises every header name of the request again for each header it looks up (a regex
// replace per name per lookup) and signs with Web Crypto (a key import and two async jobs per call):
// together ≈ 20% of the production server's CPU per delivery under load (`npm run bench -- --only
// webhook-ack --cpu-prof`). tests/integration/webhook-fast-path.test.ts holds the fast path to the
// Remix route (the library's check) case by case. Deliveries signed the newer way (a `shopify-hmac-sha256`
// header, shopify-api's "events" type) are left to the library: `null`.

/** What the check decided: stored (`ok`), or answered at once with this status, as the library would. */
export type WebhookVerdict = { ok: true } | { ok: false; status: 400 | 401 };

/** Shopify's required webhook headers besides the HMAC (shopify-api `checkWebhooksHeaders`). */
const REQUIRED = ["x-shopify-topic", "x-shopify-shop-domain", "x-shopify-api-version", "x-shopify-webhook-id"] as const;

/**
 * Verifies a webhook's signature and headers synchronously; `header` reads a lowercased header name.
 * `null`: not a delivery this check decides (the caller asks the library).
 * @example const verdict = checkWebhookSignature((name) => req.headers[name], rawBody)
 */
export function checkWebhookSignature(
  header: (lowercaseName: string) => string | string[] | undefined,
  rawBody: string,
  secret = env.SHOPIFY_API_SECRET,
): WebhookVerdict | null {
  const first = (name: string) => {
    const value = header(name);
    return Array.isArray(value) ? value[0] : value;
  };
  if (first("shopify-hmac-sha256")) return null;
  if (rawBody.length === 0) return { ok: false, status: 400 };
  const hmac = first("x-shopify-hmac-sha256");
  if (!hmac) return { ok: false, status: 400 };
  const given = Buffer.from(hmac, "utf8");
  const local = Buffer.from(createHmac("sha256", secret).update(rawBody, "utf8").digest("base64"), "utf8");
  if (given.length !== local.length || !timingSafeEqual(given, local)) return { ok: false, status: 401 };
  for (const name of REQUIRED) if (!first(name)) return { ok: false, status: 400 };
  return { ok: true };
}
