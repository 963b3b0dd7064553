import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action } from "../../app/routes/webhooks.orders";
import { getPointsBalance } from "../../app/loyalty/balance.server";
import { exampleOrder, SHOP, webhookRequest } from "../helpers/webhook-request";

const send = (topic: string, body: unknown, options: Parameters<typeof webhookRequest>[3] = {}) =>
  action({ request: webhookRequest("/webhooks/orders", topic, body, options), params: {}, context: {} });
const ADA = "gid://shopify/Customer/17850";

describe("orders webhooks → history and points", () => {
  it("GIVEN a forged HMAC WHEN delivered THEN 401 and nothing is written", async () => {
    const response = await send("orders/paid", exampleOrder(), { hmac: "Zm9yZ2VkIQ==" });
    expect(response.status).toBe(401);
    expect(await prisma.order.count()).toBe(0);
  });

  it("GIVEN missing Shopify headers WHEN delivered THEN 400 and nothing is written", async () => {
    const response = await send("orders/paid", exampleOrder(), { omit: ["X-Shopify-Shop-Domain", "X-Shopify-API-Version"] });
    expect(response.status).toBe(400);
    expect(await prisma.order.count()).toBe(0);
  });

  it("GIVEN orders/paid delivered twice and orders/create re-sent WHEN processed THEN one order and points credited once", async () => {
    const order = exampleOrder();
    const webhookId = "paid-delivery-1";
    for (const attempt of [
      () => send("orders/create", order),
      () => send("orders/paid", order, { webhookId }),
      () => send("orders/paid", order, { webhookId }),
      () => send("orders/create", order),
    ])
      expect((await attempt()).status).toBe(200);
    expect(await prisma.order.count({ where: { shop: SHOP } })).toBe(1);
    expect(await prisma.orderLine.count()).toBe(2);
    // £25.99 subtotal at the default 1 point per £1, rounded down.
    expect(await getPointsBalance({ shop: SHOP, customerId: ADA })).toBe(25);
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP } })).toBe(1);
    const customer = await prisma.customer.findUniqueOrThrow({ where: { shop_shopifyId: { shop: SHOP, shopifyId: ADA } } });
    expect(customer).toMatchObject({ ordersCount: 1, spentMinor: 3099, email: "ada@example.com" });
  });

  it("GIVEN the same orders/paid delivered concurrently WHEN processed THEN points are credited once", async () => {
    const order = exampleOrder({ id: 6001, admin_graphql_api_id: "gid://shopify/Order/6001", name: "#6001" });
    const answers = await Promise.all(Array.from({ length: 5 }, () => send("orders/paid", order)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP, idempotencyKey: "order:gid://shopify/Order/6001:earn" } })).toBe(1);
    expect(await getPointsBalance({ shop: SHOP, customerId: ADA })).toBe(25);
  });

  it("GIVEN a pending orders/create then orders/paid WHEN processed THEN points are earned at payment, once", async () => {
    const pending = exampleOrder({ financial_status: "pending" });
    await send("orders/create", pending);
    expect(await getPointsBalance({ shop: SHOP, customerId: ADA })).toBe(0);
    await send("orders/paid", { ...pending, financial_status: "paid" });
    expect(await getPointsBalance({ shop: SHOP, customerId: ADA })).toBe(25);
  });

  it("GIVEN a paid order later cancelled WHEN orders/cancelled arrives twice THEN one reversing entry brings the balance back", async () => {
    const order = exampleOrder();
    await send("orders/paid", order);
    const cancelled = { ...order, cancelled_at: new Date().toISOString(), financial_status: "voided" };
    await send("orders/cancelled", cancelled);
    await send("orders/cancelled", cancelled);
    const entries = await prisma.ledgerEntry.findMany({ where: { shop: SHOP }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.reason, e.points])).toEqual([
      ["earn:order", 25],
      ["reverse:cancel", -25],
    ]);
    expect(await getPointsBalance({ shop: SHOP, customerId: ADA })).toBe(0);
  });

  it("GIVEN a POS order and a guest order WHEN recorded THEN POS counts for its customer and the guest earns nothing", async () => {
    await send(
      "orders/paid",
      exampleOrder({ id: 7001, admin_graphql_api_id: "gid://shopify/Order/7001", name: "#7001", source_name: "pos" }),
    );
    await send("orders/paid", exampleOrder({ id: 7002, admin_graphql_api_id: "gid://shopify/Order/7002", name: "#7002", customer: null }));
    expect(await prisma.order.findFirstOrThrow({ where: { shopifyId: "gid://shopify/Order/7001" } })).toMatchObject({ sourceName: "pos" });
    expect(await prisma.order.findFirstOrThrow({ where: { shopifyId: "gid://shopify/Order/7002" } })).toMatchObject({ customerId: null });
    expect(await prisma.ledgerEntry.count()).toBe(1);
    expect(await prisma.interaction.count({ where: { kind: "purchase" } })).toBe(4);
  });

  it.each([
    ["line_items is not a list", exampleOrder({ line_items: "two mugs" }), /line_items/],
    ["a price is not a number", exampleOrder({ total_price: "abc", current_total_price: "abc" }), /not a decimal amount/],
    ["the currency is unknown", exampleOrder({ currency: "XX" }), /currency/],
  ])("GIVEN a malformed body (%s) WHEN delivered THEN it is parked with the reason and nothing is applied", async (_case, body, reason) => {
    const response = await send("orders/paid", body, { webhookId: "bad-1" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ parked: true, reason: expect.stringMatching(reason) });
    const parked = await prisma.parkedWebhook.findFirstOrThrow({ where: { shop: SHOP, webhookId: "bad-1" } });
    expect(parked).toMatchObject({ topic: "orders/paid", reason: expect.stringMatching(reason) });
    expect(JSON.parse(parked.body)).toEqual(body);
    expect(await prisma.order.count()).toBe(0);
    expect(await prisma.ledgerEntry.count()).toBe(0);
    expect(await prisma.customer.count()).toBe(0);
  });

  it("GIVEN a signed body that is not JSON WHEN delivered THEN it is parked as such", async () => {
    const response = await send("orders/paid", null, { raw: "{not json", webhookId: "bad-json" });
    expect(await response.json()).toMatchObject({ parked: true, reason: expect.stringMatching(/not JSON/) });
    expect(await prisma.order.count()).toBe(0);
  });
});
