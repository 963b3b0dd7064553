import { InvalidHmacError } from "@shopify/shopify-api";
import { env } from "../env.server";
import { toGid } from "../lib/gid";
import { isShopDomain } from "../shopify/shop-domain";
import { verificationApi as api } from "../shopify/verification-api.server";

// The same check `authenticate.public.appProxy` makes (shopify-api `utils.validateHmac` with the
// appProxy signator: hex HMAC of the sorted query, timestamp within 90 s, each signed parameter once),
// without the Remix request/session machinery the storefront's hot path cannot afford.

export type ProxyIdentity = { shop: string; customerGid: string | null } | { refused: string };

/**
 * Verifies Shopify's app-proxy signature on a query string.
 * @example const who = await verifyProxyQuery(new URL(req.url, "http://x").searchParams)
 */
export async function verifyProxyQuery(query: URLSearchParams): Promise<ProxyIdentity> {
  let valid: boolean;
  try {
    valid = await api.utils.validateHmac(query, { signator: "appProxy" });
  } catch (error) {
    if (error instanceof InvalidHmacError) return { refused: error.message };
    throw error;
  }
  if (!valid) return { refused: "signature does not match" };
  const shop = query.get("shop");
  if (!isShopDomain(shop, env.SHOP_CUSTOM_DOMAIN)) return { refused: "shop is not a shop domain" };
  const customer = query.get("logged_in_customer_id");
  if (customer && !/^\d{1,20}$/.test(customer)) return { refused: "logged_in_customer_id is not a customer id" };
  return { shop, customerGid: customer ? toGid("Customer", customer) : null };
}
