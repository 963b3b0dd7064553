import { createHmac, randomUUID } from "node:crypto";
import type { Benchmark } from "./benchmark";
import { BENCH_API_SECRET, ensureAppBuild, startAppServer, startBareServer } from "./support/app-server";
import { createBenchDatabase } from "./support/bench-database";
import { postLoad, type LoadFigures } from "./support/load";
import { exampleOrder } from "../tests/helpers/webhook-request";

const SHOP = "rapport-bench.myshopify.com";
/** The offered load the goal is stated at. */
const RATE = 2000;

/**
 * Signed orders/paid deliveries sent to the production server (`npm start`'s app/start.server.ts on a
 * fresh build, SQLite, an installed shop) at a fixed offered load; a bare node:http server under the
 * same load, in the same run, is the baseline.
 */
export const webhookAckBench: Benchmark = {
  name: "webhook-ack",
  description: `signed orders/paid acknowledged by the production server at ${RATE}/s offered (goal ≥ 2,000/s, p99 ≤ 20 ms)`,
  async run({ tmpDir, scale, progress }) {
    ensureAppBuild(progress);
    const bench = await createBenchDatabase({ tmpDir, databaseUrl: null, name: "webhook_ack" });
    await bench.db.shop.create({ data: { shop: SHOP, currencyCode: "GBP" } });
    const body = JSON.stringify(exampleOrder());
    const headers = {
      "content-type": "application/json",
      "x-shopify-topic": "orders/paid",
      "x-shopify-hmac-sha256": createHmac("sha256", BENCH_API_SECRET).update(body).digest("base64"),
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-07",
      "x-shopify-event-id": randomUUID(),
      "x-shopify-triggered-at": new Date().toISOString(),
    };
    const seconds = Math.max(3, Math.round(10 * scale));
    const measure = async (label: string, url: string): Promise<{ fixed: LoadFigures; max: LoadFigures }> => {
      progress(`${label}: warm-up`);
      await postLoad({ url, body, headers, rate: RATE / 2, seconds: 2 });
      progress(`${label}: ${RATE}/s offered for ${seconds} s`);
      const fixed = await postLoad({ url, body, headers, rate: RATE, seconds });
      progress(`${label}: ${fixed.okPerSecond.toFixed(0)}/s, p99 ${fixed.p99Ms} ms; now as fast as it answers (16 connections)`);
      const max = await postLoad({ url, body, headers, seconds: Math.max(3, Math.round(seconds / 2)), connections: 16 });
      progress(`${label}: at most ${max.okPerSecond.toFixed(0)}/s, p99 ${max.p99Ms} ms`);
      return { fixed, max };
    };

    const bare = await startBareServer();
    let baseline;
    try {
      baseline = await measure("bare node:http", `${bare.url}/webhooks/orders`);
    } finally {
      await bare.stop();
    }
    const app = await startAppServer({ databaseUrl: bench.url });
    let figures;
    try {
      figures = await measure("app", `${app.url}/webhooks/orders`);
    } finally {
      await app.stop();
    }
    const stored = await bench.db.webhookDelivery.count({ where: { shop: SHOP } });
    await bench.close();
    const acked = figures.fixed.ok + figures.max.ok;
    // The warm-up's acknowledgements are stored too; a 200 must mean a stored row.
    if (stored < acked) throw new Error(`${acked} deliveries answered 200 but only ${stored} stored`);
    const failures = figures.fixed.non2xx + figures.fixed.errors + figures.fixed.timeouts;
    return {
      figures: {
        webhook_ack_per_s: Math.round(figures.fixed.okPerSecond),
        webhook_ack_p99_ms: figures.fixed.p99Ms,
        webhook_ack_max_per_s: Math.round(figures.max.okPerSecond),
        webhook_ack_baseline_per_s: Math.round(baseline.fixed.okPerSecond),
        webhook_ack_baseline_p99_ms: baseline.fixed.p99Ms,
      },
      rows: [
        {
          measure: `acks/s at ${RATE}/s offered`,
          value: figures.fixed.okPerSecond.toFixed(0),
          goal: "≥ 2,000",
          note: `bare node:http at the same load: ${baseline.fixed.okPerSecond.toFixed(0)}/s${failures ? `; ${failures} not 2xx` : ""}`,
        },
        {
          measure: "p99 latency at that load",
          value: `${figures.fixed.p99Ms} ms`,
          goal: "≤ 20 ms",
          note: `p50 ${figures.fixed.p50Ms} ms; bare node:http p99 ${baseline.fixed.p99Ms} ms`,
        },
        {
          measure: "acks/s, as fast as answered",
          value: figures.max.okPerSecond.toFixed(0),
          note: `16 connections, p99 ${figures.max.p99Ms} ms; bare node:http ${baseline.max.okPerSecond.toFixed(0)}/s`,
        },
      ],
    };
  },
};
