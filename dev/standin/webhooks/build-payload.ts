import type { StandinChange, StandinShop } from "../store";
import { bulkFinishPayload, customerPayload, orderPayload, productPayload, refundPayload, shopPayload } from "./payloads";

/** The payload for one change, from the store as it is now (Shopify snapshots at trigger time). */
export function buildPayload(shop: StandinShop, change: StandinChange): Record<string, unknown> {
  if (change.payload) return change.payload;
  const [resource] = change.topic.split("/");
  const id = change.resourceId;
  if (resource === "orders") return orderPayload(shop, need(shop.orders.get(id), change), change.topic);
  if (resource === "customers") return customerPayload(shop, need(shop.customers.get(id), change), change.topic);
  if (resource === "products") return productPayload(shop, need(shop.products.get(id), change), change.topic);
  if (resource === "refunds") {
    const order = [...shop.orders.values()].find((o) => o.refunds.some((r) => r.id === id));
    return refundPayload(
      shop,
      need(order, change),
      need(
        order?.refunds.find((r) => r.id === id),
        change,
      ),
    );
  }
  if (change.topic === "bulk_operations/finish") return bulkFinishPayload(need(shop.bulkOperations.get(id), change));
  if (change.topic === "app/uninstalled") return shopPayload(shop);
  throw new Error(`stand-in: no payload builder for ${change.topic}`);
}

function need<T>(value: T | undefined, change: StandinChange): T {
  if (value === undefined) throw new Error(`stand-in: ${change.topic} for unknown resource ${change.resourceId}`);
  return value;
}
