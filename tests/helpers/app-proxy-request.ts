import { createHmac } from "node:crypto";
import { API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { SHOP } from "./webhook-request";

/**
 * A storefront request as Shopify forwards it through the app proxy: the query carries shop,
 * logged_in_customer_id, path_prefix and timestamp, signed with the app secret (hex HMAC-SHA256 of
 * the sorted `key=value` pairs joined with nothing between them).
 */
export function appProxyRequest(
  path: string,
  options: { customerId?: number | null; query?: Record<string, string>; ageSeconds?: number; tamper?: Record<string, string> } = {},
): Request {
  const params: Record<string, string> = {
    ...options.query,
    shop: SHOP,
    logged_in_customer_id: options.customerId ? String(options.customerId) : "",
    path_prefix: "/apps/rapport",
    timestamp: String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0)),
  };
  const message = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("");
  const signature = createHmac("sha256", API_SECRET_KEY).update(message).digest("hex");
  const query = new URLSearchParams({ ...params, ...options.tamper, signature });
  return new Request(`https://my-test-app.myshopify.io/proxy/${path}?${query}`);
}
