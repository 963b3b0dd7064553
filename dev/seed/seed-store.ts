import type { StandinLineItem, StandinOrder, StandinProduct, StandinStore } from "../standin/store";
import { countryCodeOf, type RetailDataset, type RetailOrder } from "./online-retail";
import { refundSubtotal } from "../standin/order-amounts";
import { collectionsFor } from "./collections";
import { compareAtPrice, inventoryPolicy, reviewMetafields } from "./catalogue-details";
import { customerContact, phoneNumbers } from "./customer-details";
import { orderDetails } from "./order-details";

const DAY = 86_400_000;

export interface SeedResult {
  report: RetailDataset["report"] & { historicOrders: number; refunds: number };
  /** Orders newer than `recentDays`, in time order, not yet in the store: the demo places them live. */
  recentOrders: StandinOrder[];
}

/**
 * Fills a stand-in shop from the dataset without emitting webhooks: the catalogue (with collections,
 * review metafields, sale prices), the customers (with marketing consent), and the orders older than
 * `recentDays` (channel, shipping, tax, line discounts; refunds). Dates are shifted so the dataset's
 * last order falls one day before `now`, keeping every gap, so recency means today what it meant then.
 * Everything else is derived from the data itself (dev/seed/data-hash.ts): the same dataset and `now`
 * always give the same shop.
 * @example const { recentOrders } = seedStore(store, "demo.myshopify.com", dataset, { now: new Date() })
 */
export function seedStore(
  store: StandinStore,
  domain: string,
  dataset: RetailDataset,
  options: { now: Date; recentDays?: number },
): SeedResult {
  const shop = store.ensureShop(domain);
  const last = dataset.orders.at(-1)?.at.getTime() ?? options.now.getTime();
  const shift = options.now.getTime() - DAY - last;
  const cutoff = options.now.getTime() - (options.recentDays ?? 14) * DAY;
  const at = (date: Date) => new Date(date.getTime() + shift).toISOString();
  const firstSeen = new Map<number, string>();
  for (const order of dataset.orders)
    if (order.customerId !== null && !firstSeen.has(order.customerId)) firstSeen.set(order.customerId, at(order.at));

  const byCode = new Map<string, StandinProduct>();
  const created = at(dataset.orders[0]?.at ?? new Date(last));
  for (const p of dataset.products) {
    const id = store.nextId();
    const product: StandinProduct = {
      id,
      title: p.title,
      handle: p.handle,
      bodyHtml: `<p>${p.title}</p>`,
      vendor: "Rapport Demo Gifts",
      productType: "Gift",
      status: "ACTIVE",
      tags: [],
      imageUrl: `/cdn/shop/products/${p.code.toLowerCase()}.svg`,
      createdAt: created,
      updatedAt: created,
      publishedAt: created,
      variants: [
        {
          id: store.nextId(),
          productId: id,
          title: "Default Title",
          sku: p.code,
          price: p.price,
          compareAtPrice: compareAtPrice(p.code, p.price),
          inventoryQuantity: 100,
          inventoryPolicy: inventoryPolicy(p.code),
          createdAt: created,
          updatedAt: created,
        },
      ],
      metafields: reviewMetafields(p.code, created),
    };
    shop.products.set(id, product);
    byCode.set(p.code, product);
  }
  for (const collection of collectionsFor(shop.products.values(), () => store.nextId())) shop.collections.set(collection.id, collection);
  const nextPhone = phoneNumbers();
  for (const c of dataset.customers) {
    const since = firstSeen.get(c.id) ?? created;
    shop.customers.set(c.id, {
      id: c.id,
      email: c.email,
      firstName: c.firstName,
      lastName: c.lastName,
      ...customerContact(c.id, nextPhone),
      state: "ENABLED",
      tags: [],
      note: null,
      verifiedEmail: true,
      defaultAddress: { country: c.country, countryCode: c.countryCode },
      createdAt: since,
      updatedAt: since,
      metafields: {},
    });
  }

  const historic = new Map<string, StandinOrder>();
  const recentOrders: StandinOrder[] = [];
  for (const source of dataset.orders) {
    const order = toOrder(store, source, byCode, at(source.at), shop.currencyCode);
    if (new Date(order.processedAt).getTime() < cutoff) {
      shop.orders.set(order.id, order);
      historic.set(source.invoice, order);
    } else recentOrders.push(order);
  }
  let refunds = 0;
  for (const refund of dataset.refunds) {
    const order = historic.get(refund.orderInvoice);
    if (!order || new Date(at(refund.at)).getTime() >= cutoff) continue;
    const createdAt = at(refund.at);
    order.refunds.push({
      id: store.nextId(),
      orderId: order.id,
      createdAt,
      note: `Cancellation ${refund.invoice}`,
      refundLineItems: refund.lines.map((l) => {
        const item = order.lineItems.find((li) => li.sku === l.code)!;
        return { id: store.nextId(), lineItemId: item.id, quantity: l.quantity, subtotal: refundSubtotal(item, l.quantity) };
      }),
    });
    if (createdAt > order.updatedAt) order.updatedAt = createdAt;
    const refundedAll = order.lineItems.every(
      (li) =>
        order.refunds
          .flatMap((r) => r.refundLineItems)
          .filter((r) => r.lineItemId === li.id)
          .reduce((s, r) => s + r.quantity, 0) >= li.quantity,
    );
    order.financialStatus = refundedAll ? "refunded" : "partially_refunded";
    refunds += 1;
  }
  return { report: { ...dataset.report, historicOrders: historic.size, refunds }, recentOrders };
}

function toOrder(
  store: StandinStore,
  source: RetailOrder,
  byCode: Map<string, StandinProduct>,
  processedAt: string,
  currency: string,
): StandinOrder {
  const lineItems = source.lines.map((line): StandinLineItem => {
    const product = byCode.get(line.code)!;
    return {
      id: store.nextId(),
      productId: product.id,
      variantId: product.variants[0]!.id,
      sku: line.code,
      title: product.title,
      variantTitle: null,
      quantity: line.quantity,
      price: line.price,
    };
  });
  const address = { country: source.country, countryCode: countryCodeOf(source.country) };
  const number = Number(source.invoice.replace(/\D/g, ""));
  return {
    id: store.nextId(),
    name: `#${source.invoice}`,
    orderNumber: number,
    email: source.customerId ? `customer-${source.customerId}@example.com` : null,
    customerId: source.customerId,
    currency,
    createdAt: processedAt,
    processedAt,
    updatedAt: processedAt,
    cancelledAt: null,
    cancelReason: null,
    financialStatus: "paid",
    fulfillmentStatus: "fulfilled",
    test: false,
    lineItems,
    refunds: [],
    country: source.country,
    ...orderDetails(source.invoice, address, lineItems),
  };
}
