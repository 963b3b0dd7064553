import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

/**
 * Routes the official Shopify clients to the local stand-in: `https://{shop}/admin/...` becomes
 * `{standinUrl}/admin/...` with `X-Standin-Shop: {shop}`; every other URL goes to the real fetch.
 * Dev and tests only — the production app never imports this (tests/browser/production-build.test.ts).
 * @example routeShopifyAdminTo("http://127.0.0.1:4100")
 */
export function routeShopifyAdminTo(standinUrl: string): void {
  const realFetch = globalThis.fetch;
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : (input as Request).url);
    if (url.protocol === "https:" && url.hostname.endsWith(".myshopify.com") && url.pathname.startsWith("/admin/")) {
      const headers = new Headers(init?.headers);
      headers.set("X-Standin-Shop", url.hostname);
      return realFetch(`${standinUrl}${url.pathname}${url.search}`, { ...init, headers });
    }
    return realFetch(input as string, init);
  });
}
