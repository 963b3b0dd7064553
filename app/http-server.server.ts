import { createServer, type IncomingMessage, type RequestListener, type ServerResponse, type Server } from "node:http";
import path from "node:path";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { serveFastProxy } from "./storefront/fast-proxy.server";
import type { ServerBuild } from "@remix-run/node";
import { topicsAt, type FastWebhookHandler } from "./webhooks/webhook-routes";
import { logger } from "./lib/logger.server";

const log = logger.child({ area: "http-server" });

/**
 * The app's HTTP server around a Remix production build: webhooks and the storefront's app-proxy
 * endpoints answered from node:http's request listener before anything else, fingerprinted assets cached for a year, the
 * rest of build/client for an hour, every other request to Remix. Production (`npm start`) and the demo
 * serve the same thing; `before` lets the demo add its stand-in headers (to what express serves).
 * @example const app = createHttpApp(build, "build"); await listen(app, 3000)
 */
export function createHttpApp(build: ServerBuild, buildDir: string, before?: express.RequestHandler): RequestListener {
  const app = express();
  app.disable("x-powered-by");
  if (before) app.use(before);
  app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: "production" }));
  // The hot paths are answered from node:http's request listener, before express (whose per-request
  // setup — query parsing, request/response decoration — cost more than their own work), from the build
  // (like the worker) so that one copy of each module, and one database client, serves them all:
  // webhooks straight to the inbox, and the storefront's app-proxy endpoints
  // (app/storefront/fast-proxy.server.ts).
  const entry = build.entry.module as { receiveWebhookFast?: FastWebhookHandler; serveFastProxy?: typeof serveFastProxy };
  const fastWebhook = entry.receiveWebhookFast;
  const fastProxy = entry.serveFastProxy;
  return (req, res) => {
    if (fastWebhook && req.method === "POST" && serveWebhook(fastWebhook, req, res)) return;
    if (!fastProxy?.(req, res)) app(req, res);
  };
}

/**
 * Webhooks straight from the socket to the inbox (the build's `receiveWebhookFast`, the same delivery
 * path the Remix routes take): Remix's request handling costs more than storing the delivery does.
 * `false` when the address is not a webhook address.
 */
function serveWebhook(handle: FastWebhookHandler, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt < 0 ? url : url.slice(0, queryAt);
  if (!topicsAt(pathname)) return false;
  const chunks: Buffer[] = [];
  const fail = (error: unknown) => {
    log.error("webhook fast path failed", { path: pathname, error: error instanceof Error ? error.message : String(error) });
    if (!res.headersSent) res.writeHead(500).end();
  };
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("error", fail);
  req.on("end", () => {
    handle({ method: "POST", path: pathname, headers: req.headers, rawBody: Buffer.concat(chunks).toString("utf8") }).then((answer) => {
      if (!answer) return fail(new Error(`no webhook is received at ${pathname}`));
      res.writeHead(answer.status, { "Content-Length": Buffer.byteLength(answer.body) }).end(answer.body);
    }, fail);
  });
  return true;
}

/** Raised when the port is taken: callers print its one-line message instead of a stack trace. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use — stop what is using it or choose another port`);
  }
}

/**
 * Listens on `host:port` (port 0 picks a free one). `close` also ends keep-alive connections.
 * @throws PortInUseError when the port is taken
 */
export async function listen(
  app: RequestListener,
  port: number,
  host = "127.0.0.1",
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = createServer(app);
    s.listen(port, host, () => resolve(s));
    s.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new PortInUseError(port) : error));
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host}:${bound}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
