import { randomUUID } from "node:crypto";
import { Prisma as SqlitePrisma } from "@rapport/prisma-sqlite";
import { Prisma as PostgresPrisma } from "@rapport/prisma-pg";
import type { Db } from "../../app/db-client.server";
import type { DatabaseKind } from "../../app/db-adapter.server";
import { exampleOrder } from "../../tests/helpers/webhook-request";
import { loadRetailDistributions, type RetailDistributions } from "./retail-distributions";
import { seededRandom, weightedPicker } from "./random";

/**
 * Puts `count` orders/paid deliveries in the inbox exactly as the receiver stores a verified one
 * (status pending, the raw body as Shopify's example order shaped), with customers, basket sizes,
 * quantities and product popularity drawn from the Online Retail distributions. Seeded: the same
 * arguments give the same deliveries.
 * @example await putOrderDeliveries(bench, { shop, count: 20_000, customers: 5_000, products: 2_000 })
 */
export async function putOrderDeliveries(
  target: { db: Db; kind: DatabaseKind },
  options: { shop: string; count: number; customers: number; products: number; seed?: number; distributions?: RetailDistributions },
): Promise<{ lines: number }> {
  const SQL = (target.kind === "postgres" ? PostgresPrisma : SqlitePrisma) as typeof SqlitePrisma;
  const d = options.distributions ?? (await loadRetailDistributions());
  const random = seededRandom(options.seed ?? 5);
  const weights = Array.from(
    { length: options.products },
    (_, i) => d.products[Math.floor((i * d.products.length) / options.products)]!.lines,
  );
  const pickProduct = weightedPicker(weights, random);
  const basket = weightedPicker(d.basketSizes.counts, random);
  const quantity = weightedPicker(d.quantities.counts, random);
  const template = exampleOrder();
  const lineTemplate = template.line_items[0];
  const base = Date.parse("2026-03-01T10:00:00Z");
  let rows: ReturnType<typeof SQL.sql>[] = [];
  let bodies: ReturnType<typeof SQL.sql>[] = [];
  let lines = 0;
  for (let i = 0; i < options.count; i++) {
    const orderId = 900_000 + i;
    const customerId = 1 + Math.floor(random() * options.customers);
    const products = new Set<number>();
    const size = Math.min(d.basketSizes.values[basket()]!, options.products);
    for (let tries = 0; products.size < size && tries < size * 20; tries++) products.add(pickProduct());
    let subtotal = 0;
    const items = [...products].map((p, j) => {
      const q = Math.min(d.quantities.values[quantity()]!, 100);
      const price = d.products[p % d.products.length]!.priceMinor;
      subtotal += q * price;
      return {
        ...lineTemplate,
        id: orderId * 100 + j,
        admin_graphql_api_id: `gid://shopify/LineItem/${orderId * 100 + j}`,
        product_id: 1 + p,
        variant_id: 1 + p,
        sku: `SKU-${p + 1}`,
        title: d.products[p % d.products.length]!.title,
        quantity: q,
        price: (price / 100).toFixed(2),
        total_discount: "0.00",
        discount_allocations: [],
      };
    });
    lines += items.length;
    const at = new Date(base + i * 1000).toISOString();
    const total = (subtotal / 100).toFixed(2);
    const body = JSON.stringify({
      ...template,
      id: orderId,
      admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
      name: `#${orderId}`,
      created_at: at,
      processed_at: at,
      updated_at: at,
      current_subtotal_price: total,
      subtotal_price: total,
      current_total_price: total,
      total_price: total,
      total_discounts: "0.00",
      current_total_discounts: "0.00",
      total_tax: "0.00",
      current_total_tax: "0.00",
      tax_lines: [],
      discount_applications: [],
      discount_codes: [],
      shipping_lines: [],
      refunds: [],
      customer: {
        ...template.customer,
        id: customerId,
        admin_graphql_api_id: `gid://shopify/Customer/${customerId}`,
        email: `customer-${customerId}@example.com`,
        updated_at: at,
      },
      line_items: items,
    });
    const now = new Date();
    const id = randomUUID();
    rows.push(
      SQL.sql`(${id}, ${options.shop}, ${"orders/paid"}, ${randomUUID()}, ${randomUUID()}, ${new Date(at)}, ${"2026-07"}, ${now}, ${"pending"}, ${now})`,
    );
    bodies.push(SQL.sql`(${id}, ${options.shop}, ${body})`);
    if (rows.length === 200 || i === options.count - 1) {
      await target.db
        .$executeRaw`INSERT INTO "WebhookDelivery" ("id", "shop", "topic", "webhookId", "eventId", "triggeredAt", "apiVersion", "receivedAt", "status", "runAt") VALUES ${SQL.join(rows)}`;
      await target.db.$executeRaw`INSERT INTO "WebhookDeliveryBody" ("deliveryId", "shop", "body") VALUES ${SQL.join(bodies)}`;
      rows = [];
      bodies = [];
    }
  }
  return { lines };
}
