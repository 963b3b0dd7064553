import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createHttpApp, listen } from "../app/http-server.server";
import type { RunningWorker, WorkerOptions } from "../app/jobs/worker.server";
import { routeShopifyAdminTo } from "./standin/fetch-router";

export interface AppServerOptions {
  port: number;
  /** Where the app's Shopify calls go instead of https://{shop}/admin (the stand-in). */
  standinUrl: string;
  /** Environment for the app (SHOPIFY_API_KEY, DATABASE_URL, ...), applied before the build loads. */
  env: Record<string, string>;
  buildDir?: string;
  /** Start the build's in-process worker (default true), as `npm start` does. */
  worker?: boolean | WorkerOptions;
}

/**
 * Serves the production build of the app (`npm run build`) for the demo and the browser tests the way
 * `npm start` does (same HTTP app, same in-process worker), with its Shopify Admin calls routed to the
 * local stand-in. This file is the only place where the app and the stand-in meet; nothing under app/
 * imports dev/ (lint enforces it; tests/browser/production-build proves the build has no stand-in code).
 * @example const app = await startAppServer({ port: 3100, standinUrl, env })
 */
export async function startAppServer(options: AppServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  Object.assign(process.env, options.env);
  const buildDir = path.resolve(options.buildDir ?? "build");
  const build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  // After the build loaded: its node adapter installs global fetch; the stand-in route replaces it.
  routeShopifyAdminTo(options.standinUrl);
  // The app allows framing only by the shop and admin.shopify.com (frame-ancestors); in dev the
  // stand-in's admin preview plays admin.shopify.com, so its origin is added to that list.
  const app = createHttpApp(build, buildDir, (_req, res, next) => {
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
  const server = await listen(app, options.port);
  const startWorker = (build.entry.module as { startWorker?: (o: WorkerOptions) => RunningWorker }).startWorker!;
  const worker = options.worker === false ? null : startWorker(typeof options.worker === "object" ? options.worker : { pollMs: 200 });
  return {
    url: server.url,
    async close() {
      await worker?.stop();
      await server.close();
    },
  };
}
