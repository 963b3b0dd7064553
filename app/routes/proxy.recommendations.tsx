import { recommendationsProxy } from "../recommendations/serve.server";
import { remixProxyAdapter } from "../storefront/fast-proxy.server";

/** /apps/rapport/recommendations — served by the fast path in production; this route serves dev mode and tests. */
export const loader = remixProxyAdapter("/recommendations", recommendationsProxy);
export const action = remixProxyAdapter("/recommendations", recommendationsProxy);
