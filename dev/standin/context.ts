import type { StandinStore } from "./store";

/**
 * What every part of the stand-in needs to know: the store, and the app it plays Shopify for.
 * One origin serves everything (like a shop domain plus admin.shopify.com folded together):
 *   /admin/api/2026-07/graphql.json     Admin GraphQL (real schema)
 *   /admin/oauth/access_token           token exchange
 *   /bulk/:id.jsonl                     bulk operation results
 *   /admin/apps/rapport                 admin preview (frames the embedded app)
 *   /app-bridge.js                      dev-only App Bridge stand-in
 *   /, /products/:handle, /cart, /account, /apps/rapport/*   storefront preview + app proxy
 */
export interface StandinContext {
  store: StandinStore;
  /** The stand-in's own base URL, e.g. http://127.0.0.1:4100 */
  standinUrl: string;
  /** The app under test, e.g. http://127.0.0.1:3100 */
  app: {
    url: string;
    apiKey: string;
    apiSecret: string;
    /** Path to shopify.app.toml: webhook subscriptions, app proxy, scopes. */
    tomlPath: string;
  };
  /** The shop the storefront and admin previews show when none is chosen. */
  defaultShop: string;
}
