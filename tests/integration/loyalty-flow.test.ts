import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as orders } from "../../app/routes/webhooks.orders";
import { redeemReward } from "../../app/loyalty/redeem.server";
import { createReward } from "../../app/loyalty/rewards.server";
import { tierChanged } from "../../app/loyalty/flow/flow-triggers";
import { queueFlowTrigger } from "../../app/loyalty/flow/queue-flow-trigger.server";
import { onTierChanged } from "../../app/loyalty/flow/tier-changed.server";
import { enqueueJob } from "../../app/jobs/queue.server";
import { givenCustomers } from "../helpers/hand-made-customers";
import { givenSilverAndGold } from "../helpers/loyalty-tiers";
import type { StandinStore } from "../../dev/standin/store";
import { startStandinFor } from "../helpers/standin";
import { deliverAndApply, drain, givenInstalledShop } from "../helpers/inbox";
import { expectConsoleError } from "../helpers/console";
import { flowLifecycle, givenFlowWorkflows } from "../helpers/flow-lifecycle";
import { exampleOrder, SHOP } from "../helpers/webhook-request";

// Shopify Flow triggers declared as extensions (extensions/rapport-flow-*) and fired with
// flowTriggerReceive through the stand-in, which accepts only declared handles and their fields — for
// shops whose enabled workflows use them, as Flow's trigger lifecycle callbacks report.
let store: StandinStore;
let close: () => Promise<void>;
const ADA = 17850;

beforeAll(async () => {
  ({ store, close } = await startStandinFor({
    fill: (_store, shop) =>
      shop.customers.set(ADA, { id: ADA, email: "ada@example.com", firstName: "Ada", lastName: "L", metafields: {} } as never),
  }));
});
afterAll(async () => close?.());

const fired = () => store.requireShop(SHOP).flowTriggers ?? [];

describe("Shopify Flow triggers", () => {
  it("GIVEN a paid order (delivered twice) and a redemption WHEN the jobs run THEN points earned fires once with the balance, reward redeemed fires with the code", async () => {
    await givenInstalledShop();
    await givenFlowWorkflows();
    const before = fired().length;
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder(), { webhookId: "flow-o-1" });
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder(), { webhookId: "flow-o-2" });
    expect(fired().slice(before)).toEqual([
      {
        handle: "rapport-points-earned",
        payload: { customer_id: ADA, "Points earned": 25, "Points balance": 25 },
        receivedAt: expect.any(String),
      },
    ]);

    const reward = await createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "20", amount: "5" });
    const result = await redeemReward({
      shop: SHOP,
      customerGid: `gid://shopify/Customer/${ADA}`,
      rewardId: reward.id,
      idempotencyKey: "flow-redeem-1",
    });
    expect(result.status).toBe("issued");
    await drain();
    expect(fired().at(-1)).toMatchObject({
      handle: "rapport-reward-redeemed",
      payload: { customer_id: ADA, Reward: "£5 off", "Discount code": result.code, "Points spent": 20 },
    });
    expect(await prisma.job.count({ where: { kind: "flow-trigger", status: { not: "done" } } })).toBe(0);
  });

  it("GIVEN a trigger whose payload the stand-in refuses WHEN fired THEN the job keeps Shopify's reason and is retried, never silently done", async () => {
    await givenInstalledShop();
    await givenFlowWorkflows();
    await prisma.$transaction((tx) =>
      queueFlowTrigger(tx, SHOP, "tier:unknown-customer", tierChanged("gid://shopify/Customer/999", null, "Gold")),
    );
    await drain();
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "flow-trigger" } });
    expect(job.status).toBe("queued");
    expect(job.lastError).toContain("customer 999 not found");
  });

  it("GIVEN the tier recalculation moves Ada from Silver to Gold (and leaves Bob as he was) WHEN its transaction commits THEN tier changed fires once and her metafields are due again", async () => {
    await givenInstalledShop();
    await givenFlowWorkflows();
    const ada = `gid://shopify/Customer/${ADA}`;
    const change = { customerGid: ada, previous: "Silver", next: "Gold", cause: "recalc:run-1" };
    const same = { customerGid: "gid://shopify/Customer/2", previous: "Gold", next: "Gold", cause: "recalc:run-1" };
    await prisma.$transaction((tx) => onTierChanged(tx, SHOP, [change, same]));
    await prisma.$transaction((tx) => onTierChanged(tx, SHOP, [change])); // the same run, retried
    expect(await prisma.loyaltyMirrorMark.findMany({ select: { customerGid: true } })).toEqual([{ customerGid: ada }]);
    await drain();
    const tierEvents = fired().filter((f) => f.handle === "rapport-tier-changed" && f.payload.customer_id === ADA);
    expect(tierEvents.map((f) => f.payload)).toEqual([{ customer_id: ADA, "Previous tier": "Silver", "New tier": "Gold" }]);
  });

  it("GIVEN Ada spent £200 in the last year WHEN the tier recalculation runs THEN she moves into Silver, Flow hears it and her metafields are due again", async () => {
    await givenInstalledShop();
    await givenFlowWorkflows();
    await givenSilverAndGold();
    await givenCustomers([{ legacyId: ADA, orders: 1, grossMinor: 20_000, lastOrderDaysAgo: 3 }]);
    await prisma.loyaltyMirrorMark.deleteMany();
    await enqueueJob(prisma, { kind: "loyalty-tiers", shop: SHOP, key: `loyalty-tiers:${SHOP}` });
    await drain();
    expect(
      fired()
        .filter((f) => f.handle === "rapport-tier-changed")
        .at(-1)?.payload,
    ).toEqual({
      customer_id: ADA,
      "Previous tier": "",
      "New tier": "Silver",
    });
    expect(await prisma.loyaltyMirrorMark.count({ where: { customerGid: `gid://shopify/Customer/${ADA}` } })).toBe(1);
  });

  it("GIVEN no enabled workflow uses Rapport's triggers WHEN points are earned, a tier changes and a reward is redeemed THEN nothing is queued for Flow", async () => {
    await givenInstalledShop();
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder(), { webhookId: "flow-off-1" });
    await prisma.$transaction((tx) =>
      onTierChanged(tx, SHOP, [{ customerGid: `gid://shopify/Customer/${ADA}`, previous: null, next: "Gold", cause: "recalc:off" }]),
    );
    const reward = await createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "20", amount: "5" });
    const result = await redeemReward({
      shop: SHOP,
      customerGid: `gid://shopify/Customer/${ADA}`,
      rewardId: reward.id,
      idempotencyKey: "flow-off-r",
    });
    expect(result.status).toBe("issued");
    await drain();
    expect(await prisma.job.count({ where: { kind: "flow-trigger" } })).toBe(0);
    expect(await prisma.ledgerEntry.count({ where: { reason: "earn:order" } })).toBe(1); // the earning itself stands
  });

  it("GIVEN the merchant disables the workflow (and a late, older 'enabled' callback arrives after) WHEN points are earned THEN nothing fires", async () => {
    await givenInstalledShop();
    const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, s)).toISOString();
    expect((await flowLifecycle({ trigger: "rapport-points-earned", enabled: true, timestamp: at(0) })).status).toBe(200);
    expect((await flowLifecycle({ trigger: "Loyalty points earned", enabled: false, timestamp: at(2) })).status).toBe(200);
    const late = await flowLifecycle({ trigger: "rapport-points-earned", enabled: true, timestamp: at(1) });
    expect(await late.json()).toEqual({ handle: "rapport-points-earned", enabled: true, applied: false });
    expect(await prisma.flowTriggerUse.findMany({ select: { handle: true, enabled: true } })).toEqual([
      { handle: "rapport-points-earned", enabled: false },
    ]);
    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder(), { webhookId: "flow-disabled-1" });
    expect(await prisma.job.count({ where: { kind: "flow-trigger" } })).toBe(0);
  });

  it("GIVEN a forged signature, an unknown trigger, a body Flow would not send or a shop that never installed THEN the callback is refused and nothing is recorded", async () => {
    await givenInstalledShop();
    expectConsoleError(1); // authenticate.flow logs the invalid signature
    expect((await flowLifecycle({ trigger: "rapport-points-earned", enabled: true, hmac: "Zm9yZ2Vk" })).status).toBe(400);
    const unknown = await flowLifecycle({ trigger: "Add row to spreadsheet", enabled: true });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ field: "flow_trigger_definition_id" });
    const malformed = await flowLifecycle({ trigger: "", enabled: true, body: { shopify_domain: SHOP, has_enabled_flow: "yes" } });
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error).toContain("has_enabled_flow");
    expect((await flowLifecycle({ trigger: "rapport-points-earned", enabled: true, shop: "never-installed.myshopify.com" })).status).toBe(
      400,
    );
    expect(await prisma.flowTriggerUse.count()).toBe(0);
  });
});
