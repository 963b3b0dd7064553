import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import type { JobContext } from "../../app/jobs/job";
import { unauthenticated } from "../../app/shopify.server";
import { onInstalled } from "../../app/shops/on-installed.server";
import { action as ordersWebhook } from "../../app/routes/webhooks.orders";
import { buildRecommendations, RECS_DEBOUNCE_MS, recsBuildKey } from "../../app/recommendations/recs-build-job.server";
import { loadDataset } from "../../dev/seed/online-retail";
import { seedStore } from "../../dev/seed/seed-store";
import { givenInstalledSession } from "../helpers/admin-request";
import { deliverAndApply, drain, givenInstalledShop } from "../helpers/inbox";
import { startStandinFor } from "../helpers/standin";
import { exampleOrder, SHOP } from "../helpers/webhook-request";

const order = (n: number) => exampleOrder({ id: n, admin_graphql_api_id: `gid://shopify/Order/${n}`, name: `#${n}` });
const applyOrder = (n: number) => deliverAndApply(ordersWebhook, "/webhooks/orders", "orders/paid", order(n));
const recsJobs = () => prisma.job.findMany({ where: { kind: "recs-build", shop: SHOP } });

let close: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const dataset = await loadDataset(path.resolve("dev/data/online-retail-sample.csv.gz"));
  ({ close } = await startStandinFor({
    fill: (s) => void seedStore(s, SHOP, { ...dataset, orders: dataset.orders.slice(-150) }, { now: new Date(), recentDays: 0 }),
  }));
});
afterAll(async () => close?.());

describe("recs-build hooks into ingest", () => {
  it("GIVEN a burst of order webhooks WHEN applied THEN one debounced rebuild is queued; made due, it builds the lists", async () => {
    await givenInstalledShop();
    for (const n of [701, 702])
      await prisma.product.create({
        data: { shop: SHOP, productGid: `gid://shopify/Product/${n}`, handle: `p-${n}`, title: `Product ${n}`, priceMinor: 255 },
      });
    const before = Date.now();
    for (const n of [9001, 9002, 9003, 9004]) await applyOrder(n);

    const jobs = await recsJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ key: recsBuildKey(SHOP), status: "queued" });
    // Due one debounce after the first order, not pushed back by the later ones.
    expect(jobs[0]!.runAt.getTime()).toBeGreaterThanOrEqual(before + RECS_DEBOUNCE_MS);
    expect(jobs[0]!.runAt.getTime()).toBeLessThan(before + RECS_DEBOUNCE_MS + 10_000);
    expect(await prisma.recommendationList.count({ where: { shop: SHOP } })).toBe(0);

    await prisma.job.update({ where: { id: jobs[0]!.id }, data: { runAt: new Date() } });
    await drain();
    expect(await prisma.job.findUniqueOrThrow({ where: { id: jobs[0]!.id } })).toMatchObject({ status: "done", lastError: null });
    const forYou = await prisma.recommendationList.findUnique({
      where: { shop_subject: { shop: SHOP, subject: "customer:gid://shopify/Customer/17850:for-you" } },
    });
    expect(forYou).not.toBeNull();
  });

  it("GIVEN a build running WHEN an order is recorded meanwhile THEN the build asks to run again after the debounce", async () => {
    await givenInstalledShop();
    await applyOrder(9101);
    let recorded = false;
    const context = {
      job: { id: "j", kind: "recs-build", shop: SHOP, payload: {}, attempts: 1, maxAttempts: 10 },
      progress: async ({ done }: { done: number }) => {
        if (done === 1 && !recorded) {
          recorded = true;
          await applyOrder(9102); // arrives between the build's read and its write
        }
        return true;
      },
      signal: new AbortController().signal,
      log: console,
    } as unknown as JobContext;
    const result = await buildRecommendations(context);
    expect(recorded).toBe(true);
    expect(result).toMatchObject({ again: expect.any(Date) });
    expect((result as { again: Date }).again.getTime()).toBeGreaterThan(Date.now() + RECS_DEBOUNCE_MS - 10_000);

    // Nothing new since: the next build ends without asking again.
    expect(await buildRecommendations({ ...context, progress: async () => true })).toBeUndefined();
  });

  it(
    "GIVEN an install backfill WHEN it completes THEN one full rebuild runs at once (none queued per batch)",
    { timeout: 180_000 },
    async () => {
      await givenInstalledSession();
      const { admin } = await unauthenticated.admin(SHOP);
      await onInstalled({ shop: SHOP, admin });
      for (let round = 0; round < 200; round += 1) {
        await drain();
        const run = await prisma.backfillRun.findFirst({ where: { shop: SHOP } });
        if (run?.status === "completed") break;
        await prisma.job.updateMany({ where: { kind: "backfill", status: "queued" }, data: { runAt: new Date() } });
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      expect(await prisma.backfillRun.findFirst({ where: { shop: SHOP } })).toMatchObject({ status: "completed" });
      await drain();
      const jobs = await recsJobs();
      expect(jobs.map((j) => [j.status, j.lastError])).toEqual([["done", null]]);
      expect((await prisma.recommendationBuild.findUniqueOrThrow({ where: { shop: SHOP } })).version).toBe(1);
      expect(await prisma.recommendationList.count({ where: { shop: SHOP, subject: { endsWith: ":for-you" } } })).toBeGreaterThan(0);
    },
  );
});
