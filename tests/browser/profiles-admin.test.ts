import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { launchBrowser, newPage as openPage } from "../helpers/browser";
import { createPrismaClient, type Db } from "../../app/db-client.server";
import type { RunningDemo } from "../helpers/demo-process";
import { sharedDemo } from "../helpers/shared-demo";

// Issue 8 in Chromium on the demo shop: the customer list, a profile, the storefront preview's pixel
// events reaching a customer's timeline, and a rule segment's live count — checked against the database
// the app wrote. Screenshots go to tests/.tmp (or SHOTS_DIR) for a person to look at.
const SHOTS = process.env.SHOTS_DIR ?? "tests/.tmp";
let demo: RunningDemo;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  demo = sharedDemo(); // the tier's one demo (tests/setup/browser-demo.ts)
  db = createPrismaClient(demo.databaseUrl);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await demo?.stop();
});

/** An admin page of the app, framed by the admin preview as Shopify's admin frames it. */
async function adminPage(path: string): Promise<{ page: Page; app: FrameLocator }> {
  const page = await openPage(browser);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${demo.standinUrl}/admin/apps/rapport${path}`, { waitUntil: "domcontentloaded", timeout: 90_000 });
  return { page, app: page.frameLocator("iframe[name=app-iframe]") };
}

const live = { deletedAt: null, redactedAt: null } as const;

describe("customers in the admin", () => {
  it("GIVEN the demo shop WHEN the merchant searches, filters by segment and pages THEN each view shows exactly the matching customers", async () => {
    const { shop } = await db.shop.findFirstOrThrow();
    const total = await db.customer.count({ where: { shop, ...live } });
    expect(total).toBeGreaterThan(100);
    const { page, app } = await adminPage("/customers");
    const links = app.locator("[data-testid=customer-link]");
    await expect.poll(() => links.count(), { timeout: 60_000 }).toBe(50);
    // The first page, sorted by net lifetime value: the shop's top 50 in that order.
    const top = await db.customer.findMany({
      where: { shop, ...live },
      orderBy: [{ netSpentMinor: "desc" }, { customerGid: "desc" }],
      take: 51,
    });
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(top.slice(0, 50).map((c) => `/app/customers/${c.customerGid.split("/").pop()}`));
    await page.screenshot({ path: `${SHOTS}/profiles-customers-list.png`, fullPage: true });

    await app.getByRole("button", { name: "Next" }).click();
    await expect
      .poll(async () => (await links.first().getAttribute("href")) ?? "", { timeout: 30_000 })
      .toBe(`/app/customers/${top[50]!.customerGid.split("/").pop()}`);

    const someone = await db.customer.findFirstOrThrow({
      where: { shop, ...live, lastName: { not: null } },
      orderBy: { netSpentMinor: "asc" },
    });
    const sameName = await db.customer.count({
      where: {
        shop,
        ...live,
        OR: [
          { lastName: { startsWith: someone.lastName! } },
          { firstName: { startsWith: someone.lastName! } },
          { email: { contains: someone.lastName!.toLowerCase() } },
        ],
      },
    });
    await app.getByLabel("Search name or email").fill(someone.lastName!);
    await app.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => links.count(), { timeout: 30_000 }).toBe(Math.min(sameName, 50));
    expect(await links.allTextContents()).toContain([someone.firstName, someone.lastName].filter(Boolean).join(" "));

    const segment = (
      await db.customerRfm.groupBy({
        by: ["segment"],
        where: { shop, customer: live },
        _count: { _all: true },
        orderBy: { _count: { segment: "asc" } },
      })
    )[0]!;
    await app.getByLabel("Search name or email").fill("");
    await app.getByLabel("Segment").selectOption(segment.segment);
    await app.getByRole("button", { name: "Apply" }).click();
    const segments = app.locator("[data-testid=customer-segment]");
    await expect.poll(() => segments.count(), { timeout: 30_000 }).toBe(Math.min(segment._count._all, 50));
    expect(new Set(await segments.allTextContents())).toEqual(new Set([segment.segment]));
    await page.close();
  });

  it("GIVEN a customer with orders, a refund, points and a segment WHEN the merchant opens their profile THEN all of it is there, as recorded", async () => {
    const { shop } = await db.shop.findFirstOrThrow();
    const refunded = await db.refund.findMany({ where: { shop }, select: { orderGid: true } });
    const orders = await db.order.findMany({
      where: { shop, orderGid: { in: refunded.map((r) => r.orderGid) }, customerGid: { not: null } },
      select: { customerGid: true },
    });
    const withPoints = await db.loyaltyAccount.findMany({ where: { shop, customerGid: { in: orders.map((o) => o.customerGid!) } } });
    const account = withPoints.sort((a, b) => b.balance - a.balance)[0];
    expect(account, "a demo customer with a refund and points").toBeDefined();
    const customer = await db.customer.findFirstOrThrow({ where: { shop, customerGid: account!.customerGid }, include: { rfm: true } });
    const refundCount = await db.refund.count({
      where: {
        shop,
        orderGid: {
          in: (await db.order.findMany({ where: { shop, customerGid: customer.customerGid }, select: { orderGid: true } })).map(
            (o) => o.orderGid,
          ),
        },
      },
    });
    const { page, app } = await adminPage(`/customers/${customer.customerGid.split("/").pop()}`);
    await expect
      .poll(() => app.locator("[data-testid=profile-orders]").textContent(), { timeout: 60_000 })
      .toBe(String(customer.ordersCount));
    expect(await app.locator("[data-testid=profile-points]").textContent()).toBe(account!.balance.toLocaleString("en-GB"));
    expect(await app.locator("[data-testid=profile-segments]").textContent()).toContain(customer.rfm!.segment);
    const kinds = await app.locator("[data-testid=timeline-kind]").allTextContents();
    expect(kinds.filter((k) => k === "Order").length).toBe(await db.order.count({ where: { shop, customerGid: customer.customerGid } }));
    expect(kinds.filter((k) => k === "Refund").length).toBe(refundCount);
    expect(kinds.filter((k) => k === "Points").length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/profiles-customer-profile.png`, fullPage: true });
    await page.close();
  });

  it("GIVEN a signed-in shopper who allows analytics WHEN they view a product, add it to the cart and check out THEN the events reach the app and the view is on their timeline; declined, nothing is sent", async () => {
    const { shop } = await db.shop.findFirstOrThrow();
    const customer = await db.customer.findFirstOrThrow({
      where: { shop, ...live, ordersCount: { gt: 0 } },
      orderBy: { ordersCount: "desc" },
    });
    const numericId = customer.customerGid.split("/").pop();
    const product = await db.product.findFirstOrThrow({ where: { shop, status: "ACTIVE", deletedAt: null }, orderBy: { handle: "desc" } });
    const page = await openPage(browser);
    const posts: number[] = [];
    page.on("response", (r) => void (r.url().endsWith("/pixel/events") && r.request().method() === "POST" && posts.push(r.status())));

    // Declined: the pixel never starts, nothing is posted.
    await page.goto(`${demo.standinUrl}/account/switch?customer_id=`);
    await page.getByTestId("consent-decline").click();
    await page.goto(`${demo.standinUrl}/products/${product.handle}`);
    await page.waitForTimeout(3_000);
    expect(posts).toEqual([]);

    await page.goto(`${demo.standinUrl}/account/switch?customer_id=${numericId}`);
    await page.getByTestId("consent-accept").click();
    await page.goto(`${demo.standinUrl}/products/${product.handle}`);
    const viewed = { shop, customerGid: customer.customerGid, productGid: product.productGid };
    await expect.poll(() => db.interaction.count({ where: { ...viewed, kind: "view" } }), { timeout: 20_000 }).toBe(1);
    await page.locator("form[action='/cart/add'] button").click();
    await expect.poll(() => page.getByTestId("added-to-cart").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => db.interaction.count({ where: { ...viewed, kind: "cart_add" } }), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: `${SHOTS}/profiles-storefront-product.png` });
    await page.goto(`${demo.standinUrl}/cart`);
    await page.getByTestId("checkout").click();
    await expect.poll(() => page.getByTestId("order-confirmation").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => posts.length, { timeout: 20_000 }).toBe(3);
    expect(posts).toEqual([200, 200, 200]);
    // The order itself reaches the app as Shopify's webhooks.
    const orderName = (await page.getByTestId("order-confirmation").textContent())!.match(/#\d+/)![0];
    await expect
      .poll(() => db.order.count({ where: { shop, name: orderName, customerGid: customer.customerGid } }), { timeout: 30_000 })
      .toBe(1);
    await page.close();

    const admin = await adminPage(`/customers/${numericId}`);
    const titles = admin.app.locator("[data-testid=timeline-title]");
    await expect.poll(() => titles.allTextContents(), { timeout: 60_000 }).toContain(`Viewed: ${product.title}`);
    expect(await titles.allTextContents()).toContain(`Added to cart: ${product.title}`);
    await admin.page.close();
  });

  it("GIVEN the rule editor WHEN the merchant edits a condition THEN the live member count follows each edit, as the database counts it", async () => {
    const { shop } = await db.shop.findFirstOrThrow();
    const withOrders = (n: number) => db.customer.count({ where: { shop, ...live, ordersCount: { gte: n } } });
    const { page, app } = await adminPage("/segments/new");
    const count = app.locator("[data-testid=live-count]");
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toBe(String(await withOrders(1)));
    await app.getByLabel("Name").fill("Regulars");
    await app.getByLabel("Orders").fill("5");
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe(String(await withOrders(5)));
    await app.getByLabel("Orders").fill("12");
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe(String(await withOrders(12)));
    expect(await withOrders(12)).toBeLessThan(await withOrders(5));
    await page.screenshot({ path: `${SHOTS}/profiles-segment-editor.png`, fullPage: true });
    await page.close();
  });
});
