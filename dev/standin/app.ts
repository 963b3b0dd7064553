import { readFileSync } from "node:fs";
import express from "express";
import { parse as parseToml } from "smol-toml";
import type { StandinContext } from "./context";
import { adminApiRouter } from "./admin/router";
import type { BucketLimits } from "./admin/throttle";
import { oauthRouter } from "./oauth";
import { listenOnLoopback } from "../listen";

/**
 * The stand-in's HTTP surface: Admin API, OAuth token exchange, plus whatever extra routers the
 * caller mounts (storefront preview, admin preview). Scopes granted come from shopify.app.toml.
 */
export function createStandinApp(ctx: StandinContext, extraRouters: express.Router[] = [], limits?: BucketLimits): express.Express {
  const toml = parseToml(readFileSync(ctx.app.tomlPath, "utf8")) as { access_scopes?: { scopes?: string } };
  const app = express();
  app.disable("x-powered-by");
  app.use(oauthRouter(ctx, toml.access_scopes?.scopes ?? ""));
  app.use(adminApiRouter(ctx, limits));
  for (const router of extraRouters) app.use(router);
  return app;
}

/** Listens on 127.0.0.1 (port 0 picks a free one); `url` is the base the app and browsers use. */
export async function startStandin(options: { port: number; ctx: StandinContext; extraRouters?: express.Router[]; limits?: BucketLimits }) {
  const app = createStandinApp(options.ctx, options.extraRouters, options.limits);
  return listenOnLoopback(app, options.port);
}
