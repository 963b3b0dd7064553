import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { parseTierSetup, type TierSetupDraft } from "../../app/loyalty/tiers/tier-form";
import { simulateTiers } from "../../app/loyalty/tiers/tier-moves.server";
import { saveTierSetup } from "../../app/loyalty/tiers/tier-setup.server";
import { getTierSetup } from "../../app/loyalty/tiers/tier-settings.server";
import type { StandinShop } from "../../dev/standin/store";
import { customerGid, givenCustomers, standinCustomers } from "../helpers/hand-made-customers";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { startStandinFor } from "../helpers/standin";
import { SHOP } from "../helpers/webhook-request";

// A hand-made shop whose answers are known: net spend in the last 12 months per customer.
const SPEND: Record<number, number> = { 1: 5_000, 2: 15_000, 3: 60_000, 4: 30_000, 5: 100_000, 6: 0 };
let standin: Awaited<ReturnType<typeof startStandinFor>>;
beforeAll(async () => {
  standin = await startStandinFor({ fill: standinCustomers(Object.keys(SPEND).map(Number)) as never });
});
afterAll(async () => standin?.close());

const tier = (name: string, threshold: string, extra: Record<string, unknown> = {}) => ({
  name,
  threshold,
  earnMultiplierPct: "100",
  customerTag: "",
  freeShipping: false,
  ...extra,
});
const setup = (tiers: TierSetupDraft["tiers"], extra: Partial<TierSetupDraft> = {}): TierSetupDraft => ({
  metric: "spend",
  window: "rolling12",
  retentionDays: "0",
  tiers,
  ...extra,
});
const tierNames = async () => {
  const { tiers } = await getTierSetup(SHOP);
  const accounts = await prisma.loyaltyAccount.findMany({ where: { shop: SHOP }, select: { customerGid: true, tierId: true } });
  const names = Object.fromEntries(accounts.map((a) => [a.customerGid, tiers.find((t) => t.id === a.tierId)?.name ?? null]));
  return Object.keys(SPEND).map((id) => names[customerGid(Number(id))] ?? null);
};
const shopTags = (shop: StandinShop) => Object.keys(SPEND).map((id) => shop.customers.get(Number(id))!.tags.join(","));

async function givenShop() {
  await givenInstalledShop();
  await givenCustomers(
    Object.entries(SPEND).map(([id, spend]) => ({ legacyId: Number(id), orders: spend ? 1 : 0, grossMinor: spend, lastOrderDaysAgo: 20 })),
  );
  // Bought £2,000 two years ago: outside the rolling 12 months.
  await prisma.order.create({
    data: {
      shop: SHOP,
      orderGid: "gid://shopify/Order/99",
      name: "#99",
      customerGid: customerGid(1),
      processedAt: new Date(Date.now() - 730 * 86_400_000),
      currencyCode: "GBP",
      subtotalMinor: 200_000n,
      totalMinor: 200_000n,
      sourceUpdatedAt: new Date(),
      ingestedVia: "webhook",
    },
  });
}

describe("VIP tiers: simulation on the real customers and the recalculation job", () => {
  it("GIVEN customers with known spend WHEN tiers are first set up THEN the simulation counts the moves and the job applies exactly those, tags included", async () => {
    await givenShop();
    const first = parseTierSetup(setup([tier("Silver", "100"), tier("Gold", "500", { customerTag: "vip-gold" })]), "GBP");
    expect(await simulateTiers(SHOP, first)).toEqual({ up: 4, down: 0, unchanged: 2, members: [2, 2] });
    await saveTierSetup(SHOP, first);
    await drain();
    expect(await tierNames()).toEqual([null, "Silver", "Gold", "Silver", "Gold", null]);
    expect(shopTags(standin.shop)).toEqual(["", "", "vip-gold", "", "vip-gold", ""]);
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "loyalty-tiers", status: "done" } });
    expect(JSON.parse(job.progress!)).toMatchObject({ done: 4, total: 4, message: "4 of 4 customers moved (4 up, 0 down)" });
    // The saved setup simulated again moves no one; the same tiers re-created as new ones would "move" their members.
    expect(await simulateTiers(SHOP, await getTierSetup(SHOP))).toEqual({ up: 0, down: 0, unchanged: 6, members: [2, 2] });
    expect(await simulateTiers(SHOP, first)).toMatchObject({ unchanged: 2 });
  });

  it("GIVEN tiers in place WHEN the merchant edits thresholds and adds a tier THEN the simulation shows who moves up and down, and saving applies exactly that", async () => {
    await givenShop();
    await saveTierSetup(SHOP, parseTierSetup(setup([tier("Silver", "100"), tier("Gold", "500", { customerTag: "vip-gold" })]), "GBP"));
    await drain();
    const { tiers } = await getTierSetup(SHOP);
    const [silver, gold] = tiers.map((t) => ({ ...tier(t.name, ""), id: t.id }));
    const edited = parseTierSetup(
      setup([
        { ...silver!, threshold: "200" },
        { ...gold!, threshold: "250", customerTag: "vip-gold" },
        tier("Platinum", "800", { customerTag: "vip-platinum" }),
      ]),
      "GBP",
    );
    // £150 Silver → none (down); £300 Silver → Gold (up); £1,000 Gold → Platinum (up); the rest stay.
    expect(await simulateTiers(SHOP, edited)).toEqual({ up: 2, down: 1, unchanged: 3, members: [0, 2, 1] });
    await saveTierSetup(SHOP, edited);
    await drain();
    expect(await tierNames()).toEqual([null, null, "Gold", "Gold", "Platinum", null]);
    expect(shopTags(standin.shop)).toEqual(["", "", "vip-gold", "vip-gold", "vip-platinum", ""]);
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "loyalty-tiers", status: "done" }, orderBy: { finishedAt: "desc" } });
    expect(JSON.parse(job.progress!).message).toBe("3 of 3 customers moved (2 up, 1 down)");
  });

  it("GIVEN a 30-day retention WHEN a tier is removed and thresholds rise THEN recent members keep their tier; without retention, losing a removed tier is a move down", async () => {
    await givenShop();
    await saveTierSetup(SHOP, parseTierSetup(setup([tier("Silver", "100"), tier("Gold", "500")]), "GBP"));
    await drain();
    const [silver, gold] = (await getTierSetup(SHOP)).tiers;
    const goldOnly = (retentionDays: string) =>
      parseTierSetup(setup([{ ...tier("Gold", "250"), id: gold!.id }, tier("Platinum", "800")], { retentionDays }), "GBP");
    // Silver removed: £150 falls to none (down), £300 rises to Gold (up); £1,000 Gold → Platinum (up).
    expect(await simulateTiers(SHOP, goldOnly("0"))).toEqual({ up: 2, down: 1, unchanged: 3, members: [2, 1] });
    // Raising Gold to £700 with a 30-day retention: the £600 Gold member, in Gold since today, stays.
    const raised = parseTierSetup(
      setup(
        [
          { ...tier("Silver", "100"), id: silver!.id },
          { ...tier("Gold", "700"), id: gold!.id },
        ],
        { retentionDays: "30" },
      ),
      "GBP",
    );
    expect(await simulateTiers(SHOP, raised)).toMatchObject({ down: 0 });
    const noRetention = parseTierSetup(
      setup([
        { ...tier("Silver", "100"), id: silver!.id },
        { ...tier("Gold", "700"), id: gold!.id },
      ]),
      "GBP",
    );
    expect(await simulateTiers(SHOP, noRetention)).toMatchObject({ down: 1 });
  });

  it("GIVEN the tier editor's form WHEN fields are wrong THEN each is named", async () => {
    const attempt = (draft: TierSetupDraft) => {
      try {
        parseTierSetup(draft, "GBP");
      } catch (error) {
        return Object.keys((error as { fields: Record<string, string> }).fields).sort();
      }
      return [];
    };
    expect(
      attempt(
        setup([tier("", "100"), tier("Gold", "12.345"), tier("gold", "0", { earnMultiplierPct: "50", customerTag: "a,b" })], {
          window: "forever",
        }),
      ),
    ).toEqual(["tiers.0.name", "tiers.1.threshold", "tiers.2.customerTag", "tiers.2.earnMultiplierPct", "tiers.2.threshold", "window"]);
    expect(attempt(setup([tier("Silver", "100"), tier("silver", "100")]))).toEqual(["tiers.1.name", "tiers.1.threshold"]);
    expect(attempt(setup([tier("Stars", "1500.5")], { metric: "points" }))).toEqual(["tiers.0.threshold"]);
  });
});
