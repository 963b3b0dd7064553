import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage as openPage } from "../helpers/browser";
import { createPrismaClient, type Db } from "../../app/db-client.server";
import { DEV_APP } from "../../dev/environment";
import { freePort, startDemo, type RunningDemo } from "../helpers/demo-process";
import { exampleOrder } from "../helpers/webhook-request";

// Issue 5 in Chromium: parked deliveries with their reasons and a working Retry.
let demo: RunningDemo;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  // Ready as soon as the install has queued the backfill: the first test watches it run.
  demo = await startDemo({ standin: await freePort(), app: await freePort() }, 170_000, "backfill job queued");
  db = createPrismaClient(demo.databaseUrl);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await demo?.stop();
});

const newPage = () => openPage(browser);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the demo to finish replaying its recent orders (about 3 minutes on a busy 2-core machine). */
async function demoRunning() {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(250)) {
    if (demo.output.join("").includes("running — press Ctrl-C")) return;
  }
  throw new Error(`the demo did not finish starting:\n${demo.output.join("")}`);
}

/** A webhook to the running app as Shopify sends it, signed with the demo app's secret. */
async function sendWebhook(shop: string, topic: string, body: unknown) {
  const raw = JSON.stringify(body);
  return fetch(`${demo.appUrl}/webhooks/orders`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": createHmac("sha256", DEV_APP.apiSecret).update(raw).digest("base64"),
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": randomUUID(),
      "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
    body: raw,
  });
}

describe("parked deliveries in the admin", () => {
  it(
    "GIVEN a malformed delivery and one parked after failing WHEN the merchant opens Deliveries THEN both are listed with their reasons, and Retry applies the second",
    { timeout: 420_000 },
    async () => {
      await demoRunning();
      const { shop } = await db.shop.findFirstOrThrow();
      expect((await sendWebhook(shop, "orders/paid", exampleOrder({ id: 990_001, currency: "XX" }))).status).toBe(200);
      const order = exampleOrder({ id: 990_002, admin_graphql_api_id: "gid://shopify/Order/990002", name: "#990002" });
      // As the worker leaves a delivery that kept failing: parked with its last error, nothing applied.
      await db.webhookDelivery.create({
        data: {
          shop,
          topic: "orders/paid",
          webhookId: "was-failing",
          payload: { create: { shop, body: JSON.stringify(order) } },
          status: "parked",
          attempts: 8,
          reason: "failed 8 times; last: database is locked",
        },
      });
      await expect.poll(() => db.webhookDelivery.count({ where: { status: "parked" } }), { timeout: 45_000 }).toBe(2);

      const page = await newPage();
      await page.goto(`${demo.standinUrl}/admin/apps/rapport/deliveries`, { waitUntil: "domcontentloaded", timeout: 90_000 });
      const app = page.frameLocator("iframe[name=app-iframe]");
      const reasons = app.locator("[data-testid=parked-reason]");
      await expect.poll(() => reasons.count(), { timeout: 45_000 }).toBe(2);
      const texts = await reasons.allTextContents();
      expect(texts.some((t) => /currency/.test(t))).toBe(true);
      expect(texts.some((t) => t.includes("database is locked"))).toBe(true);

      await app.getByRole("button", { name: "Retry orders/paid was-failing" }).click();
      await expect.poll(() => app.getByText("1 delivery queued again").count(), { timeout: 45_000 }).toBe(1);
      await expect
        .poll(async () => (await db.webhookDelivery.findFirst({ where: { webhookId: "was-failing" } }))?.status, { timeout: 30_000 })
        .toBe("done");
      expect(await db.order.count({ where: { orderGid: "gid://shopify/Order/990002" } })).toBe(1);
      await page.reload({ waitUntil: "domcontentloaded", timeout: 90_000 });
      await expect.poll(() => app.locator("[data-testid=parked-reason]").count(), { timeout: 45_000 }).toBe(1);
      expect(await app.locator("[data-testid=parked-reason]").textContent()).toMatch(/currency/);
      await page.close();
    },
  );
});
