import { afterAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { deliveryStream, seededRandom, storeAll, withDuplicates } from "../helpers/delivery-stream";
import { expectSameHistories, settledHistoryDump } from "../helpers/history-dump";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";
import { killWorkers, spawnWorker } from "../helpers/worker-process";

// Issue 5, "must show": worker processes (`npm run worker`, the real entry) SIGKILLed mid-batch again
// and again, restarted each time, leave the same histories as one uninterrupted run.
const { deliveries: unique } = deliveryStream({ orders: 700, customers: 150, products: 20, seed: 11 });
const stream = withDuplicates(unique, { sameId: 0, newId: 300 }, seededRandom(3));
const KILLS = 5;
afterAll(killWorkers);
let uninterrupted: Awaited<ReturnType<typeof settledHistoryDump>> | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unfinished = () => prisma.webhookDelivery.count({ where: { status: { in: ["pending", "processing"] } } });

/** Waits until a worker holds a claimed batch (rows in "processing"); false if the inbox drained first. */
async function untilMidBatch(deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if ((await prisma.webhookDelivery.count({ where: { status: "processing" } })) > 0) return true;
    if ((await unfinished()) === 0) return false;
    await sleep(5);
  }
  throw new Error("no worker claimed a batch in time");
}

describe("worker processes killed mid-batch", () => {
  it("GIVEN 3,000 deliveries WHEN one uninterrupted worker applies them THEN all are done", { timeout: 120_000 }, async () => {
    await givenInstalledShop();
    await storeAll(stream, { shop: SHOP });
    await drain();
    expect(await prisma.webhookDelivery.count({ where: { status: { not: "done" } } })).toBe(0);
    uninterrupted = await settledHistoryDump(SHOP);
    expect(uninterrupted.orders).toHaveLength(700);
  });

  it(
    "GIVEN the same deliveries WHEN worker processes are SIGKILLed mid-batch repeatedly and restarted THEN the histories equal the uninterrupted run's",
    { timeout: 240_000 },
    async () => {
      expect(uninterrupted, "the uninterrupted run above must have passed").toBeDefined();
      await givenInstalledShop();
      await storeAll(stream, { shop: SHOP });
      let killedMidBatch = 0;
      for (let kill = 0; kill < KILLS; kill += 1) {
        const worker = spawnWorker({ leaseMs: 1_000, batchSize: 50 });
        await worker.started;
        await sleep(Math.random() * 400); // a random moment into its work…
        const mid = await untilMidBatch(Date.now() + 30_000); // …while it holds a claimed batch
        worker.child.kill("SIGKILL");
        expect(await worker.exited).toBe("SIGKILL");
        if (!mid) break;
        killedMidBatch += 1;
      }
      expect(killedMidBatch).toBe(KILLS);
      expect(await unfinished()).toBeGreaterThan(0); // the kills left work behind, some of it claimed by the dead

      const last = spawnWorker({ leaseMs: 1_000, batchSize: 50 });
      await last.started;
      const deadline = Date.now() + 180_000;
      while ((await unfinished()) > 0 && Date.now() < deadline) await sleep(100);
      last.child.kill("SIGTERM");
      expect(await last.exited).toBe(0);

      expect(await prisma.webhookDelivery.groupBy({ by: ["status"], _count: true })).toEqual([{ status: "done", _count: stream.length }]);
      expectSameHistories(await settledHistoryDump(SHOP), uninterrupted!);
    },
  );
});
