import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.loyalty_.settings";
import { getLoyaltyProgram } from "../../app/loyalty/program.server";
import { DEFAULT_PROGRAM } from "../../app/loyalty/program";
import { programToForm } from "../../app/loyalty/program/program-form";
import { adminDataRequest, givenInstalledSession, settle } from "../helpers/admin-request";
import { SHOP } from "../helpers/webhook-request";

const args = (request: Request) => ({ request, params: {}, context: {} });
const post = async (fields: Record<string, string>) =>
  settle(async () => action(args(await adminDataRequest("/app/loyalty/settings", { method: "POST", body: new URLSearchParams(fields) }))));
const load = async () =>
  (await settle(async () => loader(args(await adminDataRequest("/app/loyalty/settings"))))) as { form: Record<string, string> };

describe("loyalty program settings page", () => {
  it("GIVEN a new shop WHEN the page loads THEN the form holds the default program", async () => {
    await givenInstalledSession();
    expect((await load()).form).toEqual(programToForm(DEFAULT_PROGRAM));
  });

  it("GIVEN bad fields WHEN saved THEN 422 names every one as a field error (never a 500) and nothing is saved", async () => {
    await givenInstalledSession();
    const form = {
      ...programToForm(DEFAULT_PROGRAM),
      pointsPerCurrencyUnit: "abc",
      pointsLabel: "",
      languages: "en,xx",
      expiryDays: "3",
      multipliers: JSON.stringify([{ targetGid: "a shirt", multiplierPct: "150" }]),
    };
    const response = (await post(form)) as Response;
    expect(response.status).toBe(422);
    const { errors } = await response.json();
    expect(Object.keys(errors).sort()).toEqual([
      "expiryDays",
      "languages.1",
      "multipliers.0.targetGid",
      "pointsLabel",
      "pointsPerCurrencyUnit",
    ]);
    expect(await prisma.loyaltyProgram.count()).toBe(0);
    // A form with fields missing altogether (a hand-made post) is a field error too, not a crash.
    const bare = (await post({ pointsPerCurrencyUnit: "5" })) as Response;
    expect(bare.status).toBe(422);
    expect((await bare.json()).errors).toMatchObject({ name: expect.any(String), enabled: expect.any(String) });
  });

  it("GIVEN a full program WHEN saved THEN it is stored, read back by the page and by the earning code", async () => {
    await givenInstalledSession();
    const settings = {
      ...DEFAULT_PROGRAM,
      name: "Star Club",
      pointsLabel: "Stars",
      languages: ["en", "fr"],
      pointsPerCurrencyUnit: 5,
      includeShipping: true,
      signupBonus: 100,
      birthdayBonus: 200,
      firstOrderBonus: 50,
      multipliers: [{ targetGid: "gid://shopify/Collection/9", multiplierPct: 200 }],
      pendingDays: 14,
      expiryDays: 365,
    };
    expect(await post(programToForm(settings))).toEqual({ saved: settings, errors: null });
    expect(await getLoyaltyProgram(SHOP)).toEqual(settings);
    expect((await load()).form).toEqual(programToForm(settings));
    const off = { ...settings, enabled: false };
    await post(programToForm(off));
    expect(await getLoyaltyProgram(SHOP)).toEqual(off);
  });
});
