import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { deliveryStream, seededRandom, sendAll, type Delivery } from "../helpers/delivery-stream";
import { expectSameHistories, settledHistoryDump } from "../helpers/history-dump";
import { deliver, drain, givenInstalledShop, storedDelivery } from "../helpers/inbox";
import { action as orders } from "../../app/routes/webhooks.orders";
import { SHOP } from "../helpers/webhook-request";

// Issue 5, "must show": malformed and schema-violating payloads, mixed into a stream of good ones of
// every topic, are parked with their reasons; nothing of them is half-applied and the good ones apply
// exactly as they would without them.
const { deliveries: good } = deliveryStream({ orders: 120, customers: 30, products: 10, seed: 21 });
const order = good.find((d) => d.topic === "orders/paid")!.body as Record<string, any>;
const customer = good.find((d) => d.topic === "customers/update")!.body as Record<string, any>;
const product = good.find((d) => d.topic === "products/update")!.body as Record<string, any>;
const refund = good.find((d) => d.topic === "refunds/create")!.body as Record<string, any>;
const line = order.line_items[0];
const newOrder = (n: number, overrides: Record<string, unknown>) => ({
  ...order,
  id: 7_000 + n,
  admin_graphql_api_id: `gid://shopify/Order/${7_000 + n}`,
  ...overrides,
});

/** Each bad delivery, and what its parked reason must name. */
const BAD: [string, Delivery, RegExp][] = [
  [
    "an order id that is not a number",
    bad("/webhooks/orders", "orders/paid", { ...order, id: "abc", admin_graphql_api_id: null }),
    /\bid\b/,
  ],
  ["line items that are not a list", bad("/webhooks/orders", "orders/paid", newOrder(1, { line_items: "none" })), /line_items/],
  ["an unknown currency", bad("/webhooks/orders", "orders/paid", newOrder(2, { currency: "XX" })), /currency/],
  ["a price that is not an amount", bad("/webhooks/orders", "orders/updated", newOrder(3, { total_price: "12.3.4" })), /total_price/],
  ["a negative quantity", bad("/webhooks/orders", "orders/create", newOrder(4, { line_items: [{ ...line, quantity: -2 }] })), /quantity/],
  [
    "a customer GID of another kind",
    bad(
      "/webhooks/orders",
      "orders/paid",
      newOrder(5, { customer: { ...order.customer, admin_graphql_api_id: "gid://shopify/Product/1" } }),
    ),
    /admin_graphql_api_id/,
  ],
  [
    "a customer without an id",
    bad("/webhooks/customers", "customers/update", { ...customer, id: null, admin_graphql_api_id: null }),
    /\bid\b/,
  ],
  ["a customer email that is not text", bad("/webhooks/customers", "customers/create", { ...customer, id: 999, email: 42 }), /email/],
  [
    "a variant price that is not an amount",
    bad("/webhooks/products", "products/update", { ...product, id: 9999, variants: [{ ...product.variants[0], price: "free" }] }),
    /price/,
  ],
  ["a product deletion without an id", bad("/webhooks/products", "products/delete", {}), /\bid\b/],
  [
    "a refund without its lines",
    bad("/webhooks/refunds", "refunds/create", { ...refund, refund_line_items: undefined }),
    /refund_line_items/,
  ],
];

function bad(path: string, topic: string, body: Record<string, unknown>): Delivery {
  return {
    path,
    topic,
    body,
    webhookId: `bad-${topic}-${JSON.stringify(body).length}-${Math.random()}`,
    triggeredAt: "2026-01-02T00:00:00Z",
  };
}

let goodOnly: Awaited<ReturnType<typeof settledHistoryDump>> | undefined;

describe("malformed and schema-violating payloads", () => {
  it("GIVEN only the good deliveries WHEN applied THEN all are done", { timeout: 60_000 }, async () => {
    await givenInstalledShop();
    await sendAll(good, { shop: SHOP });
    await drain();
    expect(await prisma.webhookDelivery.count({ where: { status: { not: "done" } } })).toBe(0);
    goodOnly = await settledHistoryDump(SHOP);
  });

  it(
    "GIVEN bad deliveries of every topic mixed into the same stream WHEN applied THEN each is parked with its reason and the histories are the good ones'",
    { timeout: 60_000 },
    async () => {
      expect(goodOnly, "the good-only run above must have passed").toBeDefined();
      await givenInstalledShop();
      const random = seededRandom(4);
      const mixed = [...good];
      for (const [, delivery] of BAD) mixed.splice(Math.floor(random() * mixed.length), 0, delivery);
      await sendAll(mixed, { shop: SHOP, inFlight: 8 });
      const notJson = await deliver(orders, "/webhooks/orders", "orders/paid", null, {
        raw: '{"id": 1, "line_items": [',
        webhookId: "not-json",
      });
      expect(notJson.status).toBe(200);
      await drain();

      const reasons = Object.fromEntries(
        await Promise.all(BAD.map(async ([name, d]) => [name, await storedDelivery(d.webhookId)] as const)),
      );
      for (const [name, , reason] of BAD) {
        expect(reasons[name], name).toMatchObject({ status: "parked", reason: expect.stringMatching(reason) });
      }
      expect(await storedDelivery("not-json")).toMatchObject({ status: "parked", reason: expect.stringMatching(/not JSON/) });
      expect(await prisma.webhookDelivery.count({ where: { status: "parked" } })).toBe(BAD.length + 1);
      expect(await prisma.webhookDelivery.count({ where: { status: "done" } })).toBe(good.length);
      expectSameHistories(await settledHistoryDump(SHOP), goodOnly!);
    },
  );
});
