import type { Benchmark, BenchContext } from "./benchmark";
import { ensureAppBuild, startWorkerProcess } from "./support/app-server";
import { createBenchDatabase, LOCAL_POSTGRES_URL } from "./support/bench-database";
import { putOrderDeliveries } from "./support/order-deliveries";

const SHOP = "rapport-bench.myshopify.com";

/**
 * N orders/paid deliveries already in the inbox (as the receiver stores them), then `npm run worker`
 * processes drain them into the histories (orders, lines, customers, purchase interactions, points):
 * orders per second from the moment the workers are up until the last delivery is done.
 */
async function drain(context: BenchContext, databaseUrl: string | null, workers: number, count: number) {
  const label = `${databaseUrl ? "PostgreSQL" : "SQLite"}, ${workers} worker${workers > 1 ? "s" : ""}`;
  const bench = await createBenchDatabase({ tmpDir: context.tmpDir, databaseUrl, name: `orders_${workers}w` });
  try {
    await bench.db.shop.create({ data: { shop: SHOP, currencyCode: "GBP", installedAt: new Date("2020-01-01T00:00:00Z") } });
    context.progress(`${label}: putting ${count.toLocaleString("en")} deliveries in the inbox…`);
    const { lines } = await putOrderDeliveries(bench, {
      shop: SHOP,
      count,
      customers: Math.max(100, Math.round(count / 4)),
      products: 2000,
    });
    const processes = await Promise.all(
      Array.from({ length: workers }, () => startWorkerProcess({ databaseUrl: bench.url, cpuProfDir: context.cpuProfDir })),
    );
    const started = Date.now();
    let finished = 0;
    let lastReport = started;
    try {
      while (finished < count) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        finished = await bench.db.webhookDelivery.count({ where: { status: { in: ["done", "parked"] } } });
        if (Date.now() - lastReport > 5000) {
          lastReport = Date.now();
          context.progress(`${label}: ${finished.toLocaleString("en")}/${count.toLocaleString("en")} processed`);
        }
        if (processes.some((p) => p.child.exitCode !== null)) throw new Error(`${label}: a worker exited`);
      }
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
    }
    const seconds = (Date.now() - started) / 1000;
    const parked = await bench.db.webhookDelivery.count({ where: { status: "parked" } });
    const orders = await bench.db.order.count({ where: { shop: SHOP } });
    if (parked > 0 || orders !== count) throw new Error(`${label}: ${parked} parked, ${orders} orders recorded of ${count}`);
    const rate = count / seconds;
    context.progress(`${label}: ${rate.toFixed(0)} orders/s (${lines.toLocaleString("en")} lines)`);
    return { rate, lines, seconds };
  } finally {
    await bench.close();
  }
}

export const ordersProcessedBench: Benchmark = {
  name: "orders-processed",
  description:
    "orders/paid deliveries drained from the inbox into histories by npm run worker processes (goal ≥ 1,000/s SQLite, ≥ 1.6× from 1 to 2 workers on PostgreSQL)",
  async run(context) {
    ensureAppBuild(context.progress);
    const count = Math.max(500, Math.round(20_000 * context.scale));
    const pgUrl = context.databaseUrl ?? LOCAL_POSTGRES_URL;
    const sqlite = await drain(context, null, 1, count);
    const pg1 = await drain(context, pgUrl, 1, count);
    const pg2 = await drain(context, pgUrl, 2, count);
    const scaling = pg2.rate / pg1.rate;
    const perOrder = `${(sqlite.lines / count).toFixed(1)} lines an order`;
    return {
      figures: {
        orders_processed_per_s: Math.round(sqlite.rate),
        orders_processed_per_s_pg_1w: Math.round(pg1.rate),
        orders_processed_per_s_pg_2w: Math.round(pg2.rate),
        orders_processed_pg_scaling: Number(scaling.toFixed(2)),
      },
      rows: [
        {
          measure: `orders/s, SQLite, 1 worker (${count.toLocaleString("en")} orders)`,
          value: sqlite.rate.toFixed(0),
          goal: "≥ 1,000",
          note: perOrder,
        },
        { measure: "orders/s, PostgreSQL, 1 worker", value: pg1.rate.toFixed(0), note: "the baseline for the scaling below" },
        {
          measure: "orders/s, PostgreSQL, 2 workers",
          value: pg2.rate.toFixed(0),
          goal: "≥ 1.6× 1 worker",
          note: `${scaling.toFixed(2)}× 1 worker`,
        },
      ],
    };
  },
};
