import { createServer, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { schemaForWebhook } from "shopify-webhook-schemas";
import { shopifyApi, ApiVersion } from "@shopify/shopify-api";
import "@shopify/shopify-api/adapters/node";
import { StandinStore } from "../store";
import type { StandinContext } from "../context";
import { attachWebhookSender } from "./sender";
import { subscriptionsFrom } from "./subscriptions";
import { buildPayload } from "./build-payload";
import * as mutations from "../mutations";
import { loadDataset } from "../../seed/online-retail";
import { seedStore } from "../../seed/seed-store";

const SHOP = "webhooks-test.myshopify.com";
const APP = { apiKey: "wh-key", apiSecret: "wh-secret" };
interface Received {
  headers: IncomingMessage["headers"];
  body: string;
  url: string;
}

let server: Server;
let received: Received[] = [];
let failFirst = 0;
let ctx: StandinContext;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body, url: req.url ?? "" });
      if (failFirst > 0) {
        failFirst -= 1;
        res.writeHead(500).end();
      } else res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const store = new StandinStore();
  store.ensureShop(SHOP).appInstalled = true;
  ctx = {
    store,
    standinUrl: "http://127.0.0.1:1",
    app: { ...APP, url: `http://127.0.0.1:${port}`, tomlPath: path.resolve("shopify.app.toml") },
    defaultShop: SHOP,
  };
  const dataset = await loadDataset(path.resolve("dev/data/online-retail-sample.csv.gz"));
  seedStore(store, SHOP, dataset, { now: new Date(), recentDays: 14 });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the stand-in's webhook sender", () => {
  it("GIVEN shopify.app.toml WHEN read THEN every subscribed topic, compliance included, has an absolute URI", () => {
    const topics = subscriptionsFrom("shopify.app.toml", "http://app.test").map((s) => s.topic);
    expect(topics).toEqual(
      expect.arrayContaining(["orders/paid", "refunds/create", "bulk_operations/finish", "customers/redact", "shop/redact"]),
    );
  });

  it("GIVEN each subscribed topic WHEN its payload is built from seeded data THEN it validates against Shopify's JSON Schema for the topic", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const shop = ctx.store.requireShop(SHOP);
    // The package's schemas are inferred from examples whose order `refunds` array is empty and that
    // was shipped (its schema requires `shipping_address`, which Shopify omits for a POS sale), so an
    // order payload is checked on a shipped order without refunds — one with a line discount and tax,
    // so those shapes are checked too; refunds/create checks the refund shape.
    const order = [...shop.orders.values()].find(
      (o) => o.refunds.length === 0 && o.shippingAddress && o.totalTax !== "0.00" && o.lineItems.some((li) => li.discount),
    )!;
    const refunded = [...shop.orders.values()].find((o) => o.refunds.length > 0)!;
    const customer = shop.customers.get(order.customerId!)!;
    const product = [...shop.products.values()][0]!;
    const samples: Record<string, { resourceId: number; payload?: Record<string, unknown> }> = {
      "orders/create": { resourceId: order.id },
      "orders/updated": { resourceId: order.id },
      "orders/paid": { resourceId: order.id },
      "orders/cancelled": { resourceId: order.id },
      "refunds/create": { resourceId: refunded.refunds[0]!.id },
      "customers/create": { resourceId: customer.id },
      "customers/update": { resourceId: customer.id },
      "products/create": { resourceId: product.id },
      "products/update": { resourceId: product.id },
      "app/uninstalled": { resourceId: 1 },
    };
    const checked: string[] = [];
    for (const { topic } of subscriptionsFrom("shopify.app.toml", "http://app.test")) {
      let payload: Record<string, unknown>;
      if (samples[topic]) payload = buildPayload(shop, { shop: SHOP, topic, ...samples[topic]! });
      else {
        const store = new StandinStore(); // capture the change a mutation emits, without sending
        store.shops.set(SHOP, shop);
        let captured: Record<string, unknown> | undefined;
        store.on("change", (c) => {
          if (c.topic === topic) captured = buildPayload(shop, c);
        });
        if (topic === "customers/delete") mutations.deleteCustomer(store, SHOP, 999_999);
        if (topic === "products/delete") mutations.deleteProduct(store, SHOP, 999_998);
        if (topic === "app/scopes_update") mutations.changeScopes(store, SHOP, ["read_orders"], ["read_orders", "write_discounts"]);
        if (topic === "customers/data_request") mutations.requestCustomerData(store, SHOP, customer.id);
        if (topic === "customers/redact") mutations.redactCustomer(store, SHOP, customer.id);
        if (topic === "shop/redact") mutations.redactShop(store, SHOP);
        if (topic === "bulk_operations/finish")
          captured = buildPayload(shop, {
            shop: SHOP,
            topic,
            resourceId: 0,
            payload: {
              admin_graphql_api_id: "gid://shopify/BulkOperation/1",
              completed_at: new Date().toISOString(),
              created_at: new Date().toISOString(),
              error_code: null,
              status: "completed",
              type: "query",
            },
          });
        payload = captured!;
      }
      const validate = ajv.compile(schemaForWebhook("2026-07", topic));
      const ok = validate(JSON.parse(JSON.stringify(payload)));
      expect(ok, `${topic}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      checked.push(topic);
    }
    expect(checked.length).toBe(17);
  });

  it("GIVEN a placed paid order WHEN delivered THEN orders/create and orders/paid arrive signed so the official validator accepts them", async () => {
    received = [];
    const sender = attachWebhookSender(ctx);
    const shop = ctx.store.requireShop(SHOP);
    const order = { ...[...shop.orders.values()][0]!, id: ctx.store.nextId(), refunds: [] };
    mutations.placeOrder(ctx.store, SHOP, order);
    await sender.idle();
    sender.detach();
    expect(received.map((r) => r.headers["x-shopify-topic"])).toEqual(["orders/create", "orders/paid"]);
    const api = shopifyApi({
      apiKey: APP.apiKey,
      apiSecretKey: APP.apiSecret,
      apiVersion: ApiVersion.July26,
      hostName: "app.test",
      isEmbeddedApp: true,
      logger: { level: 0 },
    });
    for (const r of received) {
      const check = await api.webhooks.validate({ rawBody: r.body, rawRequest: { headers: r.headers } as never });
      expect(check).toMatchObject({
        valid: true,
        domain: SHOP,
        apiVersion: "2026-07",
        topic: expect.stringMatching(/ORDERS_(CREATE|PAID)/),
      });
      expect(JSON.parse(r.body).id).toBe(order.id);
    }
    expect(received[0]!.url).toBe("/webhooks/orders");
  });

  it("GIVEN a receiver that fails twice WHEN a webhook is sent THEN it is retried with the same webhook id until 200", async () => {
    received = [];
    failFirst = 2;
    const sender = attachWebhookSender(ctx, { retryDelaysMs: [10, 10, 10] });
    mutations.changeScopes(ctx.store, SHOP, ["a"], ["b"]);
    await sender.idle();
    sender.detach();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers["x-shopify-webhook-id"])).size).toBe(1);
    expect(sender.deliveries[0]).toMatchObject({ status: "delivered", attempts: 3, statuses: [500, 500, 200] });
  });

  it("GIVEN the app is not installed WHEN the shop changes THEN nothing is sent", async () => {
    received = [];
    const store = new StandinStore();
    store.ensureShop(SHOP);
    const sender = attachWebhookSender({ ...ctx, store });
    mutations.changeScopes(store, SHOP, ["a"], ["b"]);
    await sender.idle();
    sender.detach();
    expect(received).toHaveLength(0);
  });
});
