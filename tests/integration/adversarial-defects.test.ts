import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as orders } from "../../app/routes/webhooks.orders";
import { action as bulkFinish } from "../../app/routes/webhooks.bulk_operations.finish";
import { loader as loyalty } from "../../app/routes/proxy.loyalty";
import { loader as dashboard } from "../../app/routes/app._index";
import { getPointsBalance } from "../../app/loyalty/balance.server";
import { adminDocumentRequest } from "../helpers/admin-request";
import { appProxyRequest } from "../helpers/app-proxy-request";
import { deliver, deliverAndApply, drain, givenInstalledShop, storedDelivery } from "../helpers/inbox";
import { exampleOrder, SHOP } from "../helpers/webhook-request";

// One test per defect an adversarial run against the foundation's demo found (issue 5, "Also first").
const PATH = "/webhooks/orders";
const apply = (topic: string, body: unknown, options: Parameters<typeof deliver>[4] = {}) =>
  deliverAndApply(orders, PATH, topic, body, options);
const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, second)).toISOString();
const ADA = "gid://shopify/Customer/17850";
const BOB = "gid://shopify/Customer/17851";
const bob = { id: 17851, admin_graphql_api_id: BOB, email: "bob@example.com", first_name: "Bob", last_name: "Babbage" };
const balance = (customerGid: string) => getPointsBalance({ shop: SHOP, customerGid });

describe("reordered and reassigned orders", () => {
  it("GIVEN orders/cancelled delivered before the older orders/paid WHEN both are applied THEN the order is cancelled and no points stand", async () => {
    await givenInstalledShop();
    const paid = exampleOrder({ updated_at: at(1) });
    const cancelled = { ...paid, cancelled_at: at(9), updated_at: at(9), financial_status: "voided" };
    await apply("orders/cancelled", cancelled);
    await apply("orders/paid", paid);
    expect(await prisma.order.findFirstOrThrow()).toMatchObject({ cancelledAt: new Date(at(9)), financialStatus: "voided" });
    expect(await balance(ADA)).toBe(0);
    expect(await prisma.ledgerEntry.count()).toBe(0);
  });

  it("GIVEN an order earned by one customer, then moved to another, then cancelled WHEN applied THEN the reversal lands on the account that earned", async () => {
    await givenInstalledShop();
    const order = exampleOrder({ updated_at: at(1) });
    await apply("orders/paid", order);
    await apply("orders/updated", { ...order, customer: { ...order.customer, ...bob }, updated_at: at(5) });
    await apply("orders/cancelled", {
      ...order,
      customer: { ...order.customer, ...bob },
      cancelled_at: at(9),
      updated_at: at(9),
      financial_status: "voided",
    });
    expect(await balance(ADA)).toBe(0);
    expect(await balance(BOB)).toBe(0);
    expect(await prisma.ledgerEntry.findMany({ orderBy: { createdAt: "asc" }, select: { customerGid: true, points: true } })).toEqual([
      { customerGid: ADA, points: 25 },
      { customerGid: ADA, points: -25 },
    ]);
    const [ada, bobRow] = await Promise.all(
      [ADA, BOB].map((customerGid) => prisma.customer.findUniqueOrThrow({ where: { shop_customerGid: { shop: SHOP, customerGid } } })),
    );
    expect([ada!.ordersCount, bobRow!.ordersCount]).toEqual([0, 0]);
  });

  it("GIVEN an order from before the install (as the backfill brings them) WHEN a later orders/updated arrives THEN it still earns nothing", async () => {
    await givenInstalledShop({ installedAt: new Date("2026-03-01T00:00:00Z") });
    await apply("orders/updated", exampleOrder({ processed_at: "2026-02-10T09:00:00Z", updated_at: "2026-03-05T09:00:00Z" }));
    expect(await prisma.order.count()).toBe(1);
    expect(await prisma.ledgerEntry.count()).toBe(0);
    await apply(
      "orders/paid",
      exampleOrder({ id: 8001, admin_graphql_api_id: "gid://shopify/Order/8001", processed_at: "2026-03-02T09:00:00Z" }),
    );
    expect(await balance(ADA)).toBe(25); // placed after the install: earns
  });
});

describe("ids beyond 2^53", () => {
  it("GIVEN two orders whose ids differ only beyond 2^53 WHEN applied THEN two rows, and the customer's id matches its admin_graphql_api_id", async () => {
    await givenInstalledShop();
    // Raw JSON, as Shopify sends it: JSON.parse would round both ids to 820982911946154500.
    const raw = (id: string) =>
      JSON.stringify(
        exampleOrder({
          id: "@ID@",
          admin_graphql_api_id: undefined,
          name: `#${id.slice(-3)}`,
          customer: { ...exampleOrder().customer, id: "@CUSTOMER@", admin_graphql_api_id: undefined },
        }),
      )
        .replace('"@ID@"', id)
        .replace('"@CUSTOMER@"', "115310627314723954");
    for (const id of ["820982911946154508", "820982911946154509"]) {
      const response = await deliver(orders, PATH, "orders/paid", null, { raw: raw(id), webhookId: id });
      expect(response.status).toBe(200);
    }
    await drain();
    expect((await prisma.order.findMany({ orderBy: { orderGid: "asc" } })).map((o) => o.orderGid)).toEqual([
      "gid://shopify/Order/820982911946154508",
      "gid://shopify/Order/820982911946154509",
    ]);
    expect((await prisma.customer.findFirstOrThrow()).customerGid).toBe("gid://shopify/Customer/115310627314723954");
    expect(await prisma.ledgerEntry.count()).toBe(2);
  });
});

describe("absurd values are bounded at the edge", () => {
  it("GIVEN a subtotal of 9007199254740993 WHEN applied THEN it is parked with the reason and the balance and dashboard still answer", async () => {
    await givenInstalledShop();
    await apply("orders/paid", exampleOrder({ subtotal_price: "9007199254740993", total_price: "9007199254740993" }), {
      webhookId: "absurd",
    });
    expect(await storedDelivery("absurd")).toMatchObject({
      status: "parked",
      reason: expect.stringMatching(/subtotal_price.*beyond the largest amount/),
    });
    expect(await prisma.ledgerEntry.count()).toBe(0);
    const proxy = await loyalty({ request: appProxyRequest("loyalty", { customerId: 17850 }), params: {}, context: {} });
    expect(proxy.status).toBe(200);
    expect(await dashboard({ request: await adminDocumentRequest("/app"), params: {}, context: {} })).toMatchObject({
      orders: { total: 0 },
    });
  });

  it("GIVEN an amount beyond 32 bits WHEN applied THEN it is recorded exactly (64-bit columns) and earns exactly", async () => {
    await givenInstalledShop();
    await apply("orders/paid", exampleOrder({ subtotal_price: "30000000.00", total_price: "30000000.00" }), { webhookId: "big" });
    expect(await storedDelivery("big")).toMatchObject({ status: "done" });
    expect(await prisma.order.findFirstOrThrow()).toMatchObject({ subtotalMinor: 3_000_000_000n, totalMinor: 3_000_000_000n });
    expect(await balance(ADA)).toBe(30_000_000);
    expect((await prisma.customer.findFirstOrThrow()).spentMinor).toBe(3_000_000_000n);
  });

  it.each([
    ["a quantity of 3e9", { line_items: [{ ...exampleOrder().line_items[0], quantity: 3_000_000_000 }] }, /quantity.*1,000,000/],
    ["a NUL character in a title", { line_items: [{ ...exampleOrder().line_items[0], title: "Mug\u0000" }] }, /title.*NUL/],
    ["a date in the year 275760", { processed_at: "+275760-09-13T00:00:00Z" }, /processed_at/],
  ])("GIVEN %s WHEN applied THEN it is parked with the reason and nothing is written", async (_case, overrides, reason) => {
    await givenInstalledShop();
    await apply("orders/paid", exampleOrder(overrides), { webhookId: "bad" });
    expect(await storedDelivery("bad")).toMatchObject({ status: "parked", reason: expect.stringMatching(reason) });
    expect(await prisma.order.count()).toBe(0);
    expect(await prisma.customer.count()).toBe(0);
  });
});

describe("the topic header is not signed", () => {
  it("GIVEN a pending order's body under orders/paid, and a cancelled one's under orders/create WHEN applied THEN points follow the bodies", async () => {
    await givenInstalledShop();
    await apply("orders/paid", exampleOrder({ financial_status: "pending" }));
    expect(await balance(ADA)).toBe(0);
    await apply("orders/create", exampleOrder({ id: 9002, admin_graphql_api_id: "gid://shopify/Order/9002", financial_status: "paid" }));
    expect(await balance(ADA)).toBe(25);
  });

  it("GIVEN an order body sent to another webhook address WHEN received THEN it is parked, not applied as that topic", async () => {
    await givenInstalledShop();
    const response = await deliver(bulkFinish, "/webhooks/bulk_operations/finish", "orders/paid", exampleOrder(), {
      webhookId: "elsewhere",
    });
    expect(response.status).toBe(200);
    expect(await storedDelivery("elsewhere")).toMatchObject({
      status: "parked",
      reason: expect.stringMatching(/not served at \/webhooks\/bulk_operations\/finish/),
    });
  });
});

describe("shops", () => {
  it("GIVEN a signed webhook for a shop that never installed WHEN received THEN 200 and nothing is written", async () => {
    const response = await deliver(orders, PATH, "orders/paid", exampleOrder(), { shop: "never-installed.myshopify.com" });
    expect(response.status).toBe(200);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it.each(["evil.example.com", "shop;drop.myshopify.com", "", "a".repeat(300) + ".myshopify.com"])(
    "GIVEN the malformed shop domain %j WHEN received THEN 400, never 500",
    async (domain) => {
      const response = await deliver(orders, PATH, "orders/paid", exampleOrder(), { shop: domain });
      expect(response.status).toBe(400);
      expect(await prisma.webhookDelivery.count()).toBe(0);
    },
  );

  it("GIVEN bulk_operations/finish for a shop without a session WHEN received and applied THEN 200 and the delivery is done", async () => {
    await prisma.shop.create({ data: { shop: SHOP } }); // known, but its session is gone
    const body = {
      admin_graphql_api_id: "gid://shopify/BulkOperation/1",
      completed_at: null,
      created_at: null,
      error_code: null,
      status: "completed",
      type: "query",
    };
    const response = await deliver(bulkFinish, "/webhooks/bulk_operations/finish", "bulk_operations/finish", body, {
      webhookId: "finish-1",
    });
    expect(response.status).toBe(200);
    await drain();
    expect(await storedDelivery("finish-1")).toMatchObject({ status: "done" });
  });
});
