import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createHttpApp, listen } from "../../app/http-server.server";
import { action as orders } from "../../app/routes/webhooks.orders";
import { receiveWebhookFast } from "../../app/webhooks/receive.server";
import { givenInstalledShop } from "../helpers/inbox";
import { exampleOrder, webhookRequest } from "../helpers/webhook-request";

// The production server answers webhooks before Remix (app/http-server.server.ts), its signature checked
// with node:crypto (app/webhooks/webhook-signature.server.ts); this file checks that it answers exactly
// as the Remix route (shopify-api's own check) does, case by case, through a real socket.
let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  const build = { entry: { module: { receiveWebhookFast } }, routes: {}, assets: { routes: {} } } as unknown as ServerBuild;
  server = await listen(createHttpApp(build, "build"), 0);
});
afterAll(() => server.close());

type Case = { name: string; options: Parameters<typeof webhookRequest>[3]; stored: "pending" | "parked" | null; status: number };
const CASES: Case[] = [
  { name: "a signed delivery", options: {}, stored: "pending", status: 200 },
  { name: "a forged HMAC", options: { hmac: "Zm9yZ2VkIQ==" }, stored: null, status: 401 },
  {
    name: "an HMAC of the right length that does not match",
    options: { hmac: Buffer.alloc(32).toString("base64") },
    stored: null,
    status: 401,
  },
  { name: "no HMAC header", options: { omit: ["X-Shopify-Hmac-Sha256"] }, stored: null, status: 400 },
  { name: "an empty body", options: { raw: "" }, stored: null, status: 400 },
  { name: "missing Shopify headers", options: { omit: ["X-Shopify-API-Version"] }, stored: null, status: 400 },
  { name: "no topic header", options: { omit: ["X-Shopify-Topic"] }, stored: null, status: 400 },
  { name: "no shop domain header", options: { omit: ["X-Shopify-Shop-Domain"] }, stored: null, status: 400 },
  { name: "no webhook id header", options: { omit: ["X-Shopify-Webhook-Id"] }, stored: null, status: 400 },
  { name: "a shop domain that is not one", options: { shop: "evil.example.com" }, stored: null, status: 400 },
  { name: "a shop that never installed Rapport", options: { shop: "stranger.myshopify.com" }, stored: null, status: 200 },
  { name: "a signed body that is not JSON", options: { raw: "{not json" }, stored: "parked", status: 200 },
];

/** The same delivery sent over HTTP to the production server (the fast path). */
async function overHttp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return fetch(`${server.url}${url.pathname}`, { method: "POST", headers: request.headers, body: await request.text() });
}

describe("the production server's webhook fast path", () => {
  it.each(CASES)("GIVEN $name WHEN sent to the route and to the fast path THEN both answer $status and store alike", async (c) => {
    await givenInstalledShop();
    const viaRoute = await orders({
      request: webhookRequest("/webhooks/orders", "orders/paid", exampleOrder(), { ...c.options, webhookId: "route-1" }),
      params: {},
      context: {},
    });
    const viaFast = await overHttp(
      webhookRequest("/webhooks/orders", "orders/paid", exampleOrder(), { ...c.options, webhookId: "fast-1" }),
    );
    expect(viaRoute.status).toBe(c.status);
    expect(viaFast.status).toBe(c.status);
    expect(await viaFast.text()).toBe(await viaRoute.text());
    const rows = (
      await prisma.webhookDelivery.findMany({
        orderBy: { webhookId: "asc" },
        select: { webhookId: true, status: true, topic: true, reason: true, payload: { select: { body: true } } },
      })
    ).map(({ payload, ...row }) => ({ ...row, body: payload?.body }));
    if (c.stored === null) expect(rows).toEqual([]);
    else {
      expect(rows.map((r) => [r.webhookId, r.status])).toEqual([
        ["fast-1", c.stored],
        ["route-1", c.stored],
      ]);
      expect(rows[0]).toMatchObject({ topic: rows[1]!.topic, reason: rows[1]!.reason, body: rows[1]!.body });
    }
  });

  it("GIVEN a topic the address does not serve WHEN sent to the fast path THEN it is stored parked with the route's reason", async () => {
    await givenInstalledShop();
    const response = await overHttp(webhookRequest("/webhooks/orders", "products/update", { id: 1 }, { webhookId: "odd-1" }));
    expect(response.status).toBe(200);
    expect(await prisma.webhookDelivery.findFirst({ where: { webhookId: "odd-1" } })).toMatchObject({
      status: "parked",
      reason: "topic products/update is not served at /webhooks/orders",
    });
  });

  it("GIVEN the same delivery twice WHEN sent to the fast path THEN it is stored once", async () => {
    await givenInstalledShop();
    for (let i = 0; i < 2; i++)
      expect((await overHttp(webhookRequest("/webhooks/orders", "orders/paid", exampleOrder(), { webhookId: "dup-1" }))).status).toBe(200);
    expect(await prisma.webhookDelivery.count()).toBe(1);
  });
});
