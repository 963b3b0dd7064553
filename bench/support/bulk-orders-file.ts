import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { loadRetailDistributions, type RetailDistributions } from "./retail-distributions";
import { seededRandom, weightedPicker } from "./random";

/**
 * Writes, streamed, the JSONL a finished orders bulk query leaves (app/shopify/bulk-queries.ts
 * ORDERS_BULK_QUERY, as dev/standin's bulk runner flattens it): one line per order, then its line items
 * on their own lines with `__parentId`. Customers, product popularity, quantities and basket sizes are
 * drawn from the Online Retail distributions; baskets are capped at `maxLines` (the data's wholesale
 * baskets, 20+ lines, are not a shop's usual order). Seeded.
 * @example const { lines } = await writeBulkOrdersFile(file, { orders: 1_000_000, customers: 100_000, products: 5_000 })
 */
export async function writeBulkOrdersFile(
  file: string,
  options: {
    orders: number;
    customers: number;
    products: number;
    maxLines?: number;
    seed?: number;
    distributions?: RetailDistributions;
    progress?: (done: number) => void;
  },
): Promise<{ lines: number; bytes: number }> {
  const d = options.distributions ?? (await loadRetailDistributions());
  const random = seededRandom(options.seed ?? 11);
  const weights = Array.from(
    { length: options.products },
    (_, i) => d.products[Math.floor((i * d.products.length) / options.products)]!.lines,
  );
  const pickProduct = weightedPicker(weights, random);
  const basket = weightedPicker(d.basketSizes.counts, random);
  const quantity = weightedPicker(d.quantities.counts, random);
  const maxLines = options.maxLines ?? 5;
  const out = createWriteStream(file);
  const base = Date.parse("2024-01-01T00:00:00Z");
  const money = (minor: number) => ({ shopMoney: { amount: (minor / 100).toFixed(2) } });
  let lines = 0,
    bytes = 0,
    chunk = "";
  let lineItemId = 1;
  for (let i = 0; i < options.orders; i++) {
    const orderGid = `gid://shopify/Order/${i + 1}`;
    const at = new Date(base + i * 30_000).toISOString();
    const guest = random() < d.guestShare;
    const size = Math.min(d.basketSizes.values[basket()]!, maxLines, options.products);
    const products = new Set<number>();
    for (let tries = 0; products.size < size && tries < size * 20; tries++) products.add(pickProduct());
    const items: string[] = [];
    let subtotal = 0;
    for (const p of products) {
      const q = Math.min(d.quantities.values[quantity()]!, 100);
      const price = d.products[p % d.products.length]!.priceMinor;
      subtotal += q * price;
      items.push(
        JSON.stringify({
          id: `gid://shopify/LineItem/${lineItemId++}`,
          title: d.products[p % d.products.length]!.title,
          sku: `SKU-${p + 1}`,
          quantity: q,
          originalUnitPriceSet: money(price),
          discountAllocations: [],
          product: { id: `gid://shopify/Product/${p + 1}` },
          variant: { id: `gid://shopify/ProductVariant/${p + 1}` },
          __parentId: orderGid,
        }),
      );
    }
    const order = JSON.stringify({
      id: orderGid,
      name: `#${1001 + i}`,
      processedAt: at,
      createdAt: at,
      updatedAt: at,
      cancelledAt: null,
      sourceName: "web",
      test: false,
      displayFinancialStatus: "PAID",
      displayFulfillmentStatus: "FULFILLED",
      currencyCode: "GBP",
      subtotalPriceSet: money(subtotal),
      totalPriceSet: money(subtotal),
      totalDiscountsSet: money(0),
      totalShippingPriceSet: money(0),
      totalTaxSet: money(0),
      customer: guest ? null : { id: `gid://shopify/Customer/${1 + Math.floor(random() * options.customers)}` },
      retailLocation: null,
      staffMember: null,
      shippingAddress: { countryCodeV2: "GB" },
      billingAddress: { countryCodeV2: "GB" },
      refunds: [],
    });
    chunk += `${order}\n${items.length ? `${items.join("\n")}\n` : ""}`;
    lines += 1 + items.length;
    if (chunk.length > 1 << 20 || i === options.orders - 1) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
      options.progress?.(i + 1);
    }
  }
  out.end();
  await once(out, "finish");
  return { lines, bytes };
}
