import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader as loyalty } from "../../app/routes/proxy.loyalty";
import { loader as recommendations } from "../../app/routes/proxy.recommendations";
import { postEntries } from "../../app/loyalty/ledger.server";
import { clearRecommendationCache } from "../../app/recommendations/recommend.server";
import { appProxyRequest } from "../helpers/app-proxy-request";
import { SHOP } from "../helpers/webhook-request";

const call = async (load: typeof loyalty, request: Request) => {
  try {
    return await load({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

async function givenLedger() {
  for (const [key, points] of [
    ["order:1:earn", 120],
    ["order:2:earn", 40],
    ["order:1:cancel", -20],
  ] as const) {
    await prisma.$transaction((tx) =>
      postEntries(tx, [
        {
          shop: SHOP,
          customerGid: "gid://shopify/Customer/17850",
          points,
          reason: points > 0 ? "earn:order" : "reverse:cancel",
          idempotencyKey: key,
        },
      ]),
    );
  }
}

describe("app proxy /apps/rapport/loyalty", () => {
  it("GIVEN a signed request for a signed-in customer WHEN loaded THEN their ledger balance comes back, privately", async () => {
    await givenLedger();
    const response = await call(loyalty, appProxyRequest("loyalty", { customerId: 17850 }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toContain("private");
    expect(await response.json()).toMatchObject({ loggedIn: true, customerId: "gid://shopify/Customer/17850", balance: 140 });
  });

  it("GIVEN a guest WHEN loaded THEN loggedIn is false and no balance is shown", async () => {
    expect(await (await call(loyalty, appProxyRequest("loyalty"))).json()).toEqual({ loggedIn: false, customerId: null, balance: null });
  });

  it("GIVEN a tampered customer id WHEN loaded THEN the signature fails and the request is rejected", async () => {
    await givenLedger();
    const response = await call(loyalty, appProxyRequest("loyalty", { customerId: 99, tamper: { logged_in_customer_id: "17850" } }));
    expect(response.status).toBe(400);
  });

  it("GIVEN a correctly signed request older than 90 seconds WHEN loaded THEN it is rejected as a replay", async () => {
    expect((await call(loyalty, appProxyRequest("loyalty", { customerId: 17850, ageSeconds: 120 }))).status).toBe(400);
    expect((await call(loyalty, appProxyRequest("loyalty", { customerId: 17850, ageSeconds: 30 }))).status).toBe(200);
  });
});

describe("app proxy: signed parameters", () => {
  it("GIVEN logged_in_customer_id twice in a signed query WHEN loaded THEN it is refused, not served for the first value", async () => {
    await givenLedger();
    const signed = appProxyRequest("loyalty", { customerId: 17850 });
    const url = new URL(signed.url);
    url.searchParams.append("logged_in_customer_id", "17851");
    const response = await call(loyalty, new Request(url));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/logged_in_customer_id must appear once/);
  });
});

describe("app proxy /apps/rapport/recommendations", () => {
  it("GIVEN purchases WHEN a product page asks THEN co-purchased products lead, then popular ones, never the product itself", async () => {
    clearRecommendationCache();
    const products = ["mug", "lantern", "candle", "heart", "draft"];
    for (const [i, handle] of products.entries()) {
      await prisma.product.create({
        data: {
          shop: SHOP,
          productGid: `gid://shopify/Product/${i + 1}`,
          handle,
          title: handle,
          priceMinor: 100 * (i + 1),
          status: handle === "draft" ? "DRAFT" : "ACTIVE",
        },
      });
    }
    const orderIds = new Map<number, string>();
    const buy = async (order: number, product: number, weight = 1) => {
      if (!orderIds.has(order)) {
        const row = await prisma.order.create({
          data: {
            shop: SHOP,
            orderGid: `gid://shopify/Order/${order}`,
            name: `#${order}`,
            processedAt: new Date(),
            currencyCode: "GBP",
            subtotalMinor: 0,
            totalMinor: 0,
            sourceUpdatedAt: new Date(),
            ingestedVia: "webhook",
          },
        });
        orderIds.set(order, row.id);
      }
      await prisma.interaction.create({
        data: {
          shop: SHOP,
          productGid: `gid://shopify/Product/${product}`,
          kind: "purchase",
          weight,
          at: new Date(),
          orderId: orderIds.get(order)!,
        },
      });
    };
    await buy(1, 1);
    await buy(1, 2); // mug + lantern together
    await buy(2, 3, 50);
    await buy(3, 5, 90); // candle is popular; the draft is more popular but not active
    const response = await call(
      recommendations,
      appProxyRequest("recommendations", { query: { surface: "product", product_id: "1", limit: "3" } }),
    );
    const body = await response.json();
    expect(body.strategy).toBe("bought-together");
    expect(body.products.map((p: { handle: string }) => p.handle)).toEqual(["lantern", "candle", "heart"]);
    expect(body.products[0]).toMatchObject({ id: "gid://shopify/Product/2", price: 200, url: "/products/lantern" });
    expect(response.headers.get("Cache-Control")).toContain("public");
  });

  it("GIVEN an unknown surface WHEN asked THEN 400 with a clear message", async () => {
    const response = await call(recommendations, appProxyRequest("recommendations", { query: { surface: "checkout" } }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "surface must be home, product or cart" });
  });
});
