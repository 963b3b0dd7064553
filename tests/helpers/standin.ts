import path from "node:path";
import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { startStandin } from "../../dev/standin/app";
import { routeShopifyAdminTo } from "../../dev/standin/fetch-router";
import type { BucketLimits } from "../../dev/standin/admin/throttle";
import { StandinStore, type StandinShop } from "../../dev/standin/store";
import { SHOP } from "./webhook-request";

/**
 * The Shopify stand-in on a free port, playing Shopify for the app under test: one shop whose offline
 * token is the one `givenInstalledSession` stores, and the official clients routed to it. `limits`
 * shrinks the cost bucket to make throttling happen; `fill` seeds the shop.
 * @example const world = await startStandinFor({ fill: (store, shop) => seedStore(store, SHOP, dataset, options) })
 */
export async function startStandinFor(
  options: { limits?: BucketLimits; currencyCode?: string; name?: string; fill?: (store: StandinStore, shop: StandinShop) => void } = {},
) {
  const store = new StandinStore();
  const shop = store.ensureShop(SHOP, { currencyCode: options.currencyCode ?? "GBP", ...(options.name ? { name: options.name } : {}) });
  options.fill?.(store, shop);
  shop.accessTokens.set("shpat_test", { scope: "read_orders,write_customers", expiresAt: null });
  shop.appInstalled = true;
  const ctx = {
    store,
    standinUrl: "",
    app: {
      url: "https://my-test-app.myshopify.io",
      apiKey: API_KEY,
      apiSecret: API_SECRET_KEY,
      tomlPath: path.resolve("shopify.app.toml"),
    },
    defaultShop: SHOP,
  };
  const standin = await startStandin({ port: 0, ctx, limits: options.limits });
  ctx.standinUrl = standin.url; // bulk result URLs point here
  routeShopifyAdminTo(standin.url);
  return { store, shop, url: standin.url, close: standin.close };
}
