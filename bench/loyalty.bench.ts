import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Benchmark } from "./benchmark";
import { BENCH_API_SECRET, ensureAppBuild, startAppServer, startBareServer } from "./support/app-server";
import { createBenchDatabase, type BenchDatabase } from "./support/bench-database";
import { measureProxy, type ProxyFigures } from "./support/proxy-load";

const SHOP = "rapport-bench.myshopify.com";
type BenchDb = BenchDatabase["db"];
/** The offered load the goal is stated at. */
const RATE = 1000;
const CUSTOMERS = 250_000;
const ASSETS = path.resolve(import.meta.dirname, "../extensions/rapport-storefront/assets");

/** A storefront GET as Shopify's app proxy forwards it: signed query, a signed-in customer. */
function signedPath(customerId: number, endpoint = "loyalty"): string {
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
  return `/proxy/${endpoint}?${new URLSearchParams({ ...params, signature })}`;
}

/** Signed URLs for 2,000 random customers, minted now (the proxy refuses signatures older than 90 s). */
const minter = (customers: number, endpoint: string) => () =>
  Array.from({ length: 2000 }, () => signedPath(1 + Math.floor(Math.random() * customers), endpoint));

/** The program the panel shows: a rate, four rewards (one for Gold members only), two tiers. */
async function seedProgram(db: BenchDb): Promise<void> {
  await db.loyaltyProgram.create({ data: { shop: SHOP, pointsPerCurrencyUnit: 5 } });
  await db.loyaltyTier.create({ data: { shop: SHOP, name: "Silver", threshold: 50_000n, earnMultiplierPct: 110 } });
  const gold = await db.loyaltyTier.create({
    data: { shop: SHOP, name: "Gold", threshold: 150_000n, earnMultiplierPct: 125, freeShipping: true },
  });
  await db.loyaltyReward.createMany({
    data: [
      { shop: SHOP, title: "£5 off", kind: "amount_off", pointsCost: 500, amountMinor: 500 },
      { shop: SHOP, title: "10% off", kind: "percentage_off", pointsCost: 1000, percentage: 10 },
      { shop: SHOP, title: "Free shipping", kind: "free_shipping", pointsCost: 800 },
      { shop: SHOP, title: "£20 off", kind: "amount_off", pointsCost: 3000, amountMinor: 2000, tierId: gold.id },
    ],
  });
}

function panelRows(panel: ProxyFigures, baseline: ProxyFigures) {
  const failed = panel.fixed.bad + panel.max.bad;
  return [
    {
      measure: `loyalty panel p99 at ${RATE}/s offered`,
      value: `${panel.fixed.p99} ms`,
      goal: "≤ 25 ms",
      note: `4 rewards, 2 tiers; p50 ${panel.fixed.p50} ms, p90 ${panel.fixed.p90} ms${failed ? `; ${failed} failed` : ""}`,
    },
    {
      measure: "loyalty panel requests/s flat out",
      value: panel.max.rps.toFixed(0),
      goal: "≥ 0.5× bare node",
      note: `${(panel.max.rps / baseline.max.rps).toFixed(2)}× bare node:http`,
    },
  ];
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
 * The storefront's loyalty endpoints (GET /apps/rapport/loyalty and /loyalty/panel on the production
 * server's fast path, SQLite unless `--database`) on a shop with 250,000 accounts, at a fixed offered
 * load and flat out; a bare node:http server measured the same way in the same run is the baseline.
 * Plus the size of every storefront asset.
 */
export const loyaltyBench: Benchmark = {
  name: "loyalty",
  description: `loyalty proxy on a ${CUSTOMERS.toLocaleString("en")}-customer shop at ${RATE}/s offered vs bare node:http; storefront asset sizes`,
  async run({ tmpDir, scale, progress, cpuProfDir, databaseUrl, skip }) {
    ensureAppBuild(progress);
    const customers = Math.max(1000, Math.round(CUSTOMERS * scale));
    const bench = await createBenchDatabase({ tmpDir, databaseUrl, name: "loyalty" });
    await bench.db.shop.create({ data: { shop: SHOP, currencyCode: "GBP", installedAt: new Date("2020-01-01T00:00:00Z") } });
    await seedProgram(bench.db);
    progress(`writing ${customers.toLocaleString("en")} accounts, each with its earning posting`);
    const now = new Date().toISOString();
    for (let start = 1; start <= customers; start += 5000) {
      const accounts: string[] = [];
      const postings: string[] = [];
      for (let id = start; id < Math.min(start + 5000, customers + 1); id += 1) {
        const balance = (id * 7919) % 5000;
        const gid = `gid://shopify/Customer/${id}`;
        accounts.push(`('acct-${id}', '${SHOP}', '${gid}', ${balance}, 0, ${balance}, 1, '${now}', '${now}', '${now}')`);
        postings.push(`('post-${id}', '${SHOP}', '${gid}', ${balance}, 'earn:order', 'order:${id}:earn', 'available', '${now}')`);
      }
      for (let j = 0; j < accounts.length; j += 500) {
        await bench.db.$executeRawUnsafe(
          `INSERT INTO "LoyaltyAccount" ("id", "shop", "customerGid", "balance", "pending", "lifetimeEarned", "version", "lastActivityAt", "createdAt", "updatedAt") VALUES ${accounts.slice(j, j + 500).join(",")}`,
        );
        await bench.db.$executeRawUnsafe(
          `INSERT INTO "LedgerEntry" ("id", "shop", "customerGid", "points", "reason", "idempotencyKey", "bucket", "createdAt") VALUES ${postings.slice(j, j + 500).join(",")}`,
        );
      }
    }
    const seconds = Math.max(3, Math.round(10 * scale));
    const measure = (label: string, base: string, endpoint: string) =>
      measureProxy(label, base, minter(customers, endpoint), { rate: RATE, seconds, tmpDir, progress });
    const bare = await startBareServer();
    let baseline: ProxyFigures;
    try {
      baseline = await measure("bare node:http", bare.url, "loyalty");
    } finally {
      await bare.stop();
    }
    const app = await startAppServer({ databaseUrl: bench.url, cpuProfDir });
    let figures: ProxyFigures;
    let panel: ProxyFigures | null = null;
    try {
      const probe = await fetch(`${app.url}${signedPath(1)}`);
      const answer = (await probe.json()) as { balance?: number };
      if (probe.status !== 200 || answer.balance !== 7919 % 5000)
        throw new Error(`the loyalty endpoint answered ${probe.status} ${JSON.stringify(answer)}`);
      const panelProbe = await fetch(`${app.url}${signedPath(1, "loyalty/panel")}`);
      const opened = (await panelProbe.json()) as { balance?: number; rewards?: unknown[]; activity?: unknown[] };
      if (panelProbe.status !== 200 || opened.balance !== 7919 % 5000 || opened.rewards?.length !== 4 || opened.activity?.length !== 1)
        throw new Error(`the loyalty panel answered ${panelProbe.status} ${JSON.stringify(opened)}`);
      figures = await measure("app /loyalty", app.url, "loyalty");
      if (!skip.includes("panel")) panel = await measure("app /loyalty/panel", app.url, "loyalty/panel");
    } finally {
      await app.stop();
    }
    await bench.close();
    const assets = assetSizes();
    const failed = (f: ProxyFigures) => (f.fixed.bad + f.max.bad ? `; ${f.fixed.bad + f.max.bad} failed` : "");
    return {
      figures: {
        loyalty_proxy_p99_ms: figures.fixed.p99,
        loyalty_proxy_rps: Math.round(figures.max.rps),
        loyalty_proxy_rps_at_fixed_load: Math.round(figures.fixed.rps),
        loyalty_panel_proxy_p99_ms: panel?.fixed.p99 ?? null,
        loyalty_panel_proxy_rps: panel ? Math.round(panel.max.rps) : null,
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
          note: `${customers.toLocaleString("en")} accounts; p50 ${figures.fixed.p50} ms, p90 ${figures.fixed.p90} ms; bare node:http p99 ${baseline.fixed.p99} ms${failed(figures)}`,
        },
        {
          measure: "loyalty proxy requests/s flat out",
          value: figures.max.rps.toFixed(0),
          goal: "≥ 0.5× bare node",
          note: `bare node:http ${baseline.max.rps.toFixed(0)}/s (${(figures.max.rps / baseline.max.rps).toFixed(2)}×)`,
        },
        ...(panel ? panelRows(panel, baseline) : []),
        ...Object.entries(assets).map(([file, s]) => ({ measure: `asset ${file}`, value: `${s.raw} B`, note: `${s.gzip} B gzipped` })),
      ],
    };
  },
};
