import { authenticate } from "../shopify.server";
import { toGid } from "../lib/gid";

export interface AppProxyContext {
  shop: string;
  /** The signed-in shopper's Customer GID, or null for a guest. */
  customerGid: string | null;
}

/** Parameters Shopify signs on every app-proxy request: each must appear once. */
const SIGNED = ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"];

/**
 * Authenticates a storefront request forwarded through the app proxy with the official
 * `authenticate.public.appProxy`: it checks Shopify's signature and rejects a timestamp more than
 * 90 seconds off (a 400 Response is thrown). A signed parameter given twice is refused too: the
 * signature covers both values joined, but a reader taking the first would serve someone else.
 * @example const { shop, customerGid } = await requireAppProxy(request)
 */
export async function requireAppProxy(request: Request): Promise<AppProxyContext> {
  const url = new URL(request.url);
  for (const name of SIGNED) {
    if (url.searchParams.getAll(name).length > 1) throw new Response(`${name} must appear once`, { status: 400 });
  }
  await authenticate.public.appProxy(request);
  const customer = url.searchParams.get("logged_in_customer_id");
  if (customer && !/^\d{1,20}$/.test(customer)) throw new Response("logged_in_customer_id is not a customer id", { status: 400 });
  return { shop: url.searchParams.get("shop")!, customerGid: customer ? toGid("Customer", customer) : null };
}
