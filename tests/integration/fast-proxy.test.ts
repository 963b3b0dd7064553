import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { postEntries } from "../../app/loyalty/ledger.server";
import { loader as loyaltyRoute } from "../../app/routes/proxy.loyalty";
import { forgetKnownShop } from "../../app/shops/known-shops.server";
import { serveFastProxy } from "../../app/storefront/fast-proxy.server";
import { appProxyRequest } from "../helpers/app-proxy-request";
import { SHOP } from "../helpers/webhook-request";

// The storefront's fast path (no Remix) and the Remix route must answer every request alike: same
// signature rules, same bodies. Each case below runs through both.
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!serveFastProxy(req, res)) res.writeHead(404).end("not a fast path");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  forgetKnownShop();
  await prisma.shop.create({ data: { shop: SHOP } });
  await prisma.$transaction((tx) =>
    postEntries(tx, [
      { shop: SHOP, customerGid: "gid://shopify/Customer/17850", points: 140, reason: "earn:order", idempotencyKey: "order:1:earn" },
    ]),
  );
});

const transports = {
  "remix route": async (request: Request) => {
    try {
      return await loyaltyRoute({ request, params: {}, context: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  },
  "fast path": async (request: Request) => {
    const url = new URL(request.url);
    return fetch(`${base}${url.pathname}${url.search}`, { method: request.method });
  },
};

describe.each(Object.entries(transports))("storefront proxy through the %s", (_name, send) => {
  it("GIVEN a signed request for a signed-in customer THEN their balance comes back, privately", async () => {
    const response = await send(appProxyRequest("loyalty", { customerId: 17850 }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await response.json()).toMatchObject({ loggedIn: true, customerId: "gid://shopify/Customer/17850", balance: 140 });
  });

  it("GIVEN a guest THEN no balance is shown", async () => {
    expect(await (await send(appProxyRequest("loyalty"))).json()).toEqual({ loggedIn: false, customerId: null, balance: null });
  });

  it("GIVEN a tampered customer id, a stale timestamp or a duplicated signed parameter THEN it is refused", async () => {
    expect((await send(appProxyRequest("loyalty", { customerId: 99, tamper: { logged_in_customer_id: "17850" } }))).status).toBe(400);
    expect((await send(appProxyRequest("loyalty", { customerId: 17850, ageSeconds: 120 }))).status).toBe(400);
    const doubled = new URL(appProxyRequest("loyalty", { customerId: 17850 }).url);
    doubled.searchParams.append("logged_in_customer_id", "17851");
    expect((await send(new Request(doubled))).status).toBe(400);
    expect((await send(appProxyRequest("loyalty", { customerId: 17850, ageSeconds: 30 }))).status).toBe(200);
  });
});

describe("fast path only", () => {
  it("GIVEN a shop that never installed THEN nothing is served", async () => {
    await prisma.ledgerEntry.deleteMany();
    await prisma.shop.deleteMany();
    forgetKnownShop();
    const url = new URL(appProxyRequest("loyalty", { customerId: 17850 }).url);
    const response = await fetch(`${base}${url.pathname}${url.search}`);
    expect(response.status).toBe(404);
  });

  it("GIVEN a path that is not a fast endpoint THEN it is passed on (to Remix)", async () => {
    const url = new URL(appProxyRequest("not-a-fast-endpoint").url);
    expect(await (await fetch(`${base}${url.pathname}${url.search}`)).text()).toBe("not a fast path");
  });
});
