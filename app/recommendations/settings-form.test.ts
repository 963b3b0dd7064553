import { describe, expect, it } from "vitest";
import { formFromSettings, settingsFromForm } from "./settings-form";
import { DEFAULT_SETTINGS, settingsSchema } from "./settings.server";

describe("personalization form", () => {
  it("GIVEN the form's flat fields WHEN read THEN blocks, fallbacks and rules become valid settings", () => {
    const form = {
      ...formFromSettings(DEFAULT_SETTINGS),
      "home.primary": "trending",
      "home.fallbacks": "for-you, similar",
      pin: "42, gid://shopify/Product/7",
      excludeWhere: "tag:sale\n",
      boost: "vendor:Clay:1.5",
      ratingWeight: "0.5",
    };
    const settings = settingsSchema.parse(settingsFromForm(form));
    expect(settings.blocks.home).toEqual({ primary: "trending", fallbacks: ["for-you", "similar"] });
    expect(settings.rules).toMatchObject({
      pin: ["gid://shopify/Product/42", "gid://shopify/Product/7"],
      excludeWhere: [{ field: "tag", value: "sale" }],
      boost: [{ field: "vendor", value: "Clay", factor: 1.5 }],
      ratingWeight: 0.5,
    });
    expect(settingsSchema.parse(settingsFromForm(formFromSettings(settings)))).toEqual(settings);
  });

  it("GIVEN an unknown strategy WHEN validated THEN the schema refuses it", () => {
    expect(settingsSchema.safeParse(settingsFromForm({ ...formFromSettings(DEFAULT_SETTINGS), "cart.primary": "magic" })).success).toBe(
      false,
    );
  });
});
