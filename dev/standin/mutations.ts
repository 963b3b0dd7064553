import type { StandinCustomer, StandinOrder, StandinProduct, StandinStore } from "./store";
import { gid } from "./store";
import { compliancePayload, deletedPayload } from "./webhooks/payloads";
import { refundSubtotal } from "./order-amounts";

/**
 * Changes a dev shop the way merchant and shopper actions would, and announces each change with the
 * topics Shopify sends for it (the webhook sender turns them into deliveries). Every change stamps the
 * resource with `store.stamp()`, so its `updatedAt` strictly increases from one version to the next.
 */

/** A checkout completing: orders/create, then orders/paid when it is paid. */
export function placeOrder(store: StandinStore, domain: string, order: StandinOrder): StandinOrder {
  const shop = store.requireShop(domain);
  order.updatedAt = store.stamp(order.updatedAt);
  shop.orders.set(order.id, order);
  store.changed({ shop: domain, topic: "orders/create", resourceId: order.id });
  if (order.financialStatus === "paid") store.changed({ shop: domain, topic: "orders/paid", resourceId: order.id });
  return order;
}

export function markOrderPaid(store: StandinStore, domain: string, orderId: number): void {
  const order = requireOrder(store, domain, orderId);
  order.financialStatus = "paid";
  order.updatedAt = store.stamp(order.updatedAt);
  store.changed({ shop: domain, topic: "orders/paid", resourceId: orderId });
  store.changed({ shop: domain, topic: "orders/updated", resourceId: orderId });
}

export function cancelOrder(store: StandinStore, domain: string, orderId: number, reason = "customer"): void {
  const order = requireOrder(store, domain, orderId);
  order.updatedAt = store.stamp(order.updatedAt);
  order.cancelledAt = order.updatedAt;
  order.cancelReason = reason;
  store.changed({ shop: domain, topic: "orders/cancelled", resourceId: orderId });
  store.changed({ shop: domain, topic: "orders/updated", resourceId: orderId });
}

/** Refunds `quantity` of one line item: refunds/create, then orders/updated. */
export function createRefund(
  store: StandinStore,
  domain: string,
  orderId: number,
  lines: { lineItemId: number; quantity: number }[],
  note: string | null = null,
) {
  const order = requireOrder(store, domain, orderId);
  const refund = {
    id: store.nextId(),
    orderId,
    createdAt: store.stamp(order.updatedAt),
    note,
    refundLineItems: lines.map((l) => {
      const item = order.lineItems.find((li) => li.id === l.lineItemId);
      if (!item) throw new Error(`no line item ${l.lineItemId} on order ${orderId}`);
      return { id: store.nextId(), lineItemId: l.lineItemId, quantity: l.quantity, subtotal: refundSubtotal(item, l.quantity) };
    }),
  };
  order.refunds.push(refund);
  order.financialStatus = "partially_refunded";
  order.updatedAt = refund.createdAt;
  store.changed({ shop: domain, topic: "refunds/create", resourceId: refund.id });
  store.changed({ shop: domain, topic: "orders/updated", resourceId: orderId });
  return refund;
}

export function upsertCustomer(store: StandinStore, domain: string, customer: StandinCustomer): void {
  const shop = store.requireShop(domain);
  const existed = shop.customers.has(customer.id);
  customer.updatedAt = store.stamp(latest(shop.customers.get(customer.id)?.updatedAt, customer.updatedAt));
  shop.customers.set(customer.id, customer);
  store.changed({ shop: domain, topic: existed ? "customers/update" : "customers/create", resourceId: customer.id });
}

export function deleteCustomer(store: StandinStore, domain: string, customerId: number): void {
  store.requireShop(domain).customers.delete(customerId);
  store.changed({ shop: domain, topic: "customers/delete", resourceId: customerId, payload: deletedPayload("Customer", customerId) });
}

export function upsertProduct(store: StandinStore, domain: string, product: StandinProduct): void {
  const shop = store.requireShop(domain);
  const existed = shop.products.has(product.id);
  product.updatedAt = store.stamp(latest(shop.products.get(product.id)?.updatedAt, product.updatedAt));
  shop.products.set(product.id, product);
  store.changed({ shop: domain, topic: existed ? "products/update" : "products/create", resourceId: product.id });
}

export function deleteProduct(store: StandinStore, domain: string, productId: number): void {
  store.requireShop(domain).products.delete(productId);
  store.changed({ shop: domain, topic: "products/delete", resourceId: productId, payload: deletedPayload("Product", productId) });
}

/** The merchant removes the app: its tokens stop working, then app/uninstalled is sent. */
export function uninstallApp(store: StandinStore, domain: string): void {
  const shop = store.requireShop(domain);
  shop.appInstalled = false;
  shop.accessTokens.clear();
  store.changed({ shop: domain, topic: "app/uninstalled", resourceId: 1 });
}

export function changeScopes(store: StandinStore, domain: string, previous: string[], current: string[]): void {
  store.changed({
    shop: domain,
    topic: "app/scopes_update",
    resourceId: 1,
    payload: { id: 1, shop_id: gid("Shop", 1), previous, current, updated_at: store.stamp() },
  });
}

/** Compliance: a shopper asks for their data, or to be forgotten; a shop is erased after uninstall. */
export function requestCustomerData(store: StandinStore, domain: string, customerId: number): void {
  const shop = store.requireShop(domain);
  const orders = [...shop.orders.values()].filter((o) => o.customerId === customerId).map((o) => o.id);
  store.changed({
    shop: domain,
    topic: "customers/data_request",
    resourceId: customerId,
    payload: compliancePayload(shop, "customers/data_request", shop.customers.get(customerId), orders),
  });
}

export function redactCustomer(store: StandinStore, domain: string, customerId: number): void {
  const shop = store.requireShop(domain);
  const orders = [...shop.orders.values()].filter((o) => o.customerId === customerId).map((o) => o.id);
  store.changed({
    shop: domain,
    topic: "customers/redact",
    resourceId: customerId,
    payload: compliancePayload(shop, "customers/redact", shop.customers.get(customerId), orders),
  });
}

export function redactShop(store: StandinStore, domain: string): void {
  store.changed({
    shop: domain,
    topic: "shop/redact",
    resourceId: 1,
    payload: compliancePayload(store.requireShop(domain), "shop/redact"),
  });
}

function requireOrder(store: StandinStore, domain: string, orderId: number): StandinOrder {
  const order = store.requireShop(domain).orders.get(orderId);
  if (!order) throw new Error(`stand-in: no order ${gid("Order", orderId)} in ${domain}`);
  return order;
}

/** The later of a stored version's stamp and the incoming object's (a caller may pass either). */
function latest(a: string | undefined, b: string): string {
  return a !== undefined && Date.parse(a) > Date.parse(b) ? a : b;
}
