import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { Prisma } from "../../app/db-client.server";
import { adjustPoints, checkShopLedger, expireInactiveAccounts } from "../../app/loyalty/accounts.server";
import { redeemReward, resumePendingRedemptions } from "../../app/loyalty/redeem.server";
import { createReward } from "../../app/loyalty/rewards.server";
import { recordInteractions } from "../../app/interactions/record-interactions.server";
import { action as compliance } from "../../app/routes/webhooks.compliance";
import { action as customers } from "../../app/routes/webhooks.customers";
import { action as orders } from "../../app/routes/webhooks.orders";
import { action as refunds } from "../../app/routes/webhooks.refunds";
import { computeRfm } from "../../app/segments/compute-rfm.server";
import { writeSegmentMembership } from "../../app/segments/membership-metafields.server";
import { saveSegment, evaluateSegments } from "../../app/segments/segments.server";
import { deliverAndApply, givenInstalledShop } from "../helpers/inbox";
import { exampleRefund } from "../helpers/loyalty";
import type { StandinStore } from "../../dev/standin/store";
import { startStandinFor } from "../helpers/standin";
import { exampleOrder, shopifyExample, SHOP } from "../helpers/webhook-request";

let closeStandin: () => Promise<void>;
let store: StandinStore;
beforeAll(async () => {
  ({ store, close: closeStandin } = await startStandinFor());
});
afterAll(() => closeStandin());

// GDPR on every table: the tables come from Prisma's datamodel, so a table added later is checked too.
const MODELS = Prisma.dmmf.datamodel.models.map((m) => m.name);
const ADA = "gid://shopify/Customer/17850";
const BOB = "gid://shopify/Customer/17851";
const ADA_VISITOR = "vid-ada-0001";
const needles = ["Customer/17850", "ada@example.com", "Lovelace", ADA_VISITOR];

type Row = Record<string, unknown>;
const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

async function everyRow(): Promise<Record<string, Row[]>> {
  const tables: Record<string, Row[]> = {};
  for (const model of MODELS) {
    const delegate = (prisma as unknown as Record<string, { findMany(): Promise<Row[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    tables[model] = await delegate.findMany();
  }
  return tables;
}

/**
 * Ada's points beyond her order's: an inactivity expiry (its key embeds her GID), a manual adjustment
 * whose note names her, and a redemption with its single-use code issued through the stand-in.
 */
async function givenAdaPoints() {
  await prisma.loyaltyProgram.upsert({ where: { shop: SHOP }, create: { shop: SHOP, expiryDays: 30 }, update: { expiryDays: 30 } });
  await expireInactiveAccounts(SHOP, new Date(Date.now() + 60 * 86_400_000));
  expect(await prisma.ledgerEntry.count({ where: { shop: SHOP, customerGid: ADA, reason: "expire" } })).toBe(1);
  await adjustPoints({ shop: SHOP, customerGid: ADA, points: 500, note: "Goodwill for Ada Lovelace", staff: "staff@shop.test" });
  const reward = await createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "100", amount: "5" });
  const redeemed = await redeemReward({ shop: SHOP, customerGid: ADA, rewardId: reward.id, idempotencyKey: "ada-redeem-1" });
  expect(redeemed.status).toBe("issued");
}

/** Shop-wide loyalty figures: what the program issued, redeemed and still owes, from postings and accounts. */
async function ledgerTotals() {
  const [postings, accounts, byReason] = await Promise.all([
    prisma.ledgerEntry.aggregate({ where: { shop: SHOP }, _sum: { points: true }, _count: true }),
    prisma.loyaltyAccount.aggregate({ where: { shop: SHOP }, _sum: { balance: true, pending: true, lifetimeEarned: true }, _count: true }),
    prisma.ledgerEntry.groupBy({ by: ["reason"], where: { shop: SHOP }, _sum: { points: true }, orderBy: { reason: "asc" } }),
  ]);
  const redemptions = await prisma.redemption.aggregate({ where: { shop: SHOP }, _sum: { pointsCost: true }, _count: true });
  return { postings, accounts, byReason, redemptions };
}

/** `npm run loyalty:check` for the shop, against this test's database: its exit code and report. */
async function loyaltyCheckCli(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "app/loyalty/check.cli.ts", "--shop", SHOP], { env: process.env });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

/** Ada and Bob with everything Rapport can hold on a customer: profile, orders, a refund, points, events, segments, metafields. */
async function givenAdaAndBob() {
  await givenInstalledShop();
  const profile = (id: number, email: string, first: string, last: string) => ({
    ...shopifyExample("customers/create"),
    id,
    admin_graphql_api_id: `gid://shopify/Customer/${id}`,
    email,
    first_name: first,
    last_name: last,
    updated_at: "2026-03-01T10:00:00Z",
  });
  await deliverAndApply(customers, "/webhooks/customers", "customers/create", profile(17850, "ada@example.com", "Ada", "Lovelace"));
  await deliverAndApply(customers, "/webhooks/customers", "customers/create", profile(17851, "bob@example.com", "Bob", "Babbage"));
  await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder());
  const bobOrder = exampleOrder({ id: 5002, admin_graphql_api_id: "gid://shopify/Order/5002", name: "#5002" });
  bobOrder.customer = {
    ...bobOrder.customer,
    id: 17851,
    admin_graphql_api_id: BOB,
    email: "bob@example.com",
    first_name: "Bob",
    last_name: "Babbage",
  };
  await deliverAndApply(orders, "/webhooks/orders", "orders/paid", bobOrder);
  // A partial refund: £10 of her £25.99 of merchandise, so some of her points are left to expire.
  await deliverAndApply(refunds, "/webhooks/refunds", "refunds/create", exampleRefund(9300, 5001, "10.00"));
  await givenAdaPoints();
  await prisma.$transaction(async (tx) => {
    await recordInteractions(tx, SHOP, [
      { eventId: "e1", customerGid: ADA, visitorId: ADA_VISITOR, productGid: "gid://shopify/Product/701", kind: "view", at: new Date() },
      {
        eventId: "e2",
        customerGid: null,
        visitorId: ADA_VISITOR,
        productGid: "gid://shopify/Product/702",
        kind: "cart_add",
        at: new Date(),
      },
      { eventId: "e3", customerGid: BOB, visitorId: "vid-bob", productGid: "gid://shopify/Product/701", kind: "view", at: new Date() },
    ]);
    await tx.visitorLink.create({ data: { shop: SHOP, visitorId: ADA_VISITOR, customerGid: ADA } });
  });
  await saveSegment(SHOP, null, { name: "Everyone", match: "all", conditions: [{ field: "orderCount", op: "gte", value: 0 }] });
  await computeRfm(prisma, SHOP);
  await evaluateSegments(SHOP);
  await writeSegmentMembership(SHOP);
  const request = {
    ...shopifyExample("customers/data_request"),
    shop_domain: SHOP,
    customer: { id: 17850, email: "ada@example.com", phone: "" },
  };
  await deliverAndApply(compliance, "/webhooks/compliance", "customers/data_request", request, { webhookId: "dr-ada" });
}

describe("GDPR: data request, customer redaction and shop redaction across every table", () => {
  it("GIVEN Ada's history WHEN customers/data_request is applied THEN the stored export holds every row that names her or hangs off her orders", async () => {
    await givenAdaAndBob();
    const exported = JSON.parse((await prisma.customerDataExport.findFirstOrThrow({ where: { customerGid: ADA } })).body) as {
      tables: Record<string, Row[]>;
    };
    const all = await everyRow();
    const adaOrderIds = new Set(all.Order!.filter((o) => o.customerGid === ADA).map((o) => o.id));
    const adaRefundIds = new Set(all.Refund!.filter((r) => r.orderGid === "gid://shopify/Order/5001").map((r) => r.id));
    let checked = 0;
    for (const model of MODELS) {
      if (model === "CustomerDataExport") continue;
      const hers = all[model]!.filter(
        (row) =>
          needles.some((n) => json(row).includes(n)) ||
          adaOrderIds.has(row.orderId) ||
          adaRefundIds.has(row.refundId) ||
          (model === "Refund" && adaRefundIds.has(row.id)),
      );
      const exportedIds = new Set(
        (exported.tables[model] ?? []).map((r) => json(r.id ?? r.deliveryId ?? [r.shop, r.visitorId, r.segmentId, r.customerGid])),
      );
      for (const row of hers) {
        expect(exportedIds, `${model} row ${json(row.id)} missing from the export`).toContain(
          json(row.id ?? row.deliveryId ?? [row.shop, row.visitorId, row.segmentId, row.customerGid]),
        );
        checked += 1;
      }
    }
    // Profile, order, lines, refund, refund lines, points, account, redemption, events, visitor link, segment, metafield, payloads.
    expect(checked).toBeGreaterThanOrEqual(14);
    for (const model of [
      "Customer",
      "LoyaltyAccount",
      "Redemption",
      "Order",
      "OrderLine",
      "Refund",
      "RefundLine",
      "LedgerEntry",
      "Interaction",
      "VisitorLink",
      "SegmentMember",
      "MetafieldValue",
      "WebhookDelivery",
      "WebhookDeliveryBody",
    ])
      expect(exported.tables[model]?.length, model).toBeGreaterThan(0);
    expect(json(exported.tables)).not.toContain("bob@example.com");
  });

  it("GIVEN Ada's history WHEN customers/redact is applied THEN no table holds her personal data or history; Bob's is untouched; her orders stay as anonymous amounts", async () => {
    await givenAdaAndBob();
    const bobBefore = json((await everyRow()).Customer!.filter((c) => c.customerGid === BOB));
    const totalsBefore = await ledgerTotals();
    const adaAccount = await prisma.loyaltyAccount.findUniqueOrThrow({ where: { shop_customerGid: { shop: SHOP, customerGid: ADA } } });
    const adaPostings = await prisma.ledgerEntry.count({ where: { shop: SHOP, customerGid: ADA } });
    expect(adaAccount.balance).toBe(400);
    // A loyalty import refused her row before she was a customer: the row holds only her email.
    await prisma.loyaltyImportRow.create({
      data: {
        shop: SHOP,
        importId: "import-1",
        line: 2,
        email: "ada@example.com",
        status: "refused",
        reason: "No customer with this email",
      },
    });
    const body = { ...shopifyExample("customers/redact"), shop_domain: SHOP, customer: { id: 17850, email: "ada@example.com", phone: "" } };
    await deliverAndApply(compliance, "/webhooks/compliance", "customers/redact", body, { webhookId: "redact-ada" });
    const all = await everyRow();

    // Her points stay as an anonymous holder's: same figures, same postings, shop-wide totals unchanged.
    expect(await ledgerTotals()).toEqual(totalsBefore);
    const holders = all.LoyaltyAccount!.filter((a) => String(a.customerGid).startsWith("redacted:"));
    expect(holders).toHaveLength(1);
    const holder = holders[0]!.customerGid as string;
    expect(holder).toMatch(/^redacted:[0-9a-f]{32}$/);
    expect(holders[0]).toMatchObject({
      balance: adaAccount.balance,
      pending: adaAccount.pending,
      lifetimeEarned: adaAccount.lifetimeEarned,
    });
    expect(all.LedgerEntry!.filter((e) => e.customerGid === holder)).toHaveLength(adaPostings);
    expect(all.LedgerEntry!.filter((e) => e.customerGid === holder).every((e) => e.note === null)).toBe(true);
    expect(all.Redemption!.filter((r) => r.customerGid === holder)).toMatchObject([
      { pointsCost: 100, discountGid: null, status: "issued" },
    ]);
    for (const model of ["LoyaltyAccount", "LedgerEntry", "Redemption"])
      expect(
        all[model]!.filter((r) => r.customerGid === ADA),
        model,
      ).toEqual([]);
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([]);
    const cli = await loyaltyCheckCli();
    expect(cli.out).toMatch(/0 mismatches/);
    expect(cli.code).toBe(0);

    for (const model of MODELS) {
      for (const row of all[model]!) {
        const text = json(row);
        if (model === "Customer" && row.customerGid === ADA) {
          // The tombstone: her GID only, so no later delivery writes her data again.
          expect(row).toMatchObject({
            email: null,
            firstName: null,
            lastName: null,
            phone: null,
            ordersCount: 0,
            redactedAt: expect.any(Date),
          });
          continue;
        }
        for (const needle of needles) expect(text, `${model} still holds ${needle}`).not.toContain(needle);
      }
    }
    expect(all.Order!.find((o) => o.orderGid === "gid://shopify/Order/5001")).toMatchObject({ customerGid: null, totalMinor: 3099n });
    expect(json(all.Customer!.filter((c) => c.customerGid === BOB))).toBe(bobBefore);
    expect(all.LedgerEntry!.some((e) => e.customerGid === BOB)).toBe(true);
    expect(all.Interaction!.filter((i) => i.visitorId === "vid-bob")).toHaveLength(1);
  }, 60_000);

  it("GIVEN Ada redacted WHEN a later refund of her order arrives THEN its clawback lands on the anonymous holder and the shop-wide check passes", async () => {
    await givenAdaAndBob();
    const body = { ...shopifyExample("customers/redact"), shop_domain: SHOP, customer: { id: 17850, email: "ada@example.com", phone: "" } };
    await deliverAndApply(compliance, "/webhooks/compliance", "customers/redact", body, { webhookId: "redact-ada" });
    const holder = (await prisma.loyaltyAccount.findFirstOrThrow({ where: { shop: SHOP, customerGid: { startsWith: "redacted:" } } }))
      .customerGid;
    const before = await prisma.ledgerEntry.count({ where: { shop: SHOP, customerGid: holder } });
    await deliverAndApply(refunds, "/webhooks/refunds", "refunds/create", exampleRefund(9301, 5001, "5.00"));
    const clawbacks = await prisma.ledgerEntry.findMany({ where: { shop: SHOP, customerGid: holder, reason: "clawback:refund" } });
    expect(clawbacks.length).toBeGreaterThan(0);
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP, customerGid: holder } })).toBe(before + 1);
    expect(await prisma.ledgerEntry.count({ where: { shop: SHOP, customerGid: ADA } })).toBe(0);
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([]);
  });

  it("GIVEN a redemption left pending (Shopify unreachable) WHEN Ada is redacted THEN it fails with its points restored to the holder, and nothing is left to retry", async () => {
    await givenAdaAndBob();
    const reward = await prisma.loyaltyReward.findFirstOrThrow({ where: { shop: SHOP } });
    const down = (operation: string, n: number) => Array.from({ length: n }, () => ({ operation, kind: "500" as const }));
    store.faults.push(...down("LoyaltyDiscountCodeBasicCreate", 2), ...down("LoyaltyCodeDiscountNodeByCode", 1));
    const fast = { attempts: 2, timeoutMs: 400, backoffMs: 10 };
    const pending = await redeemReward({ shop: SHOP, customerGid: ADA, rewardId: reward.id, idempotencyKey: "ada-redeem-2" }, fast);
    expect(pending.status).toBe("pending");
    const totalsBefore = await ledgerTotals();
    const body = { ...shopifyExample("customers/redact"), shop_domain: SHOP, customer: { id: 17850, email: "ada@example.com", phone: "" } };
    await deliverAndApply(compliance, "/webhooks/compliance", "customers/redact", body, { webhookId: "redact-ada" });
    const holder = await prisma.loyaltyAccount.findFirstOrThrow({ where: { shop: SHOP, customerGid: { startsWith: "redacted:" } } });
    expect(holder.balance).toBe(400);
    expect(await prisma.redemption.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "failed",
      customerGid: holder.customerGid,
    });
    const after = await ledgerTotals();
    expect(after.postings._sum.points).toBe(totalsBefore.postings._sum.points! + 100);
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([]);
    expect(await resumePendingRedemptions(SHOP, 0, fast)).toBe(0);
  });

  it("GIVEN a shop with everything WHEN shop/redact is applied THEN every table is empty of the shop", async () => {
    await givenAdaAndBob();
    await givenInstalledShop({ shop: "other-shop.myshopify.com" });
    await deliverAndApply(compliance, "/webhooks/compliance", "shop/redact", { shop_id: 1, shop_domain: SHOP });
    const all = await everyRow();
    for (const model of MODELS) {
      const left = all[model]!.filter((row) => json(row).includes(SHOP));
      expect(left, `${model} still holds rows of the shop`).toEqual([]);
    }
    expect(all.Shop!.map((s) => s.shop)).toEqual(["other-shop.myshopify.com"]);
  });
});
