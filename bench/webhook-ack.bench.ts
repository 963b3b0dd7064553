import { createHmac, randomUUID } from "node:crypto";
import type { Benchmark } from "./benchmark";
import { BENCH_API_SECRET, ensureAppBuild, startAppServer, startBareServer } from "./support/app-server";
import { createBenchDatabase } from "./support/bench-database";
import { runLoad, type LoadResult } from "./support/proxy-load";
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
  async run({ tmpDir, scale, progress, cpuProfDir }) {
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
    // Paced (open loop) at the fixed load, then flat out, from the load-generator child (as the proxy
    // benches): each delivery with a fresh X-Shopify-Webhook-Id.
    const post = { body, headers, uniqueHeader: "x-shopify-webhook-id" };
    const flatSeconds = Math.max(3, Math.round(seconds / 2));
    const measure = async (label: string, url: string): Promise<{ fixed: LoadResult; max: LoadResult }> => {
      const job = { url, paths: ["/webhooks/orders"], post };
      progress(`${label}: warm-up`);
      await runLoad({ ...job, mode: "paced", rate: RATE / 2, seconds: 2, connections: 32 }, tmpDir, progress);
      progress(`${label}: ${RATE}/s offered for ${seconds} s (paced)`);
      const fixed = await runLoad({ ...job, mode: "paced", rate: RATE, seconds, connections: 32 }, tmpDir, progress);
      progress(
        `${label}: ${fixed.rps.toFixed(0)}/s, p50 ${fixed.p50} ms, p90 ${fixed.p90} ms, p99 ${fixed.p99} ms, max ${fixed.max} ms; now as fast as it answers (16 connections)`,
      );
      const max = await runLoad({ ...job, mode: "flat", seconds: flatSeconds, connections: 16 }, tmpDir, progress);
      progress(`${label}: at most ${max.rps.toFixed(0)}/s, p99 ${max.p99} ms`);
      return { fixed, max };
    };

    const bare = await startBareServer();
    let baseline;
    try {
      baseline = await measure("bare node:http", bare.url);
    } finally {
      await bare.stop();
    }
    const app = await startAppServer({ databaseUrl: bench.url, cpuProfDir });
    let figures;
    try {
      figures = await measure("app", app.url);
    } finally {
      await app.stop();
    }
    const stored = await bench.db.webhookDelivery.count({ where: { shop: SHOP } });
    await bench.close();
    // Every request of the runs had its own webhook id: a 200 must mean a stored row (the warm-up's are stored too).
    const acked = figures.fixed.ok + figures.max.ok;
    if (stored < acked) throw new Error(`${acked} deliveries answered 200 but only ${stored} stored`);
    const failures = figures.fixed.bad;
    return {
      figures: {
        webhook_ack_per_s: Math.round(figures.fixed.rps),
        webhook_ack_p99_ms: figures.fixed.p99,
        webhook_ack_max_per_s: Math.round(figures.max.rps),
        webhook_ack_baseline_per_s: Math.round(baseline.fixed.rps),
        webhook_ack_baseline_p99_ms: baseline.fixed.p99,
      },
      rows: [
        {
          measure: `acks/s at ${RATE}/s offered`,
          value: figures.fixed.rps.toFixed(0),
          goal: "≥ 2,000",
          note: `bare node:http at the same load: ${baseline.fixed.rps.toFixed(0)}/s${failures ? `; ${failures} not 2xx` : ""}`,
        },
        {
          measure: "p99 latency at that load",
          value: `${figures.fixed.p99} ms`,
          goal: "≤ 20 ms",
          note: `p50 ${figures.fixed.p50} ms; bare node:http p99 ${baseline.fixed.p99} ms`,
        },
        {
          measure: "acks/s, as fast as answered",
          value: figures.max.rps.toFixed(0),
          note: `16 connections, p99 ${figures.max.p99} ms; bare node:http ${baseline.max.rps.toFixed(0)}/s`,
        },
      ],
    };
  },
};
