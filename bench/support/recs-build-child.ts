// A child process for the recs bench (its own peak RSS): generates a synthetic store's purchases from
// the Online Retail distributions order by order into the PurchaseLog the recs-build job reads rows
// into (timed apart: the job fills it while paging through the database), then times what the job does
// with it in memory: the model (buildRecsModel) and every precomputed list (buildLists). Prints one
// JSON line of figures on stdout; progress on stderr.
// The model and lists are built as the job builds them (buildRecsModelInThreads, buildListsInThreads:
// co-purchase neighbours and customers' lists in worker threads).
//   tsx bench/support/recs-build-child.ts <orders> <products> [threads]
// RECS_SINGLE=1: the single-threaded buildRecsModel and buildLists instead; RECS_HASH=1: adds a SHA-256 of every list
// (subject and entries, in order) to compare builds.
import { buildRecsModel, type CatalogueProduct, type RecsModelInput } from "../../app/recommendations/engine/model";
import { buildRecsModelInThreads } from "../../app/recommendations/build-model-threads.server";
import { createHash } from "node:crypto";
import { buildLists } from "../../app/recommendations/build-lists";
import { buildListsInThreads } from "../../app/recommendations/build-lists-threads.server";
import { loadRetailDistributions } from "./retail-distributions";
import { PurchaseLog } from "../../app/recommendations/purchase-log";
import { syntheticOrders } from "./recs-purchases";

const [orders, products, threads] = process.argv.slice(2).map(Number) as [number, number, number | undefined];
const say = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const d = await loadRetailDistributions();
  // Customers in the real ratio: customer orders / mean orders per customer.
  const h = d.ordersPerCustomer;
  const meanOrders = h.values.reduce((s, v, i) => s + v * h.counts[i]!, 0) / h.counts.reduce((s, c) => s + c, 0);
  const customers = Math.max(1, Math.round((orders * (1 - d.guestShare)) / meanOrders));
  let t = Date.now();
  const log = new PurchaseLog();
  const productIds = Array.from({ length: products }, (_, i) => `gid://shopify/Product/${i + 1}`);
  syntheticOrders(d, { orders, products, customers, seed: 7 }, (o, c, at, basket) => {
    // Fresh id strings per order, as rows read from the database bring them.
    const orderId = `order-${o + 1}`;
    const customerId = c >= 0 ? `gid://shopify/Customer/${c + 1}` : `order:${orderId}`;
    for (const p of basket) log.add({ customerId, orderId, productId: productIds[p]!, at });
  });
  const logSeconds = (Date.now() - t) / 1000;
  const lines = log.lines;
  say(
    `generated ${orders} orders, ${lines} lines, ${customers} customers into the purchase log in ${logSeconds.toFixed(1)} s (rss ${Math.round(process.memoryUsage().rss / 1e6)} MB)`,
  );
  const catalogue: CatalogueProduct[] = Array.from({ length: products }, (_, i) => {
    const source = d.products[i % d.products.length]!;
    return {
      id: `gid://shopify/Product/${i + 1}`,
      title: i < d.products.length ? source.title : `${source.title} ${Math.floor(i / d.products.length) + 1}`,
      productType: null,
      vendor: null,
      tags: [],
      collections: [],
      available: true,
      rating: null,
      createdAt: 0,
    };
  });
  const now = Date.UTC(2026, 0, 1);
  t = Date.now();
  const cpu = process.cpuUsage();
  let phaseStarted = Date.now();
  const modelInput: RecsModelInput = {
    products: catalogue,
    purchases: log,
    now,
    trace: (phase) => {
      const m = process.memoryUsage();
      const mb = (n: number) => Math.round(n / 1e6);
      say(
        `  ${phase} in ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s (rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, buffers ${mb(m.arrayBuffers)} MB)`,
      );
      phaseStarted = Date.now();
    },
  };
  const model =
    process.env.RECS_SINGLE === "1"
      ? buildRecsModel(modelInput)
      : await buildRecsModelInThreads(modelInput, threads === undefined ? {} : { threads, minLines: 0 });
  const modelSeconds = (Date.now() - t) / 1000;
  say(`model in ${modelSeconds.toFixed(1)} s (rss ${Math.round(process.memoryUsage().rss / 1e6)} MB)`);
  let lists = 0;
  let entries = 0;
  const listsStarted = Date.now();
  const hash = process.env.RECS_HASH === "1" ? createHash("sha256") : null;
  const all =
    process.env.RECS_SINGLE === "1"
      ? buildLists(model, undefined, now)
      : buildListsInThreads(model, undefined, now, new Map(), threads === undefined ? {} : { threads, minCustomers: 0 });
  for await (const [subject, list] of all) {
    lists += 1;
    entries += list.length;
    hash?.update(`${subject}\t${JSON.stringify(list)}\n`);
    if (lists % 50_000 === 0) say(`${lists} lists in ${((Date.now() - listsStarted) / 1000).toFixed(1)} s`);
  }
  const listsSeconds = (Date.now() - listsStarted) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      orders,
      products,
      customers,
      lines,
      log_s: logSeconds,
      model_s: modelSeconds,
      lists_s: listsSeconds,
      build_s: modelSeconds + listsSeconds,
      // CPU seconds of this process: the wall time on a machine shared with other work is longer.
      build_cpu_s: (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6,
      lists,
      entries,
      ...(hash ? { lists_sha256: hash.digest("hex") } : {}),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
