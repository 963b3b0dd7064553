import { randomUUID } from "node:crypto";
import { Prisma as SqlitePrisma } from "@rapport/prisma-sqlite";
import { Prisma as PostgresPrisma } from "@rapport/prisma-pg";
import type { Db } from "../../app/db-client.server";
import type { DatabaseKind } from "../../app/db-adapter.server";
import { loadRetailDistributions, type Histogram, type RetailDistributions } from "./retail-distributions";
import { seededRandom, weightedPicker } from "./random";

export interface SyntheticStoreOptions {
  /** The shop domain, e.g. "bench.myshopify.com" (its Shop row is created: the shop counts as installed). */
  shop: string;
  customers: number;
  orders: number;
  products: number;
  /** Same seed, same store. Default 1. */
  seed?: number;
  /** Purchase interactions per order line, as the ingest writes them. Default true. */
  interactions?: boolean;
  /** Loyalty earn postings (1 point per currency unit of subtotal) per customer order. Default false. */
  ledger?: boolean;
  /** Orders are spread evenly over `days` days ending at `endAt`. Defaults: 365 days to 2026-01-01. */
  endAt?: Date;
  days?: number;
  /** Rows per INSERT (bounded by the databases' bind-parameter limits). Default 1,000. */
  batchRows?: number;
  /** Called after each batch: phase, rows of that phase done, and its total. */
  progress?: (phase: "products" | "orders" | "customers", done: number, total: number) => void;
  /** Defaults to the Online Retail distributions (loadRetailDistributions). */
  distributions?: RetailDistributions;
}

/** What was written, and how to name its records. */
export interface SyntheticStoreSummary {
  shop: string;
  products: number;
  customers: number;
  orders: number;
  guestOrders: number;
  lines: number;
  /** Customers with two orders or more. */
  repeatCustomers: number;
  seconds: number;
}

/** GIDs of the synthetic store's records: record `i` (0-based) of each kind. */
export const syntheticGid = {
  product: (i: number) => `gid://shopify/Product/${i + 1}`,
  variant: (i: number) => `gid://shopify/ProductVariant/${i + 1}`,
  customer: (i: number) => `gid://shopify/Customer/${i + 1}`,
  order: (i: number) => `gid://shopify/Order/${i + 1}`,
  lineItem: (n: number) => `gid://shopify/LineItem/${n + 1}`,
};

const FIRST = ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Jack", "Oliver", "Harry", "George", "Noah", "Elena", "Hugo", "Lea"];
const LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans", "Walker", "Dubois", "Muller", "Rossi"];

/**
 * Writes a synthetic store straight into a migrated database with batched multi-row INSERTs: products
 * (one variant each), orders with their lines (and purchase interactions, and optionally loyalty
 * postings), then customers with their aggregates. Scaled from the Online Retail data's distributions:
 * product popularity (the most-bought curve stretched over `products`), basket sizes, line quantities,
 * orders per customer (repeat rate), guest share and countries. Deterministic for a seed. Fast: about
 * 1M rows a minute on SQLite on this machine; nothing goes through the app's ingest.
 * @example
 * const bench = await createBenchDatabase({ tmpDir, databaseUrl: null, name: "recs" });
 * const store = await generateSyntheticStore(bench, {
 *   shop: "bench.myshopify.com", customers: 10_000, orders: 50_000, products: 2_000, seed: 7,
 *   progress: (phase, done, total) => process.stderr.write(`${phase} ${done}/${total}\n`),
 * });
 * store.lines // ≈ 50,000 × the mean basket (≈ 20)
 */
export async function generateSyntheticStore(
  target: { db: Db; kind: DatabaseKind },
  options: SyntheticStoreOptions,
): Promise<SyntheticStoreSummary> {
  const started = Date.now();
  const { db, kind } = target;
  const SQL = (kind === "postgres" ? PostgresPrisma : SqlitePrisma) as typeof SqlitePrisma;
  const d = options.distributions ?? (await loadRetailDistributions());
  const random = seededRandom(options.seed ?? 1);
  const batchRows = options.batchRows ?? 1000;
  const { shop } = options;
  const endAt = (options.endAt ?? new Date("2026-01-01T00:00:00Z")).getTime();
  const span = (options.days ?? 365) * 86_400_000;
  const startAt = endAt - span;
  const now = new Date(endAt);
  const report = options.progress ?? (() => {});

  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    for (let at = 0; at < rows.length; at += batchRows) {
      const values = rows.slice(at, at + batchRows).map((row) => SQL.sql`(${SQL.join(row)})`);
      await db.$executeRaw`INSERT INTO ${SQL.raw(`"${table}"`)} (${SQL.raw(columns.map((c) => `"${c}"`).join(", "))}) VALUES ${SQL.join(values)}`;
    }
  };

  await db.$executeRaw`INSERT INTO "Shop" ("shop", "name", "currencyCode", "installedAt", "updatedAt") VALUES (${shop}, ${"Synthetic store"}, ${"GBP"}, ${new Date(startAt)}, ${now}) ON CONFLICT ("shop") DO NOTHING`;

  // Products: the popularity curve of the real catalogue stretched over the wanted count.
  const real = d.products;
  const productWeights = new Float64Array(options.products);
  const productPrice = new Int32Array(options.products);
  const productTitle: string[] = [];
  let rows: unknown[][] = [];
  let variants: unknown[][] = [];
  for (let i = 0; i < options.products; i++) {
    const source = real[Math.floor((i * real.length) / options.products)]!;
    const template = real[i % real.length]!;
    productWeights[i] = source.lines;
    productPrice[i] = template.priceMinor;
    const title = i < real.length ? template.title : `${template.title} ${Math.floor(i / real.length) + 1}`;
    productTitle.push(title);
    const id = randomUUID();
    const created = new Date(startAt - Math.floor(random() * span));
    rows.push([
      id,
      shop,
      syntheticGid.product(i),
      `item-${i + 1}`,
      title,
      "",
      "ACTIVE",
      created,
      template.priceMinor,
      100,
      true,
      created,
      created,
      now,
    ]);
    variants.push([randomUUID(), id, shop, syntheticGid.variant(i), "Default Title", `SKU-${i + 1}`, template.priceMinor, 100, true]);
    if (rows.length >= batchRows || i === options.products - 1) {
      await insert(
        "Product",
        [
          "id",
          "shop",
          "productGid",
          "handle",
          "title",
          "tags",
          "status",
          "publishedAt",
          "priceMinor",
          "totalInventory",
          "available",
          "shopifyCreatedAt",
          "sourceUpdatedAt",
          "updatedAt",
        ],
        rows,
      );
      await insert(
        "ProductVariant",
        ["id", "productId", "shop", "variantGid", "title", "sku", "priceMinor", "inventoryQuantity", "available"],
        variants,
      );
      rows = [];
      variants = [];
      report("products", i + 1, options.products);
    }
  }

  // Customers: each gets a propensity drawn from the real orders-per-customer histogram; orders pick
  // their customer in proportion to it, which keeps the real repeat-rate shape at any scale.
  const drawRepeat = drawFrom(d.ordersPerCustomer, random);
  const propensity = new Float64Array(options.customers);
  for (let c = 0; c < options.customers; c++) propensity[c] = drawRepeat();
  const pickCustomer = options.customers > 0 ? weightedPicker(propensity, random) : () => -1;
  const pickProduct = weightedPicker(productWeights, random);
  const drawBasket = drawFrom(d.basketSizes, random);
  const drawQuantity = drawFrom(d.quantities, random);
  const ordersCount = new Int32Array(options.customers);
  const spent = new Float64Array(options.customers);
  const firstOrder = new Float64Array(options.customers).fill(Number.NaN);
  const lastOrder = new Float64Array(options.customers).fill(Number.NaN);

  let orders: unknown[][] = [];
  let lines: unknown[][] = [];
  let interactions: unknown[][] = [];
  let ledger: unknown[][] = [];
  let lineCount = 0,
    guestOrders = 0;
  const flushOrders = async () => {
    await insert(
      "Order",
      [
        "id",
        "shop",
        "orderGid",
        "name",
        "customerGid",
        "processedAt",
        "shopifyCreatedAt",
        "currencyCode",
        "subtotalMinor",
        "totalMinor",
        "financialStatus",
        "sourceName",
        "channel",
        "test",
        "sourceUpdatedAt",
        "ingestedVia",
        "createdAt",
        "updatedAt",
      ],
      orders,
    );
    await insert(
      "OrderLine",
      ["id", "orderId", "shop", "lineItemGid", "productGid", "variantGid", "sku", "title", "quantity", "unitPriceMinor", "totalMinor"],
      lines,
    );
    if (interactions.length)
      await insert("Interaction", ["id", "shop", "customerGid", "productGid", "kind", "weight", "at", "orderId"], interactions);
    if (ledger.length)
      await insert("LedgerEntry", ["id", "shop", "customerGid", "points", "reason", "idempotencyKey", "sourceGid", "createdAt"], ledger);
    orders = [];
    lines = [];
    interactions = [];
    ledger = [];
  };
  for (let o = 0; o < options.orders; o++) {
    const at = new Date(startAt + Math.floor(((o + random()) * span) / Math.max(1, options.orders)));
    const guest = options.customers === 0 || random() < d.guestShare;
    const customer = guest ? -1 : pickCustomer();
    if (guest) guestOrders += 1;
    const customerGid = customer >= 0 ? syntheticGid.customer(customer) : null;
    const id = randomUUID();
    const orderGid = syntheticGid.order(o);
    const size = Math.min(drawBasket(), options.products);
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < size && tries < size * 20; tries++) chosen.add(pickProduct());
    let subtotal = 0;
    for (const p of chosen) {
      const quantity = drawQuantity();
      const total = quantity * productPrice[p]!;
      subtotal += total;
      lines.push([
        randomUUID(),
        id,
        shop,
        syntheticGid.lineItem(lineCount),
        syntheticGid.product(p),
        syntheticGid.variant(p),
        `SKU-${p + 1}`,
        productTitle[p]!,
        quantity,
        productPrice[p]!,
        total,
      ]);
      if (options.interactions !== false)
        interactions.push([randomUUID(), shop, customerGid, syntheticGid.product(p), "purchase", quantity, at, id]);
      lineCount += 1;
    }
    orders.push([
      id,
      shop,
      orderGid,
      `#${1001 + o}`,
      customerGid,
      at,
      at,
      "GBP",
      subtotal,
      subtotal,
      "paid",
      "web",
      "online",
      false,
      at,
      "backfill",
      at,
      at,
    ]);
    if (customer >= 0) {
      ordersCount[customer] = ordersCount[customer]! + 1;
      spent[customer] = spent[customer]! + subtotal;
      if (Number.isNaN(firstOrder[customer]!)) firstOrder[customer] = at.getTime();
      lastOrder[customer] = at.getTime();
      const points = Math.floor(subtotal / 100);
      if (options.ledger && points > 0)
        ledger.push([randomUUID(), shop, customerGid, points, "earn:order", `order:${orderGid}:earn`, orderGid, at]);
    }
    if (lines.length >= batchRows || o === options.orders - 1) {
      await flushOrders();
      report("orders", o + 1, options.orders);
    }
  }

  const pickCountry = weightedPicker(
    d.countries.map((c) => c.count),
    random,
  );
  let repeatCustomers = 0;
  for (let c = 0; c < options.customers; c++) {
    if (ordersCount[c]! > 1) repeatCustomers += 1;
    const first = Number.isNaN(firstOrder[c]!) ? null : new Date(firstOrder[c]!);
    const last = Number.isNaN(lastOrder[c]!) ? null : new Date(lastOrder[c]!);
    const created = new Date(Math.min(first?.getTime() ?? endAt, startAt + Math.floor(random() * span)));
    rows.push([
      randomUUID(),
      shop,
      syntheticGid.customer(c),
      `customer-${c + 1}@example.com`,
      FIRST[c % FIRST.length]!,
      LAST[Math.floor(c / FIRST.length) % LAST.length]!,
      "",
      "enabled",
      random() < 0.4 ? "SUBSCRIBED" : "NOT_SUBSCRIBED",
      d.countries[pickCountry()]!.code,
      created,
      created,
      ordersCount[c]!,
      spent[c]!,
      0,
      first,
      last,
      created,
      now,
    ]);
    if (rows.length >= batchRows || c === options.customers - 1) {
      await insert(
        "Customer",
        [
          "id",
          "shop",
          "customerGid",
          "email",
          "firstName",
          "lastName",
          "tags",
          "state",
          "emailMarketing",
          "countryCode",
          "shopifyCreatedAt",
          "sourceUpdatedAt",
          "ordersCount",
          "spentMinor",
          "refundedMinor",
          "firstOrderAt",
          "lastOrderAt",
          "createdAt",
          "updatedAt",
        ],
        rows,
      );
      rows = [];
      report("customers", c + 1, options.customers);
    }
  }
  return {
    shop,
    products: options.products,
    customers: options.customers,
    orders: options.orders,
    guestOrders,
    lines: lineCount,
    repeatCustomers,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Draws a value from a histogram. */
function drawFrom(h: Histogram, random: () => number): () => number {
  const pick = weightedPicker(h.counts, random);
  return () => h.values[pick()]!;
}
