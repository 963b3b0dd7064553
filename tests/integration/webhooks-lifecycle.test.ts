import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as customers } from "../../app/routes/webhooks.customers";
import { action as products } from "../../app/routes/webhooks.products";
import { action as compliance } from "../../app/routes/webhooks.compliance";
import { action as uninstalled } from "../../app/routes/webhooks.app.uninstalled";
import { action as scopes } from "../../app/routes/webhooks.app.scopes_update";
import { action as refunds } from "../../app/routes/webhooks.refunds";
import { givenInstalledSession } from "../helpers/admin-request";
import { shopifyExample, SHOP, webhookRequest } from "../helpers/webhook-request";

type Action = typeof customers;
const send = (action: Action, path: string, topic: string, body: unknown) =>
  action({ request: webhookRequest(path, topic, body), params: {}, context: {} });
const ADA = "gid://shopify/Customer/17850";

async function givenAda() {
  await send(customers, "/webhooks/customers", "customers/create", {
    ...shopifyExample("customers/create"),
    id: 17850,
    email: "ada@example.com",
    first_name: "Ada",
    last_name: "Lovelace",
  });
  await prisma.ledgerEntry.create({
    data: { shop: SHOP, customerId: ADA, points: 40, reason: "earn:order", idempotencyKey: "order:1:earn" },
  });
}

describe("customer, product, app and compliance webhooks", () => {
  it("GIVEN Shopify's customers/create and customers/update examples WHEN delivered THEN the profile follows them", async () => {
    await givenAda();
    await send(customers, "/webhooks/customers", "customers/update", {
      ...shopifyExample("customers/update"),
      id: 17850,
      email: "ada@lovelace.org",
      first_name: "Ada",
      last_name: "King",
    });
    expect(await prisma.customer.findUniqueOrThrow({ where: { shop_shopifyId: { shop: SHOP, shopifyId: ADA } } })).toMatchObject({
      email: "ada@lovelace.org",
      lastName: "King",
    });
  });

  it("GIVEN customers/redact WHEN delivered THEN the customer's identity is gone and the ledger still balances", async () => {
    await givenAda();
    const response = await send(compliance, "/webhooks/compliance", "customers/redact", {
      ...shopifyExample("customers/redact"),
      shop_domain: SHOP,
      customer: { id: 17850, email: "ada@example.com", phone: "" },
    });
    expect(response.status).toBe(200);
    expect(await prisma.customer.findUniqueOrThrow({ where: { shop_shopifyId: { shop: SHOP, shopifyId: ADA } } })).toMatchObject({
      email: null,
      firstName: null,
      lastName: null,
    });
    expect((await prisma.ledgerEntry.aggregate({ where: { shop: SHOP, customerId: ADA }, _sum: { points: true } }))._sum.points).toBe(40);
  });

  it("GIVEN shop/redact WHEN delivered THEN nothing of the shop remains", async () => {
    await givenAda();
    await givenInstalledSession();
    expect((await send(compliance, "/webhooks/compliance", "shop/redact", { shop_id: 1, shop_domain: SHOP })).status).toBe(200);
    expect(await prisma.customer.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("GIVEN customers/data_request WHEN delivered THEN it is acknowledged and changes nothing", async () => {
    await givenAda();
    expect(
      (
        await send(compliance, "/webhooks/compliance", "customers/data_request", {
          ...shopifyExample("customers/data_request"),
          shop_domain: SHOP,
          customer: { id: 17850, email: "ada@example.com", phone: "" },
        })
      ).status,
    ).toBe(200);
    expect(await prisma.customer.count()).toBe(1);
  });

  it("GIVEN app/uninstalled WHEN delivered THEN sessions are dropped and the shop remembers when it left", async () => {
    await givenInstalledSession();
    await prisma.shop.create({ data: { shop: SHOP } });
    expect((await send(uninstalled, "/webhooks/app/uninstalled", "app/uninstalled", shopifyExample("app/uninstalled"))).status).toBe(200);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).uninstalledAt).toBeInstanceOf(Date);
  });

  it("GIVEN app/scopes_update WHEN delivered THEN the stored session carries the new scopes", async () => {
    await givenInstalledSession();
    await send(scopes, "/webhooks/app/scopes_update", "app/scopes_update", {
      ...shopifyExample("app/scopes_update"),
      current: ["read_orders", "write_discounts", "read_products"],
    });
    expect((await prisma.session.findFirstOrThrow({ where: { shop: SHOP } })).scope).toBe("read_orders,write_discounts,read_products");
  });

  it("GIVEN products/create, then products/delete WHEN delivered THEN the catalogue gains the product and loses it", async () => {
    await prisma.shop.create({ data: { shop: SHOP, currencyCode: "GBP" } });
    const product = {
      ...shopifyExample("products/create"),
      id: 42,
      title: "Wooden Star",
      handle: "wooden-star",
      status: "active",
      variants: [{ ...shopifyExample("products/create").variants?.[0], price: "3.25" }],
      image: { src: "https://cdn.example/star.png" },
    };
    await send(products, "/webhooks/products", "products/create", product);
    expect(await prisma.product.findFirstOrThrow({ where: { shop: SHOP } })).toMatchObject({
      shopifyId: "gid://shopify/Product/42",
      priceMinor: 325,
      status: "ACTIVE",
      imageUrl: "https://cdn.example/star.png",
    });
    await send(products, "/webhooks/products", "products/delete", { id: 42 });
    expect(await prisma.product.count()).toBe(0);
  });

  it("GIVEN Shopify's refunds/create example WHEN delivered THEN it is accepted; a refund without line items is parked", async () => {
    expect((await send(refunds, "/webhooks/refunds", "refunds/create", shopifyExample("refunds/create"))).status).toBe(200);
    const bad = await send(refunds, "/webhooks/refunds", "refunds/create", { id: 1, order_id: 2 });
    expect(await bad.json()).toMatchObject({ parked: true, reason: expect.stringMatching(/refund_line_items/) });
  });
});
