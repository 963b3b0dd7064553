import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildLists, type ListEntry } from "../../app/recommendations/build-lists";
import { buildListsInThreads } from "../../app/recommendations/build-lists-threads.server";
import { NO_RULES, type MerchantRules } from "../../app/recommendations/engine/compose";
import { buildRecsModel, type CatalogueProduct, type PurchaseRecord } from "../../app/recommendations/engine/model";
import { buildRecsModelInThreads } from "../../app/recommendations/build-model-threads.server";
import { PurchaseLog } from "../../app/recommendations/purchase-log";
import { workerAnswer } from "../../app/recommendations/threads.server";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31);
const P = (n: number) => `gid://shopify/Product/${n}`;
const C = (n: number) => `gid://shopify/Customer/${n}`;

/** A seeded synthetic store: 400 customers and some guests, 120 products, skewed popularity, repeat buys. */
function syntheticStore() {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const products: CatalogueProduct[] = Array.from({ length: 120 }, (_, i) => ({
    id: P(i + 1),
    title: `${["Green", "Black", "Clay", "Steel"][i % 4]} ${["tea", "teapot", "mug", "filter", "kettle"][i % 5]} ${i + 1}`,
    productType: ["Drinks", "Kitchen"][i % 2]!,
    vendor: i % 3 === 0 ? "Clay" : null,
    tags: i % 7 === 0 ? ["gift"] : [],
    collections: [],
    available: i % 17 !== 5,
    rating: i % 11 === 0 ? 4.5 : null,
    createdAt: 0,
  }));
  const purchases: PurchaseRecord[] = [];
  for (let o = 0; o < 3_000; o++) {
    const customer = random() < 0.1 ? `order:guest-${o}` : C(1 + Math.floor(random() ** 1.5 * 400));
    const at = NOW - Math.floor(random() * 400) * DAY;
    const size = 1 + Math.floor(random() * 5);
    for (let l = 0; l < size; l++)
      purchases.push({ customerId: customer, orderId: `o${o}`, productId: P(1 + Math.floor(random() ** 2 * 120)), at });
  }
  return { products, purchases };
}

const collect = async (lists: AsyncIterable<[string, ListEntry[]]>) => {
  const out: [string, ListEntry[]][] = [];
  for await (const list of lists) out.push(list);
  return out;
};

const rules: MerchantRules = {
  ...NO_RULES,
  exclude: [P(3)],
  boost: [{ field: "tag", value: "gift", factor: 1.5 }],
};

// Each test starts worker threads that compile the ranking code (tsx) first: seconds on a loaded 2-core machine.
describe("recs-build lists in worker threads", { timeout: 120_000 }, () => {
  it("yields exactly the single-threaded lists, in the same order, over many small tasks", async () => {
    const { products, purchases } = syntheticStore();
    const dismissedBy = new Map([
      [C(1), [P(1), P(2)]],
      [C(2), [P(4)]],
    ]);
    const single = [...buildLists(buildRecsModel({ products, purchases, now: NOW }), rules, NOW, dismissedBy)];
    const threaded = await collect(
      buildListsInThreads(buildRecsModel({ products, purchases, now: NOW }), rules, NOW, dismissedBy, {
        threads: 2,
        minCustomers: 0,
        taskSize: 17,
      }),
    );
    expect(single.filter(([subject]) => subject.startsWith("customer:")).length).toBeGreaterThan(500);
    expect(threaded).toEqual(single);
    // Dismissals reach the workers: customer 1 never gets what they dismissed.
    const forYou1 = threaded.find(([subject]) => subject === `customer:${C(1)}:for-you`)![1];
    expect(forYou1.length).toBeGreaterThan(0);
    expect(forYou1.map((e) => e.id)).not.toContain(P(1));
  });

  it("fails the build with the worker's error when ranking throws in a worker", async () => {
    const { products, purchases } = syntheticStore();
    const model = buildRecsModel({ products, purchases, now: NOW });
    // A malformed dismissal list reaches only the workers (customers' lists): ranking it throws there.
    const dismissedBy = new Map([[C(5), 42 as unknown as string[]]]);
    await expect(
      collect(buildListsInThreads(model, NO_RULES, NOW, dismissedBy, { threads: 2, minCustomers: 0, taskSize: 50 })),
    ).rejects.toThrow(/recs lists worker failed on task \d+: TypeError: .*not iterable/);
  });

  it("fails the build cleanly when a worker dies", async () => {
    const { products, purchases } = syntheticStore();
    const model = buildRecsModel({ products, purchases, now: NOW });
    const file = path.join(tmpdir(), `recs-dying-worker-${process.pid}.mjs`);
    writeFileSync(
      file,
      `import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => { throw new Error("ranker crashed"); });\n`,
    );
    await expect(
      collect(buildListsInThreads(model, NO_RULES, NOW, new Map(), { threads: 2, minCustomers: 0, workerFile: file })),
    ).rejects.toThrow("recs lists worker failed: ranker crashed");
  });

  it("builds the same model with the co-purchase neighbours counted in worker threads", async () => {
    const { products, purchases } = syntheticStore();
    const logOf = () => {
      const log = new PurchaseLog();
      for (const p of purchases) log.add(p);
      return log;
    };
    const single = buildRecsModel({ products, purchases: logOf(), now: NOW });
    const threaded = await buildRecsModelInThreads({ products, purchases: logOf(), now: NOW }, { threads: 3, minLines: 0 });
    expect(single.boughtTogether.size).toBeGreaterThan(50);
    expect([...threaded.boughtTogether]).toEqual([...single.boughtTogether]);
    expect([...threaded.coPurchased]).toEqual([...single.coPurchased]);
    expect([...buildLists(threaded, rules, NOW)]).toEqual([...buildLists(single, rules, NOW)]);
  });

  it("rejects with a one-answer worker's error, and when it exits without an answer", async () => {
    const dir = tmpdir();
    const throwing = path.join(dir, `recs-throwing-worker-${process.pid}.mjs`);
    writeFileSync(throwing, `throw new Error("counting crashed");\n`);
    await expect(workerAnswer(throwing, {}, "recs co-occurrence worker")).rejects.toThrow(
      "recs co-occurrence worker failed: counting crashed",
    );
    const silent = path.join(dir, `recs-silent-worker-${process.pid}.mjs`);
    writeFileSync(silent, `process.exit(3);\n`);
    await expect(workerAnswer(silent, {}, "recs co-occurrence worker")).rejects.toThrow(
      "recs co-occurrence worker exited (code 3) without an answer",
    );
  });
});
