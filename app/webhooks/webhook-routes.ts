/**
 * Which topics each webhook address serves (shopify.app.toml subscribes them there). The Remix routes
 * and the production server's fast path both read this table, so they accept the same deliveries.
 * @example WEBHOOK_ROUTES["/webhooks/orders"] // ["orders/create", "orders/updated", "orders/paid", "orders/cancelled"]
 */
export const WEBHOOK_ROUTES = {
  "/webhooks/app/scopes_update": ["app/scopes_update"],
  "/webhooks/app/uninstalled": ["app/uninstalled"],
  "/webhooks/bulk_operations/finish": ["bulk_operations/finish"],
  "/webhooks/compliance": ["customers/data_request", "customers/redact", "shop/redact"],
  "/webhooks/customers": ["customers/create", "customers/update", "customers/delete"],
  "/webhooks/orders": ["orders/create", "orders/updated", "orders/paid", "orders/cancelled"],
  "/webhooks/products": ["products/create", "products/update", "products/delete"],
  "/webhooks/refunds": ["refunds/create"],
} as const satisfies Record<string, readonly string[]>;

export type WebhookPath = keyof typeof WEBHOOK_ROUTES;

/** The topics served at a path, or null when no webhook is received there. */
export function topicsAt(path: string): readonly string[] | null {
  return Object.hasOwn(WEBHOOK_ROUTES, path) ? WEBHOOK_ROUTES[path as WebhookPath] : null;
}

/**
 * What the production server's fast path hands to the app (app/entry.server.tsx exports it): the
 * request as read off the socket. `null` back means "not a webhook address": Remix answers it.
 */
export type FastWebhookHandler = (req: {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}) => Promise<{ status: number; body: string } | null>;
