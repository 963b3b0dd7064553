import { createHmac } from "node:crypto";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import type { StandinContext } from "../context";

export const PROXY_PREFIX = "/apps/rapport";

/**
 * Signs app-proxy query parameters exactly as Shopify does: hex HMAC-SHA256, with the app secret, of
 * the sorted `key=value` pairs (multiple values joined by ",") concatenated with nothing between.
 * @example signProxyQuery({ shop, logged_in_customer_id: "17850", path_prefix, timestamp }, secret)
 */
export function signProxyQuery(params: Record<string, string | string[]>, secret: string): string {
  const message = Object.keys(params)
    .sort()
    .map((key) => {
      const value = params[key]!;
      return `${key}=${Array.isArray(value) ? value.join(",") : value}`;
    })
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** Forwards `/apps/rapport/*` to the app's proxy URL with Shopify's signed query, and relays the answer. */
export async function forwardToAppProxy(
  ctx: StandinContext,
  shop: string,
  customerId: number | null,
  req: ExpressRequest,
  res: ExpressResponse,
): Promise<void> {
  const rest = req.path.slice(PROXY_PREFIX.length);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(req.originalUrl, "http://x").searchParams) {
    if (["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"].includes(key)) continue;
    query[key] = key in query ? ([] as string[]).concat(query[key]!, value) : value;
  }
  Object.assign(query, {
    shop,
    logged_in_customer_id: customerId ? String(customerId) : "",
    path_prefix: PROXY_PREFIX,
    timestamp: String(Math.floor(Date.now() / 1000)),
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of ([] as string[]).concat(value)) search.append(key, v);
  search.set("signature", signProxyQuery(query, ctx.app.apiSecret));
  const upstream = await fetch(`${ctx.app.url}/proxy${rest}?${search}`, {
    method: req.method,
    headers: { accept: req.get("accept") ?? "*/*" },
  });
  res.status(upstream.status);
  for (const header of ["content-type", "cache-control"]) {
    const value = upstream.headers.get(header);
    if (value) res.set(header, value);
  }
  res.send(Buffer.from(await upstream.arrayBuffer()));
}
