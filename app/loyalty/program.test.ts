import { describe, expect, it } from "vitest";
import { DEFAULT_PROGRAM } from "./program";
import { InvalidFieldsError, parseProgramForm, programToForm } from "./program/program-form";

const DEFAULT_FORM = programToForm(DEFAULT_PROGRAM);

const errorsOf = (form: Record<string, string>) => {
  try {
    parseProgramForm(form);
  } catch (error) {
    if (error instanceof InvalidFieldsError) return error.fields;
    throw error;
  }
  return {};
};

describe("loyalty program settings form", () => {
  it("GIVEN the defaults as posted WHEN parsed THEN they are the default program", () => {
    expect(DEFAULT_FORM).toMatchObject({ enabled: "true", languages: "en", multipliers: "[]", expiryDays: "" });
    expect(parseProgramForm(DEFAULT_FORM)).toEqual(DEFAULT_PROGRAM);
  });

  it("GIVEN a full program WHEN parsed THEN every field is typed, and admin URLs become GIDs", () => {
    const form = {
      ...DEFAULT_FORM,
      enabled: "false",
      name: " VIP Club ",
      pointsLabel: "Stars",
      languages: "en,fr",
      pointsPerCurrencyUnit: "5",
      includeShipping: "true",
      signupBonus: "100",
      birthdayBonus: "250",
      firstOrderBonus: "50",
      multipliers: JSON.stringify([
        { targetGid: "https://admin.shopify.com/store/x/products/42", multiplierPct: "200" },
        { targetGid: "gid://shopify/Collection/7", multiplierPct: "0" },
      ]),
      pendingDays: "14",
      releaseOnFulfilment: "true",
      expiryDays: "365",
    };
    expect(parseProgramForm(form)).toEqual({
      ...DEFAULT_PROGRAM,
      enabled: false,
      name: "VIP Club",
      pointsLabel: "Stars",
      languages: ["en", "fr"],
      pointsPerCurrencyUnit: 5,
      includeShipping: true,
      signupBonus: 100,
      birthdayBonus: 250,
      firstOrderBonus: 50,
      multipliers: [
        { targetGid: "gid://shopify/Product/42", multiplierPct: 200 },
        { targetGid: "gid://shopify/Collection/7", multiplierPct: 0 },
      ],
      pendingDays: 14,
      releaseOnFulfilment: true,
      expiryDays: 365,
    });
  });

  it.each([
    ["pointsPerCurrencyUnit", "", /Enter how many points/],
    ["pointsPerCurrencyUnit", "2.5", /whole number, like/],
    ["pointsPerCurrencyUnit", "0", /from 1 to 1,000/],
    ["name", "  ", /Enter the program's name/],
    ["pointsLabel", "x".repeat(31), /under 30 characters/],
    ["languages", "", /at least one language/],
    ["languages.0", "klingon", /languages listed/],
    ["signupBonus", "-5", /whole number/],
    ["birthdayBonus", "100001", /0 to 100,000/],
    ["pendingDays", "400", /0 to 365/],
    ["expiryDays", "7", /30 to 3,650/],
    ["enabled", "yes", /on or off/],
    ["multipliers", "{oops", /could not be read/],
  ])("GIVEN %s = %j WHEN parsed THEN that field has an error", (field, value, message) => {
    const key = field.split(".")[0]!;
    expect(errorsOf({ ...DEFAULT_FORM, [key]: value })[field]).toMatch(message);
  });

  it("GIVEN several bad fields and a bad multiplier row WHEN parsed THEN each is named, the row by its index", () => {
    const fields = errorsOf({
      ...DEFAULT_FORM,
      name: "",
      signupBonus: "lots",
      multipliers: JSON.stringify([
        { targetGid: "gid://shopify/Product/1", multiplierPct: "150" },
        { targetGid: "shirt", multiplierPct: "5000" },
      ]),
    });
    expect(Object.keys(fields).sort()).toEqual(["multipliers.1.multiplierPct", "multipliers.1.targetGid", "name", "signupBonus"]);
  });
});
