import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage as openPage } from "../helpers/browser";
import { createPrismaClient, type Db } from "../../app/db-client.server";
import type { RunningDemo } from "../helpers/demo-process";
import { sharedDemo } from "../helpers/shared-demo";

// The demo as a person runs it, driven in Debian's Chromium: the storefront preview and the admin
// preview, checked against the database the app wrote.
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

const newPage = () => openPage(browser);

/** One of the app's NavMenu links in the admin preview's sidebar (listed once the app has loaded). */
const sidebarLink = (page: Page, name: string) => page.locator("#app-nav a", { hasText: name });

describe("storefront preview", () => {
  it(
    "GIVEN a signed-in customer with points WHEN they browse THEN the launcher shows their ledger balance and the block shows products",
    { timeout: 180_000 },
    async () => {
      const [top] = await db.ledgerEntry.groupBy({
        by: ["customerGid"],
        _sum: { points: true },
        orderBy: { _sum: { points: "desc" } },
        take: 1,
      });
      const numericId = top!.customerGid.split("/").pop();
      const page = await newPage();
      await page.goto(`${demo.standinUrl}/account/switch?customer_id=${numericId}`);
      // The launcher's count is Liquid from the $app:loyalty metafields the mirror job writes (within a minute).
      const balance = page.locator("rapport-loyalty .rapport-loyalty__count");
      await expect
        .poll(
          async () => {
            await page.goto(`${demo.standinUrl}/`);
            return (await balance.count()) ? balance.textContent() : null;
          },
          { timeout: 120_000, interval: 2_000 },
        )
        .toBe(String(top!._sum!.points!));
      await page.locator(".rapport-loyalty__button").click();
      await expect.poll(() => page.locator(".rapport-loyalty__panel").isVisible()).toBe(true);
      const cards = page.locator("rapport-recommendations .rapport-card");
      await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await cards.first().locator(".rapport-card__price").textContent()).toMatch(/^£\d+\.\d{2}$/);
      await page.screenshot({ path: "tests/.tmp/storefront-home.png", fullPage: false });
      await page.close();
    },
  );

  it("GIVEN a guest WHEN on a product page THEN the launcher invites to sign in and similar products exclude this one", async () => {
    const page = await newPage();
    await page.goto(`${demo.standinUrl}/account/switch?customer_id=`);
    const product = await db.product.findFirstOrThrow({ where: { status: "ACTIVE", deletedAt: null }, orderBy: { handle: "asc" } });
    await page.goto(`${demo.standinUrl}/products/${product.handle}`);
    await expect.poll(() => page.locator(".rapport-loyalty__count").count()).toBe(0);
    await page.locator(".rapport-loyalty__button").click();
    expect(await page.locator(".rapport-loyalty__join").textContent()).toContain("Sign in");
    const links = page.locator("rapport-recommendations .rapport-card__link");
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")));
    expect(hrefs).not.toContain(`/products/${product.handle}`);
    await page.close();
  });
});

describe("admin preview", () => {
  it("GIVEN the embedded app framed with a session token WHEN the dashboard renders THEN its numbers match the database", async () => {
    const page = await newPage();
    await page.goto(`${demo.standinUrl}/admin/apps/rapport`);
    const app = page.frameLocator("iframe[name=app-iframe]");
    const stat = (id: string) => app.locator(`[data-testid=${id}]`).textContent();
    const fmt = (n: number) => new Intl.NumberFormat("en-GB").format(n);
    const issued = await db.ledgerEntry.aggregate({ where: { points: { gt: 0 } }, _sum: { points: true } });
    await expect.poll(() => stat("stat-customers"), { timeout: 20_000 }).toBe(fmt(await db.customer.count({ where: { deletedAt: null } })));
    expect(await stat("stat-orders")).toBe(fmt(await db.order.count()));
    expect(await stat("stat-points-issued")).toBe(fmt(issued._sum.points!));
    await page.screenshot({ path: "tests/.tmp/admin-dashboard.png" });
    await page.close();
  });

  it("GIVEN the settings page WHEN a bad value then a good one is saved THEN a Polaris field error, then the saved rate", async () => {
    const page = await newPage();
    await page.goto(`${demo.standinUrl}/admin/apps/rapport`);
    const app = page.frameLocator("iframe[name=app-iframe]");
    await sidebarLink(page, "Settings").click(); // client-side navigation in the app: a data request with Bearer
    const field = app.getByLabel("Points per unit of shop currency");
    await field.fill("0");
    await app.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => app.locator(".Polaris-InlineError").textContent(), { timeout: 15_000 }).toContain("from 1 to 1,000");
    await field.fill("3");
    await app.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => app.getByText("Program saved").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await db.loyaltyProgram.findFirst())?.pointsPerCurrencyUnit).toBe(3);
    await page.close();
  });

  it(
    "GIVEN the app framed in the admin preview WHEN the merchant uses the sidebar, an in-app link and reload THEN the app navigates in place and the address and highlighted entry follow",
    { timeout: 180_000 },
    async () => {
      const page = await newPage();
      await page.goto(`${demo.standinUrl}/admin/apps/rapport`, { waitUntil: "domcontentloaded", timeout: 90_000 });
      const app = page.frameLocator("iframe[name=app-iframe]");
      const highlighted = async () => (await page.locator("#app-nav a.on").textContent())?.trim();
      const section = () => new URL(page.url()).pathname;
      // The app's NavMenu links are in the admin's sidebar, not inside the app.
      await expect
        .poll(() => page.locator("#app-nav a").allTextContents(), { timeout: 45_000 })
        .toEqual([
          "Rapport",
          ...["Settings", "Loyalty", "Deliveries", "Customers", "Segments", "Personalization"].map((name) => `\u00a0\u00a0${name}`),
        ]);
      expect(await app.locator("ui-nav-menu").isVisible()).toBe(false);
      expect(await highlighted()).toBe("Rapport");
      const frame = page.frame({ name: "app-iframe" })!;
      await frame.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));

      await sidebarLink(page, "Deliveries").click();
      await expect.poll(section, { timeout: 45_000 }).toBe("/admin/apps/rapport/deliveries");
      await expect.poll(() => app.getByRole("heading", { name: "Parked deliveries" }).count(), { timeout: 45_000 }).toBe(1);
      expect(await highlighted()).toBe("Deliveries");
      expect(new URL(page.url()).searchParams.get("shop")).toMatch(/\.myshopify\.com$/);
      // A client-side navigation, as in the Shopify admin: the app's document was not reloaded.
      expect(await frame.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);

      await app.locator('[aria-label="Dashboard"]').first().click(); // the page's in-app back link (Polaris backAction)
      await expect.poll(section, { timeout: 45_000 }).toBe("/admin/apps/rapport");
      await expect.poll(highlighted, { timeout: 20_000 }).toBe("Rapport");

      // A reload of the preview's address shows the same page.
      await sidebarLink(page, "Settings").click();
      await expect.poll(section, { timeout: 45_000 }).toBe("/admin/apps/rapport/loyalty/settings");
      await page.reload({ waitUntil: "domcontentloaded", timeout: 90_000 });
      await expect.poll(() => app.getByLabel("Points per unit of shop currency").count(), { timeout: 45_000 }).toBe(1);
      await expect.poll(highlighted, { timeout: 45_000 }).toBe("Settings");
      await page.close();
    },
  );
});
