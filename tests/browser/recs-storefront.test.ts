import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage as openPage } from "../helpers/browser";
import { createPrismaClient, type Db } from "../../app/db-client.server";
import type { RunningDemo } from "../helpers/demo-process";
import { sharedDemo } from "../helpers/shared-demo";

// The recommendation block in the demo's storefront preview, in Debian's Chromium: the lists the
// recs-build job wrote after the install backfill, synced to the stand-in's app-owned metafields.
const SHOTS = process.env.SHOTS_DIR ?? "tests/.tmp";
let demo: RunningDemo;
let browser: Browser;
let db: Db;

const synced = (key: string) =>
  db.metafieldValue.findMany({
    where: { namespace: "$app:recommendations", key, status: "synced" },
    select: { ownerGid: true, value: true },
    orderBy: { ownerGid: "asc" },
  });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = sharedDemo(); // the tier's one demo (tests/setup/browser-demo.ts)
  db = createPrismaClient(demo.databaseUrl);
  browser = await launchBrowser();
  // The build runs after the backfill, and the sync job writes its lists within Shopify's throttle.
  const deadline = Date.now() + 240_000;
  while ((await synced("for_you")).length < 2 || (await synced("bought_together")).length < 1) {
    if (Date.now() > deadline) throw new Error("the recommendation metafields were not synced within 240 s");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await demo?.stop();
});

const newPage = () => openPage(browser);
const cardIds = (page: Page) =>
  page
    .locator("rapport-recommendations .rapport-card")
    .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.productId ?? ""));
const numeric = (gid: string) => gid.split("/").pop()!;

describe("recommendation block in the storefront preview", () => {
  it("GIVEN a product with a bought-together list WHEN its page loads with scripts off THEN the cards are in the HTML", async () => {
    const [owner] = await synced("bought_together");
    const product = await db.product.findFirstOrThrow({ where: { productGid: owner!.ownerGid } });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.standinUrl}/products/${product.handle}`);
    const block = page.locator("rapport-recommendations");
    expect(await block.getAttribute("data-prerendered")).toBe("true");
    const cards = block.locator(".rapport-card");
    expect(await cards.count()).toBeGreaterThan(0);
    const first = await db.product.findFirstOrThrow({ where: { productGid: (JSON.parse(owner!.value) as string[])[0] } });
    expect(await cards.first().locator(".rapport-card__title").textContent()).toBe(first.title);
    expect(await cards.first().locator(".rapport-card__price").textContent()).toMatch(/^£\d+\.\d{2}$/);
    await page.screenshot({ path: `${SHOTS}/recs-product-no-js.png` });
    await context.close();
  });

  it("GIVEN two signed-in customers with different histories WHEN each opens the home page THEN each sees their own for-you cards", async () => {
    const lists = await synced("for_you");
    const [a, b] = [lists[0]!, lists.find((l) => l.value !== lists[0]!.value)!];
    const seen: string[][] = [];
    for (const [i, owner] of [a, b].entries()) {
      const page = await newPage();
      await page.goto(`${demo.standinUrl}/account/switch?customer_id=${numeric(owner.ownerGid)}`);
      await page.goto(`${demo.standinUrl}/`);
      await expect.poll(() => cardIds(page), { timeout: 15_000 }).not.toEqual([]);
      seen.push(await cardIds(page));
      expect(await page.locator(".rapport-recs__heading").textContent()).toMatch(/for you/i);
      await page.screenshot({ path: `${SHOTS}/recs-for-you-${i + 1}.png` });
      await page.close();
    }
    expect(seen[0]).not.toEqual(seen[1]);
  });

  it("GIVEN a guest who viewed three products WHEN they open the home page THEN the block is inspired by those views", async () => {
    const page = await newPage();
    await page.goto(`${demo.standinUrl}/account/switch?customer_id=`);
    const viewed = await db.product.findMany({ where: { status: "ACTIVE", deletedAt: null }, orderBy: { handle: "asc" }, take: 3 });
    for (const p of viewed) {
      await page.goto(`${demo.standinUrl}/products/${p.handle}`);
      await expect.poll(() => page.locator("rapport-recommendations .rapport-card").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    }
    await page.goto(`${demo.standinUrl}/`);
    const whys = page.locator("rapport-recommendations .rapport-card__why");
    await expect
      .poll(() => whys.allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Because you viewed /)]));
    const titles = viewed.map((p) => p.title);
    const mentioned = (await whys.allTextContents()).map((w) => w.replace(/^Because you viewed /, ""));
    expect(mentioned.some((t) => titles.includes(t))).toBe(true);
    expect(await page.locator(".rapport-recs__heading").textContent()).not.toMatch(/for you/i);
    await page.screenshot({ path: `${SHOTS}/recs-guest-views.png` });
    await page.close();
  });

  it("GIVEN cards on a product page WHEN 'Not interested' is clicked on one THEN it is gone and the dismissal is recorded", async () => {
    const [owner] = await synced("bought_together");
    const product = await db.product.findFirstOrThrow({ where: { productGid: owner!.ownerGid } });
    const page = await newPage();
    await page.goto(`${demo.standinUrl}/account/switch?customer_id=`);
    await page.goto(`${demo.standinUrl}/products/${product.handle}`);
    await expect.poll(() => cardIds(page), { timeout: 15_000 }).not.toEqual([]);
    const [first] = await cardIds(page);
    await page.locator("rapport-recommendations .rapport-card").first().locator(".rapport-card__dismiss").click();
    await expect.poll(() => cardIds(page), { timeout: 15_000 }).not.toContain(first);
    await expect
      .poll(() => db.interaction.count({ where: { kind: "dismiss", productGid: { endsWith: `/${numeric(first!)}` } } }), {
        timeout: 15_000,
      })
      .toBe(1);
    await page.screenshot({ path: `${SHOTS}/recs-not-interested.png` });
    await page.close();
  });
});
