import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { createPrismaClient } from "../../app/db-client.server";
import { adjustPoints } from "../../app/loyalty/accounts.server";
import { postEntries } from "../../app/loyalty/ledger.server";
import { saveLoyaltyProgram, getLoyaltyProgram } from "../../app/loyalty/program.server";
import { createReward, setRewardEnabled } from "../../app/loyalty/rewards.server";
import { programToForm } from "../../app/loyalty/program/program-form";
import { PROGRAM_TTL_MS } from "../../app/loyalty/storefront/panel-reads.server";
import { saveTierSetup } from "../../app/loyalty/tiers/tier-setup.server";
import { action as orders } from "../../app/routes/webhooks.orders";
import { serveFastProxy } from "../../app/storefront/fast-proxy.server";
import { appProxyRequest } from "../helpers/app-proxy-request";
import { deliverAndApply, givenInstalledShop } from "../helpers/inbox";
import { startStandinFor } from "../helpers/standin";
import { exampleOrder, SHOP } from "../helpers/webhook-request";

// The storefront's fast path keeps nothing per shopper, and the shop's side of the panel (rate, expiry,
// rewards, tiers) only until a change: each case asks through the production fast path (a real
// socket), changes something the way the app does, and asks again.
const ADA = "gid://shopify/Customer/17850";
const BOB = "gid://shopify/Customer/17851";
let server: Server;
let base = "";
let closeStandin: () => Promise<void>;

beforeAll(async () => {
  ({ close: closeStandin } = await startStandinFor());
  server = createServer((req, res) => {
    if (!serveFastProxy(req, res)) res.writeHead(404).end("not a fast path");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeStandin();
});
afterEach(() => vi.useRealTimers());

type Json = Record<string, any>;

async function ask(path: string, customerId: number | null, body?: Json): Promise<{ status: number; json: Json }> {
  const url = new URL(appProxyRequest(path, { customerId }).url);
  const response = await fetch(`${base}${url.pathname}${url.search}`, {
    method: body ? "POST" : "GET",
    ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json()) as Json };
}
const balance = async (customerId: number) => (await ask("loyalty", customerId)).json.balance as number;
const panel = async (customerId: number | null) => (await ask("loyalty/panel", customerId)).json;
const titles = (p: Json) => (p.rewards as { title: string }[]).map((r) => r.title);

describe("storefront proxy answers after changes", () => {
  it("GIVEN a member who saw her balance WHEN a paid order is processed THEN her next balance and panel show the points earned", async () => {
    await givenInstalledShop();
    await adjustPoints({ shop: SHOP, customerGid: ADA, points: 100, note: "opening balance", staff: "test" });
    expect(await balance(17850)).toBe(100);
    expect((await panel(17850)).activity).toHaveLength(1);

    await deliverAndApply(orders, "/webhooks/orders", "orders/paid", exampleOrder(), { webhookId: "fresh-order-1" });

    expect(await balance(17850)).toBe(125);
    const opened = await panel(17850);
    expect(opened).toMatchObject({ balance: 125, lifetimeEarned: 25 });
    expect(opened.activity[0]).toMatchObject({ reason: "earn:order", points: 25 });
  });

  it("GIVEN a member with the panel open WHEN she redeems through the fast path THEN her next answers show the debit and her code; another member's do not move", async () => {
    await givenInstalledShop();
    await adjustPoints({ shop: SHOP, customerGid: ADA, points: 250, note: "opening balance", staff: "test" });
    await adjustPoints({ shop: SHOP, customerGid: BOB, points: 250, note: "opening balance", staff: "test" });
    const reward = await createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "100", amount: "5" });
    expect(await panel(17850)).toMatchObject({ balance: 250, codes: [], rewards: [{ id: reward.id, affordable: true }] });
    expect(await balance(17851)).toBe(250);

    const redeemed = await ask("loyalty/redeem", 17850, { rewardId: reward.id, idempotencyKey: "fresh-redeem-1" });
    expect(redeemed).toMatchObject({ status: 200, json: { status: "issued", balance: 150 } });

    expect(await balance(17850)).toBe(150);
    const after = await panel(17850);
    expect(after).toMatchObject({ balance: 150, codes: [{ code: redeemed.json.code, pointsCost: 100 }] });
    expect(after.activity[0]).toMatchObject({ reason: "redeem", points: -100 });
    expect(await panel(17851)).toMatchObject({ balance: 250, codes: [] });
  });

  it("GIVEN the shop's side of the panel kept in this process WHEN the merchant adds and switches off rewards, changes the rate and saves tiers THEN the next panel shows each change", async () => {
    await givenInstalledShop();
    await adjustPoints({ shop: SHOP, customerGid: ADA, points: 500, note: "opening balance", staff: "test" });
    const five = await createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "100", amount: "5" });
    expect(titles(await panel(17850))).toEqual(["£5 off"]);

    await createReward(SHOP, { title: "£10 off", kind: "amount_off", pointsCost: "200", amount: "10" });
    expect(titles(await panel(17850))).toEqual(["£5 off", "£10 off"]);

    await setRewardEnabled(SHOP, five.id, false);
    expect(titles(await panel(null))).toEqual(["£10 off"]);

    await saveLoyaltyProgram(SHOP, { ...programToForm(await getLoyaltyProgram(SHOP)), pointsPerCurrencyUnit: "7" });
    expect((await panel(17850)).earn).toEqual({ points: 7, currency: "GBP" });

    await saveTierSetup(SHOP, {
      criteria: { metric: "points", window: "lifetime", retentionDays: 0 },
      tiers: [{ id: null, name: "Gold", threshold: 1000n, earnMultiplierPct: 100, customerTag: null, freeShipping: false }],
    });
    const gold = await prisma.loyaltyTier.findFirstOrThrow({ where: { shop: SHOP } });
    await createReward(SHOP, { title: "Gold £20 off", kind: "amount_off", pointsCost: "300", amount: "20", tierId: gold.id });
    expect((await panel(17850)).rewards.at(-1)).toMatchObject({ title: "Gold £20 off", affordable: false, tier: "Gold" });
  });

  it("GIVEN the shop's side kept WHEN another process changes the catalogue and a balance THEN the balance shows at once and the catalogue once PROGRAM_TTL_MS has passed", async () => {
    await givenInstalledShop();
    await adjustPoints({ shop: SHOP, customerGid: ADA, points: 40, note: "opening balance", staff: "test" });
    await createReward(SHOP, { title: "£5 off", kind: "amount_off", pointsCost: "100", amount: "5" });
    expect(await panel(17850)).toMatchObject({ balance: 40 });

    // Another process: its own client on the same database; this process hears nothing of its writes.
    const other = createPrismaClient(process.env.DATABASE_URL!);
    try {
      await other.loyaltyReward.create({ data: { shop: SHOP, title: "£10 off", kind: "amount_off", pointsCost: 200, amountMinor: 1000 } });
      await other.$transaction((tx) =>
        postEntries(tx, [
          { shop: SHOP, customerGid: ADA, points: 60, reason: "adjust", idempotencyKey: "other-process-1", note: "x", staff: "y" },
        ]),
      );
    } finally {
      await other.$disconnect();
    }

    const now = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now });
    const soon = await panel(17850);
    expect(soon).toMatchObject({ balance: 100 });
    expect(await balance(17850)).toBe(100);
    expect(titles(soon)).toContain("£5 off");

    vi.setSystemTime(now + PROGRAM_TTL_MS + 1);
    expect(titles(await panel(17850))).toEqual(["£5 off", "£10 off"]);
  });
});
