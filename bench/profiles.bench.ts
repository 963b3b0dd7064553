import type { Benchmark } from "./benchmark";
import { createBenchDatabase } from "./support/bench-database";
import { generateProfilesShop } from "./support/profiles-shop";

const SHOP = "rapport-bench.myshopify.com";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Full RFM recomputation (the segments job's SQL) on a shop of 250,000 customers / 2,000,000 orders,
 * against a plain scan of the same table in the same run; and the customer list's filtered, sorted
 * first page (the admin loader's query) p99, against an unfiltered page by primary key.
 */
export const profilesBench: Benchmark = {
  name: "profiles",
  description:
    "RFM recomputation for 250,000 customers / 2,000,000 orders (goal ≤ 10 s) and a filtered, sorted customer-list page (goal p99 ≤ 100 ms)",
  async run({ tmpDir, scale, databaseUrl, progress }) {
    const customers = Math.round(250_000 * scale);
    const orders = Math.round(2_000_000 * scale);
    const bench = await createBenchDatabase({ tmpDir, databaseUrl, name: "profiles" });
    try {
      progress(`writing ${customers} customers and ${orders} orders (${bench.kind})`);
      const t0 = Date.now();
      await generateProfilesShop(bench, SHOP, customers, orders, progress);
      const seedS = (Date.now() - t0) / 1000;
      progress(`written in ${seedS.toFixed(1)} s`);
      // The app's modules use the app's client: point it at the bench database before loading them.
      process.env.DATABASE_URL = bench.url;
      process.env.SHOPIFY_API_KEY ??= "bench";
      process.env.SHOPIFY_API_SECRET ??= "bench";
      process.env.SHOPIFY_APP_URL ??= "https://bench.example";
      const { default: prisma } = await import("../app/db.server");
      const { computeRfm } = await import("../app/segments/compute-rfm.server");
      const { refreshCustomerStatistics } = await import("../app/segments/customer-statistics.server");
      const { listCustomers } = await import("../app/profiles/customer-list.server");
      const { parseCustomerListQuery } = await import("../app/profiles/customer-list-query");

      let start = performance.now();
      await prisma.$queryRaw`SELECT COUNT(*) AS n, SUM("netSpentMinor") AS s, MAX("lastOrderAt") AS l FROM "Customer" WHERE "shop" = ${SHOP}`;
      const scanS = (performance.now() - start) / 1000;
      progress(`baseline: one scan of the customers ${scanS.toFixed(2)} s; RFM recomputation…`);
      start = performance.now();
      const cpu = process.cpuUsage();
      const changed = await computeRfm(prisma, SHOP);
      const rfmS = (performance.now() - start) / 1000;
      // CPU of this process (SQLite runs in it; PostgreSQL's work is in the server and not counted here).
      const rfmCpuS = Object.values(process.cpuUsage(cpu)).reduce((a, b) => a + b, 0) / 1e6;
      // As the segments job does after a recomputation (app/segments/refresh-segments-job.server.ts).
      start = performance.now();
      await refreshCustomerStatistics(prisma);
      const statisticsS = (performance.now() - start) / 1000;
      start = performance.now();
      const again = await computeRfm(prisma, SHOP);
      const rerunS = (performance.now() - start) / 1000;
      progress(
        `RFM: ${changed} customers scored in ${rfmS.toFixed(2)} s (${rfmCpuS.toFixed(2)} s CPU here); unchanged rerun ${rerunS.toFixed(2)} s (${again} changed); planner statistics ${statisticsS.toFixed(2)} s`,
      );

      const timed = async (query: string, runs: number) => {
        const parsed = parseCustomerListQuery(new URLSearchParams(query));
        const times: number[] = [];
        for (let i = 0; i < runs; i += 1) {
          const t = performance.now();
          await listCustomers(SHOP, { ...parsed, page: 1 + (i % 5) });
          times.push(performance.now() - t);
        }
        return { p50: percentile(times, 50), p99: percentile(times, 99) };
      };
      const runs = 300;
      await timed("", 20);
      const baseline = await timed("sort=email&direction=asc", runs);
      const listQuery = "segment=Champions&minOrders=2&sort=netSpentMinor&direction=desc";
      const list = await timed(listQuery, runs);
      const search = await timed("q=customer12&sort=lastOrderAt&direction=desc", runs);
      progress(`list p99 ${list.p99.toFixed(1)} ms (baseline ${baseline.p99.toFixed(1)} ms, search ${search.p99.toFixed(1)} ms)`);
      const round = (n: number, d = 2) => Number(n.toFixed(d));
      return {
        figures: {
          rfm_250k_s: round(rfmS),
          customer_list_p99_ms: round(list.p99, 1),
          customers,
          orders,
          seed_s: round(seedS, 1),
          database: bench.kind,
          baseline_scan_s: round(scanS),
          rfm_rerun_unchanged_s: round(rerunS),
          rfm_process_cpu_s: round(rfmCpuS),
          planner_statistics_s: round(statisticsS),
          customer_list_p50_ms: round(list.p50, 1),
          customer_list_baseline_p99_ms: round(baseline.p99, 1),
          customer_search_p99_ms: round(search.p99, 1),
        },
        rows: [
          {
            measure: `RFM recomputation, ${customers.toLocaleString("en")} customers`,
            value: `${rfmS.toFixed(2)} s`,
            goal: "≤ 10 s",
            note: `one scan of the same table: ${scanS.toFixed(2)} s; ${rfmCpuS.toFixed(2)} s CPU in this process; unchanged rerun ${rerunS.toFixed(2)} s; seeded in ${seedS.toFixed(0)} s`,
          },
          {
            measure: `customer list page (${listQuery})`,
            value: `p99 ${list.p99.toFixed(1)} ms`,
            goal: "p99 ≤ 100 ms",
            note: `p50 ${list.p50.toFixed(1)} ms; unfiltered page sorted by email p99 ${baseline.p99.toFixed(1)} ms; name/email search p99 ${search.p99.toFixed(1)} ms`,
          },
        ],
      };
    } finally {
      await bench.close();
    }
  },
};
