/** What a storefront proxy handler receives once the request is authenticated as Shopify's app proxy. */
export interface FastProxyRequest {
  shop: string;
  /** The signed-in shopper's Customer GID (from the signed `logged_in_customer_id`), or null for a guest. */
  customerGid: string | null;
  method: "GET" | "POST";
  /** The path under /proxy, e.g. "/loyalty". */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body of a POST (undefined for GET or an empty body). */
  body: unknown;
}

/**
 * A JSON body serialised once, for an answer served many times: the fast path writes `text` as it is;
 * anything else that serialises it (JSON.stringify, Response.json) gets the same JSON through toJSON.
 * @example return { status: 200, body: new JsonText(JSON.stringify(answer)) }
 */
export class JsonText {
  constructor(readonly text: string) {}
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** What a handler answers; serialised as JSON. Headers default to `Cache-Control: private, no-store`. */
export interface FastProxyResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A storefront endpoint behind the app proxy. The same function serves the production fast path
 * (app/storefront/fast-proxy.server.ts, no Remix on the hot path) and the Remix route (dev mode, tests).
 * It may answer synchronously when it has the answer at hand (a remembered one): the fast path then
 * writes it in the same turn, without a promise.
 * @example const loyalty: FastProxyHandler = async ({ shop, customerGid }) => ({ status: 200, body: { balance } })
 */
export type FastProxyHandler = (request: FastProxyRequest) => FastProxyResponse | Promise<FastProxyResponse>;

export const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" } as const;

/** A 4xx answer with a message, thrown by handlers for bad input. */
export class ProxyInputError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
