import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as customers } from "../../app/routes/webhooks.customers";
import { action as products } from "../../app/routes/webhooks.products";
import { action as compliance } from "../../app/routes/webhooks.compliance";
import { action as uninstalled } from "../../app/routes/webhooks.app.uninstalled";
import { action as scopes } from "../../app/routes/webhooks.app.scopes_update";
import { action as refunds } from "../../app/routes/webhooks.refunds";
import { action as orders } from "../../app/routes/webhooks.orders";
import { enqueueJob } from "../../app/jobs/queue.server";
import { deliverAndApply, givenInstalledShop, storedDelivery } from "../helpers/inbox";
import { exampleOrder, shopifyExample, SHOP } from "../helpers/webhook-request";

const ADA = "gid://shopify/Customer/17850";
const adaProfile = (overrides: Record<string, unknown> = {}) => ({
  ...shopifyExample("customers/create"),
  id: 17850,
  admin_graphql_api_id: ADA,
  email: "ada@example.com",
  first_name: "Ada",
  last_name: "Lovelace",
  tags: "vip, newsletter",
  email_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in", consent_updated_at: null },
  updated_at: "2026-03-01T10:00:00Z",
  ...overrides,
});

async function givenAda() {
  await deliverAndApply(customers, "/webhooks/customers", "customers/create", adaProfile());
  await prisma.ledgerEntry.create({
    data: { shop: SHOP, customerGid: ADA, points: 40, reason: "earn:order", idempotencyKey: "order:1:earn" },
  });
}

describe("customer, product, app and compliance webhooks", () => {
  it("GIVEN Shopify's customers/create and a newer customers/update WHEN applied THEN the profile follows them, consent and tags included", async () => {
    await givenInstalledShop();
    await givenAda();
    await deliverAndApply(
      customers,
      "/webhooks/customers",
      "customers/update",
      adaProfile({ email: "ada@lovelace.org", last_name: "King", updated_at: "2026-03-02T10:00:00Z" }),
    );
    expect(await prisma.customer.findUniqueOrThrow({ where: { shop_customerGid: { shop: SHOP, customerGid: ADA } } })).toMatchObject({
      email: "ada@lovelace.org",
      lastName: "King",
      tags: "vip, newsletter",
      emailMarketing: "SUBSCRIBED",
      countryCode: "CA",
    });
  });

  it("GIVEN customers/redact WHEN applied THEN the customer's identity and points postings are gone, and stay gone", async () => {
    await givenInstalledShop();
    await givenAda();
    const body = { ...shopifyExample("customers/redact"), shop_domain: SHOP, customer: { id: 17850, email: "ada@example.com", phone: "" } };
    expect((await deliverAndApply(compliance, "/webhooks/compliance", "customers/redact", body)).status).toBe(200);
    // Identifiable history goes with the identity (tests/integration/gdpr-redact.test.ts checks every table).
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP, customerGid: ADA } })).toBe(0);
    // A late order still carrying her details must not write them back.
    await deliverAndApply(orders, "/webhooks/orders", "orders/updated", exampleOrder());
    expect(await prisma.customer.findUniqueOrThrow({ where: { shop_customerGid: { shop: SHOP, customerGid: ADA } } })).toMatchObject({
      email: null,
      firstName: null,
      lastName: null,
      redactedAt: expect.any(Date),
    });
  });

  it("GIVEN shop/redact WHEN applied THEN nothing of the shop remains, in any table", async () => {
    await givenInstalledShop();
    await givenAda();
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder());
    await enqueueJob(prisma, { kind: "reconcile", shop: SHOP, key: `reconcile:${SHOP}`, runAt: new Date(Date.now() + 3_600_000) });
    expect((await deliverAndApply(compliance, "/webhooks/compliance", "shop/redact", { shop_id: 1, shop_domain: SHOP })).status).toBe(200);
    const counts = await Promise.all([
      prisma.customer.count(),
      prisma.order.count(),
      prisma.orderLine.count(),
      prisma.interaction.count(),
      prisma.ledgerEntry.count(),
      prisma.session.count(),
      prisma.shop.count(),
      prisma.job.count(),
      prisma.webhookDelivery.count(),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("GIVEN customers/data_request WHEN applied THEN it is acknowledged, an export is stored and the profile is untouched", async () => {
    await givenInstalledShop();
    await givenAda();
    const body = {
      ...shopifyExample("customers/data_request"),
      shop_domain: SHOP,
      customer: { id: 17850, email: "ada@example.com", phone: "" },
    };
    await deliverAndApply(compliance, "/webhooks/compliance", "customers/data_request", body, { webhookId: "dr-1" });
    expect(await storedDelivery("dr-1")).toMatchObject({ status: "done" });
    expect(await prisma.customer.count()).toBe(1);
    expect(await prisma.customerDataExport.count()).toBe(1);
  });

  it("GIVEN app/uninstalled WHEN applied THEN sessions are dropped, queued jobs stop and the shop remembers when it left", async () => {
    await givenInstalledShop();
    await enqueueJob(prisma, { kind: "reconcile", shop: SHOP, key: `reconcile:${SHOP}`, runAt: new Date(Date.now() + 3_600_000) });
    expect(
      (await deliverAndApply(uninstalled, "/webhooks/app/uninstalled", "app/uninstalled", shopifyExample("app/uninstalled"))).status,
    ).toBe(200);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).uninstalledAt).toBeInstanceOf(Date);
    expect(await prisma.job.findFirstOrThrow()).toMatchObject({ status: "cancelled", key: null });
  });

  it("GIVEN app/scopes_update WHEN applied THEN the stored session carries the new scopes", async () => {
    await givenInstalledShop();
    await deliverAndApply(scopes, "/webhooks/app/scopes_update", "app/scopes_update", {
      ...shopifyExample("app/scopes_update"),
      current: ["read_orders", "write_discounts", "read_products"],
    });
    expect((await prisma.session.findFirstOrThrow({ where: { shop: SHOP } })).scope).toBe("read_orders,write_discounts,read_products");
  });

  it("GIVEN products/create, then products/delete WHEN applied THEN the catalogue gains the product, then keeps only its tombstone", async () => {
    await givenInstalledShop();
    const example = shopifyExample("products/create");
    const product = {
      ...example,
      id: 42,
      admin_graphql_api_id: "gid://shopify/Product/42",
      title: "Wooden Star",
      handle: "wooden-star",
      status: "active",
      vendor: "Acme",
      product_type: "Decoration",
      tags: "xmas, wood",
      updated_at: "2026-03-01T10:00:00Z",
      variants: [
        {
          ...example.variants?.[0],
          id: 4201,
          admin_graphql_api_id: "gid://shopify/ProductVariant/4201",
          price: "3.25",
          inventory_quantity: 0,
          inventory_policy: "deny",
        },
      ],
      image: { src: "https://cdn.example/star.png" },
    };
    await deliverAndApply(products, "/webhooks/products", "products/create", product);
    expect(await prisma.product.findFirstOrThrow({ where: { shop: SHOP }, include: { variants: true } })).toMatchObject({
      productGid: "gid://shopify/Product/42",
      priceMinor: 325n,
      status: "ACTIVE",
      vendor: "Acme",
      tags: "xmas, wood",
      available: false,
      imageUrl: "https://cdn.example/star.png",
      variants: [{ variantGid: "gid://shopify/ProductVariant/4201", inventoryQuantity: 0 }],
    });
    await deliverAndApply(products, "/webhooks/products", "products/delete", { id: 42 });
    expect(await prisma.product.findFirstOrThrow()).toMatchObject({ status: "DELETED", deletedAt: expect.any(Date), available: false });
  });

  it("GIVEN Shopify's refunds/create example WHEN applied THEN the refund is recorded with its lines; a refund without line items is parked", async () => {
    await givenInstalledShop();
    await deliverAndApply(refunds, "/webhooks/refunds", "refunds/create", shopifyExample("refunds/create"), { webhookId: "refund-1" });
    expect(await storedDelivery("refund-1")).toMatchObject({ status: "done" });
    const refund = await prisma.refund.findFirstOrThrow({ include: { lines: true } });
    // Shopify's example: five refunded lines (merchandise £414.95) and two refund transactions (£85.00 returned).
    expect(refund).toMatchObject({ refundGid: "gid://shopify/Refund/890088186047892319", subtotalMinor: 41495n, totalMinor: 8500n });
    expect(refund.lines.map((l) => l.subtotalMinor).sort((a, b) => Number(a - b))).toEqual([1999n, 2499n, 8999n, 11999n, 15999n]);
    await deliverAndApply(refunds, "/webhooks/refunds", "refunds/create", { id: 1, order_id: 2 }, { webhookId: "refund-bad" });
    expect(await storedDelivery("refund-bad")).toMatchObject({ status: "parked", reason: expect.stringMatching(/refund_line_items/) });
  });
});
