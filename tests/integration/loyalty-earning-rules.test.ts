import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as orders } from "../../app/routes/webhooks.orders";
import { action as refunds } from "../../app/routes/webhooks.refunds";
import { action as customers } from "../../app/routes/webhooks.customers";
import { grantBirthdayBonuses } from "../../app/loyalty/program/bonuses.server";
import { setBirthday } from "../../app/loyalty/program/birthday.server";
import { deliverAndApply, givenInstalledShop } from "../helpers/inbox";
import { exampleOrder, SHOP, shopifyExample } from "../helpers/webhook-request";
import { exampleRefund, expectAccount, postingsOf } from "../helpers/loyalty";

const ADA = "gid://shopify/Customer/17850";
let hook = 0;
const order = (body: Record<string, any>, topic = "orders/paid") =>
  deliverAndApply(orders, "/webhooks/orders", topic, body, { webhookId: `o-${++hook}` });
const refund = (body: Record<string, any>) =>
  deliverAndApply(refunds, "/webhooks/refunds", "refunds/create", body, { webhookId: `r-${++hook}` });
const setProgram = (data: Record<string, unknown>) =>
  prisma.loyaltyProgram.upsert({ where: { shop: SHOP }, create: { shop: SHOP, ...data }, update: data });
const ada = (overrides: Record<string, unknown> = {}) => ({
  ...shopifyExample("customers/create"),
  id: 17850,
  admin_graphql_api_id: ADA,
  email: "ada@example.com",
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
  ...overrides,
});

// Shopify's example order, ours: product 701 £5.10 + product 702 £20.88 (+1p unallocated) = £25.99
// of merchandise, £10.00 shipping, no tax.
describe("earning rules: base, multipliers, tier multiplier, bonuses", () => {
  it("GIVEN shipping included, product 701 at 300 % and a Gold customer at ×1.5 WHEN the order is paid and half refunded THEN earning and clawback follow the snapshot", async () => {
    await givenInstalledShop();
    await setProgram({
      includeShipping: true,
      multipliers: JSON.stringify([{ targetGid: "gid://shopify/Product/701", multiplierPct: 300 }]),
    });
    const gold = await prisma.loyaltyTier.create({ data: { shop: SHOP, name: "Gold", threshold: 1n, earnMultiplierPct: 150 } });
    await prisma.loyaltyAccount.create({ data: { shop: SHOP, customerGid: ADA, tierId: gold.id } });
    await order(exampleOrder());
    // (5.10 × 3 + 20.88 + 0.01 + 10.00) × 1.5 = 46.19 × 1.5 = 69.285 → 69
    await expectAccount(ADA, { balance: 69 });
    const earning = await prisma.ledgerEntry.findFirstOrThrow({ where: { shop: SHOP, reason: "earn:order" } });
    expect(earning).toMatchObject({ basisMinor: 3599n, rate: 1, weightedBasis: 4619n * 100n * 150n });
    // The merchant then drops every multiplier: the refund still uses the rule in force when earned.
    await setProgram({ includeShipping: false, multipliers: "[]" });
    await prisma.loyaltyTier.delete({ where: { id: gold.id } });
    // £17.99 of the £35.99 base refunded: 18/35.99 of the weighted base left → ⌊34.65…⌋ = 34 kept, 35 taken.
    await refund(exampleRefund(901, 5001, "17.99"));
    await expectAccount(ADA, { balance: 34 });
  });

  it("GIVEN a gift card line WHEN paid THEN it earns nothing by default, and its share when gift cards are included", async () => {
    await givenInstalledShop();
    const withGiftCard = (id: number) => {
      const o = exampleOrder({ id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${id}` });
      o.line_items[1] = { ...o.line_items[1], gift_card: true };
      return o;
    };
    await order(withGiftCard(5001));
    await expectAccount(ADA, { balance: 5 }); // £25.99 − £20.88 of gift card = £5.11
    await setProgram({ includeGiftCards: true });
    await order(withGiftCard(5002));
    await expectAccount(ADA, { balance: 5 + 25 });
    expect(await prisma.orderLine.count({ where: { shop: SHOP, giftCard: true } })).toBe(2);
  });

  it("GIVEN a first-order bonus WHEN the customer's first order is paid, re-delivered, then a second order THEN one bonus; a cancelled first order takes it back", async () => {
    await givenInstalledShop();
    await setProgram({ firstOrderBonus: 50 });
    await order(exampleOrder());
    await order(exampleOrder(), "orders/updated");
    await order(
      exampleOrder({ id: 5002, admin_graphql_api_id: "gid://shopify/Order/5002", name: "#5002", processed_at: "2026-04-01T10:00:00Z" }),
    );
    await expectAccount(ADA, { balance: 25 + 50 + 25 });
    expect((await postingsOf(ADA)).filter(([reason]) => reason === "earn:first-order")).toEqual([["earn:first-order", 50, "available"]]);
    await order(exampleOrder({ cancelled_at: "2026-03-05T10:00:00Z" }), "orders/cancelled");
    await order(exampleOrder({ cancelled_at: "2026-03-05T10:00:00Z" }), "orders/cancelled");
    await expectAccount(ADA, { balance: 25 });
  });

  it("GIVEN a customer who bought before the install WHEN their next order is paid THEN no first-order bonus", async () => {
    await givenInstalledShop({ installedAt: new Date("2026-01-01T00:00:00Z") });
    await setProgram({ firstOrderBonus: 50 });
    await order(exampleOrder({ processed_at: "2025-06-01T10:00:00Z" })); // history only
    await order(
      exampleOrder({ id: 5002, admin_graphql_api_id: "gid://shopify/Order/5002", name: "#5002", processed_at: "2026-04-01T10:00:00Z" }),
    );
    await expectAccount(ADA, { balance: 25 });
  });

  it("GIVEN a sign-up bonus WHEN a customer created since the install arrives (twice) THEN one bonus; a customer from before the install gets none", async () => {
    await givenInstalledShop({ installedAt: new Date("2026-01-01T00:00:00Z") });
    await setProgram({ signupBonus: 100 });
    await deliverAndApply(customers, "/webhooks/customers", "customers/create", ada(), { webhookId: "c-1" });
    await deliverAndApply(customers, "/webhooks/customers", "customers/update", ada({ updated_at: "2026-03-02T10:00:00Z" }), {
      webhookId: "c-2",
    });
    await expectAccount(ADA, { balance: 100 });
    expect(await prisma.ledgerEntry.findMany({ where: { shop: SHOP }, select: { idempotencyKey: true, reason: true } })).toEqual([
      { idempotencyKey: `customer:${ADA}:signup`, reason: "earn:signup" },
    ]);
    const old = "gid://shopify/Customer/17851";
    await deliverAndApply(
      customers,
      "/webhooks/customers",
      "customers/create",
      ada({ id: 17851, admin_graphql_api_id: old, created_at: "2024-05-01T10:00:00Z" }),
      {
        webhookId: "c-3",
      },
    );
    await expectAccount(old, { balance: 0 });
  });

  it("GIVEN birthdays entered WHEN the job runs on the day (twice), the next day and a year later THEN one bonus per customer per year; 29 February counts on 28 February", async () => {
    await givenInstalledShop();
    await setProgram({ birthdayBonus: 200 });
    const leapling = "gid://shopify/Customer/17852";
    await setBirthday(SHOP, ADA, 2, 28);
    await setBirthday(SHOP, leapling, 2, 29);
    await expect(setBirthday(SHOP, ADA, 2, 30)).rejects.toThrow(/day in that month/);
    await expect(setBirthday(SHOP, ADA, 13, 1)).rejects.toThrow(/month/);
    expect(await grantBirthdayBonuses(SHOP, new Date("2027-02-28T09:00:00Z"))).toBe(2);
    expect(await grantBirthdayBonuses(SHOP, new Date("2027-02-28T15:00:00Z"))).toBe(0);
    expect(await grantBirthdayBonuses(SHOP, new Date("2027-03-01T09:00:00Z"))).toBe(0);
    // 2028 is a leap year: Ada on the 28th, the leapling on the 29th.
    expect(await grantBirthdayBonuses(SHOP, new Date("2028-02-28T09:00:00Z"))).toBe(1);
    expect(await grantBirthdayBonuses(SHOP, new Date("2028-02-29T09:00:00Z"))).toBe(1);
    await expectAccount(ADA, { balance: 400 });
    await expectAccount(leapling, { balance: 400 });
    await setProgram({ enabled: false });
    expect(await grantBirthdayBonuses(SHOP, new Date("2029-02-28T09:00:00Z"))).toBe(0);
  });
});
