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

/**
 * Forwards `/apps/rapport/*` to the app's proxy URL with Shopify's signed query, and relays the answer.
 * A POST's body goes through unchanged with its content type, as Shopify's proxy forwards it (the
 * router must not parse it first: the raw body is read here).
 */
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
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const body = hasBody ? new Uint8Array(await readRawBody(req)) : undefined;
  const headers: Record<string, string> = { accept: req.get("accept") ?? "*/*" };
  if (hasBody && req.get("content-type")) headers["content-type"] = req.get("content-type")!;
  const upstream = await fetch(`${ctx.app.url}/proxy${rest}?${search}`, { method: req.method, headers, body });
  res.status(upstream.status);
  for (const header of ["content-type", "cache-control"]) {
    const value = upstream.headers.get(header);
    if (value) res.set(header, value);
  }
  res.send(Buffer.from(await upstream.arrayBuffer()));
}

const MAX_BODY_BYTES = 65_536;

function readRawBody(req: ExpressRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("app proxy body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
