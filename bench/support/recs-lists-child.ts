// A child process for the recs bench: runs the real recs-build job (app/recommendations/
// recs-build-job.server.ts) for the bench shop against the bench database, reading its interactions
// page by page and writing its lists. Prints one JSON line of figures on stdout.
//   tsx bench/support/recs-lists-child.ts <databaseUrl> <shop>
const [databaseUrl, shop] = process.argv.slice(2) as [string, string];
Object.assign(process.env, {
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  SHOPIFY_API_KEY: "bench-api-key",
  SHOPIFY_API_SECRET: "bench-secret",
  SHOPIFY_APP_URL: "https://rapport-bench.example.com",
  LOG_LEVEL: "error",
});

async function main() {
  const { default: prisma } = await import("../../app/db.server");
  const { buildRecommendations } = await import("../../app/recommendations/recs-build-job.server");
  const { logger } = await import("../../app/lib/logger.server");
  const started = Date.now();
  await buildRecommendations({
    job: { id: "bench", kind: "recs-build", shop, payload: {}, attempts: 1, maxAttempts: 1 },
    signal: new AbortController().signal,
    log: logger,
    progress: async (p) => {
      process.stderr.write(`${p.done}/${p.total ?? "?"} ${p.message ?? ""} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      return true;
    },
  });
  const seconds = (Date.now() - started) / 1000;
  const lists = await prisma.recommendationList.count({ where: { shop } });
  process.stdout.write(`${JSON.stringify({ seconds, lists, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`recs lists child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
