import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.loyalty_.import";
import { checkShopLedger, adjustPoints } from "../../app/loyalty/accounts.server";
import { enqueueJob } from "../../app/jobs/queue.server";
import { JOB_HANDLERS } from "../../app/jobs/registry.server";
import { IMPORT_APPLY } from "../../app/loyalty/import/import-apply-job.server";
import { logger } from "../../app/lib/logger.server";
import { adminDataRequest, settle } from "../helpers/admin-request";
import { customerGid, givenCustomers } from "../helpers/hand-made-customers";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { givenSilverAndGold } from "../helpers/loyalty-tiers";
import { SHOP } from "../helpers/webhook-request";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/loyalty-import/${name}`, import.meta.url), "utf8");
const args = (request: Request) => ({ request, params: {}, context: {} });

/** Posts the import form as the page does (multipart): a file and a source, or the apply intent. */
async function post(fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return settle(async () => action(args(await adminDataRequest("/app/loyalty/import", { method: "POST", body: form }))));
}
const csv = (text: string, name = "export.csv") => new File([text], name, { type: "text/csv" });
const load = async () =>
  (await settle(async () => loader(args(await adminDataRequest("/app/loyalty/import"))))) as Awaited<ReturnType<typeof loader>>;

/** Uploads a file, runs its dry run, and returns the page's view of it. */
async function dryRun(text: string, source = "auto") {
  const result = await post({ file: csv(text), source });
  expect(result).toEqual({ ok: true, importId: expect.any(String) });
  await drain();
  return (await load()).current!;
}
async function applyImport(importId: string) {
  expect(await post({ intent: "apply", importId })).toEqual({ ok: true, importId });
  await drain();
  return (await load()).current!;
}
const account = (legacyId: number) =>
  prisma.loyaltyAccount.findUnique({ where: { shop_customerGid: { shop: SHOP, customerGid: customerGid(legacyId) } } });

/** Runs the queued job of one kind now, as the worker would, and nothing else. */
async function runQueued(kind: string) {
  const job = await prisma.job.findFirstOrThrow({ where: { kind, status: "queued" } });
  const context = {
    job: { id: job.id, kind, shop: job.shop, payload: JSON.parse(job.payload) as Record<string, unknown>, attempts: 1, maxAttempts: 10 },
    progress: async (progress: unknown) => (
      await prisma.job.update({ where: { id: job.id }, data: { progress: JSON.stringify(progress) } }),
      true
    ),
    signal: new AbortController().signal,
    log: logger,
  };
  await JOB_HANDLERS[kind]!(context);
  await prisma.job.update({ where: { id: job.id }, data: { status: "done", key: null, finishedAt: new Date() } });
}

async function givenSmileShop() {
  await givenInstalledShop();
  await givenCustomers([
    { legacyId: 1, orders: 0, grossMinor: 0, lastOrderDaysAgo: 1, email: "jane.doe@example.com" },
    { legacyId: 2, orders: 0, grossMinor: 0, lastOrderDaysAgo: 1, email: "ADA@example.com" },
    { legacyId: 3, orders: 0, grossMinor: 0, lastOrderDaysAgo: 1, email: "guest@example.com" },
    { legacyId: 4, orders: 0, grossMinor: 0, lastOrderDaysAgo: 1, email: "neg@example.com" },
  ]);
  return givenSilverAndGold();
}

describe("switching in from another loyalty app", () => {
  it("GIVEN a Smile.io export WHEN uploaded THEN the dry run reports every change and refusal and changes nothing", async () => {
    await givenSmileShop();
    const view = await dryRun(fixture("smile-customers.csv"));
    expect(view).toMatchObject({ source: "Smile.io", status: "analysed", error: null });
    expect(view.report).toEqual({
      rows: 5,
      matched: 3,
      refused: 2,
      changes: 3,
      pointsToPost: 1630,
      pointsAdded: 1630,
      pointsRemoved: 0,
      tierChanges: 2,
    });
    expect(view.changes).toEqual([
      { line: 2, customer: "jane.doe@example.com", before: { balance: 0, tier: null }, after: { balance: 300, tier: "Gold" }, points: 300 },
      { line: 3, customer: "ada@example.com", before: { balance: 0, tier: null }, after: { balance: 1250, tier: "Silver" }, points: 1250 },
      { line: 4, customer: "guest@example.com", before: { balance: 0, tier: null }, after: { balance: 80, tier: null }, points: 80 },
    ]);
    expect(view.refused).toEqual([
      { line: 5, customer: "neg@example.com", reason: "points_balance is negative (-20)" },
      { line: 6, customer: "nobody@example.com", reason: "No customer with this email in this shop" },
    ]);
    expect(await prisma.ledgerEntry.count()).toBe(0);
    expect(await prisma.loyaltyAccount.count()).toBe(0);
    expect((await prisma.loyaltyImport.findFirstOrThrow()).content).toBeNull();
  });

  it("GIVEN a dry run WHEN imported and the same file imported again THEN points and tiers land once, held against the recalculation, and the ledger checks", async () => {
    const { gold, silver } = await givenSmileShop();
    await prisma.flowTriggerUse.create({ data: { shop: SHOP, handle: "rapport-tier-changed", enabled: true, reportedAt: new Date() } });
    const first = await dryRun(fixture("smile-customers.csv"));
    expect(await post({ intent: "apply", importId: first.id })).toEqual({ ok: true, importId: first.id });
    // The apply job alone (the Flow triggers it queues would call Shopify): the tier-change hook queued them.
    await runQueued(IMPORT_APPLY);
    const flow = await prisma.job.findMany({ where: { kind: "flow-trigger" }, select: { key: true, payload: true } });
    expect(flow.map((j) => j.key).sort()).toEqual([
      `flow:${SHOP}:rapport-tier-changed:tier:${customerGid(1)}:import:${first.id}`,
      `flow:${SHOP}:rapport-tier-changed:tier:${customerGid(2)}:import:${first.id}`,
    ]);
    await prisma.job.deleteMany({ where: { kind: "flow-trigger" } });
    const applied = (await load()).current!;
    expect(applied).toMatchObject({ status: "applied", job: { status: "done", done: 3, total: 3 } });
    expect(applied.report?.applied).toEqual({ customers: 3, postings: 3, points: 1630, tierChanges: 2, refused: 0 });
    expect(await account(1)).toMatchObject({ balance: 300, lifetimeEarned: 300, tierId: gold.id, tierHeldUntil: expect.any(Date) });
    expect(await account(2)).toMatchObject({ balance: 1250, lifetimeEarned: 1250, tierId: silver.id });
    expect(await account(3)).toMatchObject({ balance: 80, tierId: null });
    expect(await prisma.loyaltyMirrorMark.count({ where: { customerGid: { in: [customerGid(1), customerGid(2), customerGid(3)] } } })).toBe(
      3,
    );
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([]);

    const again = await dryRun(fixture("smile-customers.csv"));
    expect(again.report).toMatchObject({ matched: 3, changes: 0, pointsToPost: 0, tierChanges: 0 });
    expect((await applyImport(again.id)).report?.applied).toEqual({ customers: 0, postings: 0, points: 0, tierChanges: 0, refused: 0 });
    expect(await prisma.ledgerEntry.count()).toBe(3);

    // Nobody has spent anything here, so the recalculation would drop them: the imported tiers are held.
    await enqueueJob(prisma, { kind: "loyalty-tiers", shop: SHOP });
    await drain();
    expect((await account(1))?.tierId).toBe(gold.id);
    expect((await account(2))?.tierId).toBe(silver.id);
  });

  it("GIVEN a LoyaltyLion export WHEN imported THEN customers match by Shopify id, history totals come over, and refused rows say why", async () => {
    await givenInstalledShop();
    await givenCustomers([
      { legacyId: 1001, orders: 0, grossMinor: 0, lastOrderDaysAgo: 1, email: "someone-else@example.com" },
      { legacyId: 1002, orders: 0, grossMinor: 0, lastOrderDaysAgo: 1 },
      { legacyId: 1004, orders: 0, grossMinor: 0, lastOrderDaysAgo: 1 },
    ]);
    const { silver } = await givenSilverAndGold();
    const view = await dryRun(fixture("loyaltylion-customers.csv"), "loyaltylion");
    expect(view.refused).toEqual([
      { line: 2, customer: "alice@example.com", reason: "The same customer is on lines 2, 6" },
      { line: 4, customer: "carol@example.com", reason: 'points_approved "12.5" is not a whole number of points' },
      { line: 5, customer: "dan@example.com", reason: 'Unknown tier "Platinum" (tiers here: Silver, Gold)' },
      { line: 6, customer: "alice@example.com", reason: "The same customer is on lines 2, 6" },
    ]);
    await applyImport(view.id);
    expect(await account(1002)).toMatchObject({ balance: 40, lifetimeEarned: 40, tierId: silver.id });
    expect(await account(1001)).toBeNull();

    // A corrected file (Alice once, Dan without the unknown tier) imports the customers it refused before.
    const corrected = [
      "id,merchant_id,email,points_approved,points_pending,points_spent,tier",
      "1,1001,alice@example.com,500,200,500,Gold",
      "2,1002,bob@example.com,40,0,0,Silver",
      "4,1004,dan@example.com,100,0,0,",
    ].join("\r\n");
    const second = await dryRun(corrected);
    expect(second.report).toMatchObject({ matched: 3, refused: 0, changes: 2, pointsToPost: 800 });
    await applyImport(second.id);
    expect(await account(1001)).toMatchObject({ balance: 700, lifetimeEarned: 1200 });
    expect(await account(1004)).toMatchObject({ balance: 100, lifetimeEarned: 100 });
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([]);
  });

  it("GIVEN an imported file WHEN a corrected file is imported THEN only the difference is posted, and a correction that would overdraw is refused", async () => {
    await givenInstalledShop();
    await givenCustomers([
      { legacyId: 1, orders: 0, grossMinor: 0, lastOrderDaysAgo: 1, email: "a@example.com" },
      { legacyId: 2, orders: 0, grossMinor: 0, lastOrderDaysAgo: 1, email: "b@example.com" },
    ]);
    const file = (a: number, b: number) => `Email,Points balance\na@example.com,${a}\nb@example.com,${b}\n`;
    await applyImport((await dryRun(file(500, 200))).id);
    await adjustPoints({ shop: SHOP, customerGid: customerGid(2), points: -150, note: "Redeemed in store", staff: "ada@shop.com" });

    const corrected = await dryRun(file(650, 20));
    expect(corrected.changes).toEqual([
      { line: 2, customer: "a@example.com", before: { balance: 500, tier: null }, after: { balance: 650, tier: null }, points: 150 },
    ]);
    expect(corrected.refused).toEqual([
      {
        line: 3,
        customer: "b@example.com",
        reason: "The customer has 50 points; importing -180 would overdraw the account (points spent since an earlier import?)",
      },
    ]);
    await applyImport(corrected.id);
    const postings = await prisma.ledgerEntry.findMany({ where: { customerGid: customerGid(1) }, orderBy: { createdAt: "asc" } });
    expect(postings.map((p) => [p.points, p.reason, p.idempotencyKey])).toEqual([
      [500, "earn:import", `import:smile:${customerGid(1)}:1:earned`],
      [150, "earn:import", `import:smile:${customerGid(1)}:2:earned`],
    ]);
    expect(await account(1)).toMatchObject({ balance: 650, lifetimeEarned: 650 });
    expect(await account(2)).toMatchObject({ balance: 50 });
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([]);
  });

  it("GIVEN a missing, unreadable or mismatched file WHEN posted THEN the page gets a 422 field error and nothing is stored", async () => {
    await givenInstalledShop();
    const errors = async (fields: Record<string, string | File>) => {
      const response = (await post(fields)) as Response;
      expect(response.status).toBe(422);
      return ((await response.json()) as { errors: Record<string, string> }).errors;
    };
    expect(await errors({ source: "auto" })).toEqual({ file: "Choose the CSV file your loyalty app exported" });
    expect(await errors({ file: csv(""), source: "auto" })).toEqual({ file: "Choose the CSV file your loyalty app exported" });
    expect(await errors({ file: new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], "export.xlsx"), source: "auto" })).toEqual({
      file: expect.stringMatching(/not a Smile.io or LoyaltyLion customer export/),
    });
    expect(await errors({ file: csv("email,points_approved\na@b.co,1\n"), source: "smile" })).toEqual({
      source: "This file is a LoyaltyLion export, not Smile.io",
    });
    expect(await errors({ file: csv("email,points_balance\na@b.co,1\n"), source: "yotpo" })).toEqual({
      source: "Choose Smile.io, LoyaltyLion or automatic",
    });
    expect(await errors({ intent: "apply", importId: "nope" })).toEqual({
      importId: "That import is not there any more: upload the file again",
    });
    expect(await prisma.loyaltyImport.count()).toBe(0);

    // Only the first line is read while the merchant waits: a file broken further down fails its dry run, shown on the page.
    const broken = await dryRun('email,points_balance\na@b.co,1\n"c@d.co,2\n');
    expect(broken).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^The file is not a readable CSV file \(Quote Not Closed/),
    });
    expect(await errors({ intent: "apply", importId: broken.id })).toEqual({
      importId: "This file could not be read: upload a corrected file",
    });
  });

  it("GIVEN a 20,000-row export WHEN dry-run and imported through the jobs THEN every customer lands and the ledger checks", async () => {
    await givenInstalledShop();
    const N = 20_000;
    await prisma.customer.createMany({
      data: Array.from({ length: N }, (_, i) => ({ shop: SHOP, customerGid: customerGid(i + 1), email: `customer${i + 1}@example.com` })),
    });
    const lines = ["id,merchant_id,email,first_name,points_approved,points_pending,points_spent,tier"];
    for (let i = 1; i <= N; i += 1) lines.push(`${i},${i},customer${i}@example.com,"Name, ${i}",${i % 500},${i % 7},${i % 50},`);
    const started = performance.now();
    const view = await dryRun(`${lines.join("\r\n")}\r\n`);
    const analysed = performance.now();
    const done = await applyImport(view.id);
    const applied = performance.now();
    console.info(
      `[loyalty-import] ${N} rows: dry run ${((analysed - started) / 1000).toFixed(1)} s, import ${((applied - analysed) / 1000).toFixed(1)} s`,
    );
    let expected = 0;
    for (let i = 1; i <= N; i += 1) expected += (i % 500) + (i % 7);
    expect(view.report).toMatchObject({ rows: N, matched: N, refused: 0, pointsToPost: expected });
    expect(done.report?.applied).toMatchObject({ refused: 0, points: expected });
    expect(done.job).toMatchObject({ status: "done", done: N, total: N });
    const check = await checkShopLedger(SHOP);
    expect(check.mismatches).toEqual([]);
    expect((await prisma.loyaltyAccount.aggregate({ _sum: { balance: true } }))._sum.balance).toBe(expected);
  }, 600_000);
});
