import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.loyalty_.tiers";
import type { TierSetupDraft } from "../../app/loyalty/tiers/tier-form";
import { adminDataRequest, settle } from "../helpers/admin-request";
import { customerGid, givenCustomers } from "../helpers/hand-made-customers";
import { drain, givenInstalledShop } from "../helpers/inbox";
import { SHOP } from "../helpers/webhook-request";

const args = (request: Request) => ({ request, params: {}, context: {} });
const post = async (body: Record<string, unknown>) =>
  settle(async () =>
    action(
      args(
        await adminDataRequest("/app/loyalty/tiers", {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "Content-Type": "application/json" },
        }),
      ),
    ),
  );
const load = async () =>
  (await settle(async () => loader(args(await adminDataRequest("/app/loyalty/tiers"))))) as Awaited<ReturnType<typeof loader>>;
const gold = (threshold: string, extra: Record<string, unknown> = {}) => ({
  id: null,
  name: "Gold",
  threshold,
  earnMultiplierPct: "150",
  customerTag: "",
  freeShipping: true,
  ...extra,
});
const draft = (tiers: unknown[]): TierSetupDraft => ({ metric: "spend", window: "rolling12", retentionDays: "0", tiers: tiers as never });

describe("VIP tiers admin page", () => {
  it("GIVEN a shop with customers WHEN the merchant simulates, fixes a field and saves THEN counts come before saving, errors are 422 field errors, and the job's progress shows", async () => {
    await givenInstalledShop();
    await givenCustomers([
      { legacyId: 1, orders: 1, grossMinor: 80_000, lastOrderDaysAgo: 5 },
      { legacyId: 2, orders: 1, grossMinor: 2_000, lastOrderDaysAgo: 5 },
    ]);
    expect(await load()).toMatchObject({ draft: { metric: "spend", tiers: [] }, currencyCode: "GBP", job: null });
    expect(await post({ intent: "simulate", ...draft([gold("500")]) })).toEqual({
      ok: true,
      simulation: { up: 1, down: 0, unchanged: 1, members: [1] },
    });
    const bad = (await post({ intent: "save", ...draft([gold("five hundred")]) })) as Response;
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ ok: false, errors: { "tiers.0.threshold": "Enter an amount like 100 or 250.50" } });
    expect(await prisma.loyaltyTier.count()).toBe(0);
    expect(await post({ intent: "save", ...draft([gold("500")]) })).toMatchObject({ ok: true, jobId: expect.any(String) });
    expect((await load()).job).toMatchObject({ status: "queued" });
    await drain();
    const view = await load();
    expect(view.draft.tiers).toEqual([{ ...gold("500.00"), id: expect.any(String) }]);
    expect(view.job).toEqual({ status: "done", done: 1, total: 1, message: "1 of 1 customers moved (1 up, 0 down)" });
    const account = await prisma.loyaltyAccount.findUniqueOrThrow({
      where: { shop_customerGid: { shop: SHOP, customerGid: customerGid(1) } },
    });
    expect(account.tierId).toBe(view.draft.tiers[0]!.id);
  });
});
