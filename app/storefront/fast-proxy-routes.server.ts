import { loyaltyBalanceProxy } from "../loyalty/balance-proxy.server";
import type { FastProxyHandler } from "./fast-proxy";

/**
 * Storefront endpoints served on the fast path, by their path under /proxy ("/loyalty" answers
 * `/apps/rapport/loyalty`). Each capability adds one line; the Remix route with the same path
 * wraps the same handler with `remixProxyAdapter`.
 */
export const FAST_PROXY_ROUTES: Readonly<Record<string, FastProxyHandler>> = {
  "/loyalty": loyaltyBalanceProxy,
};
