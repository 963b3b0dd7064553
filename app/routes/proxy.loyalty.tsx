import { loyaltyBalanceProxy } from "../loyalty/balance-proxy.server";
import { remixProxyAdapter } from "../storefront/fast-proxy.server";

/** GET /apps/rapport/loyalty — served by the fast path in production; this route serves dev mode. */
export const loader = remixProxyAdapter("/loyalty", loyaltyBalanceProxy);
