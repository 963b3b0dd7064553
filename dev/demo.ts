// `npm run demo` — the whole slice on one machine: migrate SQLite, start the Shopify stand-in seeded
// from the real store's data, start the built app, install it (token exchange), backfill old orders
// (bulk operation), replay recent orders as webhooks, and print the preview URLs.
// `npm run demo -- --check` does the same headless and exits 0 only if the slice worked end to end.
import { existsSync, rmSync } from "node:fs";
import { execSync } from "node:child_process";
import { startDevEnvironment, installApp, type DevEnvironment } from "./environment";
import { createPrismaClient } from "../app/db-client.server";
import { placeOrder } from "./standin/mutations";

const check = process.argv.includes("--check");
/** `--name value` from the command line. */
function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const log = (line: string) => console.log(`[demo] ${line}`);

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 180_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  if (!existsSync("build/server/index.js") || process.argv.includes("--build")) {
    log("building the app (remix vite:build)…");
    execSync("npx remix vite:build", { stdio: check ? "ignore" : "inherit" });
  }
  const databaseUrl = flag("database") ?? (check ? `file:./data/demo-check-${Date.now()}.db` : `file:./data/demo-${Date.now()}.db`);
  const world = await startDevEnvironment({
    databaseUrl,
    datasetPath: flag("dataset"),
    standinPort: flag("standin-port") ? Number(flag("standin-port")) : undefined,
    appPort: flag("app-port") ? Number(flag("app-port")) : undefined,
  });
  const db = createPrismaClient(databaseUrl);
  try {
    const { report } = world.seeded;
    log(
      `seeded ${world.shop}: ${report.products} products, ${report.customers} customers, ${report.orders} orders (${world.seeded.recentOrders.length} recent to replay)`,
    );
    await installApp(world);
    log("installed: session token → token exchange → offline session stored; backfill started");
    const shop = await waitFor(
      "the backfill",
      async () => {
        const row = await db.shop.findUnique({ where: { shop: world.shop } });
        if (row?.backfillStatus === "failed") throw new Error("backfill failed");
        return row?.backfillStatus === "completed" ? row : null;
      },
      15 * 60_000,
    ); // the full 541,909-line file takes minutes; the sample, seconds
    log(`backfill completed: ${shop.backfillOrders} orders from the bulk operation`);

    for (const order of world.seeded.recentOrders) placeOrder(world.store, world.shop, order);
    await world.sender.idle();
    const deliveries = world.sender.deliveries;
    const failed = deliveries.filter((d) => d.status !== "delivered");
    log(
      `replayed ${world.seeded.recentOrders.length} recent orders as ${deliveries.length} webhook deliveries (${failed.length} not delivered)`,
    );

    const verified = await verify(world, db);
    for (const line of verified) log(`✔ ${line}`);
    log(`storefront preview: ${world.standinUrl}/`);
    log(`admin preview:      ${world.standinUrl}/admin/apps/rapport?shop=${world.shop}`);
    if (check) {
      log("check passed");
      return;
    }
    log("running — press Ctrl-C to stop");
    await new Promise(() => {});
  } finally {
    if (check) {
      await db.$disconnect();
      await world.close();
      // A check leaves nothing behind: its database was made for this run only.
      if (!flag("database") && databaseUrl.startsWith("file:")) rmSync(databaseUrl.slice("file:".length), { force: true });
    }
  }
}

/** What --check proves, through the same doors a shopper and a merchant use. */
async function verify(world: DevEnvironment, db: Awaited<ReturnType<typeof createPrismaClient>>): Promise<string[]> {
  const lines: string[] = [];
  const orders = await db.order.count({ where: { shop: world.shop } });
  const viaWebhook = await db.order.count({ where: { shop: world.shop, ingestedVia: "webhook" } });
  const customers = await db.customer.count({ where: { shop: world.shop } });
  if (orders === 0 || viaWebhook === 0) throw new Error(`orders in: ${orders} (webhook ${viaWebhook})`);
  lines.push(`orders in: ${orders} (${orders - viaWebhook} backfilled, ${viaWebhook} by webhook) for ${customers} customers`);

  const top = await db.ledgerEntry.groupBy({
    by: ["customerId"],
    where: { shop: world.shop },
    _sum: { points: true },
    orderBy: { _sum: { points: "desc" } },
    take: 1,
  });
  const best = top[0];
  if (!best?._sum.points) throw new Error("no customer earned points");
  const issued = await db.ledgerEntry.aggregate({ where: { shop: world.shop, points: { gt: 0 } }, _sum: { points: true } });
  lines.push(`points issued: ${issued._sum.points} across the ledger`);
  const numericId = best.customerId.split("/").pop();
  const jar = await fetch(`${world.standinUrl}/account/switch?customer_id=${numericId}`, { redirect: "manual" });
  const cookie = jar.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const loyalty = await fetch(`${world.standinUrl}/apps/rapport/loyalty`, { headers: { cookie } });
  const body = (await loyalty.json()) as { balance?: number };
  if (loyalty.status !== 200 || body.balance !== best._sum.points) {
    throw new Error(`proxy balance for ${best.customerId}: ${loyalty.status} ${JSON.stringify(body)}, ledger says ${best._sum.points}`);
  }
  lines.push(`points visible through the app proxy: customer ${numericId} sees ${body.balance} (ledger: ${best._sum.points})`);

  const recs = await fetch(`${world.standinUrl}/apps/rapport/recommendations?surface=home&limit=8`, { headers: { cookie } });
  const recBody = (await recs.json()) as { strategy?: string; products?: { title: string }[] };
  if (recs.status !== 200 || !recBody.products?.length) throw new Error(`recommendations: ${recs.status} ${JSON.stringify(recBody)}`);
  lines.push(`recommendations returned: ${recBody.products.length} products (${recBody.strategy}), e.g. "${recBody.products[0]!.title}"`);
  return lines;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[demo] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
