import type { IncomingMessage, ServerResponse } from "node:http";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { logger } from "../lib/logger.server";
import { requireAppProxy } from "../shopify/app-proxy.server";
import { isKnownShop, isKnownShopNow } from "../shops/known-shops.server";
import {
  JsonText,
  PRIVATE_NO_STORE,
  ProxyInputError,
  type FastProxyHandler,
  type FastProxyRequest,
  type FastProxyResponse,
} from "./fast-proxy";
import { FAST_PROXY_ROUTES } from "./fast-proxy-routes.server";
import { verifyProxyQuery, type ProxyIdentity } from "./proxy-signature.server";

const MAX_BODY_BYTES = 16_384;
const log = logger.child({ area: "storefront-proxy" });

async function answer(handler: FastProxyHandler, request: FastProxyRequest): Promise<FastProxyResponse> {
  try {
    return await handler(request);
  } catch (error) {
    if (error instanceof ProxyInputError) return { status: error.status, body: { error: error.message } };
    throw error;
  }
}

function parseBody(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ProxyInputError("body must be JSON");
  }
}

function send(res: ServerResponse, { status, body, headers }: FastProxyResponse): void {
  const text = body instanceof JsonText ? body.text : JSON.stringify(body);
  // Headers as one flat list (node:http's cheapest form); a handler's Cache-Control replaces the default.
  const head = ["Content-Type", "application/json; charset=utf-8", "Content-Length", String(Buffer.byteLength(text))];
  let cacheControl: string = PRIVATE_NO_STORE["Cache-Control"];
  for (const name in headers) {
    if (name.toLowerCase() === "cache-control") cacheControl = headers[name]!;
    else head.push(name, headers[name]!);
  }
  head.push("Cache-Control", cacheControl);
  res.writeHead(status, head);
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new ProxyInputError("body too large", 413));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const ROUTES = new Map(Object.entries(FAST_PROXY_ROUTES));

/**
 * Serves the storefront endpoints in FAST_PROXY_ROUTES straight from node:http, ahead of express and
 * Remix: the app proxy is the storefront's hot path and any request pipeline costs more than the work
 * itself. Decides at once: `false` when the request is not one of them (the caller passes it on), `true`
 * when it took the request and will answer it.
 * @example if (!serveFastProxy(req, res)) app(req, res)
 */
export function serveFastProxy(req: IncomingMessage, res: ServerResponse): boolean {
  const raw = req.url ?? "/";
  if (!raw.startsWith("/proxy/")) return false;
  const queryAt = raw.indexOf("?");
  const pathname = queryAt < 0 ? raw : raw.slice(0, queryAt);
  const path = pathname.length > 7 && pathname.endsWith("/") ? pathname.slice(6, -1) : pathname.slice(6);
  const handler = ROUTES.get(path);
  const method = req.method === "POST" ? "POST" : req.method === "GET" || req.method === "HEAD" ? "GET" : null;
  if (!handler || !method) return false;
  serve(req, res, handler, { path, method, query: new URLSearchParams(queryAt < 0 ? "" : raw.slice(queryAt + 1)) });
  return true;
}

/**
 * Verifies the signature, then answers. A GET for a shop already known here goes straight to the
 * handler, and a handler that answers synchronously (a remembered recommendations answer) is written in
 * this same turn: no async function, shop-check promise or microtask between the request and its answer.
 */
function serve(
  req: IncomingMessage,
  res: ServerResponse,
  handler: FastProxyHandler,
  { path, method, query }: Pick<FastProxyRequest, "path" | "method" | "query">,
): void {
  let identity: ProxyIdentity;
  try {
    identity = verifyProxyQuery(query);
  } catch (error) {
    return fail(res, path, error);
  }
  if ("refused" in identity) return send(res, { status: 400, body: { error: identity.refused } });
  const { shop, customerGid } = identity;
  if (method === "GET" && isKnownShopNow(shop))
    return reply(res, path, () => handler({ shop, customerGid, method, path, query, body: undefined }));
  void (async () => {
    try {
      if (!(await isKnownShop(shop))) return send(res, { status: 404, body: { error: "shop has not installed Rapport" } });
      const body = method === "POST" ? parseBody(await readBody(req)) : undefined;
      reply(res, path, () => handler({ shop, customerGid, method, path, query, body }));
    } catch (error) {
      fail(res, path, error);
    }
  })();
}

/** Writes the handler's answer: at once when it has one, else when its promise settles. */
function reply(res: ServerResponse, path: string, handle: () => FastProxyResponse | Promise<FastProxyResponse>): void {
  let answer: FastProxyResponse | Promise<FastProxyResponse>;
  try {
    answer = handle();
    if (!(answer instanceof Promise)) return send(res, answer);
  } catch (error) {
    return fail(res, path, error);
  }
  answer.then((settled) => send(res, settled)).catch((error: unknown) => fail(res, path, error));
}

/** A handler's input error as its 4xx; anything else logged and answered 500 (unless an answer began). */
function fail(res: ServerResponse, path: string, error: unknown): void {
  if (error instanceof ProxyInputError && !res.headersSent) return send(res, { status: error.status, body: { error: error.message } });
  log.error("storefront proxy failed", { path, error: error instanceof Error ? error.message : String(error) });
  if (!res.headersSent) send(res, { status: 500, body: { error: "internal error" } });
}

/**
 * The Remix route for a fast-path endpoint (dev mode, integration tests): authenticates with the
 * official `authenticate.public.appProxy` and runs the same handler.
 * @example export const loader = remixProxyAdapter("/loyalty", loyaltyProxy)
 */
export function remixProxyAdapter(path: string, handler: FastProxyHandler) {
  return async ({ request }: LoaderFunctionArgs): Promise<Response> => {
    const { shop, customerGid } = await requireAppProxy(request);
    const method = request.method === "POST" ? "POST" : "GET";
    try {
      const body = method === "POST" ? parseBody(await request.text()) : undefined;
      const result = await answer(handler, { shop, customerGid, method, path, query: new URL(request.url).searchParams, body });
      return Response.json(result.body, { status: result.status, headers: { ...PRIVATE_NO_STORE, ...result.headers } });
    } catch (error) {
      if (error instanceof ProxyInputError)
        return Response.json({ error: error.message }, { status: error.status, headers: PRIVATE_NO_STORE });
      throw error;
    }
  };
}
