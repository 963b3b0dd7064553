import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { unauthenticated } from "../../app/shopify.server";
import { onInstalled } from "../../app/shops/on-installed.server";
import { enqueueJob } from "../../app/jobs/queue.server";
import { action as ordersWebhook } from "../../app/routes/webhooks.orders";
import type { StandinStore } from "../../dev/standin/store";
import { startStandinFor } from "../helpers/standin";
import { orderPayload } from "../../dev/standin/webhooks/payloads";
import { loadDataset } from "../../dev/seed/online-retail";
import { seedStore } from "../../dev/seed/seed-store";
import { givenInstalledSession } from "../helpers/admin-request";
import { deliverAndApply, drain } from "../helpers/inbox";
import { historyDump } from "../helpers/history-dump";
import { SHOP } from "../helpers/webhook-request";

// The install backfill against the stand-in: real Admin GraphQL (cost, throttle), real bulk operations
// and JSONL, run as a job by the same worker code production runs.
let store: StandinStore;
let close: () => Promise<void>;

beforeAll(async () => {
  const dataset = await loadDataset(path.resolve("dev/data/online-retail-sample.csv.gz"));
  // The latest 400 orders keep this test quick; the demo check backfills the whole sample.
  ({ store, close } = await startStandinFor({
    fill: (s) => void seedStore(s, SHOP, { ...dataset, orders: dataset.orders.slice(-400) }, { now: new Date(), recentDays: 14 }),
  }));
});
afterAll(async () => close?.());

/** Runs the worker until the shop's latest backfill run ends, making the polling job due each round. */
async function backfillToTheEnd() {
  for (let round = 0; round < 200; round += 1) {
    await drain();
    const run = await prisma.backfillRun.findFirst({ where: { shop: SHOP }, orderBy: { startedAt: "desc" } });
    if (run && run.status !== "running") return run;
    await prisma.job.updateMany({ where: { kind: "backfill", status: "queued" }, data: { runAt: new Date() } });
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  throw new Error("the backfill did not finish");
}

describe("install backfill as a job", () => {
  it(
    "GIVEN an installed shop WHEN the backfill job runs THEN catalogue, customers and every historic order are in the histories once, earning no points; a re-run changes nothing",
    { timeout: 90_000 },
    async () => {
      await givenInstalledSession();
      const { admin } = await unauthenticated.admin(SHOP);
      await onInstalled({ shop: SHOP, admin });
      expect(await prisma.job.findFirstOrThrow({ where: { kind: "backfill" } })).toMatchObject({
        shop: SHOP,
        key: `backfill:${SHOP}`,
        status: "queued",
      });

      const run = await backfillToTheEnd();
      const standin = store.requireShop(SHOP);
      expect(run).toMatchObject({
        status: "completed",
        phase: "done",
        productsDone: standin.products.size,
        productsTotal: standin.products.size,
        customersDone: standin.customers.size,
        ordersDone: standin.orders.size,
        ordersTotal: standin.orders.size,
        skipped: 0,
      });
      expect(await prisma.order.count({ where: { shop: SHOP, ingestedVia: "backfill" } })).toBe(standin.orders.size);
      expect(await prisma.customer.count({ where: { shop: SHOP } })).toBe(standin.customers.size);
      expect(await prisma.ledgerEntry.count()).toBe(0);
      const refunded = [...standin.orders.values()].filter((o) => o.refunds.length > 0).length;
      expect(await prisma.order.count({ where: { shop: SHOP, refundedMinor: { gt: 0 } } })).toBe(refunded);

      // A late webhook for an order from before the install updates the same row, and still earns nothing.
      const known = [...standin.orders.values()].find((o) => o.customerId !== null && o.financialStatus === "paid")!;
      await deliverAndApply(ordersWebhook, "/webhooks/orders", "orders/paid", orderPayload(standin, known, "orders/paid"));
      expect(await prisma.order.count({ where: { shop: SHOP } })).toBe(standin.orders.size);
      expect(await prisma.ledgerEntry.count()).toBe(0);

      // Running the backfill again reads everything again and changes nothing.
      const before = await historyDump(SHOP);
      await enqueueJob(prisma, { kind: "backfill", shop: SHOP, key: `backfill:${SHOP}` });
      expect((await backfillToTheEnd()).status).toBe("completed");
      expect(await historyDump(SHOP)).toEqual(before);
    },
  );
});

describe("reconciliation", () => {
  it(
    "GIVEN webhooks the stand-in never delivered WHEN the scheduled reconciliation runs THEN the histories match what Shopify holds",
    { timeout: 90_000 },
    async () => {
      await givenInstalledSession();
      const { admin } = await unauthenticated.admin(SHOP);
      await onInstalled({ shop: SHOP, admin });
      await backfillToTheEnd();
      const standin = store.requireShop(SHOP);
      // What happened while webhooks were lost: an order cancelled, a customer renamed, a product repriced.
      const order = [...standin.orders.values()].find((o) => o.customerId !== null && !o.cancelledAt)!;
      const customer = standin.customers.get(order.customerId!)!;
      const product = [...standin.products.values()][0]!;
      const now = store.stamp();
      Object.assign(order, { cancelledAt: now, cancelReason: "customer", financialStatus: "voided", updatedAt: now });
      Object.assign(customer, { lastName: "Reconciled", updatedAt: store.stamp() });
      product.variants[0]!.price = "99.99";
      product.updatedAt = store.stamp();

      await enqueueJob(prisma, { kind: "reconcile", shop: SHOP, key: `reconcile:${SHOP}` });
      await drain();
      const job = await prisma.job.findFirstOrThrow({ where: { kind: "reconcile" }, orderBy: { createdAt: "desc" } });
      expect([job.status, job.lastError]).toEqual(["done", null]);
      expect(await prisma.order.findFirstOrThrow({ where: { orderGid: `gid://shopify/Order/${order.id}` } })).toMatchObject({
        cancelledAt: new Date(now),
      });
      expect(await prisma.customer.findFirstOrThrow({ where: { customerGid: `gid://shopify/Customer/${customer.id}` } })).toMatchObject({
        lastName: "Reconciled",
      });
      expect(await prisma.product.findFirstOrThrow({ where: { productGid: `gid://shopify/Product/${product.id}` } })).toMatchObject({
        priceMinor: 9999n,
      });
      expect((await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).reconciledThrough).toBeInstanceOf(Date);
    },
  );
});
