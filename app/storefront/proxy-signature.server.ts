import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";
import { env } from "../env.server";
import { toGid } from "../lib/gid";
import { isShopDomain } from "../shopify/shop-domain";

// The check `authenticate.public.appProxy` makes (shopify-api `utils.validateHmac` with the appProxy
// signator: hex HMAC-SHA256 of the query's `key=value` pairs sorted by key — values of a repeated key
// joined with "," — without `signature` and `hmac`; timestamp within 90 s), written here with
// node:crypto. Why by hand: the library's check is Web Crypto (a key import and two async crypto jobs
// per call), measured at 11% of the storefront proxy's CPU under load; this one is a synchronous HMAC.
// tests/integration/proxy-signature.test.ts holds both to the same answers. Stricter in one way: every
// parameter Shopify signs must appear once (the library refuses only repeated shop, timestamp,
// signature and hmac; a repeated logged_in_customer_id would otherwise be read as its first value).

export type ProxyIdentity = { shop: string; customerGid: string | null } | { refused: string };

const TOLERANCE_S = 90;
const SIGNED_ONCE = new Set(["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature", "hmac"]);
/** The order shopify-api sorts keys in (`String.prototype.localeCompare`, the default collation). */
const byKey = new Intl.Collator().compare;
/**
 * Keys of lowercase letters and "_" only (every parameter Shopify adds and the storefront blocks send):
 * on them the collation's order is code-unit order ("_" before the letters, a prefix first), so they are
 * sorted without the collator, which cost ≈ 1 µs a request. tests/integration/proxy-signature.test.ts
 * holds the two orders equal on such keys; any other key sorts by the collator as before.
 */
const PLAIN_KEY = /^[a-z_]+$/;
/** A signature as the library could accept it: its own hex digest, lowercase, 64 characters. */
const HEX_SIGNATURE = /^[0-9a-f]{64}$/;
const keys = new Map<string, KeyObject>();
/** The secret as a key object, made once (a string key is imported again on every HMAC). */
const keyOf = (secret: string) => keys.get(secret) ?? (keys.set(secret, createSecretKey(Buffer.from(secret, "utf8"))), keys.get(secret)!);

/**
 * Verifies Shopify's app-proxy signature on a query string, synchronously.
 * @example const who = verifyProxyQuery(new URLSearchParams(req.url.split("?")[1]))
 */
export function verifyProxyQuery(query: URLSearchParams, now = Date.now(), secret = env.SHOPIFY_API_SECRET): ProxyIdentity {
  const values = new Map<string, string>();
  let plain = true;
  for (const [key, value] of query) {
    if (plain && !PLAIN_KEY.test(key)) plain = false;
    const had = values.get(key);
    if (had === undefined) values.set(key, value);
    else if (SIGNED_ONCE.has(key)) return { refused: `Query parameter "${key}" must not appear more than once.` };
    else values.set(key, `${had},${value}`);
  }
  const signature = values.get("signature");
  if (!signature) return { refused: "Query does not contain a signature value." };
  const timestamp = values.get("timestamp");
  const seconds = timestamp === undefined ? NaN : Number(timestamp);
  if (!Number.isInteger(seconds)) return { refused: "HMAC timestamp is missing or invalid" };
  if (Math.abs(Math.trunc(now / 1000) - seconds) > TOLERANCE_S) return { refused: "HMAC timestamp is outside of the tolerance range" };
  // The library compares hex strings, so only its own lowercase 64-character hex can match: anything else
  // is refused at once, and the rest is compared as text in constant time, like the library's safeCompare.
  // The digest comes as hex text: a Buffer digest has a memory block of its own to allocate and sweep,
  // ≈ 1 µs more a request (process.cpuUsage, 200,000 calls).
  if (!HEX_SIGNATURE.test(signature)) return { refused: "signature does not match" };
  let message = "";
  for (const key of plain ? [...values.keys()].sort() : [...values.keys()].sort(byKey))
    if (key !== "signature" && key !== "hmac") message += `${key}=${values.get(key)}`;
  const expected = createHmac("sha256", keyOf(secret)).update(message).digest("hex");
  if (!timingSafeEqual(Buffer.from(signature, "latin1"), Buffer.from(expected, "latin1"))) return { refused: "signature does not match" };
  const shop = values.get("shop");
  if (!isShopDomain(shop, env.SHOP_CUSTOM_DOMAIN)) return { refused: "shop is not a shop domain" };
  const customer = values.get("logged_in_customer_id");
  if (customer && !/^\d{1,20}$/.test(customer)) return { refused: "logged_in_customer_id is not a customer id" };
  return { shop, customerGid: customer ? toGid("Customer", customer) : null };
}
