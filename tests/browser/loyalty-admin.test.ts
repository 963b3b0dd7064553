import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage as openPage } from "../helpers/browser";
import { createPrismaClient, type Db } from "../../app/db-client.server";
import type { RunningDemo } from "../helpers/demo-process";
import { sharedDemo } from "../helpers/shared-demo";

// Issue 6 in Chromium, as a merchant: program settings, VIP tiers with the simulation, the launch
// choice and the value page, on the demo shop. Screenshots go to SHOTS_DIR when it is set.
let demo: RunningDemo;
let browser: Browser;
let db: Db;
const shotsDir = process.env.SHOTS_DIR;

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

async function open(path: string): Promise<{ page: Page; app: ReturnType<Page["frameLocator"]> }> {
  const page = await openPage(browser);
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(`${demo.standinUrl}/admin/apps/rapport/${path}`, { waitUntil: "domcontentloaded", timeout: 90_000 });
  // Fields typed before the app hydrates never reach React's state (the first test on a fresh demo
  // met that): wait for Remix's router in the app's frame, which it sets as it hydrates.
  await expect
    .poll(
      async () =>
        page
          .frames()
          .find((f) => f.name() === "app-iframe")
          ?.evaluate(() => Boolean((window as { __remixRouter?: unknown }).__remixRouter))
          .catch(() => false) ?? false,
      { timeout: 60_000 },
    )
    .toBe(true);
  return { page, app: page.frameLocator("iframe[name=app-iframe]") };
}
const shot = async (page: Page, name: string) => {
  if (shotsDir) await page.screenshot({ path: `${shotsDir}/loyadmin-${name}.png`, fullPage: true });
};

describe("loyalty admin in the browser", () => {
  it(
    "GIVEN the program settings page WHEN a field is wrong THEN its error shows next to it; fixed, the program saves",
    { timeout: 180_000 },
    async () => {
      const { page, app } = await open("loyalty/settings");
      const label = app.getByLabel("Points are called");
      await label.waitFor({ timeout: 60_000 });
      const error = app.getByText("Enter what your points are called");
      // Typed and saved again while no error shows: a first try can land just before React hydrates.
      await expect
        .poll(
          async () => {
            if ((await error.count()) === 0) {
              await label.fill("");
              await app.getByLabel("Sign-up bonus").fill("-4");
              await app.getByRole("button", { name: "Save" }).click(); // Polaris Page primaryAction, in the app's frame
            }
            return error.count();
          },
          { timeout: 45_000, interval: 3_000 },
        )
        .toBe(1);
      await shot(page, "settings-errors");
      await label.fill("Stars");
      await app.getByLabel("Sign-up bonus").fill("100");
      await app.getByRole("button", { name: "Save" }).click(); // Polaris Page primaryAction, in the app's frame
      await expect.poll(async () => (await db.loyaltyProgram.findFirst())?.pointsLabel, { timeout: 30_000 }).toBe("Stars");
      await shot(page, "settings");
      await page.close();
    },
  );

  it(
    "GIVEN the demo shop's customers WHEN the merchant adds tiers THEN the simulation counts them before saving and saving moves exactly those",
    { timeout: 180_000 },
    async () => {
      const { page, app } = await open("loyalty/tiers");
      await app.getByRole("button", { name: "Add tier" }).click({ timeout: 60_000 });
      await app.getByLabel("Name").first().fill("Silver");
      await app
        .getByLabel(/Spend to reach it/)
        .first()
        .fill("100");
      await app.getByRole("button", { name: "Add tier" }).click();
      await app.getByLabel("Name").nth(1).fill("Gold");
      await app
        .getByLabel(/Spend to reach it/)
        .nth(1)
        .fill("1000");
      await app
        .getByLabel(/Customer tag/)
        .nth(1)
        .fill("vip-gold");
      const counts = app.getByText(/move up, \d[\d,]* move down/);
      await counts.waitFor({ timeout: 60_000 });
      const up = Number((await counts.textContent())!.match(/^([\d,]+) move up/)![1]!.replace(/,/g, ""));
      expect(up).toBeGreaterThan(0);
      await shot(page, "tiers-simulation");
      await app.getByRole("button", { name: "Save and apply" }).click(); // Polaris Page primaryAction, in the app's frame
      await expect.poll(() => db.loyaltyAccount.count({ where: { tierId: { not: null } } }), { timeout: 90_000 }).toBe(up);
      await expect.poll(() => app.getByText(/customers moved/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await shot(page, "tiers-applied");
      await page.close();
    },
  );

  it(
    "GIVEN the program not launched WHEN the merchant opens the launch page THEN each choice shows its points and liability",
    { timeout: 120_000 },
    async () => {
      const { page, app } = await open("loyalty/launch");
      await app.getByText("Orders from the last 12 months earn points").waitFor({ timeout: 60_000 });
      expect(await app.getByText(/liability/).count()).toBeGreaterThan(0);
      await shot(page, "launch");
      await page.close();
    },
  );

  it(
    "GIVEN the demo shop WHEN the merchant opens the value page THEN the figures and both charts render",
    { timeout: 120_000 },
    async () => {
      const { page, app } = await open("loyalty/value?period=all");
      await app.getByText("Points issued and redeemed").waitFor({ timeout: 60_000 });
      await expect.poll(() => app.locator("svg").count(), { timeout: 30_000 }).toBeGreaterThan(1);
      await shot(page, "value");
      await page.close();
    },
  );
});
