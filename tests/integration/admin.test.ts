import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader as dashboard } from "../../app/routes/app._index";
import { loader as settings } from "../../app/routes/app.settings";
import { action as loginAction, loader as loginPage } from "../../app/routes/auth.login";
import { adminDataRequest, adminDocumentRequest, givenInstalledSession, settle } from "../helpers/admin-request";
import { SHOP } from "../helpers/webhook-request";

const args = (request: Request) => ({ request, params: {}, context: {} });

async function givenHistory() {
  await prisma.customer.create({
    data: { shop: SHOP, customerGid: "gid://shopify/Customer/1", firstName: "Ada", lastName: "Lovelace" },
  });
  await prisma.order.create({
    data: {
      shop: SHOP,
      orderGid: "gid://shopify/Order/1",
      name: "#1",
      customerGid: "gid://shopify/Customer/1",
      processedAt: new Date(),
      currencyCode: "GBP",
      subtotalMinor: 2599,
      totalMinor: 2599,
      sourceUpdatedAt: new Date(),
      ingestedVia: "backfill",
    },
  });
  await prisma.order.create({
    data: {
      shop: SHOP,
      orderGid: "gid://shopify/Order/2",
      name: "#2",
      processedAt: new Date(),
      currencyCode: "GBP",
      subtotalMinor: 1000,
      totalMinor: 1000,
      sourceUpdatedAt: new Date(),
      ingestedVia: "webhook",
      sourceName: "pos",
      channel: "pos",
    },
  });
  await prisma.ledgerEntry.create({
    data: { shop: SHOP, customerGid: "gid://shopify/Customer/1", points: 25, reason: "earn:order", idempotencyKey: "order:1:earn" },
  });
  await prisma.ledgerEntry.create({
    data: {
      shop: "another.myshopify.com",
      customerGid: "gid://shopify/Customer/9",
      points: 999,
      reason: "earn:order",
      idempotencyKey: "order:9:earn",
    },
  });
}

describe("embedded admin /app with session tokens", () => {
  it("GIVEN the admin frames the app with a valid id_token WHEN the dashboard loads THEN it shows this shop's figures only", async () => {
    await givenInstalledSession();
    await givenHistory();
    const stats = await dashboard(args(await adminDocumentRequest("/app")));
    expect(stats).toMatchObject({
      customers: 1,
      orders: { total: 2, viaWebhook: 1, viaBackfill: 1, pos: 1 },
      points: { issued: 25, outstanding: 25, members: 1 },
      revenueMinor: 3599,
    });
  });

  it("GIVEN no session token WHEN /app is requested THEN the app does not render (redirect to the bounce/login flow)", async () => {
    await givenInstalledSession();
    const response = await settle(() =>
      dashboard(args(new Request("https://my-test-app.myshopify.io/app", { headers: { "User-Agent": "Mozilla/5.0 Chrome/156" } }))),
    );
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
  });

  it("GIVEN an id_token signed with the wrong secret WHEN /app is requested THEN it is rejected", async () => {
    await givenInstalledSession();
    const response = await settle(async () => dashboard(args(await adminDataRequest("/app", {}, { secret: "not-the-app-secret" }))));
    expect((response as Response).status).toBe(401);
  });

  it("GIVEN a data request with a Bearer session token WHEN /app/settings loads THEN it sends the merchant to the program settings", async () => {
    await givenInstalledSession();
    const response = (await settle(async () => settings(args(await adminDataRequest("/app/settings"))))) as Response;
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("Location")!).pathname).toBe("/app/loyalty/settings");
  });

  it("GIVEN /auth/login WHEN opened, then posted without and with a shop THEN a form, a field error, then the redirect to install — never a 500", async () => {
    const page = await loginPage(args(new Request("https://my-test-app.myshopify.io/auth/login")));
    expect(page).toEqual({ errors: {} });
    const form = (shop: string) =>
      new Request("https://my-test-app.myshopify.io/auth/login", { method: "POST", body: new URLSearchParams({ shop }) });
    expect(await loginAction(args(form("")))).toEqual({ errors: { shop: "Enter your shop domain to log in" } });
    expect(await loginAction(args(form("not a shop!")))).toEqual({ errors: { shop: "Enter a shop domain like example.myshopify.com" } });
    const redirect = (await settle(() => loginAction(args(form("rapport-test"))))) as Response;
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toMatch(/^https:\/\/admin\.shopify\.com\/store\/rapport-test\/oauth\/install\?client_id=/);
  });
});
