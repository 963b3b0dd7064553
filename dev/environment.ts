import path from "node:path";
import { ensureMigrated } from "../app/db-migrate.server";
import { startAppServer } from "./app-server";
import { StandinStore } from "./standin/store";
import type { StandinContext } from "./standin/context";
import { startStandin } from "./standin/app";
import { attachWebhookSender } from "./standin/webhooks/sender";
import { storefrontRouter } from "./standin/storefront/router";
import { adminPreviewRouter } from "./standin/admin-preview/router";
import { loadDataset } from "./seed/online-retail";
import { seedStore } from "./seed/seed-store";
import { mintSessionToken } from "./standin/session-token";

/** A few MB of the real store's data, shipped with attribution (dev/data/README.md). */
export const SAMPLE_DATASET = path.resolve("dev/data/online-retail-sample.csv.gz");
export const DEMO_SHOP = "rapport-demo.myshopify.com";
/** Dev-only credentials shared by the local stand-in and the app it plays Shopify for. */
export const DEV_APP = { apiKey: "rapport-dev-client-id", apiSecret: "rapport-dev-client-secret" };

export const BROWSER_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

export interface DevEnvironmentOptions {
  standinPort?: number;
  appPort?: number;
  databaseUrl?: string;
  /** CSV (optionally .gz) of the Online Retail shape; defaults to the sample shipped in dev/data. */
  datasetPath?: string;
  /** Orders newer than this many days are replayed as live webhooks; older ones are backfilled. */
  recentDays?: number;
  now?: Date;
}

/**
 * Starts the whole dev world on one machine: the Shopify stand-in (Admin API, webhooks, storefront
 * and admin previews) seeded from the real store's data, and the built app pointed at it.
 * @example const world = await startDevEnvironment({}); await installApp(world); await world.close()
 */
export async function startDevEnvironment(options: DevEnvironmentOptions = {}) {
  const standinPort = options.standinPort ?? 4100;
  const appPort = options.appPort ?? 3100;
  const standinUrl = `http://127.0.0.1:${standinPort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  const databaseUrl = options.databaseUrl ?? "file:./data/demo.db";
  await ensureMigrated(databaseUrl);

  const store = new StandinStore();
  store.ensureShop(DEMO_SHOP, { name: "Rapport Demo Gifts", currencyCode: "GBP" });
  const dataset = await loadDataset(options.datasetPath ?? SAMPLE_DATASET);
  const now = options.now ?? new Date();
  const recentDays = options.recentDays ?? 14;
  const seeded = seedStore(store, DEMO_SHOP, dataset, { now, recentDays });
  /** Where the replayed fortnight begins: the demo's story is that Rapport was installed then. */
  const replayFrom = new Date(now.getTime() - recentDays * 86_400_000);

  const ctx: StandinContext = {
    store,
    standinUrl,
    app: { url: appUrl, ...DEV_APP, tomlPath: path.resolve("shopify.app.toml") },
    defaultShop: DEMO_SHOP,
  };
  const sender = attachWebhookSender(ctx);
  const standin = await startStandin({ port: standinPort, ctx, extraRouters: [storefrontRouter(ctx), adminPreviewRouter(ctx)] });
  const app = await startAppServer({
    port: appPort,
    standinUrl,
    env: {
      NODE_ENV: "production",
      SHOPIFY_API_KEY: DEV_APP.apiKey,
      SHOPIFY_API_SECRET: DEV_APP.apiSecret,
      SHOPIFY_APP_URL: appUrl,
      DATABASE_URL: databaseUrl,
      APP_BRIDGE_URL: `${standinUrl}/app-bridge.js`,
    },
  });

  return {
    shop: DEMO_SHOP,
    store,
    sender,
    seeded,
    replayFrom,
    standinUrl: standin.url,
    appUrl: app.url,
    databaseUrl,
    async close() {
      sender.detach();
      await app.close();
      await standin.close();
    },
  };
}

export type DevEnvironment = Awaited<ReturnType<typeof startDevEnvironment>>;

/**
 * Installs the app the way a merchant does: the admin opens it with a fresh session token, the app
 * exchanges it for an offline token at the stand-in, and its afterAuth hook starts the backfill.
 */
export async function installApp(world: DevEnvironment): Promise<void> {
  const idToken = await mintSessionToken({ shop: world.shop, ...DEV_APP });
  const host = Buffer.from(`admin.shopify.com/store/${world.shop.replace(".myshopify.com", "")}`).toString("base64url");
  const url = `${world.appUrl}/app?embedded=1&shop=${world.shop}&host=${host}&id_token=${idToken}`;
  // The app turns bots away (isbot); the merchant's browser is what opens it.
  const response = await fetch(url, { redirect: "manual", headers: { "User-Agent": BROWSER_USER_AGENT } });
  if (response.status !== 200) {
    throw new Error(`install failed: GET /app answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
}
