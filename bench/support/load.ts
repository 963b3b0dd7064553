import { randomUUID } from "node:crypto";
import autocannon from "autocannon";

/** What one load run measured. */
export interface LoadFigures {
  /** 2xx answers per second over the run. */
  okPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/**
 * Sends POSTs with autocannon: at a fixed offered load (`rate` per second over `connections`), or as
 * fast as the server answers when `rate` is omitted. Each request gets a fresh X-Shopify-Webhook-Id
 * (the HMAC covers only the body, so one signature serves every request).
 * @example await postLoad({ url: `${app.url}/webhooks/orders`, body, headers, rate: 2000, seconds: 10 })
 */
export async function postLoad(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  rate?: number;
  seconds: number;
  connections?: number;
}): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.url,
    method: "POST",
    connections: options.connections ?? 32,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    timeout: 10,
    requests: [
      {
        method: "POST",
        body: options.body,
        setupRequest: (request) => ({ ...request, headers: { ...options.headers, "x-shopify-webhook-id": randomUUID() } }),
      },
    ],
  });
  return {
    okPerSecond: result["2xx"] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
