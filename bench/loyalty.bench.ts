import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import type { Benchmark } from "./benchmark";
import { BENCH_API_SECRET, ensureAppBuild, startAppServer, startBareServer } from "./support/app-server";
import { createBenchDatabase } from "./support/bench-database";

const SHOP = "rapport-bench.myshopify.com";
/** The offered load the goal is stated at. */
const RATE = 1000;
const CUSTOMERS = 250_000;
const ASSETS = path.resolve(import.meta.dirname, "../extensions/rapport-storefront/assets");

/** A storefront GET as Shopify's app proxy forwards it: signed query, a signed-in customer. */
function signedPath(customerId: number): string {
  const params: Record<string, string> = {
    shop: SHOP,
    logged_in_customer_id: String(customerId),
    path_prefix: "/apps/rapport",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  const message = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("");
  const signature = createHmac("sha256", BENCH_API_SECRET).update(message).digest("hex");
  return `/proxy/loyalty?${new URLSearchParams({ ...params, signature })}`;
}

async function getLoad(url: string, customers: number, seconds: number, rate?: number, connections = 32) {
  // Signed URLs for random customers, minted now (the proxy refuses signatures older than 90 s).
  const paths = Array.from({ length: 2000 }, () => signedPath(1 + Math.floor(Math.random() * customers)));
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    timeout: 10,
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length]! }) }],
  });
  return {
    rps: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

/** Raw and gzipped bytes of every storefront asset (what a shopper's browser may download). */
export function assetSizes(): Record<string, { raw: number; gzip: number }> {
  const sizes: Record<string, { raw: number; gzip: number }> = {};
  for (const file of readdirSync(ASSETS).sort()) {
    const bytes = readFileSync(path.join(ASSETS, file));
    sizes[file] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return sizes;
}

/**
 * The storefront's loyalty endpoint (GET /apps/rapport/loyalty on the production server's fast path,
 * SQLite) on a shop with 250,000 accounts, at a fixed offered load and flat out; a bare node:http server
 * measured the same way in the same run is the baseline. Plus the size of every storefront asset.
 */
export const loyaltyBench: Benchmark = {
  name: "loyalty",
  description: `loyalty proxy on a ${CUSTOMERS.toLocaleString("en")}-customer shop at ${RATE}/s offered vs bare node:http; storefront asset sizes`,
  async run({ tmpDir, scale, progress }) {
    ensureAppBuild(progress);
    const customers = Math.max(1000, Math.round(CUSTOMERS * scale));
    const bench = await createBenchDatabase({ tmpDir, databaseUrl: null, name: "loyalty" });
    await bench.db.shop.create({ data: { shop: SHOP, currencyCode: "GBP", installedAt: new Date("2020-01-01T00:00:00Z") } });
    progress(`writing ${customers.toLocaleString("en")} accounts`);
    const now = new Date().toISOString();
    for (let start = 1; start <= customers; start += 5000) {
      const rows: string[] = [];
      for (let id = start; id < Math.min(start + 5000, customers + 1); id += 1) {
        const balance = (id * 7919) % 5000;
        rows.push(`('acct-${id}', '${SHOP}', 'gid://shopify/Customer/${id}', ${balance}, 0, ${balance}, 1, '${now}', '${now}', '${now}')`);
      }
      for (let j = 0; j < rows.length; j += 500)
        await bench.db.$executeRawUnsafe(
          `INSERT INTO "LoyaltyAccount" ("id", "shop", "customerGid", "balance", "pending", "lifetimeEarned", "version", "lastActivityAt", "createdAt", "updatedAt") VALUES ${rows.slice(j, j + 500).join(",")}`,
        );
    }
    const seconds = Math.max(3, Math.round(10 * scale));
    const measure = async (label: string, base: string) => {
      progress(`${label}: warm-up`);
      await getLoad(base, customers, 2, RATE / 2);
      progress(`${label}: ${RATE}/s offered for ${seconds} s`);
      const fixed = await getLoad(base, customers, seconds, RATE);
      progress(`${label}: p99 ${fixed.p99} ms at ${fixed.rps.toFixed(0)}/s; now flat out (16 connections)`);
      const max = await getLoad(base, customers, Math.max(3, Math.round(seconds / 2)), undefined, 16);
      progress(`${label}: ${max.rps.toFixed(0)}/s flat out, p99 ${max.p99} ms`);
      return { fixed, max };
    };
    const bare = await startBareServer();
    let baseline;
    try {
      baseline = await measure("bare node:http", bare.url);
    } finally {
      await bare.stop();
    }
    const app = await startAppServer({ databaseUrl: bench.url });
    let figures;
    try {
      const probe = await fetch(`${app.url}${signedPath(1)}`);
      const answer = (await probe.json()) as { balance?: number };
      if (probe.status !== 200 || answer.balance !== 7919 % 5000)
        throw new Error(`the loyalty endpoint answered ${probe.status} ${JSON.stringify(answer)}`);
      figures = await measure("app", app.url);
    } finally {
      await app.stop();
    }
    await bench.close();
    const assets = assetSizes();
    return {
      figures: {
        loyalty_proxy_p99_ms: figures.fixed.p99,
        loyalty_proxy_rps: Math.round(figures.max.rps),
        loyalty_proxy_rps_at_fixed_load: Math.round(figures.fixed.rps),
        bare_node_rps: Math.round(baseline.max.rps),
        bare_node_p99_ms: baseline.fixed.p99,
        customers,
        assets,
      },
      rows: [
        {
          measure: `loyalty proxy p99 at ${RATE}/s offered`,
          value: `${figures.fixed.p99} ms`,
          goal: "≤ 25 ms",
          note: `${customers.toLocaleString("en")} accounts; p50 ${figures.fixed.p50} ms; bare node:http p99 ${baseline.fixed.p99} ms${figures.fixed.bad ? `; ${figures.fixed.bad} failed` : ""}`,
        },
        {
          measure: "loyalty proxy requests/s flat out",
          value: figures.max.rps.toFixed(0),
          goal: "≥ 0.5× bare node",
          note: `bare node:http ${baseline.max.rps.toFixed(0)}/s (${(figures.max.rps / baseline.max.rps).toFixed(2)}×)`,
        },
        ...Object.entries(assets).map(([file, s]) => ({ measure: `asset ${file}`, value: `${s.raw} B`, note: `${s.gzip} B gzipped` })),
      ],
    };
  },
};
