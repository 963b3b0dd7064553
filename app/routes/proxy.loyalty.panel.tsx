import { loyaltyPanelHandler } from "../loyalty/proxy-handlers.server";
import { remixProxyAdapter } from "../storefront/fast-proxy.server";

/** GET /apps/rapport/loyalty/panel — served by the fast path in production; this route serves dev mode. */
export const loader = remixProxyAdapter("/loyalty/panel", loyaltyPanelHandler);
