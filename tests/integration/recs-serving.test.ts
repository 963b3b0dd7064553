import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/proxy.recommendations";
import { buildRecommendations } from "../../app/recommendations/recs-build-job.server";
import {
  answerStoreSize,
  clearListStore,
  listVersion,
  listVersionNow,
  MAX_ANSWERS,
  rememberAnswer,
  rememberedAnswer,
} from "../../app/recommendations/list-store.server";
import { savePersonalization } from "../../app/recommendations/personalization.server";
import { recommendationsProxy } from "../../app/recommendations/serve.server";
import { DEFAULT_SETTINGS, forgetServedSettings, servedSettings, servedSettingsNow } from "../../app/recommendations/settings.server";
import { serveFastProxy } from "../../app/storefront/fast-proxy.server";
import type { JobContext } from "../../app/jobs/job";
import { givenPurchaseOrder } from "../helpers/purchase-orders";
import { appProxyRequest } from "../helpers/app-proxy-request";
import { SHOP } from "../helpers/webhook-request";

const P = (n: number) => `gid://shopify/Product/${n}`;
const C = (n: number) => `gid://shopify/Customer/${n}`;
const DAY = 86_400_000;

const call = async (request: Request) => {
  try {
    return await (request.method === "POST" ? action : loader)({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};
const get = async (query: Record<string, string>, customerId?: number) => {
  const response = await call(appProxyRequest("recommendations", { query, customerId }));
  expect(response.status).toBe(200);
  return (await response.json()) as {
    strategy: string;
    heading: string;
    products: { id: string; handle: string; why: string; price: number }[];
  };
};

async function build() {
  const context = {
    job: { id: "j", kind: "recs-build", shop: SHOP, payload: {}, attempts: 0, maxAttempts: 1 },
    progress: async () => true,
    signal: new AbortController().signal,
    log: console,
  } as unknown as JobContext;
  await buildRecommendations(context);
}

/** Order `n` of a customer (or a guest) `daysAgo`, with a purchase interaction per product. */
async function recordOrder(n: number, customer: number | null, daysAgo: number, products: number[]) {
  const at = new Date(Date.now() - daysAgo * DAY);
  await givenPurchaseOrder({ shop: SHOP, n, customerGid: customer ? C(customer) : null, at, productGids: products.map(P) });
}

/**
 * A small store: tea (1) and teapot (2) bought together; coffee (3) by everyone; mug (4) and cup (5)
 * share a vendor; filter (6); an archived product (7). Customer 1 buys tea, customer 2 coffee and filter.
 */
async function givenStore() {
  const titles = ["Green tea", "Clay teapot", "Coffee beans", "Clay mug", "Clay cup", "Paper filter", "Old kettle"];
  for (const [i, title] of titles.entries()) {
    await prisma.product.create({
      data: {
        shop: SHOP,
        productGid: P(i + 1),
        handle: title.toLowerCase().replace(" ", "-"),
        title,
        priceMinor: 100 * (i + 1),
        vendor: title.startsWith("Clay") ? "Clay Co" : "Other",
        productType: i === 0 || i === 2 ? "Drinks" : "Kitchen",
        status: i === 6 ? "ARCHIVED" : "ACTIVE",
      },
    });
  }
  let n = 0;
  const order = (customer: number | null, daysAgo: number, ...products: number[]) => recordOrder(++n, customer, daysAgo, products);
  await order(1, 90, 1, 2, 3);
  await order(1, 60, 1, 3);
  await order(1, 40, 1, 2);
  await order(3, 50, 1, 2, 3);
  await order(2, 80, 3, 6);
  await order(2, 45, 3, 6, 7);
  await order(2, 35, 3, 6);
  await order(null, 5, 3, 4);
}

describe("recommendations served from the recs-build lists", () => {
  it("GIVEN a built store WHEN a product page asks THEN bought-together by lift leads, honestly labelled, without the product or archived ones", async () => {
    await givenStore();
    await build();
    clearListStore();
    const body = await get({ surface: "product", product_id: "1", limit: "4" });
    expect(body.strategy).toBe("bought-together");
    expect(body.heading).toBe("frequently_bought_together");
    expect(body.products[0]).toMatchObject({ id: P(2), price: 200, why: "Often bought with Green tea" });
    const ids = body.products.map((p) => p.id);
    expect(ids).not.toContain(P(1));
    expect(ids).not.toContain(P(7));
  });

  it("GIVEN two customers with different histories WHEN the home block is asked THEN each sees their own for-you list; a guest sees trending, not 'for you'", async () => {
    await givenStore();
    await build();
    clearListStore();
    const one = await get({ surface: "home", limit: "3" }, 1);
    const two = await get({ surface: "home", limit: "3" }, 2);
    const guest = await get({ surface: "home", limit: "3" });
    expect(one.heading).toBe("recommended_for_you");
    expect(two.heading).toBe("recommended_for_you");
    expect(one.products.map((p) => p.id)).not.toEqual(two.products.map((p) => p.id));
    expect(two.products.map((p) => p.id)).toContain(P(6));
    expect(guest.heading).toBe("trending_now");
  });

  it("GIVEN a guest who viewed three products WHEN the next page asks with its session views THEN recently-viewed shows them latest first", async () => {
    await givenStore();
    await build();
    clearListStore();
    const body = await get({ surface: "home", strategy: "recently-viewed", views: "4,5,6", limit: "3" });
    expect(body.products.map((p) => p.id)).toEqual([P(6), P(5), P(4)]);
    const forYou = await get({ surface: "home", views: "4", limit: "3" });
    expect(forYou.heading).toBe("inspired_by_browsing");
    // the mug was bought with coffee (behavioural neighbour first), then the same-vendor, same-type cup
    expect(forYou.products[0]!.id).toBe(P(3));
    expect(forYou.products.map((p) => p.id)).toContain(P(5));
    expect(forYou.products[0]!.why).toBe("Because you viewed Clay mug");
  });

  it("GIVEN 'Not interested' on a card WHEN posted and the block asks again THEN the dismiss is recorded and the card is gone", async () => {
    await givenStore();
    await build();
    clearListStore();
    const before = await get({ surface: "product", product_id: "1", limit: "3" });
    const first = before.products[0]!.id;
    const response = await call(
      new Request(appProxyRequest("recommendations").url, {
        method: "POST",
        body: JSON.stringify({ dismiss: first, visitorId: "visitor-123456" }),
        headers: { "Content-Type": "application/json" },
      }),
    );
    expect(response.status).toBe(200);
    expect(await prisma.interaction.count({ where: { shop: SHOP, kind: "dismiss", productGid: first, visitorId: "visitor-123456" } })).toBe(
      1,
    );
    const after = await get({ surface: "product", product_id: "1", limit: "3", dismissed: first.split("/").pop()! });
    expect(after.products.map((p) => p.id)).not.toContain(first);
  });

  it("GIVEN a signed-in customer dismissed a product WHEN the next build runs THEN their for-you list no longer has it", async () => {
    await givenStore();
    await build();
    clearListStore();
    const before = await get({ surface: "home", limit: "4" }, 1);
    const first = before.products[0]!.id;
    const response = await call(
      new Request(appProxyRequest("recommendations", { customerId: 1 }).url, {
        method: "POST",
        body: JSON.stringify({ dismiss: first }),
        headers: { "Content-Type": "application/json" },
      }),
    );
    expect(response.status).toBe(200);
    await build();
    clearListStore();
    const after = await get({ surface: "home", limit: "4" }, 1);
    expect(after.heading).toBe("recommended_for_you");
    expect(after.products.map((p) => p.id)).not.toContain(first);
  });

  it("GIVEN a build WHEN it runs THEN product and customer lists are queued as list.product_reference metafields and a rebuild bumps the version", async () => {
    await givenStore();
    await build();
    const rows = await prisma.metafieldValue.findMany({ where: { shop: SHOP, namespace: "$app:recommendations" } });
    const bt = rows.find((r) => r.ownerGid === P(1) && r.key === "bought_together");
    expect(bt).toMatchObject({ type: "list.product_reference", status: "pending" });
    expect(JSON.parse(bt!.value)[0]).toBe(P(2));
    expect(rows.some((r) => r.ownerGid === C(1) && r.key === "for_you")).toBe(true);
    expect(JSON.parse(rows.find((r) => r.ownerGid === P(1) && r.key === "similar")!.value).length).toBeLessThanOrEqual(8);
    await build();
    expect((await prisma.recommendationBuild.findUniqueOrThrow({ where: { shop: SHOP } })).version).toBe(2);
    expect(await prisma.job.count({ where: { kind: "metafields-sync", shop: SHOP } })).toBe(1);
  });
});

describe("remembered answers (the same request between builds is not composed again)", () => {
  let clock: { mockRestore(): void } | null = null;
  afterEach(() => {
    clock?.mockRestore();
    clock = null;
    // What was read under the moved clock would look fresh to the next test.
    clearListStore();
    forgetServedSettings();
  });
  /** Moves the clock past the store's version check and the settings' time to live (5 s each). */
  const later = (seconds: number) => {
    const now = Date.now() + seconds * 1000;
    clock = vi.spyOn(Date, "now").mockReturnValue(now);
  };

  it("GIVEN a product page answered once WHEN it is asked again THEN the same answer comes back remembered; WHEN a new build changes the lists THEN the next answer is the new build's", async () => {
    await givenStore();
    await build();
    clearListStore();
    const first = await get({ surface: "product", product_id: "6", limit: "3" });
    expect(answerStoreSize()).toBe(1);
    expect(await get({ surface: "product", product_id: "6", limit: "3" })).toEqual(first);
    expect(answerStoreSize()).toBe(1);
    expect(first.products[0]!.id).toBe(P(3)); // the filter was bought with coffee
    // Many baskets of filter and mug: the mug becomes the filter's strongest partner.
    for (let i = 0; i < 6; i++) await recordOrder(100 + i, 10 + i, 0, [6, 4]);
    await build();
    expect(await get({ surface: "product", product_id: "6", limit: "3" })).toEqual(first); // the version is checked every 5 s
    later(6);
    const next = await get({ surface: "product", product_id: "6", limit: "3" });
    expect(next.products[0]!.id).toBe(P(4));
    clearListStore();
    expect(await get({ surface: "product", product_id: "6", limit: "3" })).toEqual(next);
  });

  it("GIVEN remembered answers WHEN the merchant changes the product block's strategy THEN this process answers with it at once, another once it reads the settings again", async () => {
    await givenStore();
    await build();
    clearListStore();
    forgetServedSettings();
    expect((await get({ surface: "product", product_id: "1", limit: "3" })).strategy).toBe("bought-together");
    const similarFirst = { ...DEFAULT_SETTINGS, blocks: { ...DEFAULT_SETTINGS.blocks, product: { primary: "similar", fallbacks: [] } } };
    await savePersonalization(SHOP, similarFirst);
    const saved = await get({ surface: "product", product_id: "1", limit: "3" });
    expect(saved).toMatchObject({ strategy: "similar", heading: "similar_products" });
    // Another process (the admin on another instance) switches to trending: seen here after SETTINGS_TTL_MS.
    const trending = { ...DEFAULT_SETTINGS, blocks: { ...DEFAULT_SETTINGS.blocks, product: { primary: "trending", fallbacks: [] } } };
    await prisma.recommendationBuild.update({ where: { shop: SHOP }, data: { settings: JSON.stringify(trending) } });
    expect(await get({ surface: "product", product_id: "1", limit: "3" })).toEqual(saved);
    later(6);
    expect((await get({ surface: "product", product_id: "1", limit: "3" })).strategy).toBe("trending");
  });

  it("GIVEN a remembered answer WHEN the same request comes while the build version and the settings are fresh THEN it is answered at once, without a promise; once they are due, after reading them again", async () => {
    await givenStore();
    await build();
    clearListStore();
    forgetServedSettings();
    const request = {
      shop: SHOP,
      customerGid: null,
      method: "GET" as const,
      path: "/recommendations",
      query: new URLSearchParams({ surface: "product", product_id: "1", limit: "3" }),
      body: undefined,
    };
    const first = recommendationsProxy(request);
    expect(first).toBeInstanceOf(Promise); // nothing remembered yet
    const made = await first;
    const again = recommendationsProxy(request);
    expect(again).not.toBeInstanceOf(Promise);
    expect(again).toBe(made);
    later(6);
    const due = recommendationsProxy(request);
    expect(due).toBeInstanceOf(Promise); // the version and the settings are read again first
    expect(await due).toBe(made); // the same build and settings: the same answer
    expect(recommendationsProxy(request)).toBe(made);
  });

  it("GIVEN the build version and the settings read WHEN asked without waiting THEN each is given until its own time to live ends, and the settings only once they have arrived", async () => {
    await givenStore();
    await build();
    clearListStore();
    forgetServedSettings();
    expect(listVersionNow(SHOP)).toBeUndefined(); // never read in this process
    const version = await listVersion(SHOP);
    expect(version).toBeGreaterThan(0);
    expect(listVersionNow(SHOP)).toBe(version);
    const reading = servedSettings(SHOP);
    expect(servedSettingsNow(SHOP)).toBeUndefined(); // asked, not arrived
    const settings = await reading;
    expect(servedSettingsNow(SHOP)).toBe(settings);
    later(6);
    expect(listVersionNow(SHOP)).toBeUndefined();
    expect(servedSettingsNow(SHOP)).toBeUndefined();
    await servedSettings(SHOP); // read again (unchanged: the same object); the version is still due
    expect(servedSettingsNow(SHOP)).toBe(settings);
    expect(listVersionNow(SHOP)).toBeUndefined();
  });

  it("GIVEN session views, a cart or dismissals WHEN the block asks THEN the answer is composed for that request and not remembered", async () => {
    await givenStore();
    await build();
    clearListStore();
    await get({ surface: "home", views: "4", limit: "3" });
    await get({ surface: "cart", cart: "1", limit: "3" });
    await get({ surface: "product", product_id: "1", dismissed: "2", limit: "3" });
    expect(answerStoreSize()).toBe(0);
    const plain = await get({ surface: "product", product_id: "1", limit: "3" });
    const dismissed = await get({ surface: "product", product_id: "1", dismissed: "2", limit: "3" });
    expect(plain.products.map((p) => p.id)).toContain(P(2));
    expect(dismissed.products.map((p) => p.id)).not.toContain(P(2));
  });

  it("GIVEN a remembered answer WHEN it is served by the fast path THEN the body is the Remix route's JSON, byte for byte", async () => {
    await givenStore();
    await prisma.shop.create({ data: { shop: SHOP } });
    await build();
    clearListStore();
    const server = createServer((req, res) => {
      if (!serveFastProxy(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = new URL(appProxyRequest("recommendations", { query: { surface: "home", limit: "4" }, customerId: 1 }).url);
      const fast = async () => {
        const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${url.pathname}${url.search}`);
        expect(response.status).toBe(200);
        expect(response.headers.get("Cache-Control")).toBe("private, max-age=30");
        return response.text();
      };
      const composed = await fast();
      const remembered = await fast();
      expect(remembered).toBe(composed);
      expect(JSON.parse(remembered)).toEqual(await get({ surface: "home", limit: "4" }, 1));
      expect(JSON.parse(remembered)).toMatchObject({ heading: "recommended_for_you" });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("GIVEN more answers than MAX_ANSWERS WHEN they are remembered THEN the least recently used go and the store stays bounded", () => {
    const tag = {};
    for (let i = 0; i < MAX_ANSWERS; i++) rememberAnswer(SHOP, `k${i}`, 1, tag, i);
    expect(rememberedAnswer(SHOP, "k0", 1, tag)).toBe(0); // used: now the most recent
    for (let i = MAX_ANSWERS; i < MAX_ANSWERS + 5; i++) rememberAnswer(SHOP, `k${i}`, 1, tag, i);
    expect(answerStoreSize()).toBe(MAX_ANSWERS);
    expect(rememberedAnswer(SHOP, "k0", 1, tag)).toBe(0);
    expect(rememberedAnswer(SHOP, "k1", 1, tag)).toBeUndefined();
    expect(rememberedAnswer(SHOP, `k${MAX_ANSWERS + 4}`, 1, tag)).toBe(MAX_ANSWERS + 4);
    expect(rememberedAnswer(SHOP, "k0", 2, tag)).toBeUndefined(); // another build
    expect(rememberedAnswer(SHOP, "k0", 1, {})).toBeUndefined(); // other settings
  });
});
