import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../lib/errors";
import { parseProgramSettings } from "./program";

describe("loyalty program settings", () => {
  it("GIVEN a whole number WHEN parsed THEN it is the rate", () => {
    expect(parseProgramSettings({ pointsPerCurrencyUnit: " 5 " })).toEqual({ pointsPerCurrencyUnit: 5 });
  });

  it.each([
    ["", /Enter how many points/],
    ["abc", /whole number, like/],
    ["2.5", /whole number, like/],
    ["0", /from 1 to 1,000/],
    ["100000", /from 1 to 1,000/],
  ])("GIVEN %j WHEN parsed THEN a field error explains it", (value, message) => {
    const attempt = () => parseProgramSettings({ pointsPerCurrencyUnit: value });
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidInputError).field).toBe("pointsPerCurrencyUnit");
    }
  });
});
