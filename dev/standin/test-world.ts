import path from "node:path";
import { shopifyApi, ApiVersion, type Session } from "@shopify/shopify-api";
import "@shopify/shopify-api/adapters/node";
import { RequestedTokenType } from "@shopify/shopify-api";
import { StandinStore } from "./store";
import type { StandinContext } from "./context";
import { startStandin } from "./app";
import { routeShopifyAdminTo } from "./fetch-router";
import { mintSessionToken } from "./session-token";
import type { BucketLimits } from "./admin/throttle";

export const TEST_SHOP = "stand-in-test.myshopify.com";
const APP = { apiKey: "standin-test-key", apiSecret: "standin-test-secret" };

/**
 * A stand-in on a free port with one small shop, and the official @shopify/shopify-api pointed at it —
 * for the stand-in's own tests (test-only module).
 */
export async function startTestWorld(options: { limits?: BucketLimits } = {}) {
  const store = new StandinStore();
  const shop = store.ensureShop(TEST_SHOP, { currencyCode: "GBP" });
  const now = new Date().toISOString();
  for (const n of [1, 2, 3]) {
    const id = store.nextId();
    shop.products.set(id, {
      id,
      title: `Mug ${n}`,
      handle: `mug-${n}`,
      bodyHtml: "",
      vendor: "V",
      productType: "Mug",
      status: "ACTIVE",
      tags: [],
      imageUrl: `/cdn/shop/products/mug-${n}.svg`,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      metafields: {},
      variants: [
        {
          id: store.nextId(),
          productId: id,
          title: "Default Title",
          sku: `MUG${n}`,
          price: `${n}.50`,
          compareAtPrice: null,
          inventoryQuantity: 5,
          inventoryPolicy: "DENY",
          createdAt: now,
          updatedAt: now,
        },
      ],
    });
  }
  shop.customers.set(17850, {
    id: 17850,
    email: "c@example.com",
    firstName: "Ada",
    lastName: "Lovelace",
    phone: null,
    emailMarketingState: "SUBSCRIBED",
    smsMarketingState: "NOT_SUBSCRIBED",
    state: "ENABLED",
    tags: [],
    note: null,
    verifiedEmail: true,
    defaultAddress: null,
    createdAt: now,
    updatedAt: now,
    metafields: {},
  });
  const [p1, p2] = [...shop.products.values()];
  const orderId = store.nextId();
  shop.orders.set(orderId, {
    id: orderId,
    name: "#1001",
    orderNumber: 1001,
    email: "c@example.com",
    customerId: 17850,
    currency: "GBP",
    createdAt: now,
    processedAt: now,
    updatedAt: now,
    cancelledAt: null,
    cancelReason: null,
    financialStatus: "paid",
    fulfillmentStatus: null,
    sourceName: "web",
    test: false,
    country: "United Kingdom",
    lineItems: [p1!, p2!].map((p) => ({
      id: store.nextId(),
      productId: p.id,
      variantId: p.variants[0]!.id,
      sku: p.variants[0]!.sku,
      title: p.title,
      variantTitle: null,
      quantity: 2,
      price: p.variants[0]!.price,
    })),
    refunds: [],
    subtotalPrice: "8.00",
    totalDiscounts: "0.00",
    totalShipping: "0.00",
    totalTax: "0.00",
    totalPrice: "8.00",
    shippingAddress: { country: "United Kingdom", countryCode: "GB" },
    billingAddress: { country: "United Kingdom", countryCode: "GB" },
    locationId: null,
    staffMemberId: null,
  });
  const ctx: StandinContext = {
    store,
    standinUrl: "",
    app: { ...APP, url: "http://127.0.0.1:9", tomlPath: path.resolve("shopify.app.toml") },
    defaultShop: TEST_SHOP,
  };
  const standin = await startStandin({ port: 0, ctx, limits: options.limits });
  ctx.standinUrl = standin.url;
  routeShopifyAdminTo(standin.url);
  const api = shopifyApi({
    apiKey: APP.apiKey,
    apiSecretKey: APP.apiSecret,
    apiVersion: ApiVersion.July26,
    hostName: "app.example.com",
    isEmbeddedApp: true,
    logger: { level: 0 },
    future: {} as never,
  });
  const install = async (): Promise<Session> => {
    const sessionToken = await mintSessionToken({ shop: TEST_SHOP, ...APP });
    const { session } = await api.auth.tokenExchange({
      shop: TEST_SHOP,
      sessionToken,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
    });
    return session;
  };
  return { store, shop, ctx, api, install, app: APP, close: standin.close };
}
