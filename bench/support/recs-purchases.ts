import type { PurchaseRecord } from "../../app/recommendations/engine/model";
import type { Histogram, RetailDistributions } from "./retail-distributions";
import { seededRandom, weightedPicker } from "./random";

/** A synthetic store's purchases, compact: what the recs-build job reads, without a database. */
export interface SyntheticPurchases {
  orders: number;
  customers: number;
  products: number;
  /** Per order: customer index (-1 guest) and time (ms). */
  orderCustomer: Int32Array;
  orderAt: Float64Array;
  /** Lines of order o: items[lineStart[o] .. lineStart[o + 1]). */
  lineStart: Int32Array;
  items: Int32Array;
}

const DAY = 86_400_000;

/**
 * Orders scaled from the Online Retail distributions exactly as bench/support/synthetic-store.ts draws
 * them (product popularity stretched over `products`, basket sizes, repeat rate, guest share), kept in
 * typed arrays: 2,000,000 orders of ~20 lines fit in ~200 MB instead of tens of GB of rows.
 * @example const p = syntheticPurchases(await loadRetailDistributions(), { orders: 2e6, products: 5e4, customers: 4e5 })
 */
export function syntheticPurchases(
  d: RetailDistributions,
  options: { orders: number; products: number; customers: number; seed?: number; endAt?: number; days?: number },
): SyntheticPurchases {
  const orderCustomer = new Int32Array(options.orders);
  const orderAt = new Float64Array(options.orders);
  const lineStart = new Int32Array(options.orders + 1);
  let items = new Int32Array(options.orders * 24);
  let n = 0;
  syntheticOrders(d, options, (o, customer, at, basket) => {
    orderCustomer[o] = customer;
    orderAt[o] = at;
    if (n + basket.length > items.length) {
      const grown = new Int32Array(Math.ceil(items.length * 1.5) + basket.length);
      grown.set(items);
      items = grown;
    }
    items.set(basket, n);
    n += basket.length;
    lineStart[o + 1] = n;
  });
  return { ...options, orderCustomer, orderAt, lineStart, items: items.subarray(0, n) };
}

/**
 * The same orders one at a time (nothing kept): `visit(order, customer index or -1 guest, time, products)`,
 * the products array reused between calls.
 */
export function syntheticOrders(
  d: RetailDistributions,
  options: { orders: number; products: number; customers: number; seed?: number; endAt?: number; days?: number },
  visit: (order: number, customer: number, at: number, products: Int32Array) => void,
): void {
  const random = seededRandom(options.seed ?? 1);
  const endAt = options.endAt ?? Date.UTC(2026, 0, 1);
  const span = (options.days ?? 365) * DAY;
  const weights = new Float64Array(options.products);
  for (let i = 0; i < options.products; i++) weights[i] = d.products[Math.floor((i * d.products.length) / options.products)]!.lines;
  const drawRepeat = drawFrom(d.ordersPerCustomer, random);
  const propensity = Float64Array.from({ length: options.customers }, () => drawRepeat());
  const pickCustomer = weightedPicker(propensity, random);
  const pickProduct = weightedPicker(weights, random);
  const drawBasket = drawFrom(d.basketSizes, random);
  const chosen = new Set<number>();
  const basket = new Int32Array(options.products);
  for (let o = 0; o < options.orders; o++) {
    const at = endAt - span + Math.floor(((o + random()) * span) / options.orders);
    const customer = random() < d.guestShare ? -1 : pickCustomer();
    const size = Math.min(drawBasket(), options.products);
    chosen.clear();
    for (let tries = 0; chosen.size < size && tries < size * 20; tries++) chosen.add(pickProduct());
    let n = 0;
    for (const p of chosen) basket[n++] = p;
    visit(o, customer, at, basket.subarray(0, n));
  }
}

/** The purchases as the recs-build job hands them to the model (one record per order line). */
export function* purchaseRecords(p: SyntheticPurchases): Generator<PurchaseRecord> {
  for (let o = 0; o < p.orders; o++) {
    const c = p.orderCustomer[o]!;
    const orderId = `order-${o + 1}`;
    const customerId = c >= 0 ? `gid://shopify/Customer/${c + 1}` : `order:${orderId}`;
    for (let l = p.lineStart[o]!; l < p.lineStart[o + 1]!; l++)
      yield { customerId, orderId, productId: `gid://shopify/Product/${p.items[l]! + 1}`, at: p.orderAt[o]! };
  }
}

function drawFrom(h: Histogram, random: () => number): () => number {
  const pick = weightedPicker(h.counts, random);
  return () => h.values[pick()]!;
}
