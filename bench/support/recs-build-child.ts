// A child process for the recs bench (its own peak RSS): generates a synthetic store's purchases from
// the Online Retail distributions into typed arrays (untimed), then times what the recs-build job does
// with them in memory: the model (buildRecsModel) and every precomputed list (buildLists). Prints one
// JSON line of figures on stdout; progress on stderr.
//   tsx bench/support/recs-build-child.ts <orders> <products>
import { buildRecsModel, type CatalogueProduct } from "../../app/recommendations/engine/model";
import { buildLists } from "../../app/recommendations/build-lists";
import { loadRetailDistributions } from "./retail-distributions";
import { purchaseRecords, syntheticPurchases } from "./recs-purchases";

const [orders, products] = process.argv.slice(2).map(Number) as [number, number];
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const d = await loadRetailDistributions();
  // Customers in the real ratio: customer orders / mean orders per customer.
  const h = d.ordersPerCustomer;
  const meanOrders = h.values.reduce((s, v, i) => s + v * h.counts[i]!, 0) / h.counts.reduce((s, c) => s + c, 0);
  const customers = Math.max(1, Math.round((orders * (1 - d.guestShare)) / meanOrders));
  let t = Date.now();
  const purchases = syntheticPurchases(d, { orders, products, customers, seed: 7 });
  log(`generated ${orders} orders, ${purchases.items.length} lines, ${customers} customers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
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
  const model = buildRecsModel({ products: catalogue, purchases: purchaseRecords(purchases), now });
  const modelSeconds = (Date.now() - t) / 1000;
  log(`model in ${modelSeconds.toFixed(1)} s (rss ${Math.round(process.memoryUsage().rss / 1e6)} MB)`);
  let lists = 0;
  let entries = 0;
  const listsStarted = Date.now();
  for (const [, list] of buildLists(model, undefined, now)) {
    lists += 1;
    entries += list.length;
    if (lists % 50_000 === 0) log(`${lists} lists in ${((Date.now() - listsStarted) / 1000).toFixed(1)} s`);
  }
  const listsSeconds = (Date.now() - listsStarted) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      orders,
      products,
      customers,
      lines: purchases.items.length,
      model_s: modelSeconds,
      lists_s: listsSeconds,
      build_s: modelSeconds + listsSeconds,
      // CPU seconds of this process: the wall time on a machine shared with other work is longer.
      build_cpu_s: (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6,
      lists,
      entries,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
