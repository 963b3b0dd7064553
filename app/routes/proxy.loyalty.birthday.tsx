import { loyaltyBirthdayHandler } from "../loyalty/proxy-handlers.server";
import { remixProxyAdapter } from "../storefront/fast-proxy.server";

/** POST /apps/rapport/loyalty/birthday — served by the fast path in production; this route serves dev mode. */
export const action = remixProxyAdapter("/loyalty/birthday", loyaltyBirthdayHandler);
