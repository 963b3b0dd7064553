import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.loyalty";
import { adjustPoints } from "../../app/loyalty/accounts.server";
import { adminDataRequest, givenInstalledSession, settle } from "../helpers/admin-request";
import { SHOP } from "../helpers/webhook-request";
import { expectAccount } from "../helpers/loyalty";

const ADA = "gid://shopify/Customer/17850";
const args = (request: Request) => ({ request, params: {}, context: {} });
const post = async (fields: Record<string, string>) =>
  (await settle(async () =>
    action(args(await adminDataRequest("/app/loyalty", { method: "POST", body: new URLSearchParams(fields) }))),
  )) as
    | Response
    | {
        ok: Record<string, unknown>;
      };
const load = async (query = "") =>
  (await settle(async () => loader(args(await adminDataRequest(`/app/loyalty${query}`))))) as Awaited<ReturnType<typeof loader>>;

describe("loyalty admin page", () => {
  it("GIVEN the rewards form WHEN a field is wrong THEN a Polaris field error names it (422, never a 500); a valid reward is listed", async () => {
    await givenInstalledSession();
    await prisma.shop.create({ data: { shop: SHOP, currencyCode: "GBP" } });
    for (const [fields, field] of [
      [{ title: "", kind: "amount_off", pointsCost: "100", amount: "5" }, "title"],
      [{ title: "£5", kind: "amount_off", pointsCost: "abc", amount: "5" }, "pointsCost"],
      [{ title: "£5", kind: "amount_off", pointsCost: "100", amount: "" }, "amount"],
      [{ title: "£5", kind: "amount_off", pointsCost: "100", amount: "5.001" }, "amount"],
      [{ title: "10%", kind: "percentage_off", pointsCost: "100", percentage: "101" }, "percentage"],
      [{ title: "Mug", kind: "free_product", pointsCost: "100", variantGid: "mug" }, "variantGid"],
      [{ title: "?", kind: "cash", pointsCost: "100" }, "kind"],
    ] as const) {
      const response = (await post({ intent: "createReward", ...fields })) as Response;
      expect(response.status).toBe(422);
      expect(Object.keys((await response.json()).errors)).toEqual([field]);
    }
    expect(await post({ intent: "createReward", title: "£5 off", kind: "amount_off", pointsCost: "500", amount: "5" })).toMatchObject({
      ok: { reward: { amountMinor: 500 } },
    });
    expect((await load()).rewards).toMatchObject([{ title: "£5 off", pointsCost: 500, enabled: true }]);
  });

  it("GIVEN a customer's account WHEN the merchant adjusts it THEN reason and staff member are recorded, bad input and overdrafts are field errors, and redemptions show", async () => {
    await givenInstalledSession();
    await adjustPoints({ shop: SHOP, customerGid: ADA, points: 30, note: "opening", staff: "test" });
    expect(((await post({ intent: "adjust", customer: "17850", points: "10", note: " " })) as Response).status).toBe(422);
    const over = (await post({ intent: "adjust", customer: "17850", points: "-31", note: "fraud" })) as Response;
    expect(await over.json()).toMatchObject({ errors: { points: expect.stringMatching(/more points than/) } });
    expect(await post({ intent: "adjust", customer: "17850", points: "-10", note: "Duplicate order" })).toMatchObject({
      ok: { adjusted: { balance: 20 } },
    });
    await expectAccount(ADA, { balance: 20 });
    const view = await load("?customer=17850");
    expect(view.account).toMatchObject({ balance: 20, customerGid: ADA });
    expect(view.postings[0]).toMatchObject({
      reason: "adjust",
      points: -10,
      note: "Duplicate order",
      staff: expect.stringMatching(/^gid:\/\/shopify\/StaffMember\/\d+$/),
    });
    expect((await load("?customer=not-a-customer")).customerError).toMatch(/customer's id/);
    await prisma.redemption.create({
      data: {
        shop: SHOP,
        customerGid: ADA,
        rewardId: "r1",
        pointsCost: 100,
        idempotencyKey: "k",
        code: "RAPPORT-ABCDEFGHJK",
        status: "issued",
      },
    });
    expect((await load()).redemptions).toMatchObject([{ code: "RAPPORT-ABCDEFGHJK", status: "issued", customerGid: ADA }]);
  });
});
