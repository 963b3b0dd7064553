import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { unauthenticated } from "../../app/shopify.server";
import { onInstalled } from "../../app/shops/on-installed.server";
import { loadDataset } from "../../dev/seed/online-retail";
import { seedStore } from "../../dev/seed/seed-store";
import type { StandinStore } from "../../dev/standin/store";
import { givenInstalledSession } from "../helpers/admin-request";
import { expectSameHistories, historyDump } from "../helpers/history-dump";
import { drain } from "../helpers/inbox";
import { startStandinFor } from "../helpers/standin";
import { SHOP } from "../helpers/webhook-request";
import { killWorkers, spawnWorker } from "../helpers/worker-process";

// Issue 5, "must show": the install backfill, run by a worker process (`npm run worker`) against the
// stand-in's bulk operation output, SIGKILLed while it streams the orders file, resumes on restart from
// where it stopped — same bulk operation, same run — and ends with the same histories as a run that was
// never interrupted.
let store: StandinStore;
let standinUrl: string;
let close: () => Promise<void>;
let uninterrupted: { dump: Awaited<ReturnType<typeof historyDump>>; run: Record<string, unknown> } | undefined;

beforeAll(async () => {
  const dataset = await loadDataset(path.resolve("dev/data/online-retail-sample.csv.gz"));
  ({
    store,
    url: standinUrl,
    close,
  } = await startStandinFor({
    fill: (s) => void seedStore(s, SHOP, { ...dataset, orders: dataset.orders.slice(-900) }, { now: new Date(), recentDays: 14 }),
  }));
});
afterAll(async () => {
  killWorkers();
  await close?.();
});

// Longer than any batch takes on a busy machine: a lease that runs out while its job is still at work
// lets a second job loop run the same backfill side by side (its progress counts a batch twice).
const LEASE_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const latestRun = () => prisma.backfillRun.findFirst({ where: { shop: SHOP }, orderBy: { startedAt: "desc" } });
const runFigures = (run: NonNullable<Awaited<ReturnType<typeof latestRun>>>) => ({
  status: run.status,
  phase: run.phase,
  productsDone: run.productsDone,
  customersDone: run.customersDone,
  ordersDone: run.ordersDone,
  ordersTotal: run.ordersTotal,
  skipped: run.skipped,
});

async function install() {
  await givenInstalledSession();
  const { admin } = await unauthenticated.admin(SHOP);
  await onInstalled({ shop: SHOP, admin });
}

describe("backfill killed mid-file", () => {
  it("GIVEN an installed shop WHEN the backfill runs uninterrupted THEN it completes", { timeout: 500_000 }, async () => {
    const operationsBefore = store.requireShop(SHOP).bulkOperations.size;
    await install();
    for (let round = 0; round < 300; round += 1) {
      await drain();
      const run = await latestRun();
      if (run && run.status !== "running") break;
      await prisma.job.updateMany({ where: { kind: "backfill", status: "queued" }, data: { runAt: new Date() } });
      await sleep(30);
    }
    const run = (await latestRun())!;
    const orders = store.requireShop(SHOP).orders.size;
    expect(orders).toBeGreaterThan(700);
    expect(runFigures(run)).toMatchObject({ status: "completed", ordersDone: orders, ordersTotal: orders, skipped: 0 });
    expect(store.requireShop(SHOP).bulkOperations.size - operationsBefore).toBe(3);
    uninterrupted = { dump: await historyDump(SHOP), run: runFigures(run) };
  });

  it(
    "GIVEN the backfill running in a worker process WHEN it is SIGKILLed while streaming the orders file THEN a restarted worker resumes it from where it stopped, with the same result",
    { timeout: 500_000 },
    async () => {
      expect(uninterrupted, "the uninterrupted run above must have passed").toBeDefined();
      const operationsBefore = store.requireShop(SHOP).bulkOperations.size;
      await install();
      const first = spawnWorker({ leaseMs: LEASE_MS, standinUrl });
      await first.started;
      // Kill it once the orders file is partly committed (batches of 200, then 400, …), more to come.
      let atKill: Awaited<ReturnType<typeof latestRun>> = null;
      for (const deadline = Date.now() + 180_000; Date.now() < deadline; await sleep(10)) {
        atKill = await latestRun();
        if (atKill?.phase === "orders" && atKill.ordersDone >= 400) break;
        expect(atKill?.status ?? "running").toBe("running");
      }
      first.child.kill("SIGKILL");
      expect(await first.exited).toBe("SIGKILL");
      const stopped = (await latestRun())!;
      expect(stopped).toMatchObject({ id: atKill!.id, status: "running", phase: "orders" });
      expect(stopped.ordersDone).toBeGreaterThanOrEqual(400);
      expect(stopped.ordersDone).toBeLessThan(store.requireShop(SHOP).orders.size);

      const second = spawnWorker({ leaseMs: LEASE_MS, standinUrl });
      await second.started;
      // Resumed, not restarted: its first commit lies beyond the last one before the kill (a run
      // started over from line 0 would first commit one batch's worth, below it). Batches ramp from
      // 200 to 1,000 orders, so the rest of the file may go in the resumed worker's first commit and
      // the run complete between two polls: then nothing is seen here, and what shows that no line was
      // imported twice is ordersDone (incremented per commit) equal to the uninterrupted run's below.
      let resumedAt: number | null = null;
      for (const deadline = Date.now() + 180_000; Date.now() < deadline; await sleep(20)) {
        const run = (await latestRun())!;
        if (resumedAt === null && run.phase === "orders" && run.linesDone !== stopped.linesDone) resumedAt = run.linesDone;
        if (run.status !== "running") break;
      }
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);

      const run = (await latestRun())!;
      expect(run.id).toBe(stopped.id);
      expect(await prisma.backfillRun.count()).toBe(1);
      if (resumedAt !== null) expect(resumedAt).toBeGreaterThan(stopped.linesDone);
      else expect(run.status).toBe("completed");
      expect(store.requireShop(SHOP).bulkOperations.size - operationsBefore).toBe(3); // the orders file was not asked for again
      expect(runFigures(run)).toEqual(uninterrupted!.run);
      expectSameHistories(await historyDump(SHOP), uninterrupted!.dump);
    },
  );
});
