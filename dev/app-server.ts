import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { routeShopifyAdminTo } from "./standin/fetch-router";
import { listenOnLoopback } from "./listen";

export interface AppServerOptions {
  port: number;
  /** Where the app's Shopify calls go instead of https://{shop}/admin (the stand-in). */
  standinUrl: string;
  /** Environment for the app (SHOPIFY_API_KEY, DATABASE_URL, ...), applied before the build loads. */
  env: Record<string, string>;
  buildDir?: string;
}

/**
 * Serves the production build of the app (`npm run build`) for the demo and the browser tests,
 * with its Shopify Admin calls routed to the local stand-in. This file is the only place where the
 * app and the stand-in meet; nothing under app/ imports dev/ (tests/integration/production-build
 * proves the built server contains no stand-in code).
 * @example const app = await startAppServer({ port: 3100, standinUrl, env })
 */
export async function startAppServer(options: AppServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  Object.assign(process.env, options.env);
  const buildDir = path.resolve(options.buildDir ?? "build");
  const build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  // After the build loaded: its node adapter installs global fetch; the stand-in route replaces it.
  routeShopifyAdminTo(options.standinUrl);

  const app = express();
  app.disable("x-powered-by");
  // The app allows framing only by the shop and admin.shopify.com (frame-ancestors); in dev the
  // stand-in's admin preview plays admin.shopify.com, so its origin is added to that list.
  app.use((_req, res, next) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name: string, value: number | string | readonly string[]) =>
      setHeader(
        name,
        name.toLowerCase() === "content-security-policy"
          ? String(value).replace("frame-ancestors", `frame-ancestors ${options.standinUrl}`)
          : value,
      );
    next();
  });
  app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: "production" }));

  return listenOnLoopback(app, options.port);
}
