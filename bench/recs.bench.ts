import { createHmac } from "node:crypto";
import type { Benchmark } from "./benchmark";
import { BENCH_API_SECRET, ensureAppBuild, startAppServer, startBareServer } from "./support/app-server";
import { createBenchDatabase } from "./support/bench-database";
import { measureProxy, type ProxyFigures } from "./support/proxy-load";
import { runChild } from "./support/run-child";
import { generateSyntheticStore } from "./support/synthetic-store";

const SHOP = "rapport-bench.myshopify.com";
const RATE = 1000;
const ORDERS = 2_000_000;
const PRODUCTS = 50_000;

interface BuildFigures {
  orders: number;
  products: number;
  customers: number;
  lines: number;
  model_s: number;
  lists_s: number;
  build_s: number;
  build_cpu_s: number;
  lists: number;
  peak_rss_mb: number;
}

/** The human table's rows for the model build. */
function modelRows(build: BuildFigures) {
  return [
    {
      measure: `model build (${build.orders.toLocaleString("en")} orders, ${build.products.toLocaleString("en")} products)`,
      value: `${build.build_s.toFixed(1)} s`,
      goal: "≤ 60 s",
      note: `model ${build.model_s.toFixed(1)} s + ${build.lists.toLocaleString("en")} lists ${build.lists_s.toFixed(1)} s; ${build.build_cpu_s.toFixed(1)} CPU s; ${build.customers.toLocaleString("en")} customers, ${build.lines.toLocaleString("en")} lines; in memory (no database)`,
    },
    { measure: "model build peak RSS", value: `${build.peak_rss_mb} MB`, goal: "≤ 1,500 MB", note: "the child process, inputs included" },
  ];
}

/** A storefront GET as the app proxy forwards it: signed query; a signed-in customer on half of them. */
function signedPath(query: Record<string, string>, customerId: number | null): string {
  const params: Record<string, string> = {
    ...query,
    shop: SHOP,
    logged_in_customer_id: customerId ? String(customerId) : "",
    path_prefix: "/apps/rapport",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  const message = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("");
  const signature = createHmac("sha256", BENCH_API_SECRET).update(message).digest("hex");
  return `/proxy/recommendations?${new URLSearchParams({ ...params, signature })}`;
}

/**
 * The recs-build model and every list for 2,000,000 orders / 50,000 products scaled from Online Retail
 * (in a child process: time and peak RSS), then the real job on a generated shop in the database and
 * its recommendations proxy (home for customers and guests, product pages) at a fixed offered load and
 * flat out, next to a bare node:http server in the same run.
 */
export const recsBench: Benchmark = {
  name: "recs",
  description: `recs model build for ${ORDERS.toLocaleString("en")} orders / ${PRODUCTS.toLocaleString("en")} products; recommendations proxy at ${RATE}/s vs bare node:http`,
  async run({ tmpDir, scale, progress, cpuProfDir, databaseUrl, skip }) {
    const orders = Math.max(2000, Math.round(ORDERS * scale));
    const products = Math.max(1000, Math.round(PRODUCTS * Math.min(1, scale * 10)));
    let build: BuildFigures | null = null;
    if (skip.includes("model-build")) progress("model build: skipped (--skip model-build)");
    else {
      progress(`model build: ${orders.toLocaleString("en")} orders, ${products.toLocaleString("en")} products (child process)`);
      build = await runChild<BuildFigures>("bench/support/recs-build-child.ts", [String(orders), String(products)], progress);
    }

    ensureAppBuild(progress);
    const bench = await createBenchDatabase({ tmpDir, databaseUrl, name: "recs" });
    const store = {
      customers: Math.max(500, Math.round(20_000 * scale)),
      orders: Math.max(2000, Math.round(80_000 * scale)),
      products: 5000,
    };
    progress(`proxy: writing a shop of ${store.orders.toLocaleString("en")} orders`);
    await generateSyntheticStore(bench, { shop: SHOP, ...store, seed: 5 });
    await bench.db.$disconnect();
    const job = await runChild<{ seconds: number; lists: number; maxRssMb: number }>(
      "bench/support/recs-lists-child.ts",
      [bench.url, SHOP],
      progress,
    );
    const seconds = Math.max(3, Math.round(10 * scale));
    const mint = () =>
      Array.from({ length: 2000 }, (_, i) =>
        i % 3 === 0
          ? signedPath({ surface: "product", product_id: String(1 + ((i * 7919) % store.products)) }, null)
          : signedPath({ surface: "home" }, i % 3 === 1 ? 1 + ((i * 104729) % store.customers) : null),
      );
    // The warm-up sends every path once (the lists are served from memory once read), then measured.
    const measure = (label: string, base: string) =>
      measureProxy(label, base, mint, { rate: RATE, seconds, tmpDir, progress, warmupSeconds: 2000 / (RATE / 2) });
    const bare = await startBareServer();
    let baseline: ProxyFigures;
    try {
      baseline = await measure("bare node:http", bare.url);
    } finally {
      await bare.stop();
    }
    const app = await startAppServer({ databaseUrl: bench.url, cpuProfDir });
    let proxy: ProxyFigures;
    try {
      const probe = await fetch(`${app.url}${signedPath({ surface: "home" }, 1)}`);
      const body = (await probe.json()) as { products?: unknown[]; heading?: string };
      if (probe.status !== 200 || !body.products?.length)
        throw new Error(`the recommendations proxy answered ${probe.status} ${JSON.stringify(body)}`);
      proxy = await measure("app", app.url);
    } finally {
      await app.stop();
    }
    return {
      figures: {
        model_build_2m_s: build ? Number(build.build_s.toFixed(1)) : null,
        model_build_cpu_s: build ? Number(build.build_cpu_s.toFixed(1)) : null,
        model_build_peak_rss_mb: build?.peak_rss_mb ?? null,
        model_build_orders: build?.orders ?? null,
        recs_build_job_s: Number(job.seconds.toFixed(1)),
        recs_proxy_p99_ms: proxy.fixed.p99,
        recs_proxy_rps: Math.round(proxy.max.rps),
        bare_node_rps: Math.round(baseline.max.rps),
      },
      rows: [
        ...(build ? modelRows(build) : []),
        {
          measure: `recs-build job (${store.orders.toLocaleString("en")} orders in the database)`,
          value: `${job.seconds.toFixed(1)} s`,
          note: `${job.lists.toLocaleString("en")} lists written, peak RSS ${job.maxRssMb} MB`,
        },
        {
          measure: `recs proxy p99 at ${RATE}/s offered`,
          value: `${proxy.fixed.p99} ms`,
          goal: "≤ 25 ms",
          note: `p50 ${proxy.fixed.p50} ms, p90 ${proxy.fixed.p90} ms; bare node:http p99 ${baseline.fixed.p99} ms${proxy.fixed.bad + proxy.max.bad ? `; ${proxy.fixed.bad + proxy.max.bad} failed` : ""}`,
        },
        {
          measure: "recs proxy requests/s flat out",
          value: proxy.max.rps.toFixed(0),
          goal: "≥ 0.5× bare node",
          note: `bare node:http ${baseline.max.rps.toFixed(0)}/s (${(proxy.max.rps / baseline.max.rps).toFixed(2)}×)`,
        },
      ],
    };
  },
};
