import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action } from "../../app/routes/pixel.events";
import { VISITOR_BURST } from "../../app/storefront-events/visitor-rate-limit";
import { givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

const post = async (body: unknown) => {
  const request = new Request("https://my-test-app.myshopify.io/pixel/events", {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: `https://${SHOP}` },
    body: JSON.stringify(body),
  });
  const response = await action({ request, params: {}, context: {} });
  return { status: response.status, body: await response.json(), cors: response.headers.get("Access-Control-Allow-Origin") };
};

let n = 0;
const view = (productId = "7", id = `ev-${++n}`) => ({ id, name: "product_viewed", timestamp: new Date().toISOString(), productId });
const batch = (visitorId: string, events: unknown[], extra: Record<string, unknown> = {}) => ({
  shop: SHOP,
  visitorId,
  consent: { analytics: true },
  events,
  ...extra,
});

describe("storefront events from the Web Pixel", () => {
  it("GIVEN the same events sent twice WHEN posted THEN each is kept once, as views and cart adds of the visitor", async () => {
    await givenInstalledShop();
    const events = [
      view("7", "e-1"),
      { id: "e-2", name: "product_added_to_cart", timestamp: new Date().toISOString(), productId: "gid://shopify/Product/8" },
    ];
    expect(await post(batch("visitor-0001", events))).toMatchObject({ status: 200, body: { recorded: 2 }, cors: "*" });
    expect(await post(batch("visitor-0001", events))).toMatchObject({ status: 200, body: { recorded: 0 } });
    const rows = await prisma.interaction.findMany({ orderBy: { eventId: "asc" } });
    expect(rows.map((r) => [r.eventId, r.kind, r.productGid, r.visitorId, r.customerGid])).toEqual([
      ["e-1", "view", "gid://shopify/Product/7", "visitor-0001", null],
      ["e-2", "cart_add", "gid://shopify/Product/8", "visitor-0001", null],
    ]);
  });

  it("GIVEN no analytics consent WHEN posted THEN refused with 403 and nothing stored", async () => {
    await givenInstalledShop();
    expect(await post({ ...batch("visitor-0002", [view()]), consent: { analytics: false } })).toMatchObject({ status: 403 });
    expect(await prisma.interaction.count()).toBe(0);
  });

  it("GIVEN a visitor over their burst WHEN posting more THEN 429 for them only", async () => {
    await givenInstalledShop();
    for (let i = 0; i < Math.floor(VISITOR_BURST / 50); i += 1) {
      expect(
        (
          await post(
            batch(
              "visitor-0003",
              Array.from({ length: 50 }, () => view()),
            ),
          )
        ).status,
      ).toBe(200);
    }
    const over = await post(
      batch(
        "visitor-0003",
        Array.from({ length: 20 }, () => view()),
      ),
    );
    expect(over.status).toBe(429);
    expect((await post(batch("visitor-0004", [view()]))).status).toBe(200);
    expect(await prisma.interaction.count({ where: { visitorId: "visitor-0003" } })).toBe(Math.floor(VISITOR_BURST / 50) * 50);
  });

  it("GIVEN an anonymous visitor's events WHEN they sign in THEN the visitor is stitched and their earlier events become the customer's; a checkout stitches too", async () => {
    await givenInstalledShop();
    await post(batch("visitor-0005", [view("7"), view("8")]));
    expect(await post(batch("visitor-0005", [view("9")], { customerId: "17850" }))).toMatchObject({
      status: 200,
      body: { stitched: true },
    });
    expect(await prisma.interaction.count({ where: { customerGid: "gid://shopify/Customer/17850" } })).toBe(3);
    expect(await prisma.visitorLink.findFirstOrThrow({ where: { visitorId: "visitor-0005" } })).toMatchObject({
      customerGid: "gid://shopify/Customer/17850",
    });
    await post(batch("visitor-0006", [view("7")]));
    await post(
      batch("visitor-0006", [
        { id: "co-1", name: "checkout_completed", timestamp: new Date().toISOString(), customerId: "gid://shopify/Customer/17851" },
      ]),
    );
    expect(await prisma.interaction.findFirstOrThrow({ where: { visitorId: "visitor-0006" } })).toMatchObject({
      customerGid: "gid://shopify/Customer/17851",
    });
  });

  it("GIVEN bad input or an unknown shop WHEN posted THEN a 4xx with the field, never a 500", async () => {
    await givenInstalledShop();
    const bad = await post({
      shop: SHOP,
      visitorId: "x",
      consent: { analytics: true },
      events: [{ id: "e", name: "page_viewed", timestamp: "x" }],
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(["visitorId", "events.0.name", "events.0.timestamp"]));
    expect((await post(batch("visitor-0007", [view()], { shop: "nobody.myshopify.com" }))).status).toBe(404);
    const response = await action({
      request: new Request("https://my-test-app.myshopify.io/pixel/events", { method: "POST", body: "{not json" }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(400);
  });
});
