import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { deliveryStream, seededRandom, shuffled, storeAll, withDuplicates } from "../helpers/delivery-stream";
import { expectSameHistories, settledHistoryDump } from "../helpers/history-dump";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

// Issue 5, "must show": the same 10,000 deliveries as reliability-duplicates.test.ts (duplicates
// included), applied in the order Shopify emitted them and then shuffled, end in identical histories.
const TOTAL = 10_000;
const { deliveries: unique } = deliveryStream({ orders: 2250, customers: 400, products: 40, seed: 5 });
const sameId = Math.round((TOTAL - unique.length) * 0.65);
const stream = withDuplicates(unique, { sameId, newId: TOTAL - unique.length - sameId }, seededRandom(55));
let inOrder: Awaited<ReturnType<typeof settledHistoryDump>> | undefined;

async function apply(deliveries: typeof stream) {
  await givenInstalledShop();
  await storeAll(deliveries, { shop: SHOP });
  await drain();
  expect(await prisma.webhookDelivery.count({ where: { status: { not: "done" } } })).toBe(0);
  return settledHistoryDump(SHOP);
}

describe("arrival order", () => {
  it(
    "GIVEN 10,000 deliveries in the order Shopify emitted them WHEN applied THEN every order is recorded",
    { timeout: 240_000 },
    async () => {
      inOrder = await apply(stream);
      expect(inOrder.orders).toHaveLength(2250);
    },
  );

  it(
    "GIVEN the same deliveries shuffled WHEN applied THEN the canonical dump equals the in-order run's",
    { timeout: 240_000 },
    async () => {
      expect(inOrder, "the in-order run above must have passed").toBeDefined();
      const dump = await apply(shuffled(stream, seededRandom(99)));
      expect(dump.balances.length).toBeGreaterThan(100);
      expectSameHistories(dump, inOrder!);
    },
  );
});
