import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import prisma from "../../app/db.server";
import { unauthenticated } from "../../app/shopify.server";
import { onInstalled } from "../../app/customers/on-installed.server";
import { action as bulkFinish } from "../../app/routes/webhooks.bulk_operations.finish";
import { action as ordersWebhook } from "../../app/routes/webhooks.orders";
import { StandinStore, type StandinChange } from "../../dev/standin/store";
import { startStandin } from "../../dev/standin/app";
import { routeShopifyAdminTo } from "../../dev/standin/fetch-router";
import { buildPayload } from "../../dev/standin/webhooks/build-payload";
import { orderPayload } from "../../dev/standin/webhooks/payloads";
import { loadDataset } from "../../dev/seed/online-retail";
import { seedStore } from "../../dev/seed/seed-store";
import { givenInstalledSession } from "../helpers/admin-request";
import { SHOP, webhookRequest } from "../helpers/webhook-request";

// The install backfill against the stand-in: real Admin GraphQL (cost, throttle), real bulk
// operations and JSONL, real signed bulk_operations/finish deliveries to the app's route.
let store: StandinStore;
let close: () => Promise<void>;

beforeAll(async () => {
  store = new StandinStore();
  const shop = store.ensureShop(SHOP, { currencyCode: "GBP" });
  const dataset = await loadDataset(path.resolve("dev/data/online-retail-sample.csv.gz"));
  // The latest 400 orders keep this test quick; the demo check backfills the whole sample.
  seedStore(store, SHOP, { ...dataset, orders: dataset.orders.slice(-400), refunds: [] }, { now: new Date(), recentDays: 14 });
  shop.accessTokens.set("shpat_test", { scope: "read_orders", expiresAt: null });
  shop.appInstalled = true;
  const ctx = {
    store,
    standinUrl: "",
    app: {
      url: "https://my-test-app.myshopify.io",
      apiKey: API_KEY,
      apiSecret: API_SECRET_KEY,
      tomlPath: path.resolve("shopify.app.toml"),
    },
    defaultShop: SHOP,
  };
  const standin = await startStandin({ port: 0, ctx });
  ctx.standinUrl = standin.url; // bulk result URLs point here
  routeShopifyAdminTo(standin.url);
  close = standin.close;
});
afterAll(async () => close?.());

const nextFinish = () =>
  new Promise<StandinChange>((resolve) => {
    const listener = (change: StandinChange) => {
      if (change.topic !== "bulk_operations/finish") return;
      store.off("change", listener);
      resolve(change);
    };
    store.on("change", listener);
  });

async function deliver(change: StandinChange) {
  const body = buildPayload(store.requireShop(SHOP), change);
  const response = await bulkFinish({
    request: webhookRequest("/webhooks/bulk_operations/finish", change.topic, body),
    params: {},
    context: {},
  });
  expect(response.status).toBe(200);
}

describe("install backfill through bulk operations", () => {
  it(
    "GIVEN an installed shop WHEN the catalogue and order bulk operations finish THEN every historic order is in the history once, earning no points",
    { timeout: 60_000 },
    async () => {
      await givenInstalledSession();
      const { admin } = await unauthenticated.admin(SHOP);
      const productsDone = nextFinish();
      await onInstalled({ shop: SHOP, admin });
      expect(await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).toMatchObject({
        currencyCode: "GBP",
        backfillStatus: "running",
        backfillPhase: "products",
      });

      const productsFinish = await productsDone;
      const ordersDone = nextFinish(); // delivering the catalogue's finish starts the orders operation
      await deliver(productsFinish);
      expect(await prisma.product.count({ where: { shop: SHOP } })).toBe(store.requireShop(SHOP).products.size);
      await deliver(await ordersDone);

      const historic = store.requireShop(SHOP).orders.size;
      const shop = await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } });
      expect(shop).toMatchObject({ backfillStatus: "completed", backfillOrders: historic });
      expect(await prisma.order.count({ where: { shop: SHOP, ingestedVia: "backfill" } })).toBe(historic);
      expect(await prisma.ledgerEntry.count()).toBe(0);

      // A late webhook for a backfilled order updates the same row; paid now, it earns.
      const known = [...store.requireShop(SHOP).orders.values()].find((o) => o.customerId !== null)!;
      const payload = orderPayload(store.requireShop(SHOP), known, "orders/paid");
      expect(
        (await ordersWebhook({ request: webhookRequest("/webhooks/orders", "orders/paid", payload), params: {}, context: {} })).status,
      ).toBe(200);
      expect(await prisma.order.count({ where: { shop: SHOP } })).toBe(historic);

      // A repeated finish delivery changes nothing.
      await deliver({
        shop: SHOP,
        topic: "bulk_operations/finish",
        resourceId: [...store.requireShop(SHOP).bulkOperations.keys()].at(-1)!,
      });
      expect(await prisma.order.count({ where: { shop: SHOP } })).toBe(historic);
    },
  );
});
