import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as orders } from "../../app/routes/webhooks.orders";
import { action as refunds } from "../../app/routes/webhooks.refunds";
import { adjustPoints, checkShopLedger, expireInactiveAccounts, getAccount } from "../../app/loyalty/accounts.server";
import { releaseDuePoints } from "../../app/loyalty/release.server";
import { InsufficientPointsError } from "../../app/loyalty/ledger.server";
import { InvalidInputError } from "../../app/lib/errors";
import { deliverAndApply, givenInstalledShop } from "../helpers/inbox";
import { exampleOrder, SHOP } from "../helpers/webhook-request";
import { exampleRefund, expectAccount, postingsOf } from "../helpers/loyalty";

const ADA = "gid://shopify/Customer/17850";
const DAY = 86_400_000;
let hook = 0;
const order = (body: Record<string, any>, topic = "orders/paid") =>
  deliverAndApply(orders, "/webhooks/orders", topic, body, { webhookId: `o-${++hook}` });
const refund = (body: Record<string, any>, webhookId = `r-${body.id}`) =>
  deliverAndApply(refunds, "/webhooks/refunds", "refunds/create", body, { webhookId });
const setProgram = (data: Record<string, unknown>) =>
  prisma.loyaltyProgram.upsert({ where: { shop: SHOP }, create: { shop: SHOP, ...data }, update: data });

// Shopify's example order, ours: £25.99 of merchandise → 25 points at the default 1 point per £1.
describe("loyalty ledger with accounts: refunds, cancellations, pending points, expiry", () => {
  it("GIVEN a paid order WHEN refunded partially, again, and beyond what is left THEN clawback is exact each time, and re-deliveries change nothing", async () => {
    await givenInstalledShop();
    await order(exampleOrder());
    await expectAccount(ADA, { balance: 25 });
    // £13 refunded: £12.99 left earns 12, so 13 come back.
    await refund(exampleRefund(901, 5001, "13.00"));
    await expectAccount(ADA, { balance: 12 });
    await refund(exampleRefund(901, 5001, "13.00"), "r-901-retry"); // a duplicate refunds/create
    await expectAccount(ADA, { balance: 12 });
    // £10 more: £2.99 left earns 2.
    await refund(exampleRefund(902, 5001, "10.00", "2026-03-03T10:00:00Z"));
    await expectAccount(ADA, { balance: 2 });
    // £10 more than is left (over-refund, e.g. goodwill): never more than was earned comes back.
    await refund(exampleRefund(903, 5001, "10.00", "2026-03-04T10:00:00Z"));
    await expectAccount(ADA, { balance: 0 });
    expect(await postingsOf(ADA)).toEqual([
      ["earn:order", 25, "available"],
      ["clawback:refund", -13, "available"],
      ["clawback:refund", -10, "available"],
      ["clawback:refund", -2, "available"],
    ]);
  });

  it("GIVEN points earned at 1 per £1 WHEN the merchant moves to 10 per £1 and the order is refunded THEN the clawback uses the rule in force when earned", async () => {
    await givenInstalledShop();
    await order(exampleOrder());
    await setProgram({ pointsPerCurrencyUnit: 10 });
    await refund(exampleRefund(901, 5001, "13.00"));
    await expectAccount(ADA, { balance: 12 });
    // A new order earns at the new rate, and its own refund at that one.
    await order(exampleOrder({ id: 5002, admin_graphql_api_id: "gid://shopify/Order/5002", name: "#5002" }));
    await expectAccount(ADA, { balance: 12 + 259 });
    await refund(exampleRefund(911, 5002, "13.00"));
    await expectAccount(ADA, { balance: 12 + 129 });
    const earnings = await prisma.ledgerEntry.findMany({ where: { reason: "earn:order" }, orderBy: { points: "asc" } });
    expect(earnings.map((e) => [e.rate, e.basisMinor])).toEqual([
      [1, 2599n],
      [10, 2599n],
    ]);
  });

  it("GIVEN a partly refunded order WHEN it is cancelled (twice) THEN exactly what is left is reversed, once", async () => {
    await givenInstalledShop();
    const paid = exampleOrder({ updated_at: "2026-03-01T10:00:00Z" });
    await order(paid);
    await refund(exampleRefund(901, 5001, "13.00"));
    const cancelled = { ...paid, cancelled_at: "2026-03-05T10:00:00Z", updated_at: "2026-03-05T10:00:00Z", financial_status: "refunded" };
    await order(cancelled, "orders/cancelled");
    await order(cancelled, "orders/cancelled");
    await expectAccount(ADA, { balance: 0 });
    // A refund recorded after the cancellation takes nothing more.
    await refund(exampleRefund(902, 5001, "5.00", "2026-03-06T10:00:00Z"));
    await expectAccount(ADA, { balance: 0 });
    expect(await postingsOf(ADA)).toEqual([
      ["earn:order", 25, "available"],
      ["clawback:refund", -13, "available"],
      ["reverse:cancel", -12, "available"],
    ]);
  });

  it("GIVEN webhooks reordered (refunds before their order, the later refund first) WHEN all arrive THEN the ledger ends as in order", async () => {
    await givenInstalledShop();
    await refund(exampleRefund(902, 5001, "10.00", "2026-03-03T10:00:00Z"));
    await expectAccount(ADA, { balance: 0 });
    await order(exampleOrder());
    // Earned 25 and clawed back for £10 (15.99 left → 15) in the same transaction.
    await expectAccount(ADA, { balance: 15 });
    await refund(exampleRefund(901, 5001, "13.00"));
    // £23 refunded in all: 2.99 left → 2, whichever refund came first.
    await expectAccount(ADA, { balance: 2 });
    await order(exampleOrder()); // and the order re-delivered
    await expectAccount(ADA, { balance: 2 });
  });

  it("GIVEN a 14-day pending period WHEN an order is paid THEN its points are pending, cannot be spent, clawback takes from pending, and the job releases the rest when due", async () => {
    await givenInstalledShop();
    await setProgram({ pendingDays: 14 });
    const placed = new Date(Date.now() - DAY);
    await order(exampleOrder({ processed_at: placed.toISOString(), created_at: placed.toISOString() }));
    await expectAccount(ADA, { balance: 0, pending: 25 });
    await expect(adjustPoints({ shop: SHOP, customerGid: ADA, points: -5, note: "test", staff: "staff@shop" })).rejects.toThrow(
      InsufficientPointsError,
    );
    await refund(exampleRefund(901, 5001, "13.00"));
    await expectAccount(ADA, { balance: 0, pending: 12 });
    expect(await releaseDuePoints(SHOP)).toBe(0); // not due yet
    await expectAccount(ADA, { balance: 0, pending: 12 });
    expect(await releaseDuePoints(SHOP, new Date(placed.getTime() + 14 * DAY))).toBe(1);
    await expectAccount(ADA, { balance: 12, pending: 0 });
    expect(await releaseDuePoints(SHOP, new Date(placed.getTime() + 15 * DAY))).toBe(0);
    await refund(exampleRefund(902, 5001, "10.00", "2026-03-03T10:00:00Z"));
    await expectAccount(ADA, { balance: 2, pending: 0 });
  });

  it("GIVEN release on fulfilment WHEN the pending order is fulfilled THEN its points become spendable at once", async () => {
    await givenInstalledShop();
    await setProgram({ pendingDays: 30, releaseOnFulfilment: true });
    const placed = new Date(Date.now() - DAY).toISOString();
    const paid = exampleOrder({ processed_at: placed, created_at: placed, updated_at: placed, fulfillment_status: null });
    await order(paid);
    await expectAccount(ADA, { balance: 0, pending: 25 });
    await order({ ...paid, fulfillment_status: "fulfilled", updated_at: new Date().toISOString() }, "orders/updated");
    await expectAccount(ADA, { balance: 25, pending: 0 });
  });

  it("GIVEN a 30-day inactivity expiry WHEN the job runs before and after THEN the upcoming expiry is shown, then the balance expires once", async () => {
    await givenInstalledShop();
    await setProgram({ expiryDays: 30 });
    await order(exampleOrder());
    const account = await getAccount(SHOP, ADA);
    expect(account.expiresAt!.getTime()).toBe(account.lastActivityAt!.getTime() + 30 * DAY);
    expect(await expireInactiveAccounts(SHOP, new Date(Date.now() + 29 * DAY))).toBe(0);
    await expectAccount(ADA, { balance: 25 });
    expect(await expireInactiveAccounts(SHOP, new Date(Date.now() + 31 * DAY))).toBe(1);
    expect(await expireInactiveAccounts(SHOP, new Date(Date.now() + 32 * DAY))).toBe(0);
    await expectAccount(ADA, { balance: 0 });
    expect((await getAccount(SHOP, ADA)).expiresAt).toBeNull();
    expect(await postingsOf(ADA)).toEqual([
      ["earn:order", 25, "available"],
      ["expire", -25, "available"],
    ]);
  });

  it("GIVEN manual adjustments WHEN made THEN each carries its reason and staff member, a removal beyond the balance is refused, a bad field is named", async () => {
    await givenInstalledShop();
    await order(exampleOrder());
    await adjustPoints({
      shop: SHOP,
      customerGid: ADA,
      points: 40,
      note: "Birthday gift",
      staff: "gid://shopify/StaffMember/7",
      idempotencyKey: "f1",
    });
    await adjustPoints({
      shop: SHOP,
      customerGid: ADA,
      points: 40,
      note: "Birthday gift",
      staff: "gid://shopify/StaffMember/7",
      idempotencyKey: "f1",
    });
    await expectAccount(ADA, { balance: 65 });
    await expect(adjustPoints({ shop: SHOP, customerGid: ADA, points: -66, note: "Too much", staff: "s" })).rejects.toThrow(
      InsufficientPointsError,
    );
    await expectAccount(ADA, { balance: 65 });
    await adjustPoints({ shop: SHOP, customerGid: ADA, points: -65, note: "Fraud", staff: "s" });
    await expectAccount(ADA, { balance: 0 });
    await expect(adjustPoints({ shop: SHOP, customerGid: ADA, points: 5, note: "  ", staff: "s" })).rejects.toMatchObject({
      field: "note",
    });
    await expect(adjustPoints({ shop: SHOP, customerGid: ADA, points: 1.5, note: "x", staff: "s" })).rejects.toThrow(InvalidInputError);
    const adjust = await prisma.ledgerEntry.findFirstOrThrow({ where: { reason: "adjust", points: 40 } });
    expect(adjust).toMatchObject({ note: "Birthday gift", staff: "gid://shopify/StaffMember/7" });
  });

  it("GIVEN 25 points WHEN 20 removals of 5 race THEN exactly 5 succeed and the balance is never negative", async () => {
    await givenInstalledShop();
    await order(exampleOrder());
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => adjustPoints({ shop: SHOP, customerGid: ADA, points: -5, note: `race ${i}`, staff: "s" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(
      results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof InsufficientPointsError),
    ).toBe(true);
    await expectAccount(ADA, { balance: 0 });
  });

  it("GIVEN an account row out of step with its postings WHEN checked (function and CLI) THEN the mismatch is reported", async () => {
    await givenInstalledShop();
    await order(exampleOrder());
    const cli = () =>
      promisify(execFile)("npx", ["tsx", "app/loyalty/check.cli.ts", "--shop", SHOP], { env: process.env }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    expect(await cli()).toMatchObject({ code: 0, out: expect.stringContaining("1 accounts, 1 postings, 0 mismatches") });
    await prisma.loyaltyAccount.updateMany({ where: { customerGid: ADA }, data: { balance: 30 } });
    expect((await checkShopLedger(SHOP)).mismatches).toEqual([
      {
        customerGid: ADA,
        account: { balance: 30, pending: 0, lifetimeEarned: 25 },
        ledger: { balance: 25, pending: 0, lifetimeEarned: 25 },
      },
    ]);
    expect(await cli()).toMatchObject({ code: 1, out: expect.stringContaining("1 mismatches") });
  }, 90_000);
});
