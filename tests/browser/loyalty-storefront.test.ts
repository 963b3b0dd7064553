import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "../helpers/browser";
import { createPrismaClient, type Db } from "../../app/db-client.server";
import { BROWSER_USER_AGENT } from "../../dev/environment";
import type { RunningDemo } from "../helpers/demo-process";
import { sharedDemo } from "../helpers/shared-demo";

// A shopper in the storefront preview of the demo: signs in, sees their balance in the server's HTML
// (mirrored to $app:loyalty metafields, rendered by Liquid), works the launcher with the keyboard,
// redeems a reward whose code lands on the cart; then the merchant sees it in the admin.
const SHOTS = process.env.SHOTS_DIR ?? "tests/.tmp";
let demo: RunningDemo;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  demo = sharedDemo(); // the tier's one demo (tests/setup/browser-demo.ts)
  db = createPrismaClient(demo.databaseUrl);
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await demo?.stop();
});

/** The member with the most points, once the mirror has written their balance to Shopify. */
async function mirroredMember() {
  const top = await db.loyaltyAccount.findFirstOrThrow({ orderBy: { balance: "desc" } });
  await expect
    .poll(
      async () =>
        (
          await db.metafieldValue.findFirst({
            where: { ownerGid: top.customerGid, namespace: "$app:loyalty", key: "balance", status: "synced" },
          })
        )?.value,
      { timeout: 120_000, interval: 1_000 },
    )
    .toBe(String((await db.loyaltyAccount.findUniqueOrThrow({ where: { id: top.id } })).balance));
  const customer = await db.customer.findFirstOrThrow({ where: { customerGid: top.customerGid } });
  return {
    gid: top.customerGid,
    email: customer.email!,
    balance: (await db.loyaltyAccount.findUniqueOrThrow({ where: { id: top.id } })).balance,
  };
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.className ?? "");

describe("loyalty in the storefront preview", () => {
  it(
    "GIVEN a demo customer with points WHEN they sign in, open the launcher by keyboard and redeem THEN the balance was in the HTML, Escape returned focus, the code is on the cart and the admin shows the redemption and new balance",
    { timeout: 300_000 },
    async () => {
      const member = await mirroredMember();
      const shop = await db.shop.findFirstOrThrow();
      const reward = await db.loyaltyReward.create({
        data: { shop: shop.shop, title: "£5 off your order", kind: "amount_off", pointsCost: 100, amountMinor: 500 },
      });
      expect(member.balance).toBeGreaterThanOrEqual(100);

      // Sign in through the preview's sign-in page, as a shopper would.
      const page = await newPage(browser);
      await page.goto(`${demo.standinUrl}/`);
      await page.screenshot({ path: `${SHOTS}/loyshop-guest-launcher.png` });
      await page.getByRole("link", { name: "Sign in" }).first().click();
      await page.getByTestId("login-email").fill(member.email);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/account$/);
      expect(await page.getByTestId("signed-in-as").count()).toBe(1);

      // The balance is in the server's HTML: a page with scripts off shows it.
      const noScript = await browser.newContext({ javaScriptEnabled: false, userAgent: BROWSER_USER_AGENT });
      await noScript.addCookies(await page.context().cookies());
      const still = await noScript.newPage();
      await still.goto(`${demo.standinUrl}/`);
      expect(await still.locator(".rapport-loyalty__count").textContent()).toBe(String(member.balance));
      await still.goto(`${demo.standinUrl}/account`);
      expect(await still.locator(".rapport-loyalty-account [data-rapport-balance]").textContent()).toBe(String(member.balance));
      await noScript.close();
      await page.screenshot({ path: `${SHOTS}/loyshop-account-block.png`, fullPage: true });

      // Keyboard: focus the launcher, Enter opens the dialog, Tab stays inside, Escape closes and returns focus.
      await page.goto(`${demo.standinUrl}/`);
      await page.screenshot({ path: `${SHOTS}/loyshop-launcher-closed.png` });
      const launcher = page.locator(".rapport-loyalty__button");
      await launcher.focus();
      await page.keyboard.press("Enter");
      const dialog = page.locator("dialog.rapport-loyalty__panel");
      await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
      await expect.poll(() => page.locator(`[data-reward="${reward.id}"]`).count(), { timeout: 15_000 }).toBe(1);
      for (let i = 0; i < 12; i += 1) {
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
      }
      const rate = (await db.loyaltyProgram.findFirst())?.pointsPerCurrencyUnit ?? 1; // other files may have changed it
      expect(await dialog.textContent()).toContain(`Points for every £1.00 you spend: ${rate}.`);
      await page.screenshot({ path: `${SHOTS}/loyshop-launcher-open.png` });
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
      expect(await focused(page)).toContain("rapport-loyalty__button");

      // Redeem: the code is created, applied through /discount/CODE and shown on the cart.
      await page.keyboard.press("Enter");
      const redeem = page.locator(`[data-reward="${reward.id}"]`);
      await expect.poll(() => redeem.isEnabled(), { timeout: 15_000 }).toBe(true);
      await redeem.focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/cart$/, { timeout: 30_000 });
      const redemption = await db.redemption.findFirstOrThrow({ where: { customerGid: member.gid, rewardId: reward.id } });
      expect(redemption.status).toBe("issued");
      expect(await page.getByTestId("cart-discount").textContent()).toContain(redemption.code);
      const after = await db.loyaltyAccount.findFirstOrThrow({ where: { customerGid: member.gid } });
      expect(after.balance).toBe(member.balance - 100);
      // The launcher shows the new balance at once, though the mirrored metafield may still say the old one.
      await expect.poll(() => page.locator(".rapport-loyalty__count").textContent()).toBe(String(after.balance));
      await page.screenshot({ path: `${SHOTS}/loyshop-cart-with-code.png` });

      // The merchant: the admin's loyalty page lists the redemption and shows the customer's new balance.
      await page.goto(`${demo.standinUrl}/admin/apps/rapport/loyalty`);
      const app = page.frameLocator("iframe[name=app-iframe]");
      await expect.poll(() => app.getByText(redemption.code).count(), { timeout: 30_000 }).toBe(1);
      await app.getByLabel("Customer id").fill(member.gid);
      await app.getByRole("button", { name: "Show account" }).click();
      await expect.poll(() => app.getByText(`Balance ${after.balance} ·`).count(), { timeout: 30_000 }).toBe(1);
      await page.close();
    },
  );
});
