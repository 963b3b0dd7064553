import { randomUUID } from "node:crypto";
import { Prisma as SqlitePrisma } from "@rapport/prisma-sqlite";
import { Prisma as PostgresPrisma } from "@rapport/prisma-pg";
import type { Prisma } from "../app/db-client.server";
import type { Benchmark } from "./benchmark";
import { createBenchDatabase, type BenchDatabase } from "./support/bench-database";
import { seededRandom } from "./support/random";

const SHOP = "rapport-bench.myshopify.com";
const DAY = 86_400_000;

/** Customers with 1–6 orders each over the last two years, and a loyalty account for two in three. */
export async function generate(bench: BenchDatabase, customers: number, progress: (line: string) => void): Promise<number> {
  const SQL = (bench.kind === "postgres" ? PostgresPrisma : SqlitePrisma) as typeof SqlitePrisma;
  const random = seededRandom(7);
  const now = new Date();
  await bench.db.shop.create({ data: { shop: SHOP, currencyCode: "GBP" } });
  const rows = { customers: [] as Prisma.Sql[], orders: [] as Prisma.Sql[], accounts: [] as Prisma.Sql[] };
  const flush = async (force = false) => {
    if (force || rows.orders.length >= 1000) {
      if (rows.orders.length)
        await bench.db
          .$executeRaw`INSERT INTO "Order" ("id","shop","orderGid","name","customerGid","processedAt","currencyCode","subtotalMinor","totalMinor","sourceUpdatedAt","ingestedVia","updatedAt") VALUES ${SQL.join(rows.orders)}`;
      rows.orders.length = 0;
    }
    if (force || rows.customers.length >= 500) {
      if (rows.customers.length)
        await bench.db.$executeRaw`INSERT INTO "Customer" ("id","shop","customerGid","updatedAt") VALUES ${SQL.join(rows.customers)}`;
      if (rows.accounts.length)
        await bench.db.$executeRaw`INSERT INTO "LoyaltyAccount" ("id","shop","customerGid","updatedAt") VALUES ${SQL.join(rows.accounts)}`;
      rows.customers.length = 0;
      rows.accounts.length = 0;
    }
  };
  let orders = 0;
  for (let c = 1; c <= customers; c += 1) {
    const gid = `gid://shopify/Customer/${c}`;
    rows.customers.push(SQL.sql`(${randomUUID()},${SHOP},${gid},${now})`);
    if (c % 3 !== 0) rows.accounts.push(SQL.sql`(${randomUUID()},${SHOP},${gid},${now})`);
    const count = 1 + Math.floor(random() * random() * 6);
    for (let k = 0; k < count; k += 1) {
      orders += 1;
      const at = new Date(now.getTime() - Math.floor(random() * 730 * DAY));
      const amount = BigInt(500 + Math.floor(random() * random() * 40_000));
      rows.orders.push(
        SQL.sql`(${randomUUID()},${SHOP},${`gid://shopify/Order/${orders}`},${`#${orders}`},${gid},${at},'GBP',${amount},${amount},${at},'backfill',${now})`,
      );
    }
    await flush();
    if (c % 50_000 === 0) progress(`generated ${c}/${customers} customers, ${orders} orders`);
  }
  await flush(true);
  return orders;
}

/**
 * The tier editor's simulation (one set-based query over every customer, their orders and accounts)
 * on a shop of 250,000 customers, and the recalculation that applies it, beside a plain scan of the
 * orders in the same run.
 */
export const loyaltyTiersBench: Benchmark = {
  name: "loyalty-tiers",
  description: "Tier simulation on 250,000 customers (goal ≤ 5 s, the admin waits on it) and the recalculation job applying it",
  async run({ tmpDir, scale, databaseUrl, progress }) {
    const customers = Math.round(250_000 * scale);
    const bench = await createBenchDatabase({ tmpDir, databaseUrl, name: "tiers" });
    try {
      const orders = await generate(bench, customers, progress);
      process.env.DATABASE_URL = bench.url;
      process.env.SHOPIFY_API_KEY ??= "bench";
      process.env.SHOPIFY_API_SECRET ??= "bench";
      process.env.SHOPIFY_APP_URL ??= "https://bench.example";
      const { default: prisma } = await import("../app/db.server");
      const { simulateTiers } = await import("../app/loyalty/tiers/tier-moves.server");
      const { saveTierSetup } = await import("../app/loyalty/tiers/tier-setup.server");
      const { recalculateTiers } = await import("../app/loyalty/tiers/tier-recalculation-job.server");
      let start = performance.now();
      await prisma.$queryRaw`SELECT COUNT(*) AS n, SUM("subtotalMinor") AS s FROM "Order" WHERE "shop" = ${SHOP}`;
      const scanS = (performance.now() - start) / 1000;
      const proposal = {
        criteria: { metric: "spend" as const, window: "rolling12" as const, retentionDays: 0 },
        tiers: [
          { id: null, name: "Silver", threshold: 20_000n, earnMultiplierPct: 125, customerTag: null, freeShipping: false },
          { id: null, name: "Gold", threshold: 50_000n, earnMultiplierPct: 150, customerTag: null, freeShipping: true },
        ],
      };
      const asOf = new Date();
      start = performance.now();
      const simulation = await simulateTiers(SHOP, proposal, asOf);
      const simulateS = (performance.now() - start) / 1000;
      progress(`simulation ${simulateS.toFixed(2)} s: ${simulation.up} up, ${simulation.down} down, ${simulation.unchanged} unchanged`);
      const { jobId } = await saveTierSetup(SHOP, proposal, asOf);
      start = performance.now();
      let moved = 0;
      await recalculateTiers({
        job: { id: jobId, kind: "loyalty-tiers", shop: SHOP, payload: { asOf: asOf.toISOString() }, attempts: 1, maxAttempts: 1 },
        progress: async (p) => ((moved = p.done), true),
        signal: new AbortController().signal,
        log: { info() {}, warn() {}, error() {}, debug() {} } as never,
      });
      const applyS = (performance.now() - start) / 1000;
      progress(`recalculation ${applyS.toFixed(2)} s: ${moved} customers moved`);
      return {
        figures: { tier_simulation_250k_s: simulateS, tier_recalculation_250k_s: applyS, tier_moves: moved },
        rows: [
          {
            measure: `tier simulation, ${customers.toLocaleString("en")} customers / ${orders.toLocaleString("en")} orders`,
            value: `${simulateS.toFixed(2)} s`,
            goal: "≤ 5 s",
            note: `one scan of the orders ${scanS.toFixed(2)} s; ${simulation.up} up, ${simulation.down} down, ${simulation.unchanged} unchanged`,
          },
          { measure: "tier recalculation job (applies the simulation)", value: `${applyS.toFixed(2)} s`, note: `${moved} customers moved` },
        ],
      };
    } finally {
      await bench.close();
    }
  },
};
