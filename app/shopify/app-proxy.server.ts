import { authenticate } from "../shopify.server";

export interface AppProxyContext {
  shop: string;
  /** The signed-in shopper's Customer GID, or null for a guest. */
  customerId: string | null;
}

/**
 * Authenticates a storefront request forwarded through the app proxy with the official
 * `authenticate.public.appProxy`: it checks Shopify's signature and rejects a timestamp more than
 * 90 seconds off (a 400 Response is thrown). The shop and customer are then read from the signed query.
 * @example const { shop, customerId } = await requireAppProxy(request)
 */
export async function requireAppProxy(request: Request): Promise<AppProxyContext> {
  await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  const customer = url.searchParams.get("logged_in_customer_id");
  return { shop: url.searchParams.get("shop")!, customerId: customer ? `gid://shopify/Customer/${customer}` : null };
}
