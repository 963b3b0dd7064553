// `npm run demo` — the whole slice on one machine: migrate SQLite, start the Shopify stand-in seeded
// from the real store's data, start the built app (rebuilt when its sources changed), install it
// (token exchange), watch the backfill job import the catalogue, customers and past orders, replay the
// recent orders as signed webhooks, and print the preview URLs.
// `npm run demo -- --check` does the same headless and exits 0 only if the slice worked end to end.
import { rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { startDevEnvironment, installApp, type DevEnvironment } from "./environment";
import { createPrismaClient, type Db } from "../app/db-client.server";
import { backfillProgress } from "../app/backfill/backfill-run";
import { PortInUseError } from "../app/http-server.server";
import { placeOrder } from "./standin/mutations";
import { whyRebuild } from "./build-freshness";

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

/** The interactive demo reuses one database (reset each run); a check makes its own and removes it. */
const databaseUrl = flag("database") ?? (check ? `file:./data/demo-check-${process.pid}.db` : "file:./data/demo.db");
const ownDatabase = !flag("database") && databaseUrl.startsWith("file:");
function removeDatabase() {
  if (!ownDatabase) return;
  const file = databaseUrl.slice("file:".length);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

async function main() {
  const stale = process.argv.includes("--build") ? "--build was given" : whyRebuild();
  if (stale) {
    log(`building the app (${stale})…`);
    const started = Date.now();
    const result = spawnSync("npx", ["remix", "vite:build"], { stdio: check ? "pipe" : "inherit", encoding: "utf8" });
    if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout ?? ""}${result.stderr ?? ""}`);
    log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  removeDatabase();
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
    log("installed: session token → token exchange → offline session stored; backfill job queued");
    // The story the demo tells: Rapport was installed when the replayed fortnight began, so the orders
    // replayed as webhooks are placed after the install and earn points; older ones are history only.
    await db.shop.update({ where: { shop: world.shop }, data: { installedAt: world.replayFrom } });
    const run = await watchBackfill(db, world.shop);
    log(`backfill completed: ${run.productsDone} products, ${run.customersDone} customers, ${run.ordersDone} orders`);

    for (const order of world.seeded.recentOrders) placeOrder(world.store, world.shop, order);
    await world.sender.idle();
    const deliveries = world.sender.deliveries;
    const failed = deliveries.filter((d) => d.status !== "delivered");
    log(
      `replayed ${world.seeded.recentOrders.length} recent orders as ${deliveries.length} webhook deliveries (${failed.length} not delivered${failed[0] ? `; ${failed[0].topic} answered ${failed[0].statuses.join(", ")}` : ""})`,
    );
    const inbox = await waitFor(
      "the inbox to drain",
      async () => ((await db.webhookDelivery.count({ where: { status: { in: ["pending", "processing"] } } })) === 0 ? true : null),
      120_000,
    );
    if (inbox)
      log(
        `inbox drained: ${await db.webhookDelivery.count({ where: { status: "done" } })} applied, ${await db.webhookDelivery.count({ where: { status: "parked" } })} parked`,
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
    await new Promise<void>((resolve) => process.once("SIGINT", resolve));
  } finally {
    await db.$disconnect();
    await world.close();
    if (check) removeDatabase();
  }
}

/** Prints the backfill job's progress as it moves (each 10%, or each change on a terminal) until it completes. */
async function watchBackfill(db: Db, shop: string) {
  let shown = "";
  let lastTenth = -1;
  return waitFor(
    "the backfill",
    async () => {
      const run = await db.backfillRun.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } });
      if (!run) return null;
      if (run.status === "failed") throw new Error(`backfill failed: ${run.error}`);
      const progress = backfillProgress(run);
      const line = `backfill ${progress.percent}% — ${progress.label}: ${run.productsDone} products, ${run.customersDone} customers, ${run.ordersDone} orders`;
      const tenth = Math.floor(progress.percent / 10);
      if (line !== shown && (process.stdout.isTTY || tenth !== lastTenth)) {
        if (process.stdout.isTTY) process.stdout.write(`\r[demo] ${line}\u001b[K`);
        else log(line);
        shown = line;
        lastTenth = tenth;
      }
      if (run.status !== "completed") return null;
      if (process.stdout.isTTY) process.stdout.write("\n");
      return run;
    },
    30 * 60_000, // the full 541,909-line file takes minutes; the sample, seconds
  );
}

/** What --check proves, through the same doors a shopper and a merchant use. */
async function verify(world: DevEnvironment, db: Db): Promise<string[]> {
  const lines: string[] = [];
  const orders = await db.order.count({ where: { shop: world.shop } });
  const viaWebhook = await db.order.count({ where: { shop: world.shop, ingestedVia: "webhook" } });
  const customers = await db.customer.count({ where: { shop: world.shop } });
  if (orders === 0 || viaWebhook === 0) throw new Error(`orders in: ${orders} (webhook ${viaWebhook})`);
  lines.push(`orders in: ${orders} (${orders - viaWebhook} backfilled, ${viaWebhook} by webhook) for ${customers} customers`);

  const top = await db.ledgerEntry.groupBy({
    by: ["customerGid"],
    where: { shop: world.shop },
    _sum: { points: true },
    orderBy: { _sum: { points: "desc" } },
    take: 1,
  });
  const best = top[0];
  if (!best?._sum?.points) throw new Error("no customer earned points");
  const issued = await db.ledgerEntry.aggregate({ where: { shop: world.shop, points: { gt: 0 } }, _sum: { points: true } });
  lines.push(`points issued: ${issued._sum.points} across the ledger`);
  const numericId = best.customerGid.split("/").pop();
  const jar = await fetch(`${world.standinUrl}/account/switch?customer_id=${numericId}`, { redirect: "manual" });
  const cookie = jar.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const loyalty = await fetch(`${world.standinUrl}/apps/rapport/loyalty`, { headers: { cookie } });
  const body = (await loyalty.json()) as { balance?: number };
  if (loyalty.status !== 200 || body.balance !== best._sum.points) {
    throw new Error(`proxy balance for ${best.customerGid}: ${loyalty.status} ${JSON.stringify(body)}, ledger says ${best._sum.points}`);
  }
  lines.push(`points visible through the app proxy: customer ${numericId} sees ${body.balance} (ledger: ${best._sum.points})`);

  // A first request finds no lists when the scheduled build ran before the backfill ended: it queues a
  // build and answers empty; the lists follow within seconds.
  let last = "";
  const recBody = await waitFor(
    "recommendations",
    async () => {
      const recs = await fetch(`${world.standinUrl}/apps/rapport/recommendations?surface=home&limit=8`, { headers: { cookie } });
      const body = (await recs.json()) as { strategy?: string; products?: { title: string }[] };
      last = `${recs.status} ${JSON.stringify(body)}`;
      return recs.status === 200 && body.products?.length ? body : null;
    },
    60_000,
  ).catch(() => {
    throw new Error(`recommendations: ${last}`);
  });
  lines.push(`recommendations returned: ${recBody.products!.length} products (${recBody.strategy}), e.g. "${recBody.products![0]!.title}"`);

  // The replayed orders queued a debounced segments refresh; the demo does not wait out the debounce
  // (a merchant's first look would come later anyway), so the customer list shows final segments.
  // (The job table through the demo's own client: importing the app's queue module here would create
  // the app's database client before the demo points it at its database.)
  const refresh = { kind: "segments-refresh", shop: world.shop };
  await db.job.updateMany({ where: { ...refresh, status: "queued" }, data: { runAt: new Date() } });
  await waitFor(
    "the RFM segments",
    async () => ((await db.job.count({ where: { ...refresh, status: { in: ["queued", "running"] } } })) === 0 ? true : null),
    120_000,
  );
  const scored = await db.customerRfm.groupBy({ by: ["segment"], where: { shop: world.shop }, _count: { _all: true } });
  if (scored.length === 0) throw new Error("no customer has an RFM segment");
  const largest = scored.sort((a, b) => b._count._all - a._count._all)[0]!;
  lines.push(
    `RFM segments: ${scored.reduce((n, s) => n + s._count._all, 0)} customers in ${scored.length} segments, most in "${largest.segment}" (${largest._count._all})`,
  );
  return lines;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    removeDatabase();
    if (error instanceof PortInUseError) console.error(`[demo] ${error.message} (choose others with --standin-port and --app-port)`);
    else console.error(`[demo] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
