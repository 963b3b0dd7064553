import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/proxy.recommendations";
import { buildRecommendations } from "../../app/recommendations/recs-build-job.server";
import { clearListStore } from "../../app/recommendations/list-store.server";
import type { JobContext } from "../../app/jobs/job";
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
  const order = async (customer: number | null, daysAgo: number, ...products: number[]) => {
    n += 1;
    const at = new Date(Date.now() - daysAgo * DAY);
    const row = await prisma.order.create({
      data: {
        shop: SHOP,
        orderGid: `gid://shopify/Order/${n}`,
        name: `#${n}`,
        customerGid: customer ? C(customer) : null,
        processedAt: at,
        currencyCode: "GBP",
        subtotalMinor: 0,
        totalMinor: 0,
        sourceUpdatedAt: at,
        ingestedVia: "webhook",
      },
    });
    for (const p of products)
      await prisma.interaction.create({
        data: { shop: SHOP, customerGid: customer ? C(customer) : null, productGid: P(p), kind: "purchase", at, orderId: row.id },
      });
  };
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
