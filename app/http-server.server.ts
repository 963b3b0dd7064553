import { createServer, type RequestListener, type Server } from "node:http";
import path from "node:path";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { serveFastProxy } from "./storefront/fast-proxy.server";
import type { ServerBuild } from "@remix-run/node";
import { topicsAt, type FastWebhookHandler } from "./webhooks/webhook-routes";

/**
 * The app's HTTP server around a Remix production build: the storefront's app-proxy endpoints answered
 * from node:http's request listener before anything else, fingerprinted assets cached for a year, the
 * rest of build/client for an hour, every other request to Remix. Production (`npm start`) and the demo
 * serve the same thing; `before` lets the demo add its stand-in headers (to what express serves).
 * @example const app = createHttpApp(build, "build"); await listen(app, 3000)
 */
export function createHttpApp(build: ServerBuild, buildDir: string, before?: express.RequestHandler): RequestListener {
  const app = express();
  app.disable("x-powered-by");
  if (before) app.use(before);
  // The hot paths answer before static files and Remix, from the build (like the worker) so that one
  // copy of each module, and one database client, serves them all: webhooks straight to the inbox, and
  // the storefront's app-proxy endpoints (app/storefront/fast-proxy.server.ts) — those even before
  // express, whose per-request setup (query parsing, request/response decoration) cost more than the
  // endpoint's own work.
  const fastWebhook = (build.entry.module as { receiveWebhookFast?: FastWebhookHandler }).receiveWebhookFast;
  if (fastWebhook) app.post("/webhooks/*", webhookFastPath(fastWebhook));
  app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: "production" }));
  const fastProxy = (build.entry.module as { serveFastProxy?: typeof serveFastProxy }).serveFastProxy;
  if (!fastProxy) return app;
  return (req, res) => {
    if (!fastProxy(req, res)) app(req, res);
  };
}

/**
 * Webhooks straight from the socket to the inbox (the build's `receiveWebhookFast`, the same function
 * the Remix routes call): Remix's request handling costs more than storing the delivery does.
 */
function webhookFastPath(handle: FastWebhookHandler): express.RequestHandler {
  return (req, res, next) => {
    if (!topicsAt(req.path)) return next();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", next);
    req.on("end", () => {
      handle({ method: req.method, path: req.path, headers: req.headers, rawBody: Buffer.concat(chunks).toString("utf8") }).then(
        (answer) => {
          if (!answer) return next(new Error(`no webhook is received at ${req.path}`));
          res.status(answer.status).end(answer.body);
        },
        next,
      );
    });
  };
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
