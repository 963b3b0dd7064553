import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action } from "../../app/routes/webhooks.orders";
import { getPointsBalance } from "../../app/loyalty/balance.server";
import { deliver, deliverAndApply, drain, givenInstalledShop, storedDelivery } from "../helpers/inbox";
import { exampleOrder, SHOP } from "../helpers/webhook-request";

const PATH = "/webhooks/orders";
const send = (topic: string, body: unknown, options: Parameters<typeof deliver>[4] = {}) => deliver(action, PATH, topic, body, options);
const apply = (topic: string, body: unknown, options: Parameters<typeof deliver>[4] = {}) =>
  deliverAndApply(action, PATH, topic, body, options);
const ADA = "gid://shopify/Customer/17850";
const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, second)).toISOString();

describe("orders webhooks → inbox → history and points", () => {
  it("GIVEN a forged HMAC WHEN delivered THEN 401 and nothing is stored", async () => {
    await givenInstalledShop();
    const response = await send("orders/paid", exampleOrder(), { hmac: "Zm9yZ2VkIQ==" });
    expect(response.status).toBe(401);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("GIVEN missing Shopify headers WHEN delivered THEN 400 and nothing is stored", async () => {
    await givenInstalledShop();
    const response = await send("orders/paid", exampleOrder(), { omit: ["X-Shopify-Shop-Domain", "X-Shopify-API-Version"] });
    expect(response.status).toBe(400);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("GIVEN a signed delivery WHEN received THEN it is stored with Shopify's ids and answered before anything is applied", async () => {
    await givenInstalledShop();
    const response = await send("orders/paid", exampleOrder(), { webhookId: "wh-1" });
    expect(response.status).toBe(200);
    expect(await storedDelivery("wh-1")).toMatchObject({
      topic: "orders/paid",
      status: "pending",
      eventId: expect.any(String),
      triggeredAt: expect.any(Date),
    });
    expect(await prisma.order.count()).toBe(0);
    await drain();
    expect(await storedDelivery("wh-1")).toMatchObject({ status: "done", reason: null });
    expect(await prisma.order.count()).toBe(1);
  });

  it("GIVEN orders/paid delivered twice and orders/create re-sent WHEN applied THEN one order and points credited once", async () => {
    await givenInstalledShop();
    const order = exampleOrder();
    await apply("orders/create", order);
    await apply("orders/paid", order, { webhookId: "paid-1" });
    await apply("orders/paid", order, { webhookId: "paid-1" });
    await apply("orders/create", order);
    expect(await prisma.webhookDelivery.count()).toBe(3); // the retry of paid-1 was the same delivery
    expect(await prisma.webhookDelivery.count({ where: { status: { not: "done" } } })).toBe(0);
    expect(await prisma.order.count({ where: { shop: SHOP } })).toBe(1);
    expect(await prisma.orderLine.count()).toBe(2);
    // £25.99 subtotal at the default 1 point per £1, rounded down.
    expect(await getPointsBalance({ shop: SHOP, customerGid: ADA })).toBe(25);
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP } })).toBe(1);
    const customer = await prisma.customer.findUniqueOrThrow({ where: { shop_customerGid: { shop: SHOP, customerGid: ADA } } });
    expect(customer).toMatchObject({ ordersCount: 1, spentMinor: 3099n, email: "ada@example.com" });
  });

  it("GIVEN the same orders/paid received concurrently WHEN applied THEN points are credited once", async () => {
    await givenInstalledShop();
    const order = exampleOrder({ id: 6001, admin_graphql_api_id: "gid://shopify/Order/6001", name: "#6001" });
    const answers = await Promise.all(Array.from({ length: 5 }, () => send("orders/paid", order)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await drain();
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP, idempotencyKey: "order:gid://shopify/Order/6001:earn" } })).toBe(1);
    expect(await getPointsBalance({ shop: SHOP, customerGid: ADA })).toBe(25);
  });

  it("GIVEN a pending order, then the same order paid (newer) WHEN applied THEN points are earned at payment, once", async () => {
    await givenInstalledShop();
    const pending = exampleOrder({ financial_status: "pending", updated_at: at(1) });
    await apply("orders/create", pending);
    expect(await getPointsBalance({ shop: SHOP, customerGid: ADA })).toBe(0);
    await apply("orders/paid", { ...pending, financial_status: "paid", updated_at: at(2) });
    expect(await getPointsBalance({ shop: SHOP, customerGid: ADA })).toBe(25);
  });

  it("GIVEN a paid order later cancelled WHEN orders/cancelled arrives twice THEN one reversing entry brings the balance back", async () => {
    await givenInstalledShop();
    const order = exampleOrder({ updated_at: at(1) });
    await apply("orders/paid", order);
    const cancelled = { ...order, cancelled_at: at(5), updated_at: at(5), financial_status: "voided" };
    await apply("orders/cancelled", cancelled);
    await apply("orders/cancelled", cancelled);
    const entries = await prisma.ledgerEntry.findMany({ where: { shop: SHOP }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.reason, e.points])).toEqual([
      ["earn:order", 25],
      ["reverse:cancel", -25],
    ]);
    expect(await getPointsBalance({ shop: SHOP, customerGid: ADA })).toBe(0);
    expect(await prisma.order.findFirstOrThrow()).toMatchObject({ cancelledAt: new Date(at(5)) });
    expect(await prisma.interaction.count()).toBe(0); // a cancelled order is not a purchase
  });

  it("GIVEN a POS order and a guest order WHEN applied THEN POS counts for its customer at its location and the guest earns nothing", async () => {
    await givenInstalledShop();
    await apply(
      "orders/paid",
      exampleOrder({
        id: 7001,
        admin_graphql_api_id: "gid://shopify/Order/7001",
        name: "#7001",
        source_name: "pos",
        location_id: 55,
        user_id: 66,
      }),
    );
    await apply("orders/paid", exampleOrder({ id: 7002, admin_graphql_api_id: "gid://shopify/Order/7002", name: "#7002", customer: null }));
    expect(await prisma.order.findFirstOrThrow({ where: { orderGid: "gid://shopify/Order/7001" } })).toMatchObject({
      channel: "pos",
      locationGid: "gid://shopify/Location/55",
      staffGid: "gid://shopify/StaffMember/66",
    });
    expect(await prisma.order.findFirstOrThrow({ where: { orderGid: "gid://shopify/Order/7002" } })).toMatchObject({ customerGid: null });
    expect(await prisma.ledgerEntry.count()).toBe(1);
    expect(await prisma.interaction.count({ where: { kind: "purchase" } })).toBe(4);
    expect(await prisma.interaction.count({ where: { kind: "purchase", order: { orderGid: "gid://shopify/Order/7001" } } })).toBe(2);
  });

  it("GIVEN line discounts, shipping and tax WHEN applied THEN the lines keep their Shopify id and discounted amount and the order its subtotal", async () => {
    await givenInstalledShop();
    const base = exampleOrder();
    await apply(
      "orders/paid",
      exampleOrder({
        subtotal_price: "23.99",
        total_tax: "4.00",
        total_shipping_price_set: { shop_money: { amount: "3.00", currency_code: "GBP" } },
        line_items: [{ ...base.line_items[0], discount_allocations: [{ amount: "2.00" }] }, base.line_items[1]],
      }),
    );
    const order = await prisma.order.findFirstOrThrow({ include: { lines: { orderBy: { lineItemGid: "asc" } } } });
    expect(order).toMatchObject({ subtotalMinor: 2399n, taxMinor: 400n, shippingMinor: 300n });
    expect(order.lines.map((l) => [l.lineItemGid, l.unitPriceMinor, l.discountMinor, l.totalMinor])).toEqual([
      ["gid://shopify/LineItem/1", 255n, 200n, 310n],
      ["gid://shopify/LineItem/2", 348n, 0n, 2088n],
    ]);
  });

  it.each([
    ["line_items is not a list", exampleOrder({ line_items: "two mugs" }), /line_items/],
    ["a price is not a number", exampleOrder({ total_price: "abc" }), /not a decimal amount/],
    ["the currency is unknown", exampleOrder({ currency: "XX" }), /currency/],
  ])("GIVEN a malformed body (%s) WHEN applied THEN it is parked with the reason and nothing is applied", async (_case, body, reason) => {
    await givenInstalledShop();
    const response = await apply("orders/paid", body, { webhookId: "bad-1" });
    expect(response.status).toBe(200);
    const parked = await storedDelivery("bad-1");
    expect(parked).toMatchObject({ topic: "orders/paid", status: "parked", reason: expect.stringMatching(reason) });
    expect(JSON.parse(parked!.body!)).toEqual(body);
    expect(await prisma.order.count()).toBe(0);
    expect(await prisma.ledgerEntry.count()).toBe(0);
    expect(await prisma.customer.count()).toBe(0);
  });

  it("GIVEN a signed body that is not JSON WHEN received THEN it is stored parked as such", async () => {
    await givenInstalledShop();
    const response = await send("orders/paid", null, { raw: "{not json", webhookId: "bad-json" });
    expect(response.status).toBe(200);
    expect(await storedDelivery("bad-json")).toMatchObject({
      status: "parked",
      reason: expect.stringMatching(/not JSON/),
      body: "{not json",
    });
    await drain();
    expect(await prisma.order.count()).toBe(0);
  });
});
