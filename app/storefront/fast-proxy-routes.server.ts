import { loyaltyAccountHandler, loyaltyBirthdayHandler, loyaltyPanelHandler, loyaltyRedeemHandler } from "../loyalty/proxy-handlers.server";
import type { FastProxyHandler } from "./fast-proxy";
import { recommendationsProxy } from "../recommendations/serve.server";

/**
 * Storefront endpoints served on the fast path, by their path under /proxy ("/loyalty" answers
 * `/apps/rapport/loyalty`). Each capability adds one line; the Remix route with the same path
 * wraps the same handler with `remixProxyAdapter`.
 */
export const FAST_PROXY_ROUTES: Readonly<Record<string, FastProxyHandler>> = {
  "/loyalty": loyaltyAccountHandler,
  "/loyalty/panel": loyaltyPanelHandler,
  "/loyalty/redeem": loyaltyRedeemHandler,
  "/loyalty/birthday": loyaltyBirthdayHandler,
  "/recommendations": recommendationsProxy,
};
