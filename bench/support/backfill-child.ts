// A child process for the backfill bench: runs the real backfill job (app/backfill/backfill-job.server.ts
// runBackfill) for one shop whose run is at the orders phase, with Shopify played by a fetch stub — the
// bulk operation is COMPLETED and its result URL streams a local JSONL file. Prints one JSON line of
// figures on stdout; progress on stderr.
//   tsx bench/support/backfill-child.ts <databaseUrl> <jsonlFile> <orders>
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

const [databaseUrl, file, ordersArg] = process.argv.slice(2) as [string, string, string];
const SHOP = "rapport-bench.myshopify.com";
const RESULT_URL = "https://storage.bench.invalid/orders.jsonl";
const OPERATION = "gid://shopify/BulkOperation/1";
Object.assign(process.env, {
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  SHOPIFY_API_KEY: "bench-api-key",
  SHOPIFY_API_SECRET: "bench-secret",
  SHOPIFY_APP_URL: "https://rapport-bench.example.com",
  LOG_LEVEL: "error",
});

const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (url === RESULT_URL) return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, { status: 200 });
  if (url.includes("/admin/api/") && url.endsWith("/graphql.json"))
    return Response.json(
      { data: { node: { id: OPERATION, status: "COMPLETED", errorCode: null, objectCount: "0", url: RESULT_URL } } },
      { headers: { "content-type": "application/json" } },
    );
  return realFetch(input, init);
}) as typeof fetch;

async function main() {
  const { default: prisma } = await import("../../app/db.server");
  const { runBackfill } = await import("../../app/backfill/backfill-job.server");
  const { logger } = await import("../../app/lib/logger.server");
  await prisma.shop.create({ data: { shop: SHOP, currencyCode: "GBP", installedAt: new Date("2026-01-01T00:00:00Z") } });
  await prisma.session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_bench", scope: "read_orders" },
  });
  await prisma.backfillRun.create({
    data: { shop: SHOP, phase: "orders", operationGid: OPERATION, productsTotal: 0, customersTotal: 0, ordersTotal: Number(ordersArg) },
  });
  const started = Date.now();
  let lastReport = started;
  const result = await runBackfill({
    job: { id: "bench", kind: "backfill", shop: SHOP, payload: {}, attempts: 1, maxAttempts: 10 },
    signal: new AbortController().signal,
    log: logger,
    progress: async (p) => {
      if (Date.now() - lastReport > 5000) {
        lastReport = Date.now();
        process.stderr.write(`${p.done}/${p.total ?? "?"} ${p.message ?? ""}\n`);
      }
      return true;
    },
  });
  const seconds = (Date.now() - started) / 1000;
  const run = await prisma.backfillRun.findFirstOrThrow({ where: { shop: SHOP } });
  const orders = await prisma.order.count({ where: { shop: SHOP } });
  process.stdout.write(
    `${JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, status: run.status, ordersDone: run.ordersDone, orders, again: result ? String(result.again) : null })}\n`,
  );
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`backfill child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
