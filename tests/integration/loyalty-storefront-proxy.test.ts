import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as birthdayRoute } from "../../app/routes/proxy.loyalty.birthday";
import { loader as panelRoute } from "../../app/routes/proxy.loyalty.panel";
import { adjustPoints } from "../../app/loyalty/accounts.server";
import { givenInstalledShop } from "../helpers/inbox";
import { appProxyRequest } from "../helpers/app-proxy-request";
import { settle } from "../helpers/admin-request";
import { SHOP } from "../helpers/webhook-request";

// The storefront panel's live parts and the birthday entry, through signed app-proxy requests.
const ADA = "gid://shopify/Customer/17850";

async function postBirthday(customerId: number | null, body: Record<string, unknown>) {
  const signed = appProxyRequest("loyalty/birthday", { customerId });
  const request = new Request(signed.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await settle(() => birthdayRoute({ request, params: {}, context: {} }))) as Response;
}
const panel = async (customerId: number | null) =>
  (await (await panelRoute({ request: appProxyRequest("loyalty/panel", { customerId }), params: {}, context: {} })).json()) as Record<
    string,
    any
  >;

describe("storefront loyalty panel and birthday", () => {
  it("GIVEN a shop earning 3 points per £1 WHEN a guest and a member open the panel THEN both see the rate in the shop's currency; only the member is asked for a birthday", async () => {
    await givenInstalledShop();
    await prisma.loyaltyProgram.create({ data: { shop: SHOP, pointsPerCurrencyUnit: 3 } });
    await adjustPoints({ shop: SHOP, customerGid: ADA, points: 40, note: "opening balance", staff: "test" });
    expect(await panel(null)).toMatchObject({ loggedIn: false, earn: { points: 3, currency: "GBP" } });
    expect(await panel(17850)).toMatchObject({ loggedIn: true, balance: 40, birthdaySet: false, earn: { points: 3, currency: "GBP" } });
  });

  it("GIVEN a signed-in shopper WHEN they enter 31 April, then 12 April THEN the bad day is named, the good one saved on their account only; a guest is refused", async () => {
    await givenInstalledShop();
    const bad = await postBirthday(17850, { month: 4, day: 31 });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ field: "birthDay" });
    expect((await postBirthday(17850, { month: 4, day: 12 })).status).toBe(200);
    expect(await prisma.loyaltyAccount.findFirstOrThrow({ where: { shop: SHOP, customerGid: ADA } })).toMatchObject({
      birthMonth: 4,
      birthDay: 12,
    });
    expect((await panel(17850)).birthdaySet).toBe(true);
    expect((await postBirthday(null, { month: 1, day: 1 })).status).toBe(401);
    expect(await prisma.loyaltyAccount.count({ where: { shop: SHOP } })).toBe(1);
  });
});
