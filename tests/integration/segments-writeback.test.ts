import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { METAFIELDS_PER_CALL } from "../../app/metafields/sync-metafields-job.server";
import { saveSegment } from "../../app/segments/segments.server";
import { enqueueSegmentsRefresh } from "../../app/segments/segments-queue.server";
import type { StandinStore } from "../../dev/standin/store";
import { customerGid, givenCustomers, standinCustomers } from "../helpers/hand-made-customers";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { startStandinFor } from "../helpers/standin";
import { SHOP } from "../helpers/webhook-request";

// Segment membership written back to the stand-in, whose cost bucket (25 points, 2 a second) holds two
// metafieldsSet calls (10 points each): 60 customers need three calls, so the third must wait.
const IDS = Array.from({ length: 60 }, (_, i) => 301 + i);
let store: StandinStore;
let close: () => Promise<void>;
const sizes: number[] = [];
let throttled = 0;

beforeAll(async () => {
  ({ store, close } = await startStandinFor({ limits: { maximumAvailable: 25, restoreRate: 2 }, fill: standinCustomers(IDS) as never }));
  store.on("graphql", (op: { name?: string; size?: number }) => {
    if (op.name === "MetafieldsSet") sizes.push(op.size ?? 0);
  });
  store.on("throttled", () => (throttled += 1));
});
afterAll(async () => close?.());

describe("segment membership written back to Shopify", () => {
  it(
    "GIVEN 60 buyers and a merchant segment WHEN the segments refresh runs THEN every membership reaches Shopify, 25 per call, through the throttle; an unchanged rerun calls Shopify no more",
    { timeout: 60_000 },
    async () => {
      await givenInstalledShop();
      await givenCustomers(
        IDS.map((id, i) => ({ legacyId: id, orders: 1 + (i % 7), grossMinor: 1000 + i * 500, lastOrderDaysAgo: i * 3 })),
      );
      const saved = await saveSegment(SHOP, null, {
        name: "Big spenders",
        match: "all",
        conditions: [{ field: "ltv", op: "gte", amount: 300 }],
      });
      expect(saved.ok).toBe(true);
      await drain();

      expect(sizes.length).toBe(3);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(METAFIELDS_PER_CALL);
      expect(throttled).toBeGreaterThan(0); // the bucket ran dry and the job waited for the refill
      expect(await prisma.metafieldValue.count({ where: { status: "synced" } })).toBe(60);

      const shopify = store.requireShop(SHOP);
      for (const id of IDS) {
        const row = await prisma.customer.findFirstOrThrow({ where: { customerGid: customerGid(id) }, include: { rfm: true } });
        const expected = [row.rfm!.segment, ...(row.netSpentMinor >= 30_000n ? ["Big spenders"] : [])];
        expect(JSON.parse(shopify.customers.get(id)!.metafields["$app:segments.membership"]!.value)).toEqual(expected);
        expect(shopify.customers.get(id)!.metafields["$app:segments.membership"]!.type).toBe("list.single_line_text_field");
      }
      expect(
        IDS.filter((id) => shopify.customers.get(id)!.metafields["$app:segments.membership"]!.value.includes("Big spenders")).length,
      ).toBe(await prisma.customer.count({ where: { netSpentMinor: { gte: 30_000n } } }));

      const before = sizes.length;
      await prisma.$transaction((tx) => enqueueSegmentsRefresh(tx, SHOP, { now: true }));
      await drain();
      expect(sizes.length).toBe(before);
    },
  );
});
